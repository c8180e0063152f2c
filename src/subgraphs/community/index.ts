import { COMMUNITY_FIGURES, CommunityRegionFigures, CommunityStationFigures } from './community.figures';
import type { SubgraphDefinition } from '../../federation/subgraph';
import { CommunityResourceListEntry, CommunityResourceListResolver } from './resource-list.extension';
import { CommunityNeed, CommunityNeedResolver } from './candidates';
import { Region } from './region.entity';
import { regionById } from './region.loaders';
import { RegionResolver } from './region.resolver';
import { ServiceStation, StationServiceRecord } from './station.entity';
import { stationById } from './station.loaders';
import { ServiceStationResolver } from './station.resolver';
import { Resident } from './resident.entity';
import { ResidentResolver } from './resident.resolver';
import { parseIntId } from '../../graphql/ids';
import { lookupWith } from '../../graphql/references';
import { isRegionCode } from '../../db/region-scope';
import { BadInputError } from '../../errors';

/** 社区: the region tree (division codes and census population), the service-station network, residents. */
export const communitySubgraph: SubgraphDefinition = {
  name: 'community',
  entities: [Region, ServiceStation, StationServiceRecord, Resident, CommunityRegionFigures, CommunityStationFigures],
  figures: COMMUNITY_FIGURES,
  resolvers: [
    RegionResolver,
    ServiceStationResolver,
    ResidentResolver,
    CommunityNeedResolver,
    CommunityResourceListResolver,
  ],
  orphanedTypes: [CommunityNeed, CommunityResourceListEntry],
  references: {
    ResourceListEntry: (ref) => ref,
    Need: (ref) => ref,
    Region: (ref, context) => regionById(context).load(ref.id),
    ServiceStation: (ref, context) => stationById(context).load(parseIntId(ref.id)),
  },
  lookups: {
    Region: lookupWith(regionById, regionCode, (region) => ({ regionId: region.id, level: region.level })),
    ServiceStation: lookupWith(
      stationById,
      (id) => parseIntId(id, 'stationId'),
      (station) => ({
        regionId: station.regionId,
      }),
    ),
  },
};

function regionCode(id: string): string {
  if (!isRegionCode(id)) throw new BadInputError('区划代码应为 12 位数字 (a region id is a 12-digit division code)');
  return id;
}
