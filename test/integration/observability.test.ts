import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Role } from '../../src/auth/identity';
import { signToken } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config/config';
import { seedYuxi } from '../../src/seed';
import { parseSamples, valueOf, type Sample } from '../helpers/prometheus-text';
import { CLI } from '../helpers/subgraph-process';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { SMALL_SCALE, startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET } from '../helpers/test-hub';

// The log lines, /metrics, /healthz and /readyz of real processes, started as an operator starts them: a hub
// (`wushe serve`, LOG_LEVEL=info, METRICS_TOKEN set), a subgraph alone and a `wushe gateway` in front of it
// (LOG_LEVEL=warn, METRICS=off).

const METRICS_TOKEN = 'obs-test-metrics-token-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const serverBackend = !!process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('sqlite:');

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

interface Served {
  child: ChildProcess;
  /** http://127.0.0.1:port */
  base: string;
  startLine: string;
  /** Everything written to stderr so far, by line. */
  lines(): string[];
  /** The JSON log lines so far. */
  log(): LogLine[];
  exited: Promise<unknown>;
}

/** A port the system just handed out (PORT must be a positive number). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `wushe <args>` with exactly `env` (plus PATH); resolves on its start line. */
function start(args: string[], env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const lines = () => output.split('\n').filter(Boolean);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let started = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const startLine = lines().find((line) => /^wushe (hub|subgraph \w+): http:\/\/\S+\/graphql/.test(line));
      if (startLine && !started) {
        started = true;
        const base = /(http:\/\/\S+)\/graphql/.exec(startLine)![1].replace('localhost', '127.0.0.1');
        resolve({
          child,
          base,
          startLine,
          lines,
          log: () =>
            lines()
              .filter((line) => line.startsWith('{'))
              .map((line) => JSON.parse(line) as LogLine),
          exited,
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`wushe ${args.join(' ')} exited with ${code}: ${output}`)));
  });
}

