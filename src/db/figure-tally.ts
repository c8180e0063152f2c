import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { sqlColumns, sqlTable } from './naming';
import { aggregateBySubtree, regionAndAncestors } from './region-scope';

/*
 * Figures kept up to date instead of counted on every read (docs/decisions.md, "Figures are tallies"). A tally
 * table holds one row per key (a region code, or a station id) with one column per figure, so a region's figures
 * are one row read by its primary key, and a write changes one row per ancestor in ONE statement. The tally is
 * changed by the transaction that changes the counted row, always after the rows it guards and before any head
 * row; its rows are locked in ascending key order by that one statement (for region codes: widest region first).
 */

export type TallyKey = string | number;

/** Where one figure's rows live and how to count them afresh. */
export interface FigureSource<T extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<T>;
  /**
   * The key a row counts under (its region code, its station id), null when it counts nowhere. Absent for rows no
   * write path changes at run time (the census, the seeded station logs): those tallies are filled by the seed.
   */
  keyOf?(row: T): TallyKey | null;
  /** What a row adds to the figure: 1 for a count, its half hours for a sum, 0 while it does not count. */
  amountOf?(row: T): number;
  /** The keys the source's rows count under, before ancestors are added. */
  sourceKeys: (manager: EntityManager) => Promise<TallyKey[]>;
  /** The figure counted afresh from the source rows for each key: the reference `wushe verify-figures` checks. */
  fresh: (manager: EntityManager, keys: readonly TallyKey[]) => Promise<number[]>;
}

export interface FigureTally {
  /** For reports: `volunteer.region`. */
  name: string;
  entity: EntityTarget<ObjectLiteral>;
  keyProperty: string;
  /** Region tallies count each row for its region and every region containing it. */
  bySubtree: boolean;
  /** Tally column (property) → the rows it counts (sources of any entity: their methods take that entity's rows). */
  figures: Record<string, FigureSource>;
}

/** The keys a source key counts under: a region code and its ancestors (each once), or the key itself. */
function keysOf(tally: FigureTally, key: TallyKey): TallyKey[] {
  return tally.bySubtree ? [...new Set(regionAndAncestors(String(key)))] : [key];
}

const compareKeys = (a: TallyKey, b: TallyKey) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

/** A row before and after a write; null before an insert and after a delete. */
export interface RowChange<T> {
  before: T | null;
  after: T | null;
}

/**
 * Applies what a write did to rows of `entity` to every tally of `tallies` counting them: per tally one UPDATE
 * adding each key's difference (no statement when nothing counted changed). Tallies go in name order, so two
 * writes touching the same tallies lock them in the same order. A changed row's `before` must come from a locking
 * read (lockOrFail, forUpdate): under REPEATABLE READ a plain read may be a snapshot older than the last write, and
 * the difference would then be counted against a state the tally no longer holds (the figures test found two
 * parallel status changes of one organisation doing exactly that on MariaDB).
 */
export async function countChanges<T extends ObjectLiteral>(
  manager: EntityManager,
  tallies: readonly FigureTally[],
  entity: EntityTarget<T>,
  changes: readonly RowChange<T>[],
): Promise<void> {
  for (const tally of [...tallies].sort((a, b) => a.name.localeCompare(b.name))) {
    const deltas = new Map<TallyKey, Record<string, number>>();
    for (const [property, source] of Object.entries(tally.figures) as [string, FigureSource][]) {
      if (source.entity !== entity) continue;
      if (!source.keyOf || !source.amountOf) {
        throw new Error(`${tally.name}.${property} is filled by the seed only; a write path changed its rows`);
      }
      for (const change of changes) {
        for (const [row, sign] of [
          [change.before, -1],
          [change.after, 1],
        ] as const) {
          if (!row) continue;
          const key = source.keyOf(row);
          const value = source.amountOf(row);
          if (key === null || value === 0) continue;
          for (const at of keysOf(tally, key)) {
            const delta = deltas.get(at) ?? {};
            delta[property] = (delta[property] ?? 0) + sign * value;
            deltas.set(at, delta);
          }
        }
      }
    }
    for (const [key, delta] of deltas) {
      if (Object.values(delta).every((value) => value === 0)) deltas.delete(key);
    }
    if (deltas.size > 0) await addToTally(manager, tally, deltas);
  }
}

/** A single row's change: `before` null for an insert, `after` null for a delete. */
export function countChange<T extends ObjectLiteral>(
  manager: EntityManager,
  tallies: readonly FigureTally[],
  entity: EntityTarget<T>,
  before: T | null,
  after: T | null,
): Promise<void> {
  return countChanges(manager, tallies, entity, [{ before, after }]);
}

