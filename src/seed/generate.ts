import { Region } from '../subgraphs/community/region.entity';
import { City } from './city';
import { charityTables, generateResources } from './charity';
import { generateRegions, generateStations } from './community';
import { Contacts } from './contacts';
import { readDivisions } from './divisions';
import { generateNeeds, generateProjectRound } from './linkage';
import { Living } from './living';
import { needHistoryTables } from './need-history';
import { generateOrganizations } from './organization';
import { Random } from './random';
import { table, type TableRows } from './rows';
import { generateSocialWork } from './socialwork';
import { generateVolunteering } from './volunteer';

export const SEED = 20210909;

/**
 * Largest scale: 1 is the city as reported; above it every generated count grows by the factor over the same
 * regions (the benchmark's 4× city shows how each query's cost grows with the rows under one region).
 */
export const MAX_SCALE = 10;

export interface DatasetOptions {
  /** 1 = the city as reported; other values (up to MAX_SCALE) scale the generated bulk, never the named facts. */
  scale: number;
  /**
   * The moment the upcoming activities and open needs are dated from (default: the clock). Nothing else depends
   * on it; tests that compare those rows exactly pass a fixed one.
   */
  now?: Date;
}

/**
 * The default Yuxi dataset, deterministically from SEED, one society after another. Ids are assigned as rows
 * are made so rows can point at each other. The societies draw from one random sequence in this order, so
 * reordering the calls changes the city.
 */
export function generateYuxi({ scale, now = new Date() }: DatasetOptions): TableRows[] {
  if (!(scale > 0 && scale <= MAX_SCALE)) throw new Error(`scale must be in (0, ${MAX_SCALE}], got ${scale}`);
  const random = new Random(SEED);
  const divisions = readDivisions();
  const regions = generateRegions(random, divisions);
  const city = new City(random, scale, regions);
  const contacts = new Contacts(SEED, city);
  const living = new Living(SEED, city, now);
  const community = generateStations(city, divisions, contacts);
  const organization = generateOrganizations(city, community.named, contacts);
  const socialWork = generateSocialWork(
    city,
    organization.organizations,
    community.stations,
    organization.named.yuanfang,
  );
  const volunteering = generateVolunteering(
    city,
    organization.organizations,
    community.named,
    organization.named,
    living,
  );
  const needs = generateNeeds(city, volunteering.teams, organization.named.nuannuan, living);
  const resources = generateResources(city);
  const projects = generateProjectRound(
    city,
    organization.generated,
    organization.named.yigonglian,
    community.named.children,
  );
  const tables = [
    table(Region, regions),
    ...community.tables,
    ...organization.tables,
    ...socialWork,
    ...volunteering.tables,
    ...needs,
    ...projects.tables,
    ...charityTables(resources, projects.careWomenChildren.id),
  ];
  return [...tables, ...needHistoryTables(tables)];
}
