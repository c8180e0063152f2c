import type { EntityManager } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { groupSource, subtreeSource, type FigureTally, type TallyKey } from '../../db/figure-tally';
import { prefixGroups, prefixOf, regionPrefix } from '../../db/region-scope';
import { Region } from './region.entity';
import { ServiceStation, StationServiceRecord } from './station.entity';

/*
 * The community figures. No write path changes the census or the station service logs at run time (they come with
 * the dataset), so today these tallies are filled by the seed alone. A service-log entry does not hold its region
 * (its station does), so the region sum has no `keyOf`: countChange refuses such rows until a write path that adds
 * them also says where they count.
 */

/** The community figures of a region's whole subtree. */
@Entity()
export class CommunityRegionFigures {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionId!: string;

  @Column({ type: 'int', default: 0 })
  population!: number;

  @Column({ type: 'int', default: 0 })
  servedPersonTimes!: number;
}

/** The figures of one service station. */
@Entity()
export class CommunityStationFigures {
  @PrimaryColumn({ type: 'int' })
  stationId!: number;

  @Column({ type: 'int', default: 0 })
  servedPersonTimes!: number;
}

/**
 * Person-times served by the stations of each region's subtree, counted afresh: one GROUP BY on the stations' code
 * prefix per level of the batch (the service log holds the station, the station its region).
 */
async function freshServedPersonTimes(manager: EntityManager, keys: readonly TallyKey[]): Promise<number[]> {
  const codes = keys.map(String);
  const sums = new Map<string, number>();
  for (const group of prefixGroups(codes)) {
    const key = prefixOf('s.regionId', group.length);
    const rows: { k: string; v: number | string | null }[] = await manager
      .getRepository(StationServiceRecord)
      .createQueryBuilder('r')
      .innerJoin(ServiceStation, 's', 's.id = r.stationId')
      .select(key, 'k')
      .addSelect('SUM(r.personTimes)', 'v')
      .where('s.regionId BETWEEN :low AND :high', { low: group.low, high: group.high })
      .andWhere(`${key} IN (:...prefixes)`, { prefixes: group.prefixes })
      .groupBy('k')
      .getRawMany();
    for (const row of rows) sums.set(String(row.k), Number(row.v ?? 0));
  }
  return codes.map((code) => sums.get(regionPrefix(code)) ?? 0);
}

export const COMMUNITY_REGION_FIGURES: FigureTally = {
  name: 'community.region',
  entity: CommunityRegionFigures,
  keyProperty: 'regionId',
  bySubtree: true,
  figures: {
    population: subtreeSource({
      entity: Region,
      keyProperty: 'id',
      amountOf: (region) => region.ownPopulation,
      aggregate: (column) => `SUM(${column('ownPopulation')})`,
    }),
    servedPersonTimes: {
      entity: StationServiceRecord,
      sourceKeys: async (manager) =>
        (
          await manager
            .getRepository(ServiceStation)
            .createQueryBuilder('s')
            .select('s.regionId', 'k')
            .distinct(true)
            .innerJoin(StationServiceRecord, 'r', 'r.stationId = s.id')
            .getRawMany<{ k: string }>()
        ).map((row) => row.k),
      fresh: freshServedPersonTimes,
    },
  },
};

export const COMMUNITY_STATION_FIGURES: FigureTally = {
  name: 'community.station',
  entity: CommunityStationFigures,
  keyProperty: 'stationId',
  bySubtree: false,
  figures: {
    servedPersonTimes: groupSource({
      entity: StationServiceRecord,
      keyProperty: 'stationId',
      amountOf: (record) => record.personTimes,
      aggregate: (column) => `SUM(${column('personTimes')})`,
    }),
  },
};

export const COMMUNITY_FIGURES = [COMMUNITY_REGION_FIGURES, COMMUNITY_STATION_FIGURES];
