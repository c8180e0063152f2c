import { createClient } from '@redis/client';
import { AuditEntry, AuditKind } from '../../src/audit/audit-entry.entity';
import { Role } from '../../src/auth/identity';
import { UPDATE_STATION } from '../helpers/admin-operations';
import { startHubProcess, type HubProcess } from '../helpers/hub-process';
import { TEST_REDIS_URL, testRedisPrefix } from '../helpers/redis-prefix';
import { relayTo, type TcpRelay } from '../helpers/tcp-relay';
import { startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type GraphQLResult, type TestHub } from '../helpers/test-hub';

// Hub replicas sharing REDIS_URL share the rate limits (src/graphql/rate-limiters.ts): a token's mutations per
// minute are counted once across them, whichever replica a request reaches. While Redis is unreachable each replica
// counts in its own memory and keeps answering; when Redis is back they share again. The replicas are separate
// `wushe serve` processes over one database (this file's SQLite file, or its MariaDB/PostgreSQL database).

let t: TestHub;
const redis = testRedisPrefix();
const started: HubProcess[] = [];
let stationIds: string[];

/** The default limit: 120 mutation fields per minute per token (MUTATIONS_PER_MINUTE_PER_TOKEN). */
const DEFAULT_PER_TOKEN = 120;

function replicaEnv(redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: t.testDatabase.url,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: TEST_DATA_KEY,
    NODE_ENV: 'test',
    REDIS_URL: redisUrl,
    RATE_LIMIT_REDIS_PREFIX: `${redis.prefix}rate-limit:`,
    PUBLIC_CACHE_REDIS_PREFIX: `${redis.prefix}public-cache:`,
    // A burst of writes on a 2-core machine may wait for the pool longer than the default 2 s; SERVICE_BUSY would
    // be another answer than the one under test.
    ADMISSION_WAIT_MS: '120000',
    ...extra,
  };
}

async function replica(env: Record<string, string>): Promise<HubProcess> {
  const hub = await startHubProcess(env);
  started.push(hub);
  return hub;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: GraphQLResult;
}

async function updateStation(hub: HubProcess, token: string, id: string): Promise<Answer> {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: UPDATE_STATION, variables: { id } }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as GraphQLResult,
  };
}

const succeeded = (answer: Answer) =>
  answer.status === 200 && answer.body.errors === undefined && !!answer.body.data?.updateServiceStation;

/** A 429 RATE_LIMITED with a Retry-After of at least a second and at most the window. */
function expectRateLimited(answer: Answer) {
  expect(answer.status).toBe(429);
  expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
}

/** `count` updates, one after another, through `hub` as `token`. */
async function inTurn(hub: HubProcess, token: string, count: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < count; i += 1) answers.push(await updateStation(hub, token, stationIds[i % stationIds.length]));
  return answers;
}

async function auditedBy(subject: string) {
  const entries = t.database.dataSource.getRepository(AuditEntry);
  const mutations = await entries.countBy({ subject, kind: AuditKind.MUTATION });
  const refusals = (await entries.findBy({ subject, kind: AuditKind.REFUSAL })).reduce((n, row) => n + row.count, 0);
  return { mutations, refusals };
}

beforeAll(async () => {
  t = await startTestHub();
  const data = await t.query<{ serviceStations: { nodes: { id: string }[] } }>(
    `{ serviceStations(first: 20) { nodes { id } } }`,
  );
  stationIds = data.serviceStations.nodes.map((node) => node.id);
  expect(stationIds).toHaveLength(20);
});

afterAll(async () => {
  await Promise.all(started.map((hub) => hub.stop()));
  await t?.close();
  await redis.drop();
});