/** A serialization failure (SQLSTATE 40001), which `inTransaction` answers by running the transaction again. */
class TallyRowAppeared extends Error {
  readonly code = '40001';
  constructor() {
    super('a tally row appeared during the transaction');
  }
}

/**
 * One UPDATE … SET figure = figure + CASE key WHEN … END WHERE key IN (…); keys without a row yet (a region's
 * first volunteer) are then inserted with their differences. Two transactions inserting the same key at once:
 * the unique key refuses the second, and `inTransaction` re-runs it, which then finds the row.
 */
async function addToTally(manager: EntityManager, tally: FigureTally, deltas: Map<TallyKey, Record<string, number>>) {
  const keys = [...deltas.keys()].sort(compareKeys);
  const column = sqlColumns(manager.connection, tally.entity);
  const properties = [...new Set([...deltas.values()].flatMap((delta) => Object.keys(delta)))];
  const parameters: Record<string, unknown> = { keys };
  keys.forEach((key, i) => (parameters[`k${i}`] = key));
  const set: Record<string, () => string> = {};
  properties.forEach((property, p) => {
    const arms = keys.map((key, i) => {
      parameters[`d${p}_${i}`] = deltas.get(key)?.[property] ?? 0;
      return `WHEN :k${i} THEN :d${p}_${i}`;
    });
    set[property] = () => `${column(property)} + CASE ${column(tally.keyProperty)} ${arms.join(' ')} ELSE 0 END`;
  });
  const result = await manager
    .createQueryBuilder()
    .update(tally.entity)
    .set(set)
    .where(`${column(tally.keyProperty)} IN (:...keys)`)
    .setParameters(parameters)
    .execute();
  if (result.affected === keys.length) return;
  const existing = new Set(
    (
      await manager
        .getRepository(tally.entity)
        .createQueryBuilder('t')
        .select(`t.${tally.keyProperty}`, 'k')
        .where(`t.${tally.keyProperty} IN (:...keys)`, { keys })
        .getRawMany<{ k: TallyKey }>()
    ).map((row) => String(row.k)),
  );
  const missing = keys.filter((key) => !existing.has(String(key)));
  // PostgreSQL (READ COMMITTED) reads each statement afresh: a key's first row that a parallel transaction committed
  // after the UPDATE above is seen here, yet was not updated. The whole transaction runs again and then updates it.
  if (keys.length - missing.length > (result.affected ?? 0)) throw new TallyRowAppeared();
  if (missing.length > 0) {
    await manager
      .getRepository(tally.entity)
      .insert(missing.map((key) => ({ [tally.keyProperty]: key, ...deltas.get(key) })));
  }
}

/** Every key a tally should hold a row for: its sources' keys with their ancestors. */
async function expectedKeys(manager: EntityManager, tally: FigureTally): Promise<TallyKey[]> {
  const keys = new Map<string, TallyKey>();
  for (const source of Object.values(tally.figures)) {
    for (const key of await source.sourceKeys(manager)) {
      for (const at of keysOf(tally, key)) keys.set(String(at), at);
    }
  }
  return [...keys.values()].sort(compareKeys);
}

/** Keys per fresh aggregate: enough to keep every IN list well under SQLite's and MySQL's parameter limits. */
const FRESH_BATCH = 2000;

/** Each figure of the tally counted afresh for `keys`: key → property → value. */
async function freshFigures(manager: EntityManager, tally: FigureTally, keys: readonly TallyKey[]) {
  const values = new Map<string, Record<string, number>>(keys.map((key) => [String(key), {}]));
  for (const [property, source] of Object.entries(tally.figures)) {
    for (let start = 0; start < keys.length; start += FRESH_BATCH) {
      const batch = keys.slice(start, start + FRESH_BATCH);
      const counted = await source.fresh(manager, batch);
      batch.forEach((key, i) => (values.get(String(key))![property] = counted[i]));
    }
  }
  return values;
}

const ROWS_PER_INSERT = 500;

/**
 * Fills the tallies from the rows (after the seed has loaded them), in the caller's transaction: each emptied,
 * then one row per key with something to count.
 */
export async function rebuildTallies(manager: EntityManager, tallies: readonly FigureTally[]): Promise<void> {
  for (const tally of tallies) {
    await manager.query(`DELETE FROM ${sqlTable(manager.connection, tally.entity)}`);
    const keys = await expectedKeys(manager, tally);
    const fresh = await freshFigures(manager, tally, keys);
    const rows = keys
      .map((key) => ({ [tally.keyProperty]: key, ...fresh.get(String(key)) }))
      .filter((row) => Object.keys(tally.figures).some((property) => row[property] !== 0));
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await manager.getRepository(tally.entity).insert(rows.slice(start, start + ROWS_PER_INSERT));
    }
  }
}

export interface FigureDifference {
  tally: string;
  key: string;
  figure: string;
  maintained: number;
  fresh: number;
}

