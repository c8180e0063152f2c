import { createServer, type IncomingMessage, type Server } from 'node:http';
import { graphql } from 'graphql';
import { Role } from '../../src/auth/identity';
import { buildAllSubgraphs, localLookups } from '../../src/subgraphs/registry';
import { REMOTE_KINDS, remoteLookups } from '../../src/federation/remote-lookups';
import type { SubgraphName } from '../../src/federation/subgraph';
import type { HubContext } from '../../src/graphql/context';
import { requireReference, type ReferenceKind, type ReferenceScope } from '../../src/graphql/references';
import { XIAHE } from '../helpers/identities';
import { startTestHub, type TestHub } from '../helpers/test-hub';

// A lookup of another society's kind asks the owner's `_entities` over HTTP. Each owner here is its real
// subgraph schema over the test database behind an HTTP endpoint of its own (/<owner>/graphql); /hang never
// answers, /broken answers an HTML error page and /busy a coded 503.

let t: TestHub;
let server: Server;
let base: string;
const posts: { owner: string; authorization?: string; representations: number }[] = [];

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

beforeAll(async () => {
  t = await startTestHub();
  const schemas = new Map(buildAllSubgraphs().map((s) => [s.name as string, s.schema]));
  server = createServer(async (request, response) => {
    const owner = /^\/(\w+)\/graphql$/.exec(request.url ?? '')?.[1] ?? '';
    if (owner === 'hang') return;
    if (owner === 'busy') {
      response
        .writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' })
        .end(JSON.stringify({ errors: [{ message: '系统繁忙', extensions: { code: 'SERVICE_BUSY' } }] }));
      return;
    }
    if (owner === 'broken') {
      response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
      return;
    }
    const { query, variables } = JSON.parse(await body(request));
    posts.push({
      owner,
      authorization: request.headers.authorization,
      representations: variables.representations.length,
    });
    const result = await graphql({
      schema: schemas.get(owner)!,
      source: query,
      variableValues: variables,
      contextValue: await t.hub.contextFor(request),
    });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

const OWNERS: SubgraphName[] = ['community', 'organization', 'socialwork', 'volunteer', 'charity', 'linkage'];
const peers = () => Object.fromEntries(OWNERS.map((owner) => [owner, `${base}/${owner}/graphql`]));

function contextWith(lookups: HubContext['references'], authorization?: string): HubContext {
  return { ...t.hub.context(undefined, '127.0.0.1', authorization), references: lookups };
}

const scopes = (lookups: HubContext['references'], kind: ReferenceKind, ids: string[]) =>
  lookups[kind]!(contextWith(lookups), ids);

test('region codes: the scope the community subgraph answers over HTTP', async () => {
  expect(await scopes(remoteLookups(peers(), 3000), 'Region', ['530402000000', XIAHE, '530402006999'])).toEqual([
    { regionId: '530402000000', level: 'COUNTY' },
    { regionId: XIAHE, level: 'COMMUNITY' },
    null,
  ]);
});

test.each(Object.keys(REMOTE_KINDS).filter((kind) => kind !== 'Region') as ReferenceKind[])(
  '%s: the scope asked over HTTP equals the in-process lookup’s, and a missing id is null',
  async (kind) => {
    const rows = await t.database.dataSource.getRepository(kind).find({ take: 3, order: { id: 'ASC' } });
    expect(rows).toHaveLength(3);
    const ids = [...rows.map((row) => String(row.id)), '999999999'];
    const remote = await scopes(remoteLookups(peers(), 3000), kind, ids);
    expect(remote[3]).toBeNull();
    expect(remote.slice(0, 3).every((scope) => typeof scope?.regionId === 'string')).toBe(true);
    expect(remote).toEqual(await scopes(localLookups(), kind, ids));
  },
);

test('one request per kind per batch, carrying the caller’s own token', async () => {
  const token = await t.token({ role: Role.STAFF, subject: 'staff-remote', regionId: '530400000000' });
  const needs = await t.database.dataSource.getRepository('Need').find({ take: 3, order: { id: 'ASC' } });
  const context = contextWith(remoteLookups(peers(), 3000), `Bearer ${token}`);
  posts.length = 0;
  const found: ReferenceScope[] = await Promise.all(
    needs.map((need) => requireReference(context, 'Need', String(need.id))),
  );
  expect(found.map((scope) => scope.regionId)).toEqual(needs.map((need) => need.communityId));
  expect(posts).toEqual([{ owner: 'linkage', authorization: `Bearer ${token}`, representations: 3 }]);
});

test.each([
  ['a malformed id', 'Need', 'x1', 'BAD_USER_INPUT'],
  ['a malformed region code', 'Region', '5304', 'BAD_USER_INPUT'],
  ['an id that does not exist', 'Need', '999999999', 'NOT_FOUND'],
] as const)('%s is refused as in-process, without asking the owner when malformed', async (_given, kind, id, code) => {
  posts.length = 0;
  const refusal = (lookups: HubContext['references']) =>
    requireReference(contextWith(lookups), kind, id).then(
      () => 'accepted',
      (error) => error.extensions?.code,
    );
  expect(await refusal(remoteLookups(peers(), 3000))).toBe(code);
  expect(await refusal(localLookups())).toBe(code);
  expect(posts).toHaveLength(code === 'BAD_USER_INPUT' ? 0 : 1);
});

test.each([
  ['does not answer', 'hang', 'no answer within 300 ms'],
  ['answers an HTML error page', 'broken', 'it answered HTTP 502'],
  ['is not listening', 'closed', 'unreachable'],
])('an owner that %s: REFERENCE_UNAVAILABLE naming the owner and the kind', async (_what, path, reason) => {
  const url = path === 'closed' ? await closedPortUrl() : `${base}/${path}/graphql`;
  const lookups = remoteLookups({ linkage: url }, 300);
  const error = await requireReference(contextWith(lookups), 'Need', '1').catch((e) => e);
  expect(error.extensions).toEqual({ code: 'REFERENCE_UNAVAILABLE', kind: 'Need' });
  expect(error.message).toBe(
    `暂时无法核对编号,请稍后重试 (the linkage subgraph, which owns Need ids, could not be asked: ${reason})`,
  );
});

test.each([
  // The organization subgraph's Need only adds fields: it cannot answer a need's community.
  ['a subgraph that does not own the kind', 'organization', 'it answered HTTP 200'],
  ['an owner that is overloaded', 'busy', 'it answered HTTP 503 SERVICE_BUSY'],
])('%s answering GraphQL errors: REFERENCE_UNAVAILABLE with what it answered', async (_what, path, reason) => {
  const lookups = remoteLookups({ linkage: `${base}/${path}/graphql` }, 3000);
  const error = await requireReference(contextWith(lookups), 'Need', '1').catch((e) => e);
  expect(error.extensions).toEqual({ code: 'REFERENCE_UNAVAILABLE', kind: 'Need' });
  expect(error.message).toBe(
    `暂时无法核对编号,请稍后重试 (the linkage subgraph, which owns Need ids, could not be asked: ${reason})`,
  );
});

async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}
