import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { Kind, parse, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { HubClient, HubError, type BotOperations } from '../../bots/resident/hub-client';
import { loadConfig } from '../../src/config/config';
import { createHub, hubHttpOptions } from '../../src/server/hub';
import { createHttpServer, listen } from '../../src/server/http-server';
import { IDENTITIES } from '../helpers/identities';
import { TEST_REDIS_URL, testRedisPrefix } from '../helpers/redis-prefix';
import { BUSY_CLIENT_ENV, startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type TestHub } from '../helpers/test-hub';

// Automatic persisted queries end to end (not found → registered → answered by hash), shared by hubs through Redis;
// and OPERATIONS=allow-list, under which the hub runs only the operations in schema/operations/ — as the bot and
// the console send them.

const REGION = '{ region(id: "530400000000") { name } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const redis = testRedisPrefix();

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(url: string, body: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const persisted = (query: string) => ({ version: 1, sha256Hash: sha256(query) });
const byHash = (url: string, query: string) => send(url, { extensions: { persistedQuery: persisted(query) } });
const register = (url: string, query: string) => send(url, { query, extensions: { persistedQuery: persisted(query) } });
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

let t: TestHub;
let url: string;

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
  url = await t.listen();
});
afterAll(async () => {
  await t.close();
  await redis.drop();
});

/** Another hub over the test's database, with its own HTTP server and `env` on top of the test settings. */
async function extraHub(env: Record<string, string>) {
  const database = await t.testDatabase.open();
  const config = loadConfig({
    DATABASE_URL: t.testDatabase.url,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: TEST_DATA_KEY,
    PUBLIC_CACHE: 'off',
    ...BUSY_CLIENT_ENV,
    ...env,
  });
  const hub = await createHub({ config, database, log: () => undefined });
  const server = createHttpServer({
    apollo: hub.server,
    context: (request) => hub.contextFor(request),
    ...hubHttpOptions(config),
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    hub,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await hub.stop();
      await database.dataSource.destroy();
    },
  };
}

describe('automatic persisted queries', () => {
  it('answer an unknown hash PERSISTED_QUERY_NOT_FOUND, register the text, then answer by hash', async () => {
    const query = '{ region(id: "530402000000") { name } }';
    const unknown = await byHash(url, query);
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await register(url, query);
    expect(registered.body).toEqual({ data: { region: { name: '红塔区' } } });
    const hit = await byHash(url, query);
    expect(hit.body).toEqual({ data: { region: { name: '红塔区' } } });
  });

  it('refuse a text that does not match its hash', async () => {
    const answer = await send(url, { query: REGION, extensions: { persistedQuery: persisted(`${REGION} `) } });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
  });

  it('are shared by hubs given the same Redis, and only then', async () => {
    const shared = { REDIS_URL: TEST_REDIS_URL, PERSISTED_QUERIES_REDIS_PREFIX: redis.prefix };
    const a = await extraHub(shared);
    const b = await extraHub(shared);
    const alone = await extraHub({});
    try {
      const query = '{ region(id: "530403000000") { name level } }';
      expect(codeOf(await byHash(b.url, query))).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await register(a.url, query)).body).toEqual({ data: { region: { name: '江川区', level: 'COUNTY' } } });
      // Registered through a: b answers by hash, a hub without Redis does not know it.
      expect((await byHash(b.url, query)).body).toEqual({ data: { region: { name: '江川区', level: 'COUNTY' } } });
      expect(codeOf(await byHash(alone.url, query))).toBe('PERSISTED_QUERY_NOT_FOUND');
      // In Redis under the prefix, with a lifetime (PERSISTED_QUERIES_TTL, a day by default).
      const client = createClient({ url: TEST_REDIS_URL });
      await client.connect();
      try {
        const key = `${redis.prefix}apq:${sha256(query)}`;
        expect(await client.get(key)).toBe(query);
        const ttl = await client.ttl(key);
        expect(ttl).toBeGreaterThan(86_000);
        expect(ttl).toBeLessThanOrEqual(86_400);
      } finally {
        await client.close();
      }
    } finally {
      await Promise.all([a.close(), b.close(), alone.close()]);
    }
  });
});

/** Every operation of the bot's documents, by name, as the bot finds them (one per file). */
function botOperationNames(): string[] {
  const dir = join(__dirname, '..', '..', 'schema', 'operations', 'bot');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(join(dir, file), 'utf8').match(/(?:query|mutation)\s+(\w+)/)![1]);
}

/**
 * The console's documents as its code generator makes them from schema/operations/console: one document per
 * operation, with the fragments it spreads (and those they spread).
 */
function consoleDocuments(): [string, DocumentNode][] {
  const dir = join(__dirname, '..', '..', 'schema', 'operations', 'console');
  const definitions = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(join(dir, file), 'utf8')).definitions);
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const spreadBy = (node: DefinitionNode, into: Set<FragmentDefinitionNode>) => {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value)!;
        if (!into.has(fragment)) spreadBy(fragment, into.add(fragment));
      },
    });
    return into;
  };
  return definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION
      ? [[d.name!.value, { kind: Kind.DOCUMENT, definitions: [d, ...spreadBy(d, new Set())] } as DocumentNode]]
      : [],
  ) as [string, DocumentNode][];
}

