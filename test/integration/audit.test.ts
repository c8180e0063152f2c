import { ApolloServer } from '@apollo/server';
import { Role, type Identity } from '../../src/auth/identity';
import { requestContexts, type HubContext } from '../../src/graphql/context';
import { localLookups } from '../../src/subgraphs/registry';
import { buildSubgraph } from '../../src/federation/subgraph';
import { apolloOptions } from '../../src/server/hub';
import { linkageSubgraph } from '../../src/subgraphs/linkage';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import { startTestHub, type GraphQLResult, type TestHub } from '../helpers/test-hub';
import type {
  AuditEntriesQuery,
  NeedDescriptionQuery,
  RegisterResidentMutation,
  ResidentQuery,
  SubmitNeedMutation,
} from '../helpers/generated/operations';

// The audit log: committed mutations in their own transaction, refusals compactly, personal-data reads.
let t: TestHub;
const admin = IDENTITIES.ADMIN;

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close();
});

async function audit(filter: Record<string, unknown>) {
  return (await t.query<AuditEntriesQuery>(Op.AUDIT_ENTRIES, { filter }, admin)).auditLog;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.database.dataSource.query(sql, params);
  return Number(row.n);
}

/** An operation as `identity` from `address`, the way the HTTP edge builds its context. */
async function executeFrom(
  address: string,
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await t.hub.server.executeOperation(
    { query, variables },
    { contextValue: t.hub.context(identity, address) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

test('a committed mutation has its audit row: who, role, region, operation, target ids, returned id, request id', async () => {
  const need = (
    await t.query<SubmitNeedMutation>(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    )
  ).submitNeed.id;
  const rows = (await audit({ operation: 'submitNeed', kind: 'MUTATION' })).nodes;
  expect(rows.filter((row) => row.target === `communityId=${XIAHE} → ${need}`)).toEqual([
    {
      kind: 'MUTATION',
      subject: 'bot-liqi',
      role: 'BOT',
      regionId: LIQI,
      operation: 'submitNeed',
      target: `communityId=${XIAHE} → ${need}`,
      record: null,
      outcome: 'OK',
      count: 1,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientAddress: '127.0.0.1',
    },
  ]);
});

test('the audit row commits with the mutation or not at all: when it cannot be written, nothing lands', async () => {
  const needsBefore = await count('SELECT COUNT(*) AS n FROM need');
  // The audit table is out of reach: a mutation that cannot write its row must not commit its change either.
  await t.database.dataSource.query('ALTER TABLE audit_entry RENAME TO audit_entry_away');
  try {
    const result = await t.execute(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    );
    expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  } finally {
    await t.database.dataSource.query('ALTER TABLE audit_entry_away RENAME TO audit_entry');
  }
  expect(await count('SELECT COUNT(*) AS n FROM need')).toBe(needsBefore);
});

test('a subgraph served alone writes the audit row itself, in its own transaction (any router in front)', async () => {
  const built = buildSubgraph(linkageSubgraph);
  const server = new ApolloServer<HubContext>({ schema: built.schema, ...apolloOptions(t.config, () => undefined) });
  await server.start();
  try {
    const response = await server.executeOperation(
      { query: Op.SUBMIT_NEED, variables: { communityId: XIAHE } },
      {
        contextValue: requestContexts({
          dataSource: t.database.dataSource,
          config: t.config,
          // The community code is checked through the community subgraph's lookup, as if its owner were reachable.
          references: localLookups(),
        }).context(IDENTITIES.STAFF_IN, '10.1.1.1'),
      },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const need = (response.body.singleResult.data as SubmitNeedMutation).submitNeed.id;
    const rows = (await audit({ operation: 'submitNeed', subject: 'staff-liqi' })).nodes;
    expect(rows.filter((row) => row.target === `communityId=${XIAHE} → ${need}`)).toMatchObject([
      { kind: 'MUTATION', outcome: 'OK', clientAddress: '10.1.1.1' },
    ]);
  } finally {
    await server.stop();
  }
});

test('a mutation refused inside its transaction leaves no OK row and one refusal row for the request', async () => {
  const need = (
    await t.query<SubmitNeedMutation>(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    )
  ).submitNeed.id;
  // Rating a need that is not resolved fails inside the transaction, three times in one request.
  const result = await executeFrom(
    '10.2.2.2',
    IDENTITIES.STAFF_IN,
    `mutation($id: ID!) { a: rateNeed(id: $id, rating: 5) { id } b: rateNeed(id: $id, rating: 4) { id }
      c: rateNeed(id: $id, rating: 3) { id } }`,
    { id: need },
  );
  expect(result.errors?.[0].extensions?.code).toBe('NOT_RESOLVED');
  const rows = (await audit({ operation: 'rateNeed' })).nodes;
  expect(rows).toEqual([
    expect.objectContaining({
      kind: 'REFUSAL',
      subject: 'staff-liqi',
      target: `id=${need}`,
      outcome: 'NOT_RESOLVED',
      clientAddress: '10.2.2.2',
    }),
  ]);
  expect(await count('SELECT COUNT(*) AS n FROM need WHERE id = ? AND rating IS NOT NULL', [Number(need)])).toBe(0);
});

test('a STAFF read of a resident and of a need description is recorded, naming the record; in one insert', async () => {
  const resident = (
    await t.query<RegisterResidentMutation>(
      Op.REGISTER_RESIDENT,
      { regionId: XIAHE, phone: '13812345678', consentAt: new Date() },
      admin,
    )
  ).registerResident.id;
  const need = (
    await t.query<SubmitNeedMutation>(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    )
  ).submitNeed.id;

  await t.query<ResidentQuery>(Op.RESIDENT, { id: resident }, IDENTITIES.STAFF_IN);
  expect((await audit({ kind: 'READ', record: `Resident:${resident}`, subject: 'staff-liqi' })).nodes).toEqual([
    expect.objectContaining({
      kind: 'READ',
      role: 'STAFF',
      operation: 'Resident.name,phone,tags',
      target: `id=${resident}`,
      record: `Resident:${resident}`,
      outcome: 'OK',
    }),
  ]);

  // By date: the read lies after `since` and before `until`.
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  const byDate = (since: string, until: string) =>
    audit({ kind: 'READ', record: `Resident:${resident}`, subject: 'staff-liqi', since, until }).then(
      (log) => log.totalCount,
    );
  expect(await byDate(hourAgo, inAnHour)).toBe(1);
  expect(await byDate(inAnHour, new Date(Date.now() + 7_200_000).toISOString())).toBe(0);

  await t.query<NeedDescriptionQuery>(Op.NEED_DESCRIPTION, { id: need }, IDENTITIES.STAFF_IN);
  expect((await audit({ kind: 'READ', record: `Need:${need}`, subject: 'staff-liqi' })).nodes).toEqual([
    expect.objectContaining({ operation: 'Need.description', target: `id=${need}`, record: `Need:${need}` }),
  ]);

  // A page of residents is recorded with one statement, whatever its size: 1 row read costs what 6 do.
  for (let i = 0; i < 5; i += 1)
    await t.query<RegisterResidentMutation>(Op.REGISTER_RESIDENT, { regionId: XIAHE }, admin);
  const page = (first: number) =>
    t.query<{ residents: { nodes: unknown[] } }>(
      `query($first: Int) { residents(first: $first) { nodes { id name } } }`,
      { first },
      admin,
    );
  t.database.queries.reset();
  expect((await page(1)).residents.nodes).toHaveLength(1);
  const statementsForOne = t.database.queries.reset();
  expect((await page(6)).residents.nodes).toHaveLength(6);
  expect(t.database.queries.reset()).toBe(statementsForOne);
});

test('public reads of needs add no personal-data row (nothing personal is shown to them)', async () => {
  const need = (
    await t.query<SubmitNeedMutation>(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    )
  ).submitNeed.id;
  const before = await count("SELECT COUNT(*) AS n FROM audit_entry WHERE kind = 'READ'");
  const answer = await t.query<NeedDescriptionQuery>(Op.NEED_DESCRIPTION, { id: need }, IDENTITIES.PUBLIC);
  expect(answer.need!.description).toBeNull();
  await t.query(`{ needs(first: 20) { nodes { number description contactPhone } } }`, {}, IDENTITIES.PUBLIC);
  expect(await count("SELECT COUNT(*) AS n FROM audit_entry WHERE kind = 'READ'")).toBe(before);
});

test('300 refused anonymous requests of 15 aliased mutations write 21 rows (20, then one counter), not 4,500', async () => {
  const fields = Array.from({ length: 15 }, (_, i) => `f${i}: acceptNeed(id: "1") { id }`).join(' ');
  const before = await count("SELECT COUNT(*) AS n FROM audit_entry WHERE client_address = '10.3.3.3'");
  expect(before).toBe(0);
  for (let i = 0; i < 300; i += 1) {
    const result = await executeFrom('10.3.3.3', IDENTITIES.PUBLIC, `mutation { ${fields} }`);
    expect(result.errors?.length).toBeGreaterThan(0);
  }
  const [row] = await t.database.dataSource.query(
    "SELECT COUNT(*) AS n, SUM(count) AS refused FROM audit_entry WHERE client_address = '10.3.3.3'",
  );
  expect(Number(row.n)).toBe(21);
  expect(Number(row.refused)).toBeGreaterThanOrEqual(300);
  const counter = (await audit({ operation: '(over limit)', subject: 'anonymous' })).nodes;
  expect(counter).toEqual([expect.objectContaining({ kind: 'REFUSAL', outcome: 'REFUSED' })]);
  expect(counter[0].count).toBeGreaterThanOrEqual(280);
});

test('a request over its SQL statement budget still leaves its personal-data rows', async () => {
  const small = await startTestHub({ env: { STATEMENTS_PER_REQUEST: '4' } });
  try {
    const resident = (
      await small.query<RegisterResidentMutation>(
        Op.REGISTER_RESIDENT,
        { regionId: XIAHE, phone: '13812345678', consentAt: new Date() },
        admin,
      )
    ).registerResident.id;
    const url = await small.listen();
    const token = await small.token({ role: Role.STAFF, subject: 'staff-over-budget', regionId: LIQI });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `{ residents(first: 3) { nodes { id name phone } }
          region(id: "${LIQI}") { organizationCount volunteerCount volunteerTeamCount volunteerActivityCount socialWorkerCount } }`,
      }),
    });
    const body = (await response.json()) as GraphQLResult<{ residents: { nodes: { id: string }[] } }>;
    // The budget bit, and the resident was read all the same.
    expect(body.errors?.map((e) => e.extensions?.code)).toContain('COST_LIMIT_EXCEEDED');
    expect(body.data!.residents.nodes.map((n) => n.id)).toContain(resident);
    const rows = (
      await small.query<AuditEntriesQuery>(
        Op.AUDIT_ENTRIES,
        { filter: { kind: 'READ', record: `Resident:${resident}`, subject: 'staff-over-budget' } },
        admin,
      )
    ).auditLog.nodes;
    expect(rows).toEqual([expect.objectContaining({ subject: 'staff-over-budget', operation: 'Resident.name,phone' })]);
  } finally {
    await small.close();
  }
});
