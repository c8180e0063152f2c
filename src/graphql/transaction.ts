import { setTimeout as sleep } from 'node:timers/promises';
import type { DeepPartial, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { oneWriteAtATime } from '../db/sqlite-writes';
import { auditInTransaction, transactionCommitted } from '../audit/audit-log';
import { ConflictError, NotFoundError } from '../errors';
import type { HubContext } from './context';

/** Attempts before a conflicting mutation gives up with CONFLICT. */
const MAX_ATTEMPTS = 6;
/** First back-off in milliseconds; doubled per attempt, with as much again of random jitter. */
const BACKOFF_MS = 8;

/**
 * Driver error codes that mean "another transaction got in the way; the same work may well succeed if run again
 * from the start": a deadlock victim, a lock wait that timed out, a snapshot that went stale (MariaDB with
 * innodb_snapshot_isolation), a busy SQLite file, and a unique index refusing a row that a parallel request
 * inserted first (the re-run then sees that row and answers with the service's own coded error).
 */
const RETRYABLE_CODES = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_CHECKREAD',
  'ER_DUP_ENTRY',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/**
 * Runs a mutation's reads and writes in one transaction: either all of it lands or none of it, and the mutation's
 * audit row is written by the same transaction, so a committed change without its row cannot exist. When the database
 * reports a conflict with a parallel transaction, the whole of `work` runs again in a new transaction (so `work`
 * must do nothing outside the database that cannot be repeated), a bounded number of times with a short jittered
 * back-off, and then the caller gets a coded CONFLICT.
 *
 * Locks are taken in one order everywhere (docs/decisions.md): the row that holds the invariant first, then the
 * row being changed, the hour-ledger head last; the figures a lock guards are read after it, with `forShare`.
 */
export async function inTransaction<T>(context: HubContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const dataSource = context.dataSource;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await oneWriteAtATime(dataSource, () =>
        dataSource.transaction(async (manager) => {
          const done = await work(manager);
          await auditInTransaction(manager, context, done);
          return done;
        }),
      );
      transactionCommitted(context);
      return result;
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new ConflictError();
      const backoff = BACKOFF_MS * 2 ** (attempt - 1);
      await sleep(backoff + Math.random() * backoff);
    }
  }
}

const onSqlite = (query: SelectQueryBuilder<ObjectLiteral>) => query.connection.options.type === 'better-sqlite3';

/**
 * SELECT … FOR UPDATE on MySQL, so two requests cannot both take the last place or the last yuan: the second
 * waits until the first commits. SQLite needs no row locks: its transactions run one at a time.
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return onSqlite(query) ? query : query.setLock('pessimistic_write');
}

/**
 * A locking read in share mode (LOCK IN SHARE MODE) on MySQL. Under REPEATABLE READ a plain SELECT answers from
 * the snapshot taken at the transaction's first read, which may predate the lock just waited for; a locking read
 * sees every committed row. Use it for the counts and sums a `forUpdate` lock guards.
 */
export function forShare<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return onSqlite(query) ? query : query.setLock('pessimistic_read');
}

/** The row with primary key `id`, or a NOT_FOUND error naming `what` (in Chinese, for residents and staff). */
export async function findOrFail<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  what: string,
): Promise<T> {
  const row = await manager.getRepository(entity).findOneBy({ id } as never);
  if (!row) throw new NotFoundError(what, id);
  return row;
}

/**
 * Like `findOrFail`, but locks the row until the transaction ends and reads its latest committed version: for a
 * row whose state the mutation checks and then changes (verified, checked out, rated, a workflow status).
 */
export async function lockOrFail<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  what: string,
): Promise<T> {
  const row = await forUpdate(
    manager.getRepository(entity).createQueryBuilder('locked').where('locked.id = :id', { id }),
  ).getOne();
  if (!row) throw new NotFoundError(what, id);
  return row;
}

/** Creates a row of `entity` from `values` and saves it with the transaction's manager. */
export function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: DeepPartial<T>,
): Promise<T> {
  const repository = manager.getRepository(entity);
  return repository.save(repository.create(values));
}
