import type { HubContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { parseIntId } from '../../graphql/ids';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { SocialOrganization } from './organization.entity';
import type { OrganizationFilter, OrganizationOrder } from './organization.inputs';
import { organizationById, serviceById } from './organization.loaders';
import { Service } from './service.entity';
import type { ServiceFilter, ServiceOrder } from './service.inputs';

export async function getOrganization(context: HubContext, id: string): Promise<SocialOrganization> {
  const organization = await organizationById(context).load(parseIntId(id));
  if (!organization) throw new NotFoundError('社会组织', id);
  return organization;
}

export function listOrganizations(
  context: HubContext,
  filter: OrganizationFilter = {},
  order: OrganizationOrder | undefined,
  page: PageArgs,
) {
  const query = listQuery(context.dataSource, SocialOrganization, {
    equals: { kind: filter.kind, status: filter.status, category: filter.category },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['name', 'description'],
    order,
  });
  return paginate(query, page);
}

export async function getService(context: HubContext, id: string): Promise<Service> {
  const service = await serviceById(context).load(parseIntId(id));
  if (!service) throw new NotFoundError('服务', id);
  return service;
}

export function listServices(
  context: HubContext,
  filter: ServiceFilter = {},
  order: ServiceOrder | undefined,
  page: PageArgs,
) {
  const query = listQuery(context.dataSource, Service, {
    equals: {
      category: filter.category,
      active: filter.active,
      providerId: filter.providerId === undefined ? undefined : parseIntId(filter.providerId, 'providerId'),
      stationId: filter.stationId === undefined ? undefined : parseIntId(filter.stationId, 'stationId'),
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['name', 'description', 'schedule'],
    order,
  });
  return paginate(query, page);
}
