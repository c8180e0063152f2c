import { Role } from '../../src/auth/identity';
import { REPORTER_A, SUBMIT_NEED } from '../helpers/admin-operations';
import { LIQI, XIAHE } from '../helpers/identities';
import type { SubmitNeedMutation } from '../helpers/generated/operations';
import { startTestHub, type TestHub, type GraphQLResult } from '../helpers/test-hub';

// Tokens at the HTTP edge, and the mutation rate limit per token.
const WINDOW_SECONDS = 5;
let t: TestHub;
let base: string;
beforeAll(async () => {
  t = await startTestHub({
    env: {
      MUTATIONS_PER_MINUTE_PER_TOKEN: '3',
      MUTATIONS_PER_MINUTE_PER_ADDRESS: '1000',
      // Short enough to wait out, long enough for five requests on a busy machine.
      MUTATION_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
  });
  base = await t.listen();
});
afterAll(() => t?.close());

type NeedTotal = { region: { needStats: { total: number } } };

async function post<T = Record<string, unknown>>(query: string, variables: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as GraphQLResult<T>,
  };
}

test('a BOT token registers needs in its region; a bad token is 401; none is PUBLIC', async () => {
  const bot = await t.token({ role: Role.BOT, subject: 'bot-http', regionId: LIQI });
  const ok = await post<SubmitNeedMutation>(SUBMIT_NEED, { communityId: XIAHE, reporterRef: REPORTER_A }, bot);
  expect(ok.status).toBe(200);
  expect(ok.body.data!.submitNeed.status).toBe('SUBMITTED');
  const bad = await post('{ __typename }', {}, `${bot}x`);
  expect(bad.status).toBe(401);
  expect(bad.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const anonymous = await post(SUBMIT_NEED, { communityId: XIAHE });
  expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('mutations beyond the per-token limit are refused with 429 until the window passes', async () => {
  const staff = await t.token({ role: Role.STAFF, subject: 'staff-rate', regionId: LIQI });
  const statuses: number[] = [];
  const codes: unknown[] = [];
  for (let i = 0; i < 5; i += 1) {
    const result = await post(SUBMIT_NEED, { communityId: XIAHE }, staff);
    statuses.push(result.status);
    codes.push(result.body.errors?.[0]?.extensions?.code);
  }
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  expect(codes.slice(3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  const query = await post(`{ region(id: "${XIAHE}") { needStats { total } } }`, {}, staff);
  expect(query.status).toBe(200);
  const refused = await post(SUBMIT_NEED, { communityId: XIAHE }, staff);
  expect(refused.status).toBe(429);
  const wait = Number(refused.retryAfter);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(WINDOW_SECONDS);
  // Retry-After is the rest of the window rounded up to whole seconds: waited out, the window has passed.
  await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  const accepted = await post<SubmitNeedMutation>(SUBMIT_NEED, { communityId: XIAHE }, staff);
  expect([accepted.status, accepted.body.errors]).toEqual([200, undefined]);
  expect(accepted.body.data!.submitNeed.status).toBe('SUBMITTED');
});

test('every aliased mutation field counts against the limit: four in one request on a limit of three are refused', async () => {
  const staff = await t.token({ role: Role.STAFF, subject: 'staff-aliases', regionId: LIQI });
  const submit = (alias: string) =>
    `${alias}: submitNeed(input: { category: ELDERLY_CARE, description: "独居老人需要每周上门探访", urgency: HIGH, communityId: $communityId }) { id }`;
  const needs = `{ region(id: "${XIAHE}") { needStats { total } } }`;
  const before = (await post<NeedTotal>(needs, {}, staff)).body.data!.region.needStats.total;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
    body: JSON.stringify({
      query: `mutation ($communityId: ID!) { ${['a', 'b', 'c', 'd'].map(submit).join(' ')} }`,
      variables: { communityId: XIAHE },
    }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  expect([response.status, response.headers.get('retry-after'), body.errors?.[0]?.extensions?.code]).toEqual([
    429,
    expect.stringMatching(/^\d+$/),
    'RATE_LIMITED',
  ]);
  expect((await post<NeedTotal>(needs, {}, staff)).body.data!.region.needStats.total).toBe(before);
});