test('two replicas sharing Redis: of 130 mutations sent at once, alternately to each, exactly 120 run', async () => {
  const [a, b] = await Promise.all([replica(replicaEnv(TEST_REDIS_URL)), replica(replicaEnv(TEST_REDIS_URL))]);
  const subject = 'replicas-shared';
  const token = await t.token({ role: Role.ADMIN, subject });
  const answers = await Promise.all(
    Array.from({ length: 130 }, (_, i) => updateStation(i % 2 ? b : a, token, stationIds[i % stationIds.length])),
  );
  const refused = answers.filter((answer) => !succeeded(answer));
  expect(answers.length - refused.length).toBe(DEFAULT_PER_TOKEN);
  for (const answer of refused) expectRateLimited(answer);
  // The 121st, 122nd … of the minute is refused whichever replica gets it.
  expectRateLimited(await updateStation(a, token, stationIds[0]));
  expectRateLimited(await updateStation(b, token, stationIds[1]));
  // What ran is what the audit log holds: 120 committed mutations, and every refusal noted.
  expect(await auditedBy(subject)).toEqual({ mutations: DEFAULT_PER_TOKEN, refusals: 12 });
  // Counted under RATE_LIMIT_REDIS_PREFIX, in the hub's namespace, for this token's subject, expiring with the window.
  const client = createClient({ url: TEST_REDIS_URL });
  await client.connect();
  try {
    const ttl = await client.ttl(`${redis.prefix}rate-limit:hub:mutations-per-token:${subject}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  } finally {
    await client.close();
  }
  // Another token has its own 120.
  const other = await t.token({ role: Role.ADMIN, subject: 'replicas-other' });
  expect(succeeded(await updateStation(b, other, stationIds[2]))).toBe(true);
  await Promise.all([a.stop(), b.stop()]);
});

describe('Redis going away and coming back', () => {
  let relay: TcpRelay;
  let a: HubProcess;
  let b: HubProcess;
  // A small limit keeps each phase short; the public cache is off so that writes do not depend on Redis (with it
  // on they are refused while Redis is unreachable: docs/decisions.md, "Cached public reads").
  const LIMIT = 3;

  beforeAll(async () => {
    relay = await relayTo(new URL(TEST_REDIS_URL));
    const env = replicaEnv(relay.url, { MUTATIONS_PER_MINUTE_PER_TOKEN: String(LIMIT), PUBLIC_CACHE: 'off' });
    [a, b] = await Promise.all([replica(env), replica(env)]);
  });
  afterAll(async () => {
    await relay?.cut();
  });

  /** Alternately through a and b, one after another: how many of `count` ran; the rest must be RATE_LIMITED. */
  async function alternating(token: string, count: number): Promise<number> {
    let ran = 0;
    for (let i = 0; i < count; i += 1) {
      const answer = await updateStation(i % 2 ? b : a, token, stationIds[i % stationIds.length]);
      if (succeeded(answer)) ran += 1;
      else expectRateLimited(answer);
    }
    return ran;
  }

  test('shared while up, per replica while down (no request fails for it), shared again once back', async () => {
    expect(await alternating(await t.token({ role: Role.ADMIN, subject: 'relay-before' }), LIMIT + 2)).toBe(LIMIT);

    await relay.cut();
    await Promise.all([a.logged(/rate limits: Redis unreachable/), b.logged(/rate limits: Redis unreachable/)]);
    const whileDown = await t.token({ role: Role.ADMIN, subject: 'relay-down' });
    for (const hub of [a, b]) {
      const answers = await inTurn(hub, whileDown, LIMIT + 1);
      expect(answers.slice(0, LIMIT).every(succeeded)).toBe(true);
      expectRateLimited(answers[LIMIT]);
    }
    // Reads too are answered, and still limited by cost per address (in memory meanwhile).
    const read = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ region(id: "530400000000") { name } }' }),
    });
    expect(await read.json()).toEqual({ data: { region: { name: '玉溪市' } } });

    await relay.restore();
    await Promise.all([a.logged(/rate limits: Redis reachable again/), b.logged(/rate limits: Redis reachable again/)]);
    expect(await alternating(await t.token({ role: Role.ADMIN, subject: 'relay-after' }), LIMIT + 2)).toBe(LIMIT);
  });
});
