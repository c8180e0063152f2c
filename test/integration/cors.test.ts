import { ConfigError, loadConfig } from '../../src/config/config';
import { BUSY_CLIENT_ENV, startTestHub, type TestHub } from '../helpers/test-hub';

// CORS at /graphql, as a browser's preflight and request see it over HTTP (test/console/cross-origin.test.ts runs
// the same in Chromium): listed origins get Access-Control-Allow-Origin, others nothing; credentials only with
// CORS_CREDENTIALS=on.

const LISTED = 'https://app.yuxi.example.cn';
const ALSO_LISTED = 'http://127.0.0.1:6401';
const UNLISTED = 'https://evil.example.com';
const QUERY = JSON.stringify({ query: '{ region(id: "530400000000") { name } }' });

function preflight(url: string, origin: string, headers = 'content-type') {
  return fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
}

function request(url: string, origin?: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: QUERY,
  });
}

describe('with CORS_ORIGINS set', () => {
  let t: TestHub;
  let url: string;
  beforeAll(async () => {
    t = await startTestHub({ env: { ...BUSY_CLIENT_ENV, CORS_ORIGINS: `${LISTED}, ${ALSO_LISTED}` } });
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('answers a listed origin’s preflight with what it may send', async () => {
    for (const origin of [LISTED, ALSO_LISTED]) {
      const answer = await preflight(url, origin, 'content-type, authorization');
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST');
      const allowed = answer.headers.get('access-control-allow-headers')!.split(/,\s*/);
      expect(allowed).toEqual(
        expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id']),
      );
      expect(Number(answer.headers.get('access-control-max-age'))).toBeGreaterThan(0);
      expect(answer.headers.get('vary')).toBe('Origin');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('lets a listed origin read the answer', async () => {
    const answer = await request(url, LISTED);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(answer.headers.get('vary')).toBe('Origin');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await answer.json()).toEqual({ data: { region: { name: '玉溪市' } } });
  });

  it('gives any other origin no Access-Control-Allow-Origin', async () => {
    const refused = await preflight(url, UNLISTED);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'CORS_ORIGIN_NOT_ALLOWED',
    );
    // An origin differing only in scheme or port is another origin.
    for (const origin of ['http://app.yuxi.example.cn', 'https://app.yuxi.example.cn:8443', 'null']) {
      expect((await preflight(url, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
    // The request itself is still answered (a same-origin POST carries an Origin too): the browser withholds it.
    const answer = await request(url, UNLISTED);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBe('Origin');
  });

  it('still refuses a request a browser sends cross-site without a preflight (Apollo csrfPrevention)', async () => {
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: LISTED },
      body: QUERY,
    });
    expect(answer.status).toBe(400);
  });
});

describe('with CORS_CREDENTIALS=on', () => {
  let t: TestHub;
  let url: string;
  beforeAll(async () => {
    t = await startTestHub({ env: { ...BUSY_CLIENT_ENV, CORS_ORIGINS: LISTED, CORS_CREDENTIALS: 'on' } });
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('allows credentials to listed origins only', async () => {
    const listed = await preflight(url, LISTED);
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED);
    const unlisted = await preflight(url, UNLISTED);
    expect(unlisted.headers.get('access-control-allow-credentials')).toBeNull();
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('without CORS_ORIGINS (the default)', () => {
  let t: TestHub;
  let url: string;
  beforeAll(async () => {
    t = await startTestHub({ env: BUSY_CLIENT_ENV });
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('serves the same origin only', async () => {
    const refused = await preflight(url, LISTED);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await request(url, LISTED);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBeNull();
  });
});

describe('CORS_ORIGINS', () => {
  it('takes exact origins only', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.cn,http://localhost:5173' }).cors.origins).toEqual([
      'https://a.example.cn',
      'http://localhost:5173',
    ]);
    expect(loadConfig({}).cors).toEqual({ origins: [], credentials: false });
    for (const bad of [
      '*',
      'https://a.example.cn/',
      'https://a.example.cn/app',
      'a.example.cn',
      'ftp://a.example.cn',
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.cn:443' })).toThrow(/write https:\/\/a\.example\.cn/);
  });
});
