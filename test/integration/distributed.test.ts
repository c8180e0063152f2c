import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Role } from '../../src/auth/identity';
import { createHub, type Hub } from '../../src/server/hub';
import { createHttpServer, listen } from '../../src/server/http-server';
import { CITY_FIGURES, NESTED_SERVICES } from '../helpers/operations';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from '../helpers/test-hub';

// Two subgraphs in their own processes (the built CLI, as an operator would run them) behind a gateway over
// HTTP must answer exactly what the all-in-one hub answers.
const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli.js');

let t: TestHub;
let gateway: Hub;
const children: ChildProcess[] = [];
let gatewayUrl: string;
let closeGatewayServer: () => Promise<void>;

function startSubgraph(name: string, databaseUrl: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'subgraph', name, '--port', '0'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/wushe subgraph \w+: (http:\/\/\S+)/)?.[1];
      if (url) resolve(url.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`subgraph ${name} exited with ${code}: ${output}`)));
  });
}

beforeAll(async () => {
  t = await startTestHub();
  const [organization, volunteer] = await Promise.all([
    startSubgraph('organization', t.testDatabase.url),
    startSubgraph('volunteer', t.testDatabase.url),
  ]);
  gateway = await createHub({
    config: t.config,
    database: t.database,
    remote: { organization, volunteer },
    log: () => undefined,
  });
  const server = createHttpServer({
    apollo: gateway.server,
    context: async (request) =>
      gateway.context(await gateway.authenticate(request.headers), request.socket.remoteAddress),
  });
  gatewayUrl = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/graphql`;
  closeGatewayServer = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await closeGatewayServer?.();
  await gateway?.server.stop();
  await t?.close();
});

test('a subgraph served alone accepts an identity only with the gateway’s secret', async () => {
  const subgraph = await startSubgraph('linkage', t.testDatabase.url);
  const forged = Buffer.from(JSON.stringify({ role: 'ADMIN', subject: 'mallory' })).toString('base64url');
  const response = await fetch(subgraph, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wushe-identity': forged, 'x-wushe-gateway': 'guess' },
    body: JSON.stringify({
      query:
        'mutation { openProjectRound(input: { name: "x", sponsor: "y", openedOn: "2027-01-01", quota: 1 }) { id } }',
    }),
  });
  expect(response.status).toBe(401);
  expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

test('the gateway forwards a verified identity to remote subgraphs', async () => {
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
