import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { SignJWT } from 'jose';
import { Role } from '../../src/auth/identity';
import { composeSupergraph } from '../../src/federation/compose';
import { buildAllSubgraphs, SUBGRAPH_NAMES, type SubgraphName } from '../../src/subgraphs/registry';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import { CITY_FIGURES, NESTED_SERVICES } from '../helpers/operations';
import { REGISTER_RESIDENT } from '../helpers/admin-operations';
import { startSubgraphProcess, type SubgraphProcess } from '../helpers/subgraph-process';
import { startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type GraphQLResult, type TestHub } from '../helpers/test-hub';

// The eight subgraphs in their own processes, in production mode, behind Hive Gateway — a standard Federation 2
// router that knows nothing of wushe and only forwards the caller's Authorization header.

let t: TestHub;
let hive: GatewayRuntime;
const subgraphs = new Map<SubgraphName, SubgraphProcess>();
let residentId: string;
let needId: string;
let hubUrl: string;

beforeAll(async () => {
  t = await startTestHub();
  const started = await Promise.all(
    SUBGRAPH_NAMES.map((name) =>
      startSubgraphProcess(name, {
        DATABASE_URL: t.testDatabase.url,
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_KEY: TEST_DATA_KEY,
        NODE_ENV: 'production',
      }),
    ),
  );
  SUBGRAPH_NAMES.forEach((name, index) => subgraphs.set(name, started[index]));
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs.get(name)!.url]));
  hive = createGatewayRuntime({
    supergraph: composeSupergraph(buildAllSubgraphs(), urls),
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
  });
  // Data only a STAFF token of 李棋街道 may read: a resident with a phone, a need with its description.
  const resident = await t.query<{ registerResident: { id: string } }>(
    REGISTER_RESIDENT,
    { regionId: XIAHE, phone: '13812345678', consentAt: '2026-11-01T08:00:00.000Z' },
    IDENTITIES.STAFF_IN,
  );
  residentId = resident.registerResident.id;
  const need = await t.query<{ submitNeed: { id: string } }>(
    `mutation { submitNeed(input: { category: ELDERLY_CARE, description: "独居老人需要每周上门探访", urgency: HIGH,
       communityId: "${XIAHE}", contactPhone: "13912345678", contactConsentAt: "2026-11-01T08:00:00.000Z" }) { id } }`,
    {},
    IDENTITIES.STAFF_IN,
  );
  needId = need.submitNeed.id;
  hubUrl = `${await t.listen()}/graphql`;
});

afterAll(async () => {
  for (const subgraph of subgraphs.values()) subgraph.child.kill('SIGTERM');
  await hive?.dispose();
  await t?.close();
});

const PERSONAL = /* GraphQL */ `
  query Personal($resident: ID!, $need: ID!) {
    resident(id: $resident) {
      name
      phone
      tags
      region {
        name
      }
    }
    need(id: $need) {
      number
      description
      contactPhone
      community {
        name
      }
    }
  }
`;

