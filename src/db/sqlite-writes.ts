import type { DataSource } from 'typeorm';

/**
 * TypeORM runs every SQLite query on one shared connection, so two transactions at once would nest as savepoints
 * of each other (one's rollback undoing the other's work), and a write made while another request's transaction
 * is open would join it. SQLite writes one transaction at a time anyway: writes queue here, one after the other,
 * per data source. On MySQL/MariaDB `run` starts at once.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export function oneWriteAtATime<T>(dataSource: DataSource, run: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return run();
  const result = (sqliteQueues.get(dataSource) ?? Promise.resolve()).then(run, run);
  sqliteQueues.set(
    dataSource,
    result.catch(() => undefined),
  );
  return result;
}
