import type { DeepPartial, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../errors';

/*
 * Reading, locking and inserting single rows inside a transaction's manager. Nothing here knows the request:
 * `inTransaction` (src/graphql/transaction.ts) opens the transaction these run in.
 */

const onSqlite = (query: SelectQueryBuilder<ObjectLiteral>) => query.connection.options.type === 'better-sqlite3';
const onPostgres = (query: SelectQueryBuilder<ObjectLiteral>) => query.connection.options.type === 'postgres';

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
 * sees every committed row. Use it for the counts and sums a `forUpdate` lock guards. PostgreSQL needs none: under
 * its READ COMMITTED every statement takes a fresh snapshot, taken after the lock was granted (and it refuses
 * FOR SHARE on an aggregate).
 */
export function forShare<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return onSqlite(query) || onPostgres(query) ? query : query.setLock('pessimistic_read');
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
