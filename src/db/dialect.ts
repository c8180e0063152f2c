import type { DataSource } from 'typeorm';

/**
 * A datetime column as whole seconds on a continuous scale, for ordering by a time plus an offset: SQLite's
 * strftime and MySQL's UNIX_TIMESTAMP. Only differences and order are meaningful, never the value itself.
 */
export function epochSecondsSql(dataSource: DataSource, column: string): string {
  return dataSource.options.type === 'better-sqlite3'
    ? `CAST(strftime('%s', ${column}) AS INTEGER)`
    : `UNIX_TIMESTAMP(${column})`;
}

/** A digit string as a whole number, to compare a text key with a numeric one (a region code with an index row). */
export function integerSql(dataSource: DataSource, expression: string): string {
  switch (dataSource.options.type) {
    case 'better-sqlite3':
      return `CAST(${expression} AS INTEGER)`;
    case 'postgres':
      return `CAST(${expression} AS BIGINT)`;
    default:
      return `CAST(${expression} AS SIGNED)`;
  }
}
