import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { aggregateBySubtree, subtreeBounds, type SubtreeAggregate } from '../db/region-scope';
import { byKeys, loaderFor, type HubContext } from './context';

type Key = string | number;

/** Rows of `entity` by primary key `id`, one `IN (...)` per batch. */
export function byIdLoader<T extends ObjectLiteral & { id: Key }>(
  context: HubContext,
  entity: EntityTarget<T>,
  name: string,
) {
  return loaderFor<Key, T | null>(context, `${name}:byId`, async (ids) => {
    const rows = await context.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    return byKeys(ids, rows, (row) => row.id);
  });
}

/** Rows of `entity` grouped by a foreign column, one `IN (...)` per batch. */
export function byColumnLoader<T extends ObjectLiteral>(
  context: HubContext,
  entity: EntityTarget<T>,
  name: string,
  property: keyof T & string,
  order: Record<string, 'ASC' | 'DESC'> = { id: 'ASC' },
) {
  return loaderFor<Key, T[]>(context, `${name}:by:${property}`, async (keys) => {
    const rows = await context.dataSource
      .getRepository(entity)
      .find({ where: { [property]: In([...keys]) } as never, order: order as never });
    const groups = new Map<Key, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(row[property] as Key)?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** An aggregate over each region's subtree, one statement per batch (see aggregateBySubtree). */
export function subtreeAggregateLoader(context: HubContext, name: string, spec: SubtreeAggregate) {
  return loaderFor<string, number>(context, `${name}:subtree`, (codes) =>
    aggregateBySubtree(context.dataSource, spec, codes),
  );
}

/** An aggregate per value of a grouping column (e.g. hours per station), one GROUP BY per batch. */
export function groupAggregateLoader<T extends ObjectLiteral>(
  context: HubContext,
  name: string,
  entity: EntityTarget<T>,
  groupProperty: keyof T & string,
  aggregate: string,
) {
  return loaderFor<Key, number>(context, `${name}:group:${groupProperty}`, async (keys) => {
    const alias = 't';
    const rows: { k: Key; v: string | number | null }[] = await context.dataSource
      .getRepository(entity)
      .createQueryBuilder(alias)
      .select(`${alias}.${groupProperty}`, 'k')
      .addSelect(aggregate, 'v')
      .where(`${alias}.${groupProperty} IN (:...keys)`, { keys: [...keys] })
      .groupBy(`${alias}.${groupProperty}`)
      .getRawMany();
    const values = new Map(rows.map((row) => [String(row.k), Number(row.v ?? 0)]));
    return keys.map((key) => values.get(String(key)) ?? 0);
  });
}

/**
 * An aggregate per category inside a region's subtree, keyed `regionId|category` (the ResourceListEntry key):
 * one GROUP BY per distinct region in the batch.
 */
export function categoryInSubtreeLoader<T extends ObjectLiteral>(
  context: HubContext,
  name: string,
  spec: {
    entity: EntityTarget<T>;
    regionProperty: string;
    categoryProperty: string;
    aggregate: string;
    where?: string;
  },
) {
  return loaderFor<string, number>(context, `${name}:categoryInSubtree`, async (keys) => {
    const regions = [...new Set(keys.map((key) => key.split('|')[0]))];
    const values = new Map<string, number>();
    for (const regionId of regions) {
      const [low, high] = subtreeBounds(regionId);
      const query = context.dataSource
        .getRepository(spec.entity)
        .createQueryBuilder('t')
        .select(`t.${spec.categoryProperty}`, 'category')
        .addSelect(spec.aggregate, 'v')
        .where(`t.${spec.regionProperty} BETWEEN :low AND :high`, { low, high })
        .groupBy(`t.${spec.categoryProperty}`);
      if (spec.where) query.andWhere(spec.where);
      for (const row of await query.getRawMany<{ category: string; v: string | number | null }>()) {
        values.set(`${regionId}|${row.category}`, Number(row.v ?? 0));
      }
    }
    return keys.map((key) => values.get(key) ?? 0);
  });
}
