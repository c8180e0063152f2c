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
