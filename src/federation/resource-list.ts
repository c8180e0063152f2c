import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';
import { ServiceCategory } from '../graphql/service-category';

export interface ResourceListKey {
  regionId: string;
  category: ServiceCategory;
}

/**
 * 资源清单 row: what a region has for one category. The linkage subgraph lists the rows; each society adds
 * its own column (services, stations, volunteers, funds) to the same entity, keyed by region and category.
 */
export function resourceListEntryType(description?: string): ClassType<ResourceListKey> {
  @ObjectType('ResourceListEntry', { description })
  @Directive('@key(fields: "regionId category")')
  class ResourceListEntry {
    @Field(() => ID)
    regionId!: string;

    @Field(() => ServiceCategory)
    category!: ServiceCategory;
  }
  return ResourceListEntry;
}

export const resourceListKey = (entry: ResourceListKey) => `${entry.regionId}|${entry.category}`;
