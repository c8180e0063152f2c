import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../../src/federation/compose';
import { parseDatabaseUrl } from '../../src/db/data-source';
import { buildAllSubgraphs, SUBGRAPH_NAMES, type SubgraphName } from '../../src/subgraphs/registry';
import { REGISTER_RESIDENT } from '../helpers/admin-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import { Namespaces, type Namespace } from '../helpers/network-namespaces';
import { CITY_FIGURES, NESTED_SERVICES } from '../helpers/operations';
import { CLI, startSubgraphProcess, type SubgraphProcess } from '../helpers/subgraph-process';
import { startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type GraphQLResult, type TestHub } from '../helpers/test-hub';

// The eight subgraphs as separate processes — each in a network namespace of its own where the machine allows it
// (ip netns + veth, 10.214.x.x), plain processes otherwise — behind Hive Gateway run with the committed
// configuration (deploy/hive-gateway/gateway.config.mjs) and behind `wushe gateway`, both as processes, the way an
// operator runs them. One set of processes serves every case; the cases that stop or kill a subgraph come last.

const ROOT = join(__dirname, '..', '..');
const HIVE_BIN = join(ROOT, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
const HIVE_CONFIG = join(ROOT, 'deploy', 'hive-gateway', 'gateway.config.mjs');
/** socialwork is the subgraph stopped (SIGSTOP) to be slow; its timeout is set alone. */
const SLOW_TIMEOUT_MS = 1500;
/** Mutation fields a token may send through Hive Gateway per window in this test. */
const ROUTER_MUTATIONS_PER_TOKEN = 3;

let t: TestHub;
const namespaces = new Namespaces();
const subgraphs = new Map<SubgraphName, SubgraphProcess>();
const routers: ChildProcess[] = [];
let isolation: string;
let hiveUrl: string;
let gatewayUrl: string;
let workDir: string;
let residentId: string;

const subgraphEnv = {
  JWT_SECRET: TEST_JWT_SECRET,
  DATA_KEY: TEST_DATA_KEY,
  NODE_ENV: 'production',
  QUERY_COST_PER_MINUTE_PER_TOKEN: '1000000000',
  QUERY_COST_PER_MINUTE_PER_ADDRESS: '1000000000',
};
const timeoutEnv = { SUBGRAPH_TIMEOUT_MS: '20000', SUBGRAPH_TIMEOUTS: `socialwork=${SLOW_TIMEOUT_MS}` };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The test database's URL as seen from inside `namespace`: SQLite is a file; a server is reached over a relay. */
async function databaseUrlFrom(namespace: Namespace | undefined): Promise<string> {
  const url = t.testDatabase.url;
  const target = parseDatabaseUrl(url);
  if (!namespace || target.kind === 'sqlite') return url;
  const port = await namespaces.relay(namespace, target.port);
  return url.replace(`@${target.host}:${target.port}/`, `@${namespace.hostAddress}:${port}/`);
}

async function startSubgraphs(): Promise<void> {
  const placed: (Namespace | undefined)[] = [];
  for (let index = 0; index < SUBGRAPH_NAMES.length; index += 1) {
    const namespace = namespaces.create(index + 1);
    if (typeof namespace === 'string') {
      isolation = `plain processes (ip netns not permitted here: ${namespace})`;
      await namespaces.removeAll();
      placed.length = 0;
      break;
    }
    placed.push(namespace);
  }
  if (placed.length) isolation = `one network namespace per subgraph (${placed.map((n) => n!.address).join(', ')})`;
  const started = await Promise.all(
    SUBGRAPH_NAMES.map(async (name, index) => {
      const namespace = placed[index];
      const env = { ...subgraphEnv, DATABASE_URL: await databaseUrlFrom(namespace) };
      const started = await startSubgraphProcess(name, env, [], namespace?.exec ?? []);
      return namespace ? { ...started, url: started.url.replace('127.0.0.1', namespace.address) } : started;
    }),
  );
  SUBGRAPH_NAMES.forEach((name, index) => subgraphs.set(name, started[index]));
}

/** Starts a router process and resolves with its GraphQL URL once `ready` answers 200. */
async function startRouter(command: string[], env: Record<string, string>, port: number, ready: string) {
  const child = spawn(command[0], command.slice(1), {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: workDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  routers.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}:\n${output}`))),
  );
  // The start is awaited on the router's own readiness answer, or its exit.
  const poll = async () => {
    while (child.exitCode === null) {
      const answer = await fetch(`http://127.0.0.1:${port}${ready}`).catch(() => undefined);
      if (answer?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await Promise.race([poll(), exited]);
  exited.catch(() => undefined);
  return { url: `http://127.0.0.1:${port}/graphql`, output: () => output };
}

let hiveOutput: () => string;
let gatewayOutput: () => string;

beforeAll(async () => {
  t = await startTestHub();
  workDir = mkdtempSync(join(tmpdir(), 'wushe-router-'));
  await startSubgraphs();
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs.get(name)!.url]));
  const supergraph = join(workDir, 'supergraph.graphql');
  writeFileSync(supergraph, composeSupergraph(buildAllSubgraphs(), urls));
  const [hivePort, gatewayPort] = await Promise.all([freePort(), freePort()]);
  const [hive, gateway] = await Promise.all([
    startRouter(
      [process.execPath, HIVE_BIN, 'supergraph', supergraph, '-c', HIVE_CONFIG, '--port', String(hivePort)],
      {
        ...timeoutEnv,
        NODE_ENV: 'production',
        MUTATIONS_PER_MINUTE_PER_TOKEN: String(ROUTER_MUTATIONS_PER_TOKEN),
        ROUTER_REQUESTS_PER_MINUTE_PER_ADDRESS: '100000',
        ROUTER_REQUESTS_PER_MINUTE_PER_TOKEN: '100000',
      },
      hivePort,
      '/readiness',
    ),
    startRouter(
      [process.execPath, CLI, 'gateway', ...SUBGRAPH_NAMES.flatMap((name) => ['--subgraph', `${name}=${urls[name]}`])],
      { ...subgraphEnv, ...timeoutEnv, DATABASE_URL: t.testDatabase.url, PORT: String(gatewayPort) },
      gatewayPort,
      '/healthz',
    ),
  ]);
  hiveUrl = hive.url;
  hiveOutput = hive.output;
  gatewayUrl = gateway.url;
  gatewayOutput = gateway.output;
  process.stderr.write(`router-netns: subgraphs as ${isolation}\n`);
  const resident = await t.query<{ registerResident: { id: string } }>(
    REGISTER_RESIDENT,
    { regionId: XIAHE, phone: '13812345678', consentAt: '2026-11-01T08:00:00.000Z' },
    IDENTITIES.STAFF_IN,
  );
  residentId = resident.registerResident.id;
});

