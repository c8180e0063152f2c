import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { Role } from '../../src/auth/identity';
import { createHub, type Hub } from '../../src/server/hub';
import { createHttpServer, listen } from '../../src/server/http-server';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import * as ADMIN from '../helpers/admin-operations';
import * as X from '../helpers/cross-scope-operations';
import type {
  ScopedOpenRoundMutation,
  ScopedStationIdsQuery,
  RegisterMutation,
  ScopedCreateServiceMutation,
  ScopedSubmitApplicationMutation,
} from '../helpers/generated/operations';
import { IDENTITIES, JIANGCHUAN, JIANGCHUAN_COMMUNITY, LIQI, XIAHE } from '../helpers/identities';
import { CITY_FIGURES, NESTED_SERVICES } from '../helpers/operations';
import { CLI, startSubgraphProcess, type SubgraphProcess } from '../helpers/subgraph-process';
import { startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type GraphQLResult, type TestHub } from '../helpers/test-hub';

// Subgraphs in their own processes (the built CLI, as an operator would run them) behind a gateway over HTTP must
// answer exactly what the all-in-one hub answers; each verifies the caller's token itself, and checks ids of
// another society's kinds by asking the subgraph that owns them.

let t: TestHub;
let gateway: Hub;
const children: SubgraphProcess[] = [];
let gatewayUrl: string;
let closeGatewayServer: () => Promise<void>;

async function startSubgraph(name: string, env: Record<string, string>, args: string[] = []): Promise<string> {
  const started = await startSubgraphProcess(name, { DATABASE_URL: t.testDatabase.url, ...env }, args);
  children.push(started);
  return started.url;
}

const productionLike = { JWT_SECRET: TEST_JWT_SECRET, DATA_KEY: TEST_DATA_KEY, NODE_ENV: 'test' };

/** The organization subgraph's peer: community served alone, over the same database. */
let communityPeer: SubgraphProcess;

