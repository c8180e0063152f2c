import { startTestHub, type TestHub } from '../helpers/test-hub';

// Through the real HTTP server: bad requests get coded errors and the server stays up.
let t: TestHub;
let base: string;
beforeAll(async () => {
  t = await startTestHub();
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
    body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

const codeOf = (result: Awaited<ReturnType<typeof post>>) => result.body.errors?.[0]?.extensions?.code;

test.each([
  // graphql-armor parses with its token-counting parser, which reports syntax errors as validation failures.
  ['a syntax error', { query: '{ region(id: "530400000000") { name ' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['an unknown field', { query: '{ region(id: "530400000000") { nmae } }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['a wrongly typed argument', { query: '{ regions(first: "ten") { totalCount } }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['a malformed division code', { query: '{ region(id: "5304") { name } }' }, 'BAD_USER_INPUT'],
  ['an unknown region', { query: '{ region(id: "530499999999") { name } }' }, 'NOT_FOUND'],
  ['a page over the limit', { query: '{ services(first: 101) { totalCount } }' }, 'BAD_USER_INPUT'],
  [
    'an absurd page size, refused by the cost limit',
    { query: '{ services(first: 99999999) { totalCount } }' },
    'GRAPHQL_VALIDATION_FAILED',
  ],
  ['a forged cursor', { query: '{ services(after: "bm9wZQ") { totalCount } }' }, 'BAD_USER_INPUT'],
  ['a non-numeric id', { query: '{ organization(id: "1 OR 1=1") { name } }' }, 'BAD_USER_INPUT'],
  ['a malformed need number', { query: '{ needByNumber(number: "DROP TABLE need") { id } }' }, 'BAD_USER_INPUT'],
  [
    'a variable of the wrong type',
    { query: 'query($n: Int!) { services(first: $n) { totalCount } }', variables: { n: 'x' } },
    'BAD_USER_INPUT',
  ],
])('%s gets a coded error', async (_name, body, code) => {
  const result = await post(body);
  expect(codeOf(result)).toBe(code);
  expect(JSON.stringify(result.body)).not.toMatch(/stacktrace|at .*\.ts:/);
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
  const huge = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: 'x'.repeat(2 * 1024 * 1024),
  }).catch(() => undefined);
  if (huge) expect(huge.status).toBe(413);
  const ok = await post({ query: '{ region(id: "530400000000") { name } }' });
  expect(ok.body.data.region.name).toBe('玉溪市');
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
});
