import { ORGANIZATION_FIGURES, OrganizationRegionFigures } from './organization.figures';
import type { SubgraphDefinition } from '../../federation/subgraph';
import { OrganizationResourceListEntry, OrganizationResourceListResolver } from './resource-list.extension';
import { parseIntId } from '../../graphql/ids';
import { lookupWith } from '../../graphql/references';
import { SocialOrganization } from './organization.entity';
import { organizationById, serviceById } from './organization.loaders';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationNeed, OrganizationNeedResolver } from './candidates';
import { OrganizationRegionResolver } from './region.extension';
import { Service } from './service.entity';
import { ServiceResolver } from './service.resolver';

/** 社会组织: registered organisations and the services they offer; contributes organisation figures to Region. */
export const organizationSubgraph: SubgraphDefinition = {
  name: 'organization',
  entities: [SocialOrganization, Service, OrganizationRegionFigures],
  figures: ORGANIZATION_FIGURES,
  resolvers: [
    OrganizationResolver,
    ServiceResolver,
    OrganizationRegionResolver,
    OrganizationNeedResolver,
    OrganizationResourceListResolver,
  ],
  orphanedTypes: [OrganizationNeed, OrganizationResourceListEntry],
  references: {
    ResourceListEntry: (ref) => ref,
    SocialOrganization: (ref, context) => organizationById(context).load(parseIntId(ref.id)),
    Service: (ref, context) => serviceById(context).load(parseIntId(ref.id)),
    // Region fields here are computed from the id (and the required population), so the representation is enough.
    Region: (ref) => ref,
    Need: (ref) => ref,
  },
  lookups: {
    SocialOrganization: lookupWith(
      organizationById,
      (id) => parseIntId(id, 'organizationId'),
      (organization) => ({
        regionId: organization.regionId,
        organizationId: organization.id,
      }),
    ),
    Service: lookupWith(
      serviceById,
      (id) => parseIntId(id, 'serviceId'),
      (service) => ({
        regionId: service.regionId,
        organizationId: service.providerId,
      }),
    ),
  },
};
