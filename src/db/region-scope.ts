import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Regions are 12-digit statistical division codes (2 province, 2 city, 2 county, 3 township, 3 village), so a
 * region's subtree is every code sharing its significant prefix. Every subgraph scopes by region with these
 * helpers alone, without asking the community subgraph (DESIGN rule 3).
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

/** Inclusive bounds of a region's subtree; a plain index range in SQLite and MySQL alike. */
export function subtreeBounds(code: string): [string, string] {
  const prefix = regionPrefix(code);
  return [prefix.padEnd(12, '0'), prefix.padEnd(12, '9')];
}

export interface SubtreeAggregate {
  entity: EntityTarget<ObjectLiteral>;
  /** Property name of the column holding the row's region code. */
  regionProperty: string;
  /** SQL aggregate over the table, e.g. COUNT(*) or SUM(half_hours). */
  aggregate: string;
  /** Extra SQL condition with positional `?` parameters. */
  where?: string;
  whereParameters?: unknown[];
}

/**
 * One statement answering an aggregate for many regions' subtrees at once (UNION ALL of index range scans), so a
 * DataLoader batch of any size costs one query.
 */
export async function aggregateBySubtree(
  dataSource: DataSource,
  spec: SubtreeAggregate,
  regionCodes: readonly string[],
): Promise<number[]> {
  if (regionCodes.length === 0) return [];
  const metadata = dataSource.getMetadata(spec.entity);
  const escape = (name: string) => dataSource.driver.escape(name);
  const table = escape(metadata.tablePath);
  const column = metadata.findColumnWithPropertyName(spec.regionProperty);
  if (!column) throw new Error(`${metadata.name} has no column ${spec.regionProperty}`);
  const regionColumn = escape(column.databaseName);
  const parameters: unknown[] = [];
  const parts = regionCodes.map((code, index) => {
    const [low, high] = subtreeBounds(code);
    parameters.push(low, high, ...(spec.whereParameters ?? []));
    const extra = spec.where ? ` AND (${spec.where})` : '';
    return `SELECT ${index} AS k, ${spec.aggregate} AS v FROM ${table} WHERE ${regionColumn} BETWEEN ? AND ?${extra}`;
  });
  const rows: { k: number | string; v: number | string | null }[] = await dataSource.query(
    parts.join(' UNION ALL '),
    parameters,
  );
  const values = new Array<number>(regionCodes.length).fill(0);
  for (const row of rows) values[Number(row.k)] = Number(row.v ?? 0);
  return values;
}
