import { NESTED_SERVICES } from '../helpers/operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

async function statementsFor(first: number): Promise<{ statements: number; edges: number }> {
  t.database.queries.reset();
  const data = await t.query<{ services: { edges: unknown[] } }>(NESTED_SERVICES, { first });
  return { statements: t.database.queries.reset(), edges: data.services.edges.length };
}

test('a query across organization, community and volunteer costs the same SQL for 5 and 50 items', async () => {
  const small = await statementsFor(5);
  const large = await statementsFor(50);
  expect(small.edges).toBe(5);
  expect(large.edges).toBe(50);
  expect(large.statements).toBe(small.statements);
  process.stdout.write(
    `SQL statements for NestedServices: first 5 → ${small.statements}, first 50 → ${large.statements}\n`,
  );
  // Page + count, then one batch per relation or figure; recorded in the issue note and bench/RESULTS.md.
  expect(small.statements).toBeLessThanOrEqual(12);
});
