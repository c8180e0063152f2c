import type { DataSource, EntityManager } from 'typeorm';
import { loaderFor, type HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader } from '../../graphql/loaders';
import { Allocation, CharityResource } from './charity.entity';

export const resourceById = (context: HubContext) => byIdLoader(context, CharityResource, 'charity.resource');
export const allocationsByResource = (context: HubContext) =>
  byColumnLoader(context, Allocation, 'charity.allocation', 'resourceId');

/**
 * The amount allocated from each resource, as rows of `resourceId` and `total` (a resource nothing was allocated
 * from has no row): narrowed with a WHERE on `a.resourceId`, or joined as a subquery.
 */
export function allocatedPerResource(database: DataSource | EntityManager) {
  return database
    .getRepository(Allocation)
    .createQueryBuilder('a')
    .select('a.resourceId', 'resourceId')
    .addSelect('SUM(a.amount)', 'total')
    .groupBy('a.resourceId');
}

/** The amount allocated from each resource of a batch, one GROUP BY per batch. */
export const allocatedAmount = (context: HubContext) =>
  loaderFor<number, number>(context, 'charity.allocated', async (ids) => {
    const rows = await allocatedPerResource(context.dataSource)
      .where('a.resourceId IN (:...ids)', { ids: [...ids] })
      .getRawMany<{ resourceId: number | string; total: number | string }>();
    const totals = new Map(rows.map((row) => [Number(row.resourceId), Number(row.total)]));
    return ids.map((id) => totals.get(id) ?? 0);
  });