/** The log line a process wrote for `requestId` (it is written just after the answer, so it may take a moment). */
async function logLineFor(served: Served, requestId: string): Promise<LogLine> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const line = served.log().find((l) => l.msg === 'graphql' && l.requestId === requestId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no log line for request ${requestId} in:\n${served.lines().join('\n')}`);
}

interface Answer {
  status: number;
  requestId: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as Answer['body'],
  };
}

async function scrape(base: string, token = METRICS_TOKEN): Promise<Sample[]> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parseSamples(await response.text());
}

const codes = (answer: Answer) => answer.body.errors?.map((e) => e.extensions?.code);

let testDatabase: TestDatabase;
let hub: Served;
let subgraph: Served;
let gateway: Served;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  const database = await testDatabase.open();
  await seedYuxi(database.dataSource, SMALL_SCALE);
  await database.dataSource.destroy();
  const common = {
    DATABASE_URL: testDatabase.url,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: TEST_DATA_KEY,
    NODE_ENV: 'test',
  };
  [hub, subgraph] = await Promise.all([
    start(['serve'], {
      ...common,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      METRICS_TOKEN,
      MUTATIONS_PER_MINUTE_PER_ADDRESS: '2',
    }),
    start(['subgraph', 'community', '--port', '0'], { ...common, LOG_LEVEL: 'info' }),
  ]);
  gateway = await start(['gateway', '--subgraph', `community=${subgraph.base}/graphql`], {
    ...common,
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    METRICS: 'off',
  });
}, 240_000);

afterAll(async () => {
  for (const served of [hub, subgraph, gateway]) {
    if (!served) continue;
    served.child.kill('SIGTERM');
    await served.exited;
  }
  await testDatabase?.drop();
});

test('every GraphQL request is one JSON line: request id (echoed), operation, role, status, duration, codes', async () => {
  const named = await post(
    hub.base,
    { query: 'query RegionName { region(id: "530400000000") { name } }' },
    { 'x-request-id': 'obs-log-1' },
  );
  expect([named.status, named.requestId, named.body.data]).toEqual([200, 'obs-log-1', { region: { name: '玉溪市' } }]);

  // An id that is too long or carries other characters is replaced by a fresh one.
  const insane = await post(hub.base, { query: '{ __typename }' }, { 'x-request-id': `x${'y'.repeat(64)}` });
  const spaced = await post(hub.base, { query: '{ __typename }' }, { 'x-request-id': 'two words' });
  expect([insane.requestId, spaced.requestId]).toEqual([expect.stringMatching(UUID), expect.stringMatching(UUID)]);

  const token = await signToken(loadConfig({ JWT_SECRET: TEST_JWT_SECRET, DATA_KEY: TEST_DATA_KEY }).auth, {
    role: Role.STAFF,
    subject: 'obs-staff-subject',
    regionId: '530402006000',
  });
  const staff = await post(
    hub.base,
    { query: 'query StaffResidents { residents { totalCount } }' },
    { authorization: `Bearer ${token}`, 'x-request-id': 'obs-log-staff' },
  );
  expect(staff.status).toBe(200);
  const forged = await post(
    hub.base,
    { query: 'query Forged { region(id: "530400000000") { name } }', operationName: 'Forged' },
    { authorization: 'Bearer not-a-token', 'x-request-id': 'obs-log-forged' },
  );
  expect([forged.status, codes(forged)]).toEqual([401, ['UNAUTHENTICATED']]);
  const missing = await post(
    hub.base,
    { query: 'query Missing { region(id: "530499999999") { name } }' },
    { 'x-request-id': 'obs-log-missing' },
  );
  expect([missing.status, codes(missing)]).toEqual([200, ['NOT_FOUND']]);

  const line = await logLineFor(hub, 'obs-log-1');
  expect(line).toEqual({
    level: 'info',
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    pid: hub.child.pid,
    hostname: expect.any(String),
    service: 'hub',
    msg: 'graphql',
    requestId: 'obs-log-1',
    operation: 'RegionName',
    role: 'PUBLIC',
    status: 200,
    ms: expect.any(Number),
  });
  expect(line.ms as number).toBeGreaterThan(0);
  const unnamed = await logLineFor(hub, insane.requestId!);
  expect([unnamed.status, 'operation' in unnamed]).toEqual([200, false]);
  expect(await logLineFor(hub, 'obs-log-staff')).toMatchObject({
    operation: 'StaffResidents',
    role: 'STAFF',
    status: 200,
  });
  expect(await logLineFor(hub, 'obs-log-forged')).toMatchObject({
    operation: 'Forged',
    status: 401,
    codes: ['UNAUTHENTICATED'],
  });
  expect((await logLineFor(hub, 'obs-log-forged')).role).toBeUndefined();
  expect(await logLineFor(hub, 'obs-log-missing')).toMatchObject({
    operation: 'Missing',
    role: 'PUBLIC',
    status: 200,
    codes: ['NOT_FOUND'],
  });
  // Neither the token nor whom it names reaches the log.
  const everything = hub.lines().join('\n');
  expect(everything).not.toContain(token);
  expect(everything).not.toContain('not-a-token');
  expect(everything).not.toContain('obs-staff-subject');
  // Besides its start line (for the person at the terminal), the hub writes JSON lines only.
  expect(hub.lines().filter((l) => !l.startsWith('{'))).toEqual([hub.startLine]);
});

test('/metrics counts requests, latency, error codes and rate-limit refusals per operation, behind its token', async () => {
  const unauthorized = await fetch(`${hub.base}/metrics`);
  expect([unauthorized.status, unauthorized.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
  expect((await fetch(`${hub.base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  const before = await scrape(hub.base);

  for (let i = 0; i < 3; i += 1)
    expect(
      (await post(hub.base, { query: 'query MetricsRegion { region(id: "530402000000") { name } }' })).status,
    ).toBe(200);
  expect((await post(hub.base, { query: '{ region(id: "530423000000") { name } }' })).status).toBe(200);
  expect(
    codes(await post(hub.base, { query: 'query MetricsMissing { region(id: "530499999998") { name } }' })),
  ).toEqual(['NOT_FOUND']);
  // Two mutation fields a minute per address (MUTATIONS_PER_MINUTE_PER_ADDRESS=2): the third is refused.
  const signOuts: Answer[] = [];
  for (let i = 0; i < 3; i += 1)
    signOuts.push(
      await post(hub.base, { query: 'mutation MetricsSignOut { signOut }' }, { 'x-request-id': `obs-so-${i}` }),
    );
  expect(signOuts.map((a) => [a.status, codes(a)])).toEqual([
    [200, undefined],
    [200, undefined],
    [429, ['RATE_LIMITED']],
  ]);
  expect(await logLineFor(hub, 'obs-so-2')).toMatchObject({
    level: 'info',
    operation: 'MetricsSignOut',
    status: 429,
    codes: ['RATE_LIMITED'],
  });

  const after = await scrape(hub.base);
  const delta = (name: string, labels: Record<string, string> = {}) =>
    valueOf(after, name, labels) - valueOf(before, name, labels);
  expect({
    MetricsRegion: delta('wushe_graphql_requests_total', { operation: 'MetricsRegion' }),
    anonymous: delta('wushe_graphql_requests_total', { operation: 'anonymous' }),
    MetricsMissing: delta('wushe_graphql_requests_total', { operation: 'MetricsMissing' }),
    MetricsSignOut: delta('wushe_graphql_requests_total', { operation: 'MetricsSignOut' }),
    histogramCount: delta('wushe_graphql_request_duration_seconds_count', { operation: 'MetricsRegion' }),
    histogramInf: delta('wushe_graphql_request_duration_seconds_bucket', { operation: 'MetricsRegion', le: '+Inf' }),
    notFound: delta('wushe_graphql_errors_total', { code: 'NOT_FOUND' }),
    rateLimitedCode: delta('wushe_graphql_errors_total', { code: 'RATE_LIMITED' }),
    rateLimited: delta('wushe_rate_limited_total'),
    // The first MetricsRegion misses and fills the public cache, the next two are answered from it; the other two
    // queries miss too.
    cacheHits: delta('wushe_public_cache_lookups_total', { result: 'hit' }),
    cacheMisses: delta('wushe_public_cache_lookups_total', { result: 'miss' }),
  }).toEqual({
    MetricsRegion: 3,
    anonymous: 1,
    MetricsMissing: 1,
    MetricsSignOut: 3,
    histogramCount: 3,
    histogramInf: 3,
    notFound: 1,
    rateLimitedCode: 1,
    rateLimited: 1,
    cacheHits: 2,
    cacheMisses: 3,
  });
  expect(delta('wushe_graphql_request_duration_seconds_sum', { operation: 'MetricsRegion' })).toBeGreaterThan(0);
  // Nothing is in flight between requests; the line holds DB_POOL_SIZE + DB_QUEUE_LIMIT statements by default.
  expect([
    valueOf(after, 'wushe_admission_statements_in_flight'),
    valueOf(after, 'wushe_admission_requests_waiting'),
    valueOf(after, 'wushe_admission_capacity_statements'),
  ]).toEqual([0, 0, 510]);
  const pool = after.filter((s) => s.name.startsWith('wushe_db_pool_'));
  if (serverBackend) {
    expect(valueOf(after, 'wushe_db_pool_max')).toBe(10);
    expect(valueOf(after, 'wushe_db_pool_connections', { state: 'in_use' })).toBe(0);
    expect(valueOf(after, 'wushe_db_pool_connections', { state: 'idle' })).toBeGreaterThan(0);
    expect(pool.some((s) => s.name === 'wushe_db_pool_waiting')).toBe(true);
  } else {
    // SQLite is one embedded connection, used synchronously: no pool to watch.
    expect(pool).toEqual([]);
  }
  for (const name of ['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes'])
    expect([name, after.some((s) => s.name === name)]).toEqual([name, true]);
});

