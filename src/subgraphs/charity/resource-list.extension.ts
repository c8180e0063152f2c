import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { subtreeBounds } from '../../db/region-scope';
import { resourceListEntryType, resourceListKey, type ResourceListKey } from '../../federation/resource-list';
import { loaderFor, type HubContext } from '../../graphql/context';
import { Allocation, CharityResource, CharityResourceKind } from './charity.entity';

export const CharityResourceListEntry = resourceListEntryType();

/** Funds earmarked per category in a region, minus what was already allocated; one statement per region. */
const fundsAvailable = (context: HubContext) =>
  loaderFor<string, number>(context, 'charity.resourceList', async (keys) => {
    const values = new Map<string, number>();
    const { dataSource } = context;
    const resources = dataSource.getMetadata(CharityResource);
    const allocations = dataSource.getMetadata(Allocation);
    const e = (name: string) => dataSource.driver.escape(name);
    for (const regionId of new Set(keys.map((key) => key.split('|')[0]))) {
      const [low, high] = subtreeBounds(regionId);
      const rows: { category: string | null; available: string | number | null }[] = await dataSource.query(
        `SELECT r.category AS category, SUM(r.amount - COALESCE(a.total, 0)) AS available
           FROM ${e(resources.tableName)} r
           LEFT JOIN (SELECT resource_id, SUM(amount) AS total FROM ${e(allocations.tableName)} GROUP BY resource_id) a ON a.resource_id = r.id
          WHERE r.kind = ? AND r.region_id BETWEEN ? AND ?
          GROUP BY r.category`,
        [CharityResourceKind.FUNDS, low, high],
      );
      for (const row of rows) if (row.category) values.set(`${regionId}|${row.category}`, Number(row.available ?? 0));
    }
    return keys.map((key) => values.get(key) ?? 0);
  });

@Resolver(() => CharityResourceListEntry)
export class CharityResourceListResolver {
  @FieldResolver(() => Int, { description: 'funds (元) earmarked for this category and not yet allocated' })
  funds(@Root() entry: ResourceListKey, @Ctx() context: HubContext) {
    return fundsAvailable(context).load(resourceListKey(entry));
  }
}