beforeAll(async () => {
  t = await startTestHub();
  communityPeer = await startSubgraphProcess('community', { DATABASE_URL: t.testDatabase.url, ...productionLike });
  children.push(communityPeer);
  const [organization, volunteer] = await Promise.all([
    startSubgraph('organization', productionLike, ['--peer', `community=${communityPeer.url}`]),
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
    ADMIN.REGISTER_RESIDENT,
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
  const body = (await response.json()) as GraphQLResult;
  expect(body.data).toEqual({ resident: null });
  expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
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

describe('ids of another society’s kinds, checked over HTTP by the subgraph that owns them', () => {
  // organization runs alone with the community process as its peer; the gateway runs linkage in-process and
  // organization remotely; volunteer runs alone without peers. STAFF of 李棋街道 writes through the gateway.
  const f: Record<string, string> = {};
  let staffToken: string;

  const post = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) =>
    (await (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as GraphQLResult<T>;
  const codes = (result: GraphQLResult) => result.errors?.map((e) => [e.extensions?.code, e.extensions?.kind]);
  const count = (entity: string) => t.database.dataSource.getRepository(entity).count();
  const serviceInput = (regionId: string, over: Record<string, unknown> = {}) => ({
    name: '上门助浴',
    category: 'ELDERLY_CARE',
    providerId: f.org,
    regionId,
    ...over,
  });

  beforeAll(async () => {
    staffToken = await t.token({ role: Role.STAFF, subject: 'staff-liqi', regionId: LIQI });
    const asAdmin = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) =>
      t.query<T>(query, variables, IDENTITIES.ADMIN);
    const organization = async (regionId: string, code: string) =>
      (
        await asAdmin<RegisterMutation>(ADMIN.REGISTER_ORGANIZATION, {
          input: {
            name: `分布式测试组织${code}`,
            kind: 'COMMUNITY_ORG',
            creditCode: makeCreditCode('1', regionId.slice(0, 6), `DT${code}`),
            regionId,
            category: 'ELDERLY_CARE',
          },
        })
      ).registerOrganization.id as string;
    f.org = await organization(LIQI, '000001');
    f.theirOrg = await organization(JIANGCHUAN, '000002');
    const station = async (regionId: string) =>
      (await asAdmin<ScopedStationIdsQuery>(X.STATION_IDS, { r: regionId })).serviceStations.nodes[0].id;
    f.ourStation = await station(LIQI);
    f.theirStation = await station(JIANGCHUAN);
    f.theirService = (
      await asAdmin<ScopedCreateServiceMutation>(X.CREATE_SERVICE, {
        input: { ...serviceInput(JIANGCHUAN_COMMUNITY), providerId: f.theirOrg },
      })
    ).createService.id;
    const round = (await asAdmin<ScopedOpenRoundMutation>(X.OPEN_ROUND, { name: '分布式测试轮次' })).openProjectRound
      .id;
    f.project = (
      await asAdmin<ScopedSubmitApplicationMutation>(X.SUBMIT_APPLICATION, {
        input: { roundId: round, title: '助老济困', category: 'ELDERLY_HARDSHIP', applicantId: f.org, regionId: XIAHE },
      })
    ).submitProjectApplication.id;
  });

  test('createService on the lone organization subgraph checks the region and station with its community peer', async () => {
    const before = await count('Service');
    const created = await post<ScopedCreateServiceMutation>(X.CREATE_SERVICE, {
      input: serviceInput(XIAHE, { stationId: f.ourStation }),
    });
    expect(created.errors).toBeUndefined();
    f.ourService = created.data!.createService.id;
    expect(await count('Service')).toBe(before + 1);
    const stored = await t.database.dataSource.getRepository('Service').findOneByOrFail({ id: Number(f.ourService) });
    expect([stored.regionId, stored.stationId, stored.providerId]).toEqual([
      XIAHE,
      Number(f.ourStation),
      Number(f.org),
    ]);
  });

  test.each([
    ['a region outside the provider’s', () => serviceInput(JIANGCHUAN_COMMUNITY), 'OUTSIDE_ORGANIZATION_REGION'],
    ['a station of another region', () => serviceInput(XIAHE, { stationId: f.theirStation }), 'FORBIDDEN'],
    ['a code not in the division tree', () => serviceInput('530402006999'), 'NOT_FOUND'],
    ['a station that does not exist', () => serviceInput(XIAHE, { stationId: '999999999' }), 'NOT_FOUND'],
    ['a malformed region code', () => serviceInput('5304'), 'BAD_USER_INPUT'],
  ])('createService naming %s is refused as in-process, 0 rows changed', async (_given, input, code) => {
    const before = await count('Service');
    const remote = await post(X.CREATE_SERVICE, { input: input() });
    expect(remote.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    const inProcess = await t.execute(X.CREATE_SERVICE, { input: input() }, IDENTITIES.STAFF_IN);
    expect(inProcess.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(await count('Service')).toBe(before);
  });

  test('the gateway checks a service id with the remote organization subgraph before linking it', async () => {
    const before = await count('ProjectService');
    const theirs = await post(X.LINK_SERVICE, { p: f.project, s: f.theirService });
    expect(codes(theirs)).toEqual([['FORBIDDEN', undefined]]);
    const missing = await post(X.LINK_SERVICE, { p: f.project, s: '999999999' });
    expect(codes(missing)).toEqual([['NOT_FOUND', undefined]]);
    expect(await count('ProjectService')).toBe(before);
    const linked = await post(X.LINK_SERVICE, { p: f.project, s: f.ourService });
    expect(linked).toEqual({ data: { linkProjectService: { id: f.project } } });
    expect(await count('ProjectService')).toBe(before + 1);
  });

  test('a subgraph alone without a peer for the owner refuses the write (REFERENCE_UNAVAILABLE)', async () => {
    const before = await count('Volunteer');
    const registered = await post(ADMIN.REGISTER_VOLUNTEER, { regionId: XIAHE });
    expect(codes(registered)).toEqual([['REFERENCE_UNAVAILABLE', 'Region']]);
    expect(await count('Volunteer')).toBe(before);
  });

  // Last: the peer is killed for good.
  test('with the community peer killed, createService is refused with a code, 0 rows changed', async () => {
    const exited = new Promise((resolve) => communityPeer.child.once('exit', resolve));
    communityPeer.child.kill('SIGKILL');
    await exited;
    const before = await count('Service');
    const refused = await post(X.CREATE_SERVICE, { input: serviceInput(XIAHE) });
    expect(codes(refused)).toEqual([['REFERENCE_UNAVAILABLE', 'Region']]);
    expect(refused.errors![0].message).toContain('the community subgraph, which owns Region ids, could not be asked');
    expect(await count('Service')).toBe(before);
  });
});
