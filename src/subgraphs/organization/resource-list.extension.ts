import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { resourceListEntryType, resourceListKey, type ResourceListKey } from '../../federation/resource-list';
import type { HubContext } from '../../graphql/context';
import { categoryInSubtreeLoader } from '../../graphql/loaders';
import { Service } from './service.entity';

export const OrganizationResourceListEntry = resourceListEntryType();

@Resolver(() => OrganizationResourceListEntry)
export class OrganizationResourceListResolver {
  @FieldResolver(() => Int, { description: 'services offered in the region for this category' })
  services(@Root() entry: ResourceListKey, @Ctx() context: HubContext) {
    return categoryInSubtreeLoader(context, 'organization.resourceList', {
      entity: Service,
      regionProperty: 'regionId',
      categoryProperty: 'category',
      aggregate: 'COUNT(*)',
      where: 't.active = TRUE',
    }).load(resourceListKey(entry));
  }
}
