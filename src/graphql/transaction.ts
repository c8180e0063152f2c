import type { EntityManager } from 'typeorm';
import type { HubContext } from './context';

/** Runs a mutation's reads and writes in one transaction: either all of it lands or none of it. */
export function inTransaction<T>(context: HubContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return context.dataSource.transaction(work);
}
