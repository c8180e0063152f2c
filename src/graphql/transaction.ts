import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { auditInTransaction, transactionCommitted } from '../audit/audit-log';
import { NotFoundError } from './errors';
import type { HubContext } from './context';

/**
 * Runs a mutation's reads and writes in one transaction: either all of it lands or none of it. The mutation's
 * audit row is written by the same transaction, so a committed change without its row cannot exist.
 */
export async function inTransaction<T>(context: HubContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const result = await context.dataSource.transaction(async (manager) => {
    const done = await work(manager);
    await auditInTransaction(manager, context, done);
    return done;
  });
  transactionCommitted(context);
  return result;
}

/**
 * SELECT … FOR UPDATE on MySQL, so two requests cannot both take the last place or the last yuan. SQLite has no
 * row locks and needs none: it runs one write transaction at a time.
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.connection.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write');
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
