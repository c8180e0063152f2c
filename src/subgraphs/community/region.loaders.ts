import { byColumnLoader, byIdLoader } from '../../graphql/loaders';
import { loaderFor, REGION_BATCH_SIZE, type HubContext } from '../../graphql/context';
import { subtreeBounds } from '../../db/region-scope';
import { Region, RegionLevel, StationCoverage } from './region.entity';
import { ServiceStation, StationKind } from './station.entity';

export const regionById = (context: HubContext) => byIdLoader(context, Region, 'community.region');

export const regionChildren = (context: HubContext) => byColumnLoader(context, Region, 'community.region', 'parentId');

const COVERAGE_KIND: Partial<Record<RegionLevel, StationKind>> = {
  [RegionLevel.COUNTY]: StationKind.INCUBATION_CENTER,
  [RegionLevel.TOWNSHIP]: StationKind.SOCIAL_WORK_STATION,
  [RegionLevel.COMMUNITY]: StationKind.SOCIAL_WORK_ROOM,
};

/**
 * Coverage for a batch of regions in two statements: the units and the network stations inside the batch's
 * overall code range (at most a city's ~800 units), then counted per region in memory.
 */
export const regionStationCoverage = (context: HubContext) =>
  loaderFor<string, StationCoverage>(
    context,
    'community.stationCoverage',
    async (codes) => {
      const bounds = codes.map(subtreeBounds);
      const low = bounds.map((b) => b[0]).sort()[0];
      const high = bounds.map((b) => b[1]).sort()[bounds.length - 1];
      const units = await context.dataSource
        .getRepository(Region)
        .createQueryBuilder('r')
        .select(['r.id', 'r.level'])
        .where('r.id BETWEEN :low AND :high', { low, high })
        .getMany();
      const stations = await context.dataSource
        .getRepository(ServiceStation)
        .createQueryBuilder('s')
        .select(['s.regionId', 's.kind'])
        .where('s.regionId BETWEEN :low AND :high', { low, high })
        .andWhere('s.kind IN (:...kinds)', { kinds: Object.values(COVERAGE_KIND) })
        .getMany();
      const served = new Set(stations.map((s) => `${s.regionId}:${s.kind}`));
      return bounds.map(([from, to]) => {
        const tally = { COUNTY: [0, 0], TOWNSHIP: [0, 0], COMMUNITY: [0, 0] } as Record<string, [number, number]>;
        for (const unit of units) {
          const kind = COVERAGE_KIND[unit.level];
          if (!kind || unit.id < from || unit.id > to) continue;
          tally[unit.level][0] += 1;
          if (served.has(`${unit.id}:${kind}`)) tally[unit.level][1] += 1;
        }
        const [counties, withCenter] = tally.COUNTY;
        const [townships, withStation] = tally.TOWNSHIP;
        const [communities, withRoom] = tally.COMMUNITY;
        return {
          counties,
          countiesWithIncubationCenter: withCenter,
          townships,
          townshipsWithSocialWorkStation: withStation,
          communities,
          communitiesWithSocialWorkRoom: withRoom,
          complete: counties === withCenter && townships === withStation && communities === withRoom,
        };
      });
    },
    REGION_BATCH_SIZE,
  );
