/**
 * Driver codes of a unique index (or primary key) refusing a row: MariaDB/MySQL, PostgreSQL's unique_violation
 * (SQLSTATE 23505), SQLite (better-sqlite3).
 */
export const DUPLICATE_KEY_CODES: readonly string[] = [
  'ER_DUP_ENTRY',
  '23505',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
];

/** Whether `error` (a driver error, or TypeORM's QueryFailedError carrying its code) is a duplicate key. */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DUPLICATE_KEY_CODES.includes(code);
}
