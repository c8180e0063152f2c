/**
 * A row the seed writes for entity T: every property of the entity except those named in `Left`, which are
 * columns left to their database default or getters that are no columns. A renamed or retyped column, or a
 * column the seed forgets, fails to compile.
 */
export type Row<T, Left extends keyof T = never> = Omit<T, Left>;

/** One table's rows, in the order the loader inserts them. */
export interface TableRows {
  entity: new () => object;
  rows: readonly Record<string, unknown>[];
}

/** `Left` names what the rows leave out (as in their `Row<T, Left>` type); every other property must be there. */
export function table<T extends object, Left extends keyof T = never>(
  entity: new () => T,
  rows: readonly Row<T, Left>[],
): TableRows {
  // The loader reads rows by the entity's property names, which the rows were typed against above.
  return { entity, rows: rows as readonly Record<string, unknown>[] };
}
