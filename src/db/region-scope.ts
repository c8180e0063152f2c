import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { sqlColumns, sqlTable } from './naming';

/**
 * Regions are 12-digit statistical division codes (2 province, 2 city, 2 county, 3 township, 3 village), so a
 * region's subtree is every code sharing its significant prefix. Every subgraph scopes by region with these
 * helpers alone, without asking the community subgraph (docs/rules.md, rule 3).
 */
export const REGION_CODE = /^\d{12}$/;

const PREFIX_LENGTHS = [2, 4, 6, 9, 12] as const;

/** 云南省: the widest scope, used when an ADMIN (who has no region) lists region-scoped data. */
export const PROVINCE_CODE = '530000000000';

export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

/** The significant prefix: 530400000000 → 5304, 530402006000 → 530402006. */
export function regionPrefix(code: string): string {
  for (const length of PREFIX_LENGTHS) {
    if (/^0*$/.test(code.slice(length))) return code.slice(0, length);
  }
  return code;
}

/** The region and every region containing it, widest first: 530402006005 → 530000000000 … 530402006005. */
export function regionAndAncestors(code: string): string[] {
  const length = regionPrefix(code).length;
  return PREFIX_LENGTHS.filter((prefix) => prefix <= length).map((prefix) => code.slice(0, prefix).padEnd(12, '0'));
}

/** Inclusive bounds of the codes under a significant prefix; a plain index range in SQLite and MySQL alike. */
function prefixBounds(prefix: string): [string, string] {
  return [prefix.padEnd(12, '0'), prefix.padEnd(12, '9')];
}

/** Inclusive bounds of a region's subtree. */
export function subtreeBounds(code: string): [string, string] {
  return prefixBounds(regionPrefix(code));
}

export interface SubtreeAggregate {
  entity: EntityTarget<ObjectLiteral>;
  /** Property name of the column holding the row's region code. */
  regionProperty: string;
  /** SQL aggregate over the table, e.g. COUNT(*) or SUM(own_population). */
  aggregate: string;
  /** Extra SQL condition with positional `?` parameters. */
  where?: string;
  whereParameters?: unknown[];
}

/** A batch of regions whose significant prefixes have one length: their subtrees never overlap. */
export interface PrefixGroup {
  length: number;
  prefixes: string[];
  /** Bounds covering every subtree of the group, so the database can still use the region index. */
  low: string;
  high: string;
}

/**
 * Splits a batch of region codes by prefix length (city, county, township, community: at most five groups). Inside
 * a group each row belongs to at most one region, so one `GROUP BY SUBSTR(code, 1, length)` answers the whole group:
 * the statements for a batch depend on how many levels it mixes, never on how many regions it holds.
 */
export function prefixGroups(codes: readonly string[]): PrefixGroup[] {
  const groups = new Map<number, Set<string>>();
  for (const code of codes) {
    const prefix = regionPrefix(code);
    const group = groups.get(prefix.length) ?? new Set<string>();
    group.add(prefix);
    groups.set(prefix.length, group);
  }
  return [...groups].map(([length, set]) => {
    const prefixes = [...set].sort();
    return {
      length,
      prefixes,
      low: prefixBounds(prefixes[0])[0],
      high: prefixBounds(prefixes[prefixes.length - 1])[1],
    };
  });
}

/**
 * SQL for the prefix of `column` a group is keyed by (the length is ours, never a client's). A full code is the
 * column itself, so the database can group in index order and look the codes up in the index.
 */
export function prefixOf(column: string, length: number): string {
  return length >= 12 ? column : `SUBSTR(${column}, 1, ${Math.trunc(length)})`;
}

/** `column` restricted to a group's subtrees, with positional parameters: the covering range, then the prefixes. */
export function inPrefixGroup(column: string, group: PrefixGroup): { sql: string; parameters: string[] } {
  return {
    sql: `${column} BETWEEN ? AND ? AND ${prefixOf(column, group.length)} IN (${group.prefixes.map(() => '?').join(', ')})`,
    parameters: [group.low, group.high, ...group.prefixes],
  };
}

/** Regions of one level answered by range scans of their own; wider levels are one GROUP BY (SQLite allows 500 arms). */
const RANGES_PER_GROUP = 90;

/**
 * One statement answering an aggregate for a whole batch of regions' subtrees, joined with UNION ALL: per level in
 * the batch, a range scan per region when there are few, else one GROUP BY on the code prefix.
 */
export async function aggregateBySubtree(
  runner: DataSource | EntityManager,
  spec: SubtreeAggregate,
  regionCodes: readonly string[],
): Promise<number[]> {
  if (regionCodes.length === 0) return [];
  const dataSource = 'connection' in runner ? runner.connection : runner;
  const table = sqlTable(dataSource, spec.entity);
  const regionColumn = sqlColumns(dataSource, spec.entity)(spec.regionProperty);
  const parameters: unknown[] = [];
  const extra = spec.where ? ` AND (${spec.where})` : '';
  const parts = prefixGroups(regionCodes).flatMap((group) => {
    if (group.prefixes.length <= RANGES_PER_GROUP) {
      // A few regions: one index range scan each (a count over a range is answered from the index alone).
      return group.prefixes.map((prefix) => {
        parameters.push(prefix, ...prefixBounds(prefix), ...(spec.whereParameters ?? []));
        return `SELECT ? AS k, ${spec.aggregate} AS v FROM ${table} WHERE ${regionColumn} BETWEEN ? AND ?${extra}`;
      });
    }
    const scope = inPrefixGroup(regionColumn, group);
    parameters.push(...scope.parameters, ...(spec.whereParameters ?? []));
    const key = prefixOf(regionColumn, group.length);
    return [`SELECT ${key} AS k, ${spec.aggregate} AS v FROM ${table} WHERE ${scope.sql}${extra} GROUP BY ${key}`];
  });
  const rows: { k: string; v: number | string | null }[] = await runner.query(parts.join(' UNION ALL '), parameters);
  const values = new Map(rows.map((row) => [String(row.k), Number(row.v ?? 0)]));
  return regionCodes.map((code) => values.get(regionPrefix(code)) ?? 0);
}
