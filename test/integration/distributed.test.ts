import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { Role } from '../../src/auth/identity';
import { createHub, type Hub } from '../../src/server/hub';
import { createHttpServer, listen } from '../../src/server/http-server';
import { REGISTER_RESIDENT } from '../helpers/admin-operations';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import { CITY_FIGURES, NESTED_SERVICES } from '../helpers/operations';
import { CLI, startSubgraphProcess, type SubgraphProcess } from '../helpers/subgraph-process';
import { startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type TestHub } from '../helpers/test-hub';

// Two subgraphs in their own processes (the built CLI, as an operator would run them) behind a gateway over
// HTTP must answer exactly what the all-in-one hub answers; each verifies the caller's token itself.

let t: TestHub;
let gateway: Hub;
const children: SubgraphProcess[] = [];
let gatewayUrl: string;
let closeGatewayServer: () => Promise<void>;

async function startSubgraph(name: string, env: Record<string, string>): Promise<string> {
  const started = await startSubgraphProcess(name, { DATABASE_URL: t.testDatabase.url, ...env });
  children.push(started);
  return started.url;
}

const productionLike = { JWT_SECRET: TEST_JWT_SECRET, DATA_KEY: TEST_DATA_KEY, NODE_ENV: 'test' };

beforeAll(async () => {
  t = await startTestHub();
  const [organization, volunteer] = await Promise.all([
    startSubgraph('organization', productionLike),
    startSubgraph('volunteer', productionLike),
  ]);
  gateway = await createHub({
    config: t.config,
    database: t.database,
    remote: { organization, volunteer },
    log: () => undefined,
  });
  const server = createHttpServer({
    apollo: gateway.server,
    context: (request) => gateway.contextFor(request),
  });
  gatewayUrl = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/graphql`;
  closeGatewayServer = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  for (const { child } of children) child.kill('SIGTERM');
  await closeGatewayServer?.();
  await gateway?.server.stop();
  await t?.close();
});

test('a subgraph started as the README shows ignores an identity header signed from the development secret', async () => {
  const { registerResident } = await t.query<{ registerResident: { id: string } }>(
    REGISTER_RESIDENT,
    { regionId: XIAHE, phone: '13812345678', consentAt: '2026-11-01T08:00:00.000Z' },
    IDENTITIES.STAFF_IN,
  );
  const started = await startSubgraphProcess('community', {
    DATABASE_URL: t.testDatabase.url,
    NODE_ENV: 'development',
  });
  children.push(started);
  const { url, startLine } = started;
  expect(startLine).toMatch(/^wushe subgraph community: http:\/\/127\.0\.0\.1:\d+\/graphql \(loopback only/);
  // Everything below is public knowledge: the development secret is in the repository.
  const developmentSecret = 'wushe-development-secret-do-not-use-in-production';
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wushe-identity': Buffer.from(JSON.stringify({ role: 'STAFF', subject: 'mallory', regionId: LIQI })).toString(
        'base64url',
      ),
      'x-wushe-gateway': createHmac('sha256', developmentSecret).update('wushe-gateway').digest('hex'),
    },
    body: JSON.stringify({ query: `{ resident(id: "${registerResident.id}") { name phone tags } }` }),
  });
  const body = (await response.json()) as any;
  expect(body.data).toEqual({ resident: null });
  expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
});

test.each(['production', 'test'])('a subgraph refuses to start with NODE_ENV=%s and no JWT_SECRET', (nodeEnv) => {
  const run = spawnSync(process.execPath, [CLI, 'subgraph', 'community', '--port', '0'], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.testDatabase.url, DATA_KEY: TEST_DATA_KEY, NODE_ENV: nodeEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`wushe: JWT_SECRET must be set when NODE_ENV=${nodeEnv}`);
});

test('the gateway passes the caller’s own token on to remote subgraphs', async () => {
  const token = await t.token({ role: Role.STAFF, subject: 'staff-remote', regionId: '530400000000' });
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation { updateOrganization(id: "1", input: { description: "经网关更新" }) { description } }',
    }),
  });
  expect(await response.json()).toEqual({ data: { updateOrganization: { description: '经网关更新' } } });
});

test.each([
  ['NestedServices', NESTED_SERVICES, { first: 20 }],
  ['CityFigures', CITY_FIGURES, { id: '530402000000' }],
])('%s over remote subgraphs equals the in-process answer', async (_name, query, variables) => {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const remote = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(remote.errors).toBeUndefined();
  expect(remote.data).toEqual(await t.query(query, variables));
});

test('a write naming another society’s record is refused where that society runs in another process', async () => {
  const token = await t.token({ role: Role.ADMIN, subject: 'admin-remote' });
  const post = async (query: string) =>
    (await (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      })
    ).json()) as { errors?: { extensions: { code: string; kind: string } }[] };
  const services = async () =>
    (await t.database.dataSource.query('SELECT COUNT(*) AS n FROM service'))[0].n as number | string;
  const before = await services();
  // The organization subgraph runs alone: it cannot ask the community subgraph whether the region exists.
  const created = await post(
    'mutation { createService(input: { name: "上门助浴", category: ELDERLY_CARE, providerId: "1", regionId: "530402006005" }) { id } }',
  );
  expect(created.errors?.map((e) => [e.extensions.code, e.extensions.kind])).toEqual([
    ['REFERENCE_UNAVAILABLE', 'Region'],
  ]);
  expect(await services()).toEqual(before);
  // The hub runs linkage in-process, but services belong to the remote organization subgraph.
  const linked = await post('mutation { linkProjectService(projectId: "1", serviceId: "1") { id } }');
  expect(linked.errors?.map((e) => [e.extensions.code, e.extensions.kind])).toEqual([
    ['REFERENCE_UNAVAILABLE', 'Service'],
  ]);
});