test('/healthz answers without the database, /readyz with it', async () => {
  for (const served of [hub, subgraph, gateway]) {
    const health = await fetch(`${served.base}/healthz`);
    const ready = await fetch(`${served.base}/readyz`);
    expect([health.status, await health.json(), ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ok' },
      200,
      { status: 'ready' },
    ]);
  }
});

test('a subgraph alone logs and counts like the hub, under the request id the gateway passed it', async () => {
  const before = parseSamples(await (await fetch(`${subgraph.base}/metrics`)).text());
  const answer = await post(
    gateway.base,
    { query: 'query ThroughGateway { region(id: "530400000000") { name } }' },
    { 'x-request-id': 'obs-gw-1' },
  );
  expect([answer.status, answer.requestId, answer.body.data]).toEqual([
    200,
    'obs-gw-1',
    { region: { name: '玉溪市' } },
  ]);
  expect(await logLineFor(subgraph, 'obs-gw-1')).toMatchObject({
    level: 'info',
    service: 'subgraph:community',
    operation: expect.stringMatching(/^ThroughGateway__community__\d+$/),
    role: 'PUBLIC',
    status: 200,
  });
  const after = parseSamples(await (await fetch(`${subgraph.base}/metrics`)).text());
  const requests = (samples: Sample[]) =>
    samples.filter((s) => s.name === 'wushe_graphql_requests_total').reduce((sum, s) => sum + s.value, 0);
  expect(requests(after) - requests(before)).toBe(1);

  // The gateway logs at warn: no line per request, and it serves no /metrics (METRICS=off).
  expect(gateway.log().filter((l) => l.level === 'info' || l.level === 'debug')).toEqual([]);
  expect(gateway.lines()).toContain(gateway.startLine);
  expect((await fetch(`${gateway.base}/metrics`)).status).toBe(404);
});

