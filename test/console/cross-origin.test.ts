import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { createHttpServer, listen } from '../../src/server/http-server';
import { hubHttpOptions } from '../../src/server/hub';
import { IDENTITIES } from '../helpers/identities';
import { launchChromium } from './harness';
import { BUSY_CLIENT_ENV, startTestHub, type TestHub } from '../helpers/test-hub';

// A front end on its own origin: a page served by another HTTP server (another port, so another origin) whose
// script calls the hub with fetch, in Chromium. For a listed origin the preflight and the request succeed; for
// any other the browser's fetch fails with a TypeError, and the hub never sees the request after the preflight.

/**
 * The front end: its script reads what to do from the page's address, calls the hub and leaves the outcome in
 * `window.outcome` (answer, status and the Cache-Control it could read, or the error's name and message).
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>front end</title><script>
const params = new URLSearchParams(location.search);
const hub = params.get('hub');
const query = '{ region(id: "530400000000") { name population } }';
const headers = { 'content-type': 'application/json' };
if (params.get('token')) headers.authorization = 'Bearer ' + params.get('token');
const request = params.get('method') === 'GET'
  ? fetch(hub + '/graphql?query=' + encodeURIComponent(query), { headers: { 'apollo-require-preflight': 'true' } })
  : fetch(hub + '/graphql', {
      method: 'POST', headers, body: JSON.stringify({ query: params.get('query') || query }),
      credentials: params.get('credentials') || 'same-origin',
    });
window.outcome = request.then(
  async (response) => ({ status: response.status, cacheControl: response.headers.get('cache-control'), body: await response.json() }),
  (error) => ({ error: error.name + ': ' + error.message }),
);
</script>`;

interface Outcome {
  status?: number;
  cacheControl?: string | null;
  body?: { data?: Record<string, unknown>; errors?: unknown[] };
  error?: string;
}

interface Seen {
  method: string;
  origin?: string;
  status: number;
}

let t: TestHub;
let hubUrl: string;
let hubServer: Server;
let listedOrigin: string;
let otherOrigin: string;
const frontEnds: Server[] = [];
let browser: Browser;
/** Every request the hub received, with its answer's status. */
const seen: Seen[] = [];

/** A server of the front end's one page, on a port of its own. */
async function frontEnd(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  frontEnds.push(server);
  return `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
}

beforeAll(async () => {
  listedOrigin = await frontEnd();
  otherOrigin = await frontEnd();
  t = await startTestHub({ env: { ...BUSY_CLIENT_ENV, CORS_ORIGINS: listedOrigin } });
  hubServer = createHttpServer({
    apollo: t.hub.server,
    context: (request) => t.hub.contextFor(request),
    ...hubHttpOptions(t.config),
  });
  hubServer.on('request', (request: { method?: string; headers: IncomingHttpHeaders }, response) => {
    response.on('finish', () =>
      seen.push({ method: request.method ?? '', origin: request.headers.origin, status: response.statusCode }),
    );
  });
  hubUrl = `http://127.0.0.1:${await listen(hubServer, 0, '127.0.0.1')}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => hubServer?.close(resolve));
  await Promise.all(frontEnds.map((server) => new Promise((resolve) => server.close(resolve))));
  await t?.close();
});

/** Opens the front end at `origin` in a fresh browser context and returns what its script got from the hub. */
async function callFrom(origin: string, options: Record<string, string> = {}): Promise<Outcome> {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    seen.length = 0;
    await page.goto(`${origin}/?${new URLSearchParams({ hub: hubUrl, ...options })}`);
    return (await page.evaluate('window.outcome')) as Outcome;
  } finally {
    await context.close();
  }
}

it('lets a page on a listed origin call the hub: preflight, then the request', async () => {
  const outcome = await callFrom(listedOrigin);
  expect(outcome.error).toBeUndefined();
  expect(outcome.status).toBe(200);
  expect(outcome.body).toEqual({ data: { region: { name: '玉溪市', population: expect.any(Number) } } });
  expect(seen).toEqual([
    { method: 'OPTIONS', origin: listedOrigin, status: 204 },
    { method: 'POST', origin: listedOrigin, status: 200 },
  ]);
});

it('lets it send a bearer token, and read a public GET answer’s lifetime', async () => {
  const token = await t.token(IDENTITIES.STAFF_IN);
  const withToken = await callFrom(listedOrigin, { token });
  expect(withToken.error).toBeUndefined();
  expect(withToken.body?.data).toMatchObject({ region: { name: '玉溪市' } });
  expect(withToken.cacheControl).toBe('private, no-store');
  const viaGet = await callFrom(listedOrigin, { method: 'GET' });
  expect(viaGet.error).toBeUndefined();
  expect(viaGet.body?.data).toMatchObject({ region: { name: '玉溪市' } });
  expect(viaGet.cacheControl).toBe('public, max-age=3600');
});

it('keeps the answer from a page on any other origin: fetch fails, the request is never sent', async () => {
  const outcome = await callFrom(otherOrigin);
  expect(outcome.error).toBe('TypeError: Failed to fetch');
  expect(outcome.status).toBeUndefined();
  expect(seen).toEqual([{ method: 'OPTIONS', origin: otherOrigin, status: 403 }]);
});

it('sends no cookies across origins unless CORS_CREDENTIALS=on', async () => {
  // A listed origin asking to send credentials: the preflight carries no Access-Control-Allow-Credentials, so the
  // browser stops there.
  const outcome = await callFrom(listedOrigin, { credentials: 'include' });
  expect(outcome.error).toBe('TypeError: Failed to fetch');
  expect(seen.filter((request) => request.method === 'POST')).toEqual([]);
});
