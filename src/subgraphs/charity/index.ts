import type { SubgraphDefinition } from '../../federation/subgraph';
import { CharityResourceListEntry, CharityResourceListResolver } from './resource-list.extension';
import { CharityNeed, CharityNeedResolver } from './candidates';
import { parseIntId } from '../../graphql/ids';
import { lookupWith } from '../../graphql/references';
import { Allocation, CharityResource } from './charity.entity';
import { resourceById } from './charity.loaders';
import { AllocationResolver, CharityResourceResolver } from './charity.resolver';

/** 社会慈善资源: donated funds, goods, venues and services, and their allocations to needs and projects. */
export const charitySubgraph: SubgraphDefinition = {
  name: 'charity',
  entities: [CharityResource, Allocation],
  resolvers: [CharityResourceResolver, AllocationResolver, CharityNeedResolver, CharityResourceListResolver],
  orphanedTypes: [CharityNeed, CharityResourceListEntry],
  references: {
    ResourceListEntry: (ref) => ref,
    Need: (ref) => ref,
    CharityResource: (ref, context) => resourceById(context).load(parseIntId(ref.id)),
  },
  lookups: {
    CharityResource: lookupWith(
      resourceById,
      (id) => parseIntId(id, 'resourceId'),
      (resource) => ({
        regionId: resource.regionId,
      }),
    ),
  },
};
