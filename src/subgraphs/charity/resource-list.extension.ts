import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { inPrefixGroup, prefixGroups, prefixOf, regionPrefix } from '../../db/region-scope';
import { resourceListEntryType, resourceListKey, type ResourceListKey } from '../../federation/resource-list';
import { loaderFor, REGION_CATEGORY_BATCH_SIZE, type HubContext } from '../../graphql/context';
import { Allocation, CharityResource, CharityResourceKind } from './charity.entity';

export const CharityResourceListEntry = resourceListEntryType();

/**
 * Funds earmarked per category in a region, minus what was already allocated: one statement per level in the
 * batch (grouped by code prefix and category), however many regions it holds.
 */
const fundsAvailable = (context: HubContext) =>
  loaderFor<string, number>(
    context,
    'charity.resourceList',
    async (keys) => {
      const values = new Map<string, number>();
      const { dataSource } = context;
      const resources = dataSource.getMetadata(CharityResource);
      const allocations = dataSource.getMetadata(Allocation);
      const e = (name: string) => dataSource.driver.escape(name);
      for (const group of prefixGroups(keys.map((key) => key.split('|')[0]))) {
        const scope = inPrefixGroup('r.region_id', group);
        const k = prefixOf('r.region_id', group.length);
        const rows: { k: string; category: string | null; available: string | number | null }[] =
          await dataSource.query(
            `SELECT ${k} AS k, r.category AS category, SUM(r.amount - COALESCE(a.total, 0)) AS available
               FROM ${e(resources.tableName)} r
               LEFT JOIN (SELECT resource_id, SUM(amount) AS total FROM ${e(allocations.tableName)} GROUP BY resource_id) a ON a.resource_id = r.id
              WHERE r.kind = ? AND ${scope.sql}
              GROUP BY ${k}, r.category`,
            [CharityResourceKind.FUNDS, ...scope.parameters],
          );
        for (const row of rows) if (row.category) values.set(`${row.k}|${row.category}`, Number(row.available ?? 0));
      }
      return keys.map((key) => {
        const [regionId, category] = key.split('|');
        return values.get(`${regionPrefix(regionId)}|${category}`) ?? 0;
      });
    },
    REGION_CATEGORY_BATCH_SIZE,
  );

@Resolver(() => CharityResourceListEntry)
export class CharityResourceListResolver {
  @FieldResolver(() => Int, { description: 'funds (元) earmarked for this category and not yet allocated' })
  funds(@Root() entry: ResourceListKey, @Ctx() context: HubContext) {
    return fundsAvailable(context).load(resourceListKey(entry));
  }
}