async function viaHive(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await hive.fetch('http://hive/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResult };
}

async function viaSubgraph(name: SubgraphName, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(subgraphs.get(name)!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResult };
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

test('a STAFF token reads through Hive Gateway exactly what it reads through the hub', async () => {
  const token = await t.token(IDENTITIES.STAFF_IN);
  const variables = { resident: residentId, need: needId };
  const hub = await t.execute(PERSONAL, variables, IDENTITIES.STAFF_IN);
  const router = await viaHive(PERSONAL, variables, bearer(token));
  expect(router.body).toEqual(hub);
  expect(router.body.data!.resident).toEqual({
    name: '王阿姨',
    phone: '138****5678',
    tags: ['ELDERLY_ALONE', 'LOW_INCOME'],
    region: { name: '下赫社区' },
  });
  expect(router.body.data!.need).toMatchObject({
    description: '独居老人需要每周上门探访',
    contactPhone: '139****5678',
  });
});

test.each([
  ['NestedServices', NESTED_SERVICES, { first: 20 }],
  ['CityFigures', CITY_FIGURES, { id: '530402000000' }],
])('PUBLIC reads the same %s through Hive Gateway as through the hub', async (_name, query, variables) => {
  const router = await viaHive(query, variables);
  expect(router.body.errors).toBeUndefined();
  expect(router.body.data).toEqual(await t.query(query, variables));
});

test('PUBLIC sees a need without its description or phone, and no resident', async () => {
  const router = await viaHive(`query($id: ID!) { need(id: $id) { description contactPhone } }`, { id: needId });
  expect(router.body.data).toEqual({ need: { description: null, contactPhone: null } });
  const resident = await viaHive(`query($id: ID!) { resident(id: $id) { name } }`, { id: residentId });
  expect(resident.body.data?.resident ?? null).toBeNull();
  expect(resident.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

// What the gateway asserted before: an identity in a header, "signed" with a secret derived from JWT_SECRET.
const FORGED = {
  'x-wushe-identity': Buffer.from(JSON.stringify({ role: 'STAFF', subject: 'mallory', regionId: LIQI })).toString(
    'base64url',
  ),
  'x-wushe-gateway': 'guessed',
};

test('a forged identity header is PUBLIC, through Hive Gateway and at the subgraph itself', async () => {
  const router = await hive.fetch('http://hive/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...FORGED },
    body: JSON.stringify({ query: `{ resident(id: "${residentId}") { name phone } }` }),
  });
  const routed = (await router.json()) as GraphQLResult;
  expect(routed.data?.resident ?? null).toBeNull();
  const direct = await viaSubgraph('community', `{ resident(id: "${residentId}") { name phone } }`, FORGED);
  expect(direct.status).toBe(200);
  expect(direct.body.data).toEqual({ resident: null });
  expect(direct.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

const now = () => Math.floor(Date.now() / 1000);
const claims = { role: Role.STAFF, region: LIQI };
const sign = (secret: string, build: (jwt: SignJWT) => SignJWT) =>
  build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('staff-liqi'))
    .setIssuer('wushe')
    .setAudience('wushe-hub')
    .sign(new TextEncoder().encode(secret));

test.each([
  [
    'signed with another secret',
    () => sign('another-secret-of-16-chars', (j) => j.setIssuedAt().setExpirationTime('1h')),
  ],
  ['without exp', () => sign(TEST_JWT_SECRET, (j) => j.setIssuedAt())],
  [
    'issued ten years ahead',
    () => sign(TEST_JWT_SECRET, (j) => j.setIssuedAt(now() + 315_360_000).setExpirationTime(now() + 315_363_600)),
  ],
  ['living a year', () => sign(TEST_JWT_SECRET, (j) => j.setIssuedAt(now()).setExpirationTime(now() + 31_536_000))],
])('a token %s is refused: 401 at the hub and the subgraph, nothing through Hive Gateway', async (_name, make) => {
  const token = await make();
  const query = `{ resident(id: "${residentId}") { name phone } }`;
  const direct = await viaSubgraph('community', query, bearer(token));
  expect(direct.status).toBe(401);
  expect(direct.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const hub = await fetch(hubUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ query }),
  });
  expect(hub.status).toBe(401);
  const router = await viaHive(query, {}, bearer(token));
  expect(router.body.data?.resident ?? null).toBeNull();
  expect(JSON.stringify(router.body)).not.toContain('王阿姨');
});

test('a subgraph in production hands neither its SDL nor ftv1 traces to a caller', async () => {
  const sdl = await viaSubgraph('community', '{ _service { sdl } }');
  expect(sdl.status).toBe(400);
  expect(sdl.body.data).toBeUndefined();
  const traced = await viaSubgraph('community', '{ region(id: "530402000000") { name } }', {
    'apollo-federation-include-trace': 'ftv1',
  });
  expect(traced.body).toEqual({ data: { region: { name: '红塔区' } } });
});
