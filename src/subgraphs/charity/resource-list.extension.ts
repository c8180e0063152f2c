import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { sqlColumns, sqlTable } from '../../db/naming';
import { inPrefixGroup, prefixGroups, prefixOf, regionPrefix } from '../../db/region-scope';
import { resourceListEntryType, resourceListKey, type ResourceListKey } from '../../federation/resource-list';
import { loaderFor, REGION_CATEGORY_BATCH_SIZE, type HubContext } from '../../graphql/context';
import { CharityResource, CharityResourceKind } from './charity.entity';
import { allocatedPerResource } from './charity.loaders';

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
      const table = sqlTable(dataSource, CharityResource);
      const r = sqlColumns(dataSource, CharityResource);
      const e = (name: string) => dataSource.driver.escape(name);
      const allocated = allocatedPerResource(dataSource).getQuery();
      for (const group of prefixGroups(keys.map((key) => key.split('|')[0]))) {
        const scope = inPrefixGroup(`r.${r('regionId')}`, group);
        const k = prefixOf(`r.${r('regionId')}`, group.length);
        const rows: { k: string; category: string | null; available: string | number | null }[] =
          await dataSource.query(
            `SELECT ${k} AS k, r.${r('category')} AS category, SUM(r.${r('amount')} - COALESCE(a.${e('total')}, 0)) AS available
               FROM ${table} r
               LEFT JOIN (${allocated}) a ON a.${e('resourceId')} = r.${r('id')}
              WHERE r.${r('kind')} = ? AND ${scope.sql}
              GROUP BY ${k}, r.${r('category')}`,
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
