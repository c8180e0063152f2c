import { connect } from 'node:net';
import { MAX_BODY_BYTES } from '../../src/server/http-server';
import { startTestHub, type TestHub } from '../helpers/test-hub';

// Through the real HTTP server, in production mode: bad requests get coded errors with the right status, no
// suggestions, and the server stays up.
let t: TestHub;
let base: string;
const logged: string[] = [];
beforeAll(async () => {
  t = await startTestHub({ env: { NODE_ENV: 'production' }, log: (line) => logged.push(line) });
  base = await t.listen();
});
afterAll(() => t?.close());

async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string; requestId?: string } }[];
    },
  };
}

const codeOf = (result: Awaited<ReturnType<typeof post>>) => result.body.errors?.[0]?.extensions?.code;

const city = (fields: string) => `{ region(id: "530400000000") { ${fields} } }`;
const sixteenAliases = `{ ${Array.from({ length: 16 }, (_, i) => `r${i}: region(id: "530400000000") { name }`).join(' ')} }`;
const twelveDeep = city('parent { '.repeat(11) + 'name' + ' }'.repeat(11));

test.each([
  // Parse failures, the token limit included (graphql-js counts tokens while parsing).
  ['a syntax error', { query: '{ region(id: "530400000000") { name ' }, 400, 'GRAPHQL_PARSE_FAILED'],
  ['an unclosed selection', { query: '{ __typename' }, 400, 'GRAPHQL_PARSE_FAILED'],
  ['over 500 tokens', { query: `{ ${'__typename '.repeat(501)}}` }, 400, 'GRAPHQL_PARSE_FAILED'],
  // Validation failures, graphql-armor's included.
  ['an unknown field', { query: city('nmae') }, 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['a field name one letter off', { query: city('nam') }, 400, 'GRAPHQL_VALIDATION_FAILED'],
  [
    'an argument name one letter off',
    { query: '{ region(idd: "530400000000") { name } }' },
    400,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  ['a wrongly typed argument', { query: '{ regions(first: "ten") { totalCount } }' }, 400, 'GRAPHQL_VALIDATION_FAILED'],
  [
    'an enum value one letter off',
    { query: '{ services(filter: { category: ELDERLY_CAR }) { totalCount } }' },
    400,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [
    'an input field one letter off',
    { query: '{ services(filter: { categry: ELDERLY_CARE }) { totalCount } }' },
    400,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [
    'a type name one letter off',
    { query: 'query($c: ServiceCategor) { services(filter: { category: $c }) { totalCount } }' },
    400,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  ['16 aliases', { query: sixteenAliases }, 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['a depth of 12', { query: twelveDeep }, 400, 'GRAPHQL_VALIDATION_FAILED'],
  ['two anonymous operations', { query: '{ __typename } { __typename }' }, 400, 'GRAPHQL_VALIDATION_FAILED'],
  [
    'an absurd page size, refused by the page-size limit',
    { query: '{ services(first: 99999999) { totalCount } }' },
    200,
    'BAD_USER_INPUT',
  ],
  // Operations that cannot be resolved or run.
  [
    'an unknown operationName',
    { query: 'query A { __typename } query B { __typename }', operationName: 'C' },
    400,
    'OPERATION_RESOLUTION_FAILURE',
  ],
  [
    'two operations and no operationName',
    { query: 'query A { __typename } query B { __typename }' },
    400,
    'OPERATION_RESOLUTION_FAILURE',
  ],
  ['a subscription', { query: 'subscription { __typename }' }, 400, 'BAD_REQUEST'],
  [
    'a document over the cost budget',
    { query: city('children { children { children { needs(first: 100) { nodes { number } } } } }') },
    400,
    'COST_LIMIT_EXCEEDED',
  ],
  // Variables that do not coerce: the caller's input, for the public too.
  [
    'a variable of the wrong type',
    { query: 'query($n: Int!) { services(first: $n) { totalCount } }', variables: { n: 'x' } },
    400,
    'BAD_USER_INPUT',
  ],
  [
    'an enum variable one letter off',
    {
      query: 'query($c: ServiceCategory) { services(filter: { category: $c }) { totalCount } }',
      variables: { c: 'ELDERLY_CAR' },
    },
    400,
    'BAD_USER_INPUT',
  ],
  [
    'an invalid DateTimeISO variable from the public',
    {
      query: 'mutation($at: DateTimeISO) { checkIn(at: $at, volunteerId: "1", activityId: "1") { id } }',
      variables: { at: 'not a time' },
    },
    400,
    'BAD_USER_INPUT',
  ],
  // Refused by the services while running: the answer is a GraphQL result (HTTP 200) with a coded error.
  ['a malformed division code', { query: '{ region(id: "5304") { name } }' }, 200, 'BAD_USER_INPUT'],
  ['an unknown region', { query: '{ region(id: "530499999999") { name } }' }, 200, 'NOT_FOUND'],
  ['a page over the limit', { query: '{ services(first: 101) { totalCount } }' }, 200, 'BAD_USER_INPUT'],
  ['a forged cursor', { query: '{ services(after: "bm9wZQ") { totalCount } }' }, 200, 'BAD_USER_INPUT'],
  ['a non-numeric id', { query: '{ organization(id: "1 OR 1=1") { name } }' }, 200, 'BAD_USER_INPUT'],
  ['a malformed need number', { query: '{ needByNumber(number: "DROP TABLE need") { id } }' }, 200, 'BAD_USER_INPUT'],
])('%s gets its HTTP status and code, without suggestions', async (_name, body, status, code) => {
  const result = await post(body);
  expect([result.status, codeOf(result)]).toEqual([status, code]);
  const text = JSON.stringify(result.body);
  expect(text).not.toMatch(/stacktrace|at .*\.ts:/);
  expect(text).not.toMatch(/did you mean|ELDERLY_CARE"|"name"\?|"id"\?|ServiceCategory"\?/i);
});

test('an unexpected error is masked, and its request id is in the answer and in the log with message and stack', async () => {
  const table = t.database.dataSource.driver.escape('charity_resource');
  const moved = t.database.dataSource.driver.escape('charity_resource_moved');
  logged.length = 0;
  await t.database.dataSource.query(`ALTER TABLE ${table} RENAME TO ${moved}`);
  try {
    const result = await post({ query: '{ charityResources { totalCount } }' });
    expect(result.status).toBe(200);
    const [error] = result.body.errors ?? [];
    expect(error.message).toBe('服务器内部错误,请稍后再试 (internal error)');
    expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = logged.find((l) => l.includes(error.extensions!.requestId!));
    expect(line).toBeDefined();
    const entry = JSON.parse(line!) as Record<string, string>;
    expect([entry.level, entry.msg, entry.requestId]).toEqual([
      'error',
      'unexpected error',
      error.extensions!.requestId,
    ]);
    expect(entry.error).toMatch(/charity_resource/);
    expect(entry.stack).toMatch(/\n\s+at /);
    expect(line).not.toContain('[object Object]');
  } finally {
    await t.database.dataSource.query(`ALTER TABLE ${moved} RENAME TO ${table}`);
  }
});

test('requests that are not GraphQL are refused with codes, and the server is still up', async () => {
  expect((await post('{"query": ', { 'content-type': 'application/json' })).status).toBe(400);
  expect((await post([{ query: '{ __typename }' }, { query: '{ __typename }' }])).status).toBe(400);
  const plain = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: '{ __typename }',
  });
  expect(plain.status).toBe(400);
  const ok = await post({ query: '{ region(id: "530400000000") { name } }' });
  expect(ok.body.data).toEqual({ region: { name: '玉溪市' } });
});

/**
 * Sends `head` and then `body` on a bare socket and returns everything the server answers until it closes.
 * The client sends no byte the server does not read: a server that closes a socket with unread input resets it,
 * and the reset can throw away the answer before the client reads it (what an HTTP client sending 2 MB sees).
 */
function exchange(head: string, body = ''): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head + body));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const PAYLOAD_TOO_LARGE =
  '{"errors":[{"message":"请求体过大 (request body too large)","extensions":{"code":"PAYLOAD_TOO_LARGE"}}]}';

test('a body over the limit is answered 413 and the connection closed, and the server is still up', async () => {
  const request = 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n';
  // Announced: refused from the Content-Length before a byte of the body is read.
  const announced = await exchange(`${request}Content-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`);
  // Streamed without a length: refused when the byte over the limit arrives (one chunk of limit + 1 bytes, no end).
  const size = (MAX_BODY_BYTES + 1).toString(16);
  const streamed = await exchange(
    `${request}Transfer-Encoding: chunked\r\n\r\n${size}\r\n`,
    'x'.repeat(MAX_BODY_BYTES + 1),
  );
  for (const answer of [announced, streamed]) {
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    // The answer is sent in one chunk, then the final empty one.
    const length = Buffer.byteLength(PAYLOAD_TOO_LARGE).toString(16);
    expect(answer.slice(answer.indexOf('\r\n\r\n'))).toBe(`\r\n\r\n${length}\r\n${PAYLOAD_TOO_LARGE}\r\n0\r\n\r\n`);
  }
  const ok = await post({ query: '{ region(id: "530400000000") { name } }' });
  expect(ok.body.data).toEqual({ region: { name: '玉溪市' } });
});

test('health and GraphiQL are served from this machine', async () => {
  expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  const page = await fetch(`${base}/graphiql`);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('/graphiql/yoga-graphiql.umd.js');
  const bundle = await fetch(`${base}/graphiql/yoga-graphiql.umd.js`);
  expect(bundle.status).toBe(200);
  expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  expect((await fetch(`${base}/graphiql/../package.json`)).status).toBe(404);
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    expect([name, (await fetch(`${base}/graphiql/${name}`)).status]).toEqual([name, 404]);
});