test('/metrics in production: off without METRICS_TOKEN unless METRICS=on', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, DATA_KEY: TEST_DATA_KEY };
  expect(loadConfig(production).metrics).toEqual({ enabled: false, token: undefined });
  expect(loadConfig({ ...production, METRICS: 'on' }).metrics).toEqual({ enabled: true, token: undefined });
  expect(loadConfig({ ...production, METRICS_TOKEN }).metrics).toEqual({ enabled: true, token: METRICS_TOKEN });
  expect(loadConfig({ ...production, METRICS_TOKEN, METRICS: 'off' }).metrics.enabled).toBe(false);
  expect(loadConfig({}).metrics).toEqual({ enabled: true, token: undefined });
  expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16 characters');
});

test('/readyz is 503 with a code once the database is gone, while /healthz still answers', async () => {
  const t = await startTestHub();
  try {
    const base = await t.listen();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await t.database.dataSource.destroy();
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([
      503,
      {
        status: 'unavailable',
        errors: [
          {
            message: '服务暂不可用 (not ready: the database does not answer)',
            extensions: { code: 'DATABASE_UNREACHABLE' },
          },
        ],
      },
    ]);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  } finally {
    await t.database.dataSource.initialize();
    await t.close();
  }
});

(serverBackend ? test : test.skip)(
  'a hub process whose database is dropped answers /readyz 503 and says so once in its log',
  async () => {
    await testDatabase.drop();
    for (let probe = 0; probe < 3; probe += 1) {
      const ready = await fetch(`${hub.base}/readyz`);
      expect([ready.status, ((await ready.json()) as Answer['body']).errors?.[0].extensions?.code]).toEqual([
        503,
        'DATABASE_UNREACHABLE',
      ]);
    }
    expect((await fetch(`${hub.base}/healthz`)).status).toBe(200);
    const warnings = hub.log().filter((l) => l.msg === 'not ready: database unreachable');
    expect(warnings).toEqual([expect.objectContaining({ level: 'warn', service: 'hub', reason: expect.any(String) })]);
  },
);
