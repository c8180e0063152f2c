import type { HubContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { parseIntId } from '../../graphql/ids';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { CharityResource } from './charity.entity';
import type { CharityResourceFilter } from './charity.inputs';
import { allocatedAmount, resourceById } from './charity.loaders';

export async function getResource(context: HubContext, id: string) {
  const resource = await resourceById(context).load(parseIntId(id));
  if (!resource) throw new NotFoundError('慈善资源', id);
  return resource;
}

export function listResources(context: HubContext, filter: CharityResourceFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, CharityResource, {
    equals: { kind: filter.kind, category: filter.category },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['name', 'donor', 'description'],
  });
  return paginate(query, page);
}

export async function remainingOf(context: HubContext, resource: CharityResource): Promise<number> {
  return resource.amount - (await allocatedAmount(context).load(resource.id));
}