/** Every maintained figure that differs from the same figure counted afresh (a key without a row holds zeros). */
export async function verifyTallies(
  manager: EntityManager,
  tallies: readonly FigureTally[],
): Promise<{ checked: number; differences: FigureDifference[] }> {
  const differences: FigureDifference[] = [];
  let checked = 0;
  for (const tally of tallies) {
    const stored = await manager.getRepository(tally.entity).find();
    const maintained = new Map(stored.map((row) => [String(row[tally.keyProperty]), row]));
    const keys = new Map((await expectedKeys(manager, tally)).map((key) => [String(key), key]));
    for (const row of stored) keys.set(String(row[tally.keyProperty]), row[tally.keyProperty] as TallyKey);
    const fresh = await freshFigures(manager, tally, [...keys.values()].sort(compareKeys));
    for (const [key, values] of fresh) {
      for (const figure of Object.keys(tally.figures)) {
        checked += 1;
        const kept = Number(maintained.get(key)?.[figure] ?? 0);
        if (kept !== values[figure]) {
          differences.push({ tally: tally.name, key, figure, maintained: kept, fresh: values[figure] });
        }
      }
    }
  }
  return { checked, differences };
}

/* Sources for the common shapes: counts and sums over a region subtree, or per station. */

/** The distinct values of a column: the keys a source's rows count under. */
function distinctKeys(entity: EntityTarget<ObjectLiteral>, property: string) {
  return async (manager: EntityManager): Promise<TallyKey[]> => {
    const rows = await manager
      .getRepository(entity)
      .createQueryBuilder('t')
      .select(`t.${property}`, 'k')
      .distinct(true)
      .where(`t.${property} IS NOT NULL`)
      .getRawMany<{ k: TallyKey }>();
    return rows.map((row) => row.k);
  };
}

interface SourceShape<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** The column holding the region code (subtree sources) or the station id (per-key sources). */
  keyProperty: keyof T & string;
  /** What a row adds: the same rule as `aggregate`, for one row in memory. */
  amountOf: (row: T) => number;
  /** The SQL aggregate over the source table, columns spelled by `column`, e.g. COUNT(*). */
  aggregate: (column: (property: string) => string) => string;
  /** An SQL condition with positional parameters for the counted rows, the same rule as `amountOf`. */
  where?: (column: (property: string) => string) => { sql: string; parameters: unknown[] };
}

/** What a source says of its own rows, whatever the figure's shape: key, amount and the keys it holds. */
function countedRows<T extends ObjectLiteral>(shape: SourceShape<T>) {
  return {
    entity: shape.entity,
    keyOf: (row: T) => row[shape.keyProperty] as TallyKey | null,
    amountOf: shape.amountOf,
    sourceKeys: distinctKeys(shape.entity as EntityTarget<ObjectLiteral>, shape.keyProperty),
  };
}

/** A figure over each region's subtree (fresh: the same UNION ALL aggregate the figures were read with before). */
export function subtreeSource<T extends ObjectLiteral>(shape: SourceShape<T>): FigureSource<T> {
  return {
    ...countedRows(shape),
    fresh: (manager, keys) => {
      const column = sqlColumns(manager.connection, shape.entity as EntityTarget<ObjectLiteral>);
      const where = shape.where?.(column);
      return aggregateBySubtree(
        manager,
        {
          entity: shape.entity as EntityTarget<ObjectLiteral>,
          regionProperty: shape.keyProperty,
          aggregate: shape.aggregate(column),
          where: where?.sql,
          whereParameters: where?.parameters,
        },
        keys.map(String),
      );
    },
  };
}

/** A figure per value of a column (a station's volunteers, its verified hours): one GROUP BY per batch. */
export function groupSource<T extends ObjectLiteral>(shape: SourceShape<T>): FigureSource<T> {
  return {
    ...countedRows(shape),
    fresh: async (manager, keys) => {
      if (keys.length === 0) return [];
      const column = sqlColumns(manager.connection, shape.entity as EntityTarget<ObjectLiteral>);
      const where = shape.where?.(column);
      const key = column(shape.keyProperty);
      const rows: { k: TallyKey; v: number | string | null }[] = await manager.query(
        `SELECT ${key} AS k, ${shape.aggregate(column)} AS v FROM ${sqlTable(manager.connection, shape.entity as EntityTarget<ObjectLiteral>)}
          WHERE ${key} IN (${keys.map(() => '?').join(', ')})${where ? ` AND (${where.sql})` : ''} GROUP BY ${key}`,
        [...keys, ...(where?.parameters ?? [])],
      );
      const values = new Map(rows.map((row) => [String(row.k), Number(row.v ?? 0)]));
      return keys.map((k) => values.get(String(k)) ?? 0);
    },
  };
}
