import { SignJWT } from 'jose';
import { Role } from '../../src/auth/identity';
import { hostileCorpus, type HostileRequest } from '../helpers/hostile-corpus';
import { IDENTITIES, JIANGCHUAN_COMMUNITY, LIQI } from '../helpers/identities';
import type { SubmitCategoryNeedMutation } from '../helpers/generated/operations';
import * as L from '../helpers/linkage-operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';

// The hub in production mode, over HTTP, against ≥ 200 hostile or malformed requests.
let t: TestHub;
let base: string;
let staffToken: string;
let corpus: HostileRequest[];

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const metadata of t.database.dataSource.entityMetadatas) {
    // The audit log is meant to grow: it records every refused mutation too.
    if (metadata.tableName === 'audit_entry') continue;
    const [row] = await t.database.dataSource.query(
      `SELECT COUNT(*) AS n FROM ${t.database.dataSource.driver.escape(metadata.tableName)}`,
    );
    counts[metadata.tableName] = Number(row.n);
  }
  return counts;
}

async function send(request: HostileRequest): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': request.contentType ?? 'application/json' };
  if (request.staffToken) headers.authorization = `Bearer ${staffToken}`;
  if (request.authorization) headers.authorization = request.authorization;
  const response = await fetch(`${base}/graphql${request.search ?? ''}`, {
    method: request.method ?? 'POST',
    headers: request.method === 'GET' ? { 'apollo-require-preflight': 'true' } : headers,
    body: request.method === 'GET' ? undefined : request.body,
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  t = await startTestHub({
    env: {
      NODE_ENV: 'production',
      MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000',
      MUTATIONS_PER_MINUTE_PER_TOKEN: '100000',
    },
  });
  base = await t.listen();
  staffToken = await t.token({ role: Role.STAFF, subject: 'staff-liqi', regionId: LIQI });
  const foreignNeeds: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const need = await t.query<SubmitCategoryNeedMutation>(
      L.SUBMIT_CATEGORY_NEED,
      { c: JIANGCHUAN_COMMUNITY, cat: 'OTHER' },
      IDENTITIES.ADMIN,
    );
    foreignNeeds.push(need.submitNeed.id);
  }
  const foreignOrg = await t.query<{ organizations: { nodes: { id: string }[] } }>(
    '{ organizations(filter: { regionId: "530403000000" }, first: 1) { nodes { id } } }',
  );
  corpus = hostileCorpus(foreignNeeds, foreignOrg.organizations.nodes[0].id);
  const wrongSecret = await new SignJWT({ role: 'ADMIN' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('x')
    .setIssuer('wushe')
    .setAudience('wushe-hub')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('not-the-secret-at-all'));
  const expired = await new SignJWT({ role: 'ADMIN' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('x')
    .setIssuer('wushe')
    .setAudience('wushe-hub')
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(new TextEncoder().encode('test-secret-for-wushe-tests'));
  corpus.push({
    name: 'token signed with another secret',
    body: JSON.stringify({
      query:
        'mutation { openProjectRound(input: { name: "x", sponsor: "y", openedOn: "2027-01-01", quota: 1 }) { id } }',
    }),
    authorization: `Bearer ${wrongSecret}`,
  });
  corpus.push({
    name: 'expired token',
    body: JSON.stringify({ query: '{ __typename }' }),
    authorization: `Bearer ${expired}`,
  });
  for (const document of [
    '{ __schema { types { name } } }',
    '{ __type(name: "Need") { fields { name } } }',
    'query { ...I } fragment I on Query { __schema { queryType { name } } }',
  ]) {
    corpus.push({
      name: `introspection in production: ${document.slice(0, 24)}`,
      body: JSON.stringify({ query: document }),
    });
  }
  for (const typo of [
    '{ regoin(id: "530400000000") { name } }',
    '{ region(id: "530400000000") { nmae } }',
    '{ servces { totalCount } }',
    '{ needs(filtr: {}) { totalCount } }',
    '{ region(id: "530400000000") { populaton } }',
  ]) {
    corpus.push({ name: `typo in production: ${typo.slice(0, 24)}`, body: JSON.stringify({ query: typo }) });
  }
}, 120_000);
afterAll(() => t?.close());

test('≥ 200 hostile requests: each gets a clear coded error, nothing is written, the server stays up', async () => {
  expect(corpus.length).toBeGreaterThanOrEqual(200);
  const before = await rowCounts();
  const failures: string[] = [];
  for (const request of corpus) {
    const { status, text } = await send(request);
    let body: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const codes = body?.errors?.map((e) => e.extensions?.code) ?? [];
    if (/stacktrace|\bat [\w.]+ \(|node_modules|Did you mean/i.test(text))
      failures.push(`${request.name}: leaks internals or suggestions`);
    if (request.harmless) {
      if (status !== 200 || codes.length)
        failures.push(`${request.name}: a search should be answered (${status} ${text.slice(0, 120)})`);
      continue;
    }
    const coded =
      codes.length > 0 && codes.every((code) => typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR');
    if (!coded || (status === 200 && body?.data && !body.errors))
      failures.push(`${request.name}: ${status} ${text.slice(0, 160)}`);
  }
  expect(failures).toEqual([]);
  expect(await rowCounts()).toEqual(before);
  expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  const still = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ region(id: "530400000000") { name } }' }),
  });
  expect(await still.json()).toEqual({ data: { region: { name: '玉溪市' } } });
}, 300_000);
