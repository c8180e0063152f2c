import type { DataSource, EntityManager } from 'typeorm';
import { newAuditState } from '../../src/audit/audit-log';
import type { HubContext } from '../../src/graphql/context';
import { DomainError } from '../../src/errors';
import { inTransaction } from '../../src/graphql/transaction';

/** A context whose database fails the first `failures` transactions with the driver error `code`. */
function contextFailing(failures: number, code: string) {
  let calls = 0;
  const dataSource = {
    options: { type: 'mariadb' },
    transaction: async (work: (manager: EntityManager) => Promise<unknown>) => {
      calls += 1;
      if (calls <= failures) throw Object.assign(new Error(`driver says ${code}`), { code });
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  // No mutation is running, so the audit step writes nothing and the stand-in needs no repository.
  return { context: { dataSource, audit: newAuditState() } as HubContext, calls: () => calls };
}

describe('inTransaction', () => {
  test.each([
    'ER_LOCK_DEADLOCK',
    'ER_LOCK_WAIT_TIMEOUT',
    'ER_DUP_ENTRY',
    'SQLITE_BUSY',
    '40001',
    '40P01',
    '55P03',
    '23505',
  ])('runs the whole work again after %s', async (code) => {
    const { context, calls } = contextFailing(2, code);
    await expect(inTransaction(context, async () => 'done')).resolves.toBe('done');
    expect(calls()).toBe(3);
  });

  test('gives up after 6 attempts with a coded CONFLICT', async () => {
    const { context, calls } = contextFailing(100, 'ER_LOCK_DEADLOCK');
    const error = await inTransaction(context, async () => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CONFLICT');
    expect((error as DomainError).message).toContain('retry');
    expect(calls()).toBe(6);
  });

  test('passes any other error through at once', async () => {
    const { context, calls } = contextFailing(100, 'ER_BAD_FIELD_ERROR');
    await expect(inTransaction(context, async () => 'never')).rejects.toThrow('driver says ER_BAD_FIELD_ERROR');
    expect(calls()).toBe(1);
  });
});