afterAll(async () => {
  for (const child of routers) child.kill('SIGKILL');
  for (const { child } of subgraphs.values()) {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
  }
  await namespaces.removeAll();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  await t?.close();
});

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResult };
}

const ROUTERS = [
  ['Hive Gateway', () => hiveUrl],
  ['wushe gateway', () => gatewayUrl],
] as const;

const PERSONAL = /* GraphQL */ `
  query Personal($resident: ID!) {
    resident(id: $resident) {
      name
      phone
      tags
      region {
        name
        population
      }
    }
  }
`;

test('the subgraphs run as separate processes, in network namespaces where the machine allows it', () => {
  expect(isolation).toBeDefined();
  const pids = new Set([...subgraphs.values()].map(({ child }) => child.pid));
  expect(pids.size).toBe(SUBGRAPH_NAMES.length);
  if (isolation.startsWith('one network namespace'))
    for (const { url } of subgraphs.values()) expect(url).toMatch(/^http:\/\/10\.214\.\d+\.2:\d+\/graphql$/);
});

describe.each(ROUTERS)('behind %s', (router, url) => {
  test.each([
    ['NestedServices', NESTED_SERVICES, { first: 20 }],
    ['CityFigures', CITY_FIGURES, { id: '530402000000' }],
  ])('PUBLIC reads the same %s as through the hub', async (_name, query, variables) => {
    const routed = await post(url(), query, variables);
    expect(routed.body.errors).toBeUndefined();
    expect(routed.body.data).toEqual(await t.query(query, variables));
  });

  test('a STAFF token reads what it reads through the hub; PUBLIC is refused the same record', async () => {
    const token = await t.token(IDENTITIES.STAFF_IN);
    const routed = await post(url(), PERSONAL, { resident: residentId }, token);
    expect(routed.body).toEqual(await t.execute(PERSONAL, { resident: residentId }, IDENTITIES.STAFF_IN));
    expect(routed.body.data!.resident).toMatchObject({ name: '王阿姨', phone: '138****5678' });
    const anonymous = await post(url(), PERSONAL, { resident: residentId });
    expect(anonymous.body.data?.resident ?? null).toBeNull();
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('a mutation is carried out and audited by the subgraph process', async () => {
    const subject = `staff-audit-${router.replace(/\W/g, '')}`;
    const token = await t.token({ ...IDENTITIES.STAFF_IN, subject });
    const routed = await post(
      url(),
      REGISTER_RESIDENT,
      { regionId: XIAHE, phone: '13700001111', consentAt: '2026-11-01T08:00:00.000Z' },
      token,
    );
    expect(routed.body.errors).toBeUndefined();
    const id = (routed.body.data as { registerResident: { id: string } }).registerResident.id;
    const rows: { operation: string; outcome: string; target: string }[] = await t.database.dataSource.query(
      `SELECT operation, outcome, target FROM audit_entry WHERE subject = ? AND kind = 'MUTATION'`,
      [subject],
    );
    expect(rows).toEqual([{ operation: 'registerResident', outcome: 'OK', target: `regionId=${XIAHE} → ${id}` }]);
  });

  test.each([
    [
      'deeper than 10 levels',
      `{ region(id: "530400000000") { ${'parent { '.repeat(10)}name${' }'.repeat(10)} } }`,
      'GRAPHQL_VALIDATION_FAILED',
      /depth limit of 10 exceeded/,
    ],
    [
      'with 16 aliases',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: region(id: "530400000000") { name }`).join(' ')} }`,
      'GRAPHQL_VALIDATION_FAILED',
      /Aliases limit of 15 exceeded/,
    ],
    [
      'of over 500 tokens',
      `{ region(id: "530400000000") { ${'name '.repeat(500)}} }`,
      'GRAPHQL_PARSE_FAILED',
      /500 tokens|Token limit of 500/,
    ],
  ])('a document %s is refused before it runs with HTTP 400', async (_name, query, code, message) => {
    const routed = await post(url(), query);
    expect(routed.status).toBe(400);
    expect(routed.body.data ?? undefined).toBeUndefined();
    expect(routed.body.errors).toHaveLength(1);
    expect(routed.body.errors![0].extensions?.code).toBe(code);
    expect(routed.body.errors![0].message).toMatch(message);
  });
});

test('Hive Gateway limits mutations per token: the one over the limit is refused with RATE_LIMITED', async () => {
  const token = await t.token({ ...IDENTITIES.STAFF_IN, subject: 'staff-rate-limited' });
  const codes: unknown[] = [];
  const statuses: number[] = [];
  for (let i = 0; i <= ROUTER_MUTATIONS_PER_TOKEN; i += 1) {
    const routed = await post(hiveUrl, REGISTER_RESIDENT, { regionId: XIAHE }, token);
    codes.push(routed.body.errors?.[0]?.extensions?.code ?? 'OK');
    statuses.push(routed.status);
  }
  expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
  expect(statuses[ROUTER_MUTATIONS_PER_TOKEN]).toBe(429);
  // Another token is not held back by the first one's limit.
  const other = await post(hiveUrl, REGISTER_RESIDENT, { regionId: XIAHE }, await t.token(IDENTITIES.STAFF_IN));
  expect(other.body.errors).toBeUndefined();
});

function unavailableErrors(body: GraphQLResult, subgraph: string) {
  return (body.errors ?? []).filter(
    (e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions?.subgraph === subgraph,
  );
}

/** Nothing of where the subgraphs live reaches a client. */
function expectNoAddresses(body: GraphQLResult) {
  const text = JSON.stringify(body);
  for (const { url } of subgraphs.values()) expect(text).not.toContain(new URL(url).host);
  expect(text).not.toMatch(/10\.214\.|127\.0\.0\.1|ECONNREFUSED|fetch failed/);
}

const REGION_AND = (field: string) => /* GraphQL */ `
  query Partial($id: ID!) {
    region(id: "530402000000") { name population organizationCount }
    ${field}(id: $id) { name }
  }
`;

test('a stopped subgraph costs only its own fields, answered SUBGRAPH_UNAVAILABLE (TIMEOUT) after its timeout', async () => {
  const { socialWorkers } = await t.query<{ socialWorkers: { nodes: { id: string }[] } }>(
    '{ socialWorkers(first: 1) { nodes { id } } }',
  );
  const id = socialWorkers.nodes[0].id;
  const hub = await t.query<{ region: unknown }>(REGION_AND('socialWorker'), { id });
  const socialwork = subgraphs.get('socialwork')!.child;
  socialwork.kill('SIGSTOP');
  try {
    for (const [, url] of ROUTERS) {
      const routed = await post(url(), REGION_AND('socialWorker'), { id });
      expect(routed.status).toBe(200);
      expect(routed.body.data).toEqual({ region: hub.region, socialWorker: null });
      const errors = unavailableErrors(routed.body, 'socialwork');
      expect(errors).toHaveLength(1);
      expect(errors[0].extensions?.reason).toBe('TIMEOUT');
      expect(errors[0].message).toContain(`${SLOW_TIMEOUT_MS}`);
      expectNoAddresses(routed.body);
    }
  } finally {
    socialwork.kill('SIGCONT');
  }
});

test('a killed subgraph costs only its own fields, answered SUBGRAPH_UNAVAILABLE, without its address', async () => {
  const { charityResources } = await t.query<{ charityResources: { nodes: { id: string }[] } }>(
    '{ charityResources(first: 1) { nodes { id } } }',
  );
  const id = charityResources.nodes[0].id;
  const hub = await t.query<{ region: unknown }>(REGION_AND('charityResource'), { id });
  const charity = subgraphs.get('charity')!.child;
  const exited = new Promise((resolve) => charity.once('exit', resolve));
  charity.kill('SIGKILL');
  await exited;
  for (const [, url] of ROUTERS) {
    const routed = await post(url(), REGION_AND('charityResource'), { id });
    expect(routed.status).toBe(200);
    expect(routed.body.data).toEqual({ region: hub.region, charityResource: null });
    const errors = unavailableErrors(routed.body, 'charity');
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions?.reason).toBe('UNREACHABLE');
    expect(errors[0].message).toMatch(/^子图 charity 暂时无法访问.*\(subgraph charity is unavailable/);
    expectNoAddresses(routed.body);
  }
  // The operators' logs say where.
  expect(gatewayOutput()).toMatch(/subgraph charity unavailable \(UNREACHABLE\) at http:\/\//);
  expect(hiveOutput()).toMatch(/subgraph charity unavailable \(UNREACHABLE\)/);
});
