import { Region } from '../subgraphs/community/region.entity';
import { City } from './city';
import { charityTables, generateResources } from './charity';
import { generateRegions, generateStations } from './community';
import { readDivisions } from './divisions';
import { generateNeeds, generateProjectRound } from './linkage';
import { needHistoryTables } from './need-history';
import { generateOrganizations } from './organization';
import { Random } from './random';
import { table, type TableRows } from './rows';
import { generateSocialWork } from './socialwork';
import { generateVolunteering } from './volunteer';

export const SEED = 20210909;

export interface DatasetOptions {
  /** 1 = the city as reported; smaller values shrink the generated bulk, never the named facts. */
  scale: number;
}

/**
 * The default Yuxi dataset, deterministically from SEED, one society after another. Ids are assigned as rows
 * are made so rows can point at each other. The societies draw from one random sequence in this order, so
 * reordering the calls changes the city.
 */
export function generateYuxi({ scale }: DatasetOptions): TableRows[] {
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const random = new Random(SEED);
  const divisions = readDivisions();
  const regions = generateRegions(random, divisions);
  const city = new City(random, scale, regions);
  const community = generateStations(city, divisions);
  const organization = generateOrganizations(city, community.named);
  const socialWork = generateSocialWork(
    city,
    organization.organizations,
    community.stations,
    organization.named.yuanfang,
  );
  const volunteering = generateVolunteering(city, organization.organizations, community.named, organization.named);
  const needs = generateNeeds(city, volunteering.teams, organization.named.nuannuan);
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
