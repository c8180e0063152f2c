import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { resourceListEntryType, resourceListKey, type ResourceListKey } from '../../federation/resource-list';
import type { HubContext } from '../../graphql/context';
import { categoryInSubtreeLoader } from '../../graphql/loaders';
import { Volunteer } from './volunteer.entity';

export const VolunteerResourceListEntry = resourceListEntryType();

@Resolver(() => VolunteerResourceListEntry)
export class VolunteerResourceListResolver {
  @FieldResolver(() => Int, { description: 'volunteers in the region with this skill' })
  volunteers(@Root() entry: ResourceListKey, @Ctx() context: HubContext) {
    return categoryInSubtreeLoader(context, 'volunteer.resourceList', {
      entity: Volunteer,
      regionProperty: 'regionId',
      categoryProperty: 'skill',
      aggregate: 'COUNT(*)',
    }).load(resourceListKey(entry));
  }
}
