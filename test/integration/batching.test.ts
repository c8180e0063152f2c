import { requestStatements } from '../../src/db/query-counter';
import { IDENTITIES } from '../helpers/identities';
import { NESTED_SERVICES } from '../helpers/operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';

let t: TestHub;
beforeAll(async () => {
  // Batching is measured on documents the request budget would refuse; the budget has its own tests.
  t = await startTestHub({ env: { QUERY_COST_LIMIT: '100000000' } });
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
  // Measured the same on SQLite and MariaDB: the page and its count, then one batch per relation or figure —
  // providers, their organizationCount, the regions of services and providers together, volunteerCount, population.
  expect(small.statements).toBe(7);
});

const FINDING_1 =
  '{ region(id:"530400000000"){ children { children { children { linkageIndex { needsResolved } } } } } }';

/** `fields` of the city itself (levels 0), of its counties (1), or of the ~700 regions three levels down (3). */
const tree = (levels: number, fields: string) =>
  `{ region(id: "530400000000") { ${'children { '.repeat(levels)}${fields}${' }'.repeat(levels)} } }`;

async function statementsOf(query: string): Promise<number> {
  t.database.queries.reset();
  await t.query(query);
  return t.database.queries.reset();
}

test('the linkage index of every region three levels down costs 6 statements, not one set per region', async () => {
  const statements = await statementsOf(FINDING_1);
  process.stdout.write(`SQL statements for linkageIndex under three levels of children: ${statements}\n`);
  // The region, one per level of children, then resolved needs and their societies for the whole level.
  expect(statements).toBe(6);
});

test.each([
  // [fields, statements for the city alone, for the ~700 regions three levels down]
  ['linkageIndex { needsResolved }', 3, 6],
  ['needList { category open resolved unmetOver30Days }', 2, 5],
  ['projectList { status count round { name } }', 3, 6],
  ['unmetNeedCategories { category priority }', 2, 5],
  ['needs { totalCount nodes { number } }', 4, 7],
  ['needs(first: 2, after: "bzow") { nodes { number } }', 3, 6],
  ['needStats { total open resolved rejected }', 2, 5],
  ['needTrend { month submitted resolved }', 2, 5],
  ['servedPersonTimes', 2, 5],
  ['resourceList { category services stations volunteers funds }', 5, 8],
  ['stationCoverage { complete communities }', 3, 6],
  ['population', 2, 5],
  ['organizationCount organizationsPer10k', 3, 6],
  ['socialWorkerCount', 2, 5],
  ['volunteerCount volunteerTeamCount volunteerActivityCount volunteerHours', 2, 5],
])('%s: %d statements for the city, %d for every region three levels down', async (fields, city, threeDown) => {
  expect(await statementsOf(tree(0, fields))).toBe(city);
  // Two more levels of children, one statement each; the field itself costs the same for ~700 regions as for one.
  expect(await statementsOf(tree(3, fields))).toBe(threeDown);
});

test('past its statement budget a request is refused with a code, never an internal error', async () => {
  // As a signed-in caller: the anonymous FINDING_1 above is in the public-read cache and would send no SQL at all.
  const result = await requestStatements.run({ count: 0, limit: 3 }, () => t.execute(FINDING_1, {}, IDENTITIES.ADMIN));
  const codes = new Set((result.errors ?? []).map((e) => e.extensions?.code));
  expect([...codes]).toEqual(['COST_LIMIT_EXCEEDED']);
});
