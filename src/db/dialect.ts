import type { DataSource } from 'typeorm';

/*
 * The few spellings that differ between SQLite, MySQL/MariaDB and PostgreSQL, for SQL written by hand. Everything
 * else is written once, in the SQL the three share.
 */

const isSqlite = (dataSource: DataSource) => dataSource.options.type === 'better-sqlite3';
const isPostgres = (dataSource: DataSource) => dataSource.options.type === 'postgres';

/**
 * A datetime column as whole seconds on a continuous scale, for ordering by a time plus an offset: SQLite's
 * strftime, MySQL's UNIX_TIMESTAMP, PostgreSQL's EXTRACT(EPOCH …). Only differences and order are meaningful,
 * never the value itself.
 */
export function epochSecondsSql(dataSource: DataSource, column: string): string {
  if (isSqlite(dataSource)) return `CAST(strftime('%s', ${column}) AS INTEGER)`;
  if (isPostgres(dataSource)) return `CAST(EXTRACT(EPOCH FROM ${column}) AS BIGINT)`;
  return `UNIX_TIMESTAMP(${column})`;
}

/**
 * The tail of `INSERT … VALUES (…)` that, when a row with the same `key` exists, adds one to its `counter`
 * instead (SQLite and PostgreSQL: ON CONFLICT; MySQL: ON DUPLICATE KEY). Both lock the row exclusively.
 */
export function incrementOnConflictSql(dataSource: DataSource, key: string, counter: string): string {
  return isSqlite(dataSource) || isPostgres(dataSource)
    ? `ON CONFLICT (${key}) DO UPDATE SET ${counter} = ${counter} + 1`
    : `ON DUPLICATE KEY UPDATE ${counter} = ${counter} + 1`;
}

/**
 * The case-insensitive LIKE: SQLite's LIKE (for ASCII) and MySQL's under its _ci collation are; PostgreSQL's LIKE
 * is not, its ILIKE is.
 */
export function likeOperator(dataSource: DataSource): string {
  return isPostgres(dataSource) ? 'ILIKE' : 'LIKE';
}

/**
 * Hand-written SQL uses `?` placeholders (SQLite, MySQL); PostgreSQL numbers them ($1, $2, …). Renumbers the `?`
 * outside quoted strings and identifiers.
 */
export function positionalParameters(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = '';
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '?') {
      n += 1;
      out += `$${n}`;
      continue;
    }
    out += char;
  }
  return out;
}

/**
 * After rows were inserted with explicit ids (the seed does): the statement that moves the id sequence past them,
 * or null where the database does that itself (MySQL's AUTO_INCREMENT, SQLite's rowid). PostgreSQL's serial
 * sequence does not notice, so the next generated id would collide.
 */
export function idSequencePastRowsSql(dataSource: DataSource, table: string, column: string): string | null {
  if (!isPostgres(dataSource)) return null;
  const escape = (name: string) => dataSource.driver.escape(name);
  return `SELECT setval(pg_get_serial_sequence('${escape(table)}', '${column}'), COALESCE(MAX(${escape(column)}), 0) + 1, false) FROM ${escape(table)}`;
}
