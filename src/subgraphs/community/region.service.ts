import { DomainError, NotFoundError } from '../../errors';
import type { HubContext } from '../../graphql/context';
import { assertRegionCode, listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { Region } from './region.entity';
import type { RegionFilter, RegionOrder } from './region.inputs';
import { regionById } from './region.loaders';

export async function getRegion(context: HubContext, id: string): Promise<Region> {
  assertRegionCode(id, 'id');
  const region = await regionById(context).load(id);
  if (!region) throw new NotFoundError('地区', id);
  return region as Region;
}

export function listRegions(
  context: HubContext,
  filter: RegionFilter = {},
  order: RegionOrder | undefined,
  page: PageArgs,
) {
  if (filter.parentId !== undefined) assertRegionCode(filter.parentId, 'parentId');
  if (filter.parentId !== undefined && filter.withinId !== undefined) {
    throw new DomainError('BAD_USER_INPUT', 'parentId 与 withinId 只能选一个 (give parentId or withinId, not both)');
  }
  const query = listQuery(context.dataSource, Region, {
    equals: { level: filter.level, parentId: filter.parentId },
    regionProperty: 'id',
    regionId: filter.withinId,
    search: filter.search,
    order,
  });
  return paginate(query, page);
}
