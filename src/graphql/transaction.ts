import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { DUPLICATE_KEY_CODES } from '../db/duplicate-key';
import { oneWriteAtATime } from '../db/sqlite-writes';
import { fencedWrite } from '../db/write-fence';
import { auditAttemptStarted, auditInTransaction, transactionCommitted } from '../audit/audit-log';
import { ConflictError } from '../errors';
import type { HubContext } from './context';

/** Attempts before a conflicting mutation gives up with CONFLICT. */
const MAX_ATTEMPTS = 6;
/** First back-off in milliseconds; doubled per attempt, with as much again of random jitter. */
const BACKOFF_MS = 8;

/**
 * Driver error codes that mean "another transaction got in the way; the same work may well succeed if run again
 * from the start": a deadlock victim, a lock wait that timed out, a snapshot that went stale (MariaDB with
 * innodb_snapshot_isolation), PostgreSQL's serialization failure, deadlock and lock-not-available SQLSTATEs
 * (40001, 40P01, 55P03), a busy SQLite file, and a unique index refusing a row that a parallel request
 * inserted first (the re-run then sees that row and answers with the service's own coded error).
 */
const RETRYABLE_CODES = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_CHECKREAD',
  '40001',
  '40P01',
  '55P03',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
  ...DUPLICATE_KEY_CODES,
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
 * row being changed, a head row last (the hour ledger's or the need feed's); the figures a lock guards are read after
 * it, with `forShare`.
 */
export async function inTransaction<T>(
  context: HubContext,
  work: (manager: EntityManager) => Promise<T>,
  { publicData = true }: { publicData?: boolean } = {},
): Promise<T> {
  const dataSource = context.dataSource;
  const transaction = () =>
    dataSource.transaction(async (manager) => {
      auditAttemptStarted(context);
      const done = await work(manager);
      await auditInTransaction(manager, context, done);
      return done;
    });
  for (let attempt = 1; ; attempt += 1) {
    try {
      // The write fence (write-fence.ts) brackets each attempt that can change public data, so cached public reads
      // never outlive it. Writes that cannot (sessions, sign-in counters) stay outside: anyone may call signIn, and
      // it must neither empty the cache nor depend on Redis.
      const result = await oneWriteAtATime(dataSource, () =>
        publicData ? fencedWrite(dataSource, transaction) : transaction(),
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
