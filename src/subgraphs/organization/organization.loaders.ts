import { sqlColumns } from '../../db/naming';
import type { HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader, subtreeAggregateLoader } from '../../graphql/loaders';
import { OrganizationStatus, SocialOrganization } from './organization.entity';
import { Service } from './service.entity';

export const organizationById = (context: HubContext) =>
  byIdLoader(context, SocialOrganization, 'organization.organization');

export const organizationCountBySubtree = (context: HubContext) =>
  subtreeAggregateLoader(context, 'organization.count', {
    entity: SocialOrganization,
    regionProperty: 'regionId',
    aggregate: 'COUNT(*)',
    where: `${sqlColumns(context.dataSource, SocialOrganization)('status')} = ?`,
    whereParameters: [OrganizationStatus.ACTIVE],
  });

export const serviceById = (context: HubContext) => byIdLoader(context, Service, 'organization.service');

export const servicesByProvider = (context: HubContext) =>
  byColumnLoader(context, Service, 'organization.service', 'providerId');
