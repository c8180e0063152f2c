import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { resourceListEntryType, type ResourceListKey } from '../../federation/resource-list';
import type { HubContext } from '../../graphql/context';
import { categoryInSubtreeLoader } from '../../graphql/loaders';
import { ServiceCategory } from '../../graphql/service-category';
import { stationFitsCategory } from './candidates';
import { ServiceStation, StationKind } from './station.entity';

export const CommunityResourceListEntry = resourceListEntryType();

@Resolver(() => CommunityResourceListEntry)
export class CommunityResourceListResolver {
  @FieldResolver(() => Int, { description: 'stations in the region where this category can be served' })
  async stations(@Root() entry: ResourceListKey, @Ctx() context: HubContext) {
    const byKind = categoryInSubtreeLoader(context, 'community.resourceList', {
      entity: ServiceStation,
      regionProperty: 'regionId',
      categoryProperty: 'kind',
      aggregate: 'COUNT(*)',
    });
    const counts = await byKind.loadMany(Object.values(StationKind).map((kind) => `${entry.regionId}|${kind}`));
    return Object.values(StationKind).reduce(
      (sum, kind, i) => sum + (stationFitsCategory(kind, entry.category as ServiceCategory) ? Number(counts[i]) : 0),
      0,
    );
  }
}