describe('OPERATIONS=allow-list', () => {
  let listed: Awaited<ReturnType<typeof extraHub>>;
  beforeAll(async () => {
    listed = await extraHub({
      OPERATIONS: 'allow-list',
      REDIS_URL: TEST_REDIS_URL,
      PERSISTED_QUERIES_REDIS_PREFIX: redis.prefix,
    });
  });
  afterAll(() => listed.close());

  it('refuses a document that is not in schema/operations/, in Chinese and English, HTTP 400', async () => {
    const answer = await send(listed.url, { query: REGION });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('OPERATION_NOT_ALLOWED');
    expect(answer.body.errors![0].message).toMatch(/^本服务只执行已登记的操作 \(.*schema\/operations/);
    expect(answer.body.data).toBeUndefined();
    // The same document on a hub without the list is answered.
    expect((await send(url, { query: REGION })).body).toEqual({ data: { region: { name: '玉溪市' } } });
  });

  it('runs a listed document whatever its layout, and refuses it once changed', async () => {
    const text = readFileSync(
      join(__dirname, '..', '..', 'schema', 'operations', 'bot', 'find-community.graphql'),
      'utf8',
    );
    const token = await t.token(IDENTITIES.BOT_IN);
    const exact = await send(
      listed.url,
      { query: text, variables: { name: '下赫' }, operationName: 'FindCommunity' },
      token,
    );
    expect(exact.body.errors).toBeUndefined();
    expect(exact.body.data).toMatchObject({ regions: { nodes: [{ name: expect.stringContaining('下赫') }] } });
    const squeezed = text.replace(/#.*\n/g, '').replace(/\s+/g, ' ');
    expect(
      (await send(listed.url, { query: squeezed, variables: { name: '下赫' } }, token)).body.errors,
    ).toBeUndefined();
    // One more field, a field fewer: another operation.
    const widened = text.replace('name\n      parent', 'name\n      population\n      parent');
    expect(widened).not.toBe(text);
    expect(codeOf(await send(listed.url, { query: widened, variables: { name: '下赫' } }, token))).toBe(
      'OPERATION_NOT_ALLOWED',
    );
    const introspection = await send(listed.url, { query: '{ __schema { types { name } } }' });
    expect(codeOf(introspection)).toBe('OPERATION_NOT_ALLOWED');
  });

  it('registers a listed document as a persisted query, and never an unlisted one', async () => {
    const text = readFileSync(
      join(__dirname, '..', '..', 'schema', 'operations', 'bot', 'find-community.graphql'),
      'utf8',
    );
    const token = await t.token(IDENTITIES.BOT_IN);
    const extensions = { persistedQuery: persisted(text) };
    const first = await send(listed.url, { extensions, variables: { name: '下赫' } }, token);
    expect(codeOf(first)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(
      (await send(listed.url, { query: text, extensions, variables: { name: '下赫' } }, token)).body.errors,
    ).toBeUndefined();
    expect((await send(listed.url, { extensions, variables: { name: '下赫' } }, token)).body.errors).toBeUndefined();
    const unlisted = '{ region(id: "530402000000") { name level } }';
    expect(codeOf(await register(listed.url, unlisted))).toBe('OPERATION_NOT_ALLOWED');
    expect(codeOf(await byHash(listed.url, unlisted))).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Registered by a hub without the list (same Redis), it is still refused by hash.
    const open = await extraHub({ REDIS_URL: TEST_REDIS_URL, PERSISTED_QUERIES_REDIS_PREFIX: redis.prefix });
    try {
      expect((await register(open.url, unlisted)).body.errors).toBeUndefined();
      expect(codeOf(await byHash(listed.url, unlisted))).toBe('OPERATION_NOT_ALLOWED');
    } finally {
      await open.close();
    }
  });

  it('runs every operation of the bot, sent by the bot’s own client', async () => {
    const names = botOperationNames();
    expect(names.length).toBeGreaterThanOrEqual(13);
    const client = new HubClient({ url: `${listed.url}/graphql`, token: await t.token(IDENTITIES.BOT_IN) });
    const found = await client.request('FindCommunity', { name: '下赫' });
    expect(found.regions.nodes.length).toBeGreaterThan(0);
    for (const name of names) {
      // Without its variables an operation stops at BAD_USER_INPUT, after the list let it through.
      const code = await client.request(name as keyof BotOperations, {} as never).then(
        () => 'answered',
        (error: unknown) => (error instanceof HubError ? error.code : String(error)),
      );
      expect([name, code]).not.toEqual([name, 'OPERATION_NOT_ALLOWED']);
    }
    // The same client refused for a document not in the list would see the code: the check above can fail.
    expect(codeOf(await send(listed.url, { query: REGION }, await t.token(IDENTITIES.BOT_IN)))).toBe(
      'OPERATION_NOT_ALLOWED',
    );
  });

  it('runs every operation of the console, as its urql client sends them', async () => {
    const documents = consoleDocuments();
    expect(documents.length).toBeGreaterThanOrEqual(70);
    const token = await t.token(IDENTITIES.ADMIN);
    // The console's exchanges (console/src/client.ts): urql's document cache adds __typename to every selection.
    const client = new Client({
      url: `${listed.url}/graphql`,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: { headers: { authorization: `Bearer ${token}` } },
      preferGetMethod: false,
      requestPolicy: 'network-only',
    });
    const viewer = await client.query(new Map(documents).get('Viewer')!, {}).toPromise();
    expect(viewer.error).toBeUndefined();
    expect(viewer.data).toMatchObject({ viewer: { role: 'ADMIN' } });
    for (const [name, document] of documents) {
      const isMutation = document.definitions.some(
        (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
      );
      const result = await (isMutation ? client.mutation(document, {}) : client.query(document, {})).toPromise();
      const codes = result.error?.graphQLErrors.map((error) => error.extensions?.code) ?? [];
      expect([name, codes]).not.toEqual([name, expect.arrayContaining(['OPERATION_NOT_ALLOWED'])]);
      if (result.error?.networkError) throw result.error.networkError;
    }
  });

  it('turns GraphiQL off', async () => {
    expect((await fetch(`${listed.url}/graphiql`)).status).toBe(404);
    expect((await fetch(`${url}/graphiql`)).status).toBe(200);
  });
});
