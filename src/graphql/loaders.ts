import type DataLoader from 'dataloader';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { FigureTally, TallyKey } from '../db/figure-tally';
import { prefixGroups, prefixOf, regionPrefix } from '../db/region-scope';
import { NotFoundError } from '../errors';
import { byKeys, loaderFor, REGION_BATCH_SIZE, REGION_CATEGORY_BATCH_SIZE, type HubContext } from './context';
import { parseIntId } from './ids';

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

/** The row a by-id loader finds for the id a client sent, or a NOT_FOUND error naming `what` and that id. */
export async function loadOrFail<T>(loader: DataLoader<number, T | null>, id: string, what: string): Promise<T> {
  const row = await loader.load(parseIntId(id));
  if (!row) throw new NotFoundError(what, id);
  return row;
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
 * An aggregate per category inside a region's subtree, keyed `regionId|category` (the ResourceListEntry key): one
 * GROUP BY (code prefix, category) per level present in the batch, however many regions it holds.
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
  return loaderFor<string, number>(
    context,
    `${name}:categoryInSubtree`,
    async (keys) => {
      const values = new Map<string, number>();
      for (const group of prefixGroups(keys.map((key) => key.split('|')[0]))) {
        const key = prefixOf(`t.${spec.regionProperty}`, group.length);
        const query = context.dataSource
          .getRepository(spec.entity)
          .createQueryBuilder('t')
          .select(key, 'k')
          .addSelect(`t.${spec.categoryProperty}`, 'category')
          .addSelect(spec.aggregate, 'v')
          .where(`t.${spec.regionProperty} BETWEEN :low AND :high`, { low: group.low, high: group.high })
          .andWhere(`${key} IN (:...prefixes)`, { prefixes: group.prefixes })
          .groupBy('k')
          .addGroupBy(`t.${spec.categoryProperty}`);
        if (spec.where) query.andWhere(spec.where);
        for (const row of await query.getRawMany<{ k: string; category: string; v: string | number | null }>()) {
          values.set(`${row.k}|${row.category}`, Number(row.v ?? 0));
        }
      }
      return keys.map((key) => {
        const [regionId, category] = key.split('|');
        return values.get(`${regionPrefix(regionId)}|${category}`) ?? 0;
      });
    },
    REGION_CATEGORY_BATCH_SIZE,
  );
}

/**
 * The rows of a figure tally (src/db/figure-tally.ts) for a batch of keys: ONE indexed statement per tally per
 * batch, however many regions or stations and however many of the tally's figures the request asks for.
 */
function tallyRows(context: HubContext, tally: FigureTally) {
  return loaderFor<TallyKey, ObjectLiteral | null>(
    context,
    `${tally.name}:tally`,
    async (keys) => {
      const rows = await context.dataSource
        .getRepository(tally.entity)
        .findBy({ [tally.keyProperty]: In([...keys]) } as never);
      return byKeys(keys.map(String), rows, (row) => String(row[tally.keyProperty]));
    },
    REGION_BATCH_SIZE,
  );
}

/** One maintained figure of a region or station (zero while nothing counts there). */
export async function tallyFigure(
  context: HubContext,
  tally: FigureTally,
  figure: string,
  key: TallyKey,
): Promise<number> {
  const row = await tallyRows(context, tally).load(key);
  return Number(row?.[figure] ?? 0);
}
