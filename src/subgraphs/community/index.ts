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

/** 社区: the region tree (division codes and census population), the service-station network, residents. */
export const communitySubgraph: SubgraphDefinition = {
  name: 'community',
  entities: [Region, ServiceStation, StationServiceRecord, Resident],
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
};
