import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/config';
import { createHub, type Hub } from '../../src/server/hub';
import { createHttpServer, listen } from '../../src/server/http-server';
import type { Database } from '../../src/db/data-source';
import { UPDATE_STATION } from '../helpers/admin-operations';
import { IDENTITIES, LIQI } from '../helpers/identities';
import { TEST_REDIS_URL, testRedisPrefix } from '../helpers/redis-prefix';
import { relayTo } from '../helpers/tcp-relay';
import { post } from '../helpers/session-client';
import {
  BUSY_CLIENT_ENV,
  codeOf,
  startTestHub,
  TEST_DATA_KEY,
  TEST_JWT_SECRET,
  type TestHub,
} from '../helpers/test-hub';
import { SIGN_IN } from '../helpers/account-operations';

// Anonymous reads answered from the cache across requests (docs/decisions.md, "Cached public reads"): a hit sends
// no SQL; no read that starts after a write's answer arrived sees the old value, on this hub or another sharing
// Redis; nothing a token or session sees is served from or stored into the public cache.

let t: TestHub;
let url: string;
let adminToken: string;
const redis = testRedisPrefix();

const STATIONS = `query Stations($regionId: ID!) { serviceStations(first: 5, filter: { regionId: $regionId }) { nodes { id name publicPhone } } }`;
const STATION = `query Station($id: ID!) { serviceStation(id: $id) { id publicPhone } }`;
const VIEWER_ROLE = `{ viewer { role subject } }`;

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
  url = await t.listen();
  adminToken = await t.token({ role: IDENTITIES.ADMIN.role, subject: 'admin' });
});
afterAll(async () => {
  await t.close();
  await redis.drop();
});

/** SQL statements the database received while `work` ran (requests run one at a time here). */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  t.database.queries.reset();
  const result = await work();
  return { result, statements: t.database.queries.reset() };
}

async function stationIds(count: number): Promise<string[]> {
  const data = await t.query<{ serviceStations: { nodes: { id: string }[] } }>(
    `{ serviceStations(first: ${count}) { nodes { id } } }`,
  );
  return data.serviceStations.nodes.map((node) => node.id);
}

describe('an anonymous query', () => {
  it('is answered from the cache the second time: the same answer, no SQL', async () => {
    const first = await statementsOf(() => post(url, STATIONS, { regionId: LIQI }));
    expect(first.result.body.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(0);
    const second = await statementsOf(() => post(url, STATIONS, { regionId: LIQI }));
    expect(second.statements).toBe(0);
    expect(second.result.status).toBe(200);
    expect(second.result.body).toEqual(first.result.body);
    // Other variables are another answer.
    const other = await statementsOf(() => post(url, STATIONS, { regionId: '530400000000' }));
    expect(other.statements).toBeGreaterThan(0);
  });

  it('is not emptied by a sign-in attempt, which anyone may send and which changes no public answer', async () => {
    await post(url, STATIONS, { regionId: LIQI });
    expect((await statementsOf(() => post(url, STATIONS, { regionId: LIQI }))).statements).toBe(0);
    const attempt = await post(url, SIGN_IN, { input: { username: 'nobody-here', password: 'not-the-password-1' } });
    expect(codeOf(attempt.body)).toBe('INVALID_CREDENTIALS');
    expect((await statementsOf(() => post(url, STATIONS, { regionId: LIQI }))).statements).toBe(0);
  });

  it('shows a committed write to the very next read', async () => {
    const [id] = await stationIds(1);
    await post(url, STATION, { id });
    expect((await statementsOf(() => post(url, STATION, { id }))).statements).toBe(0);
    const written = await post(url, UPDATE_STATION, { id }, { token: adminToken });
    expect(written.body.errors).toBeUndefined();
    const after = await statementsOf(() => post<{ serviceStation: { publicPhone: string } }>(url, STATION, { id }));
    expect(after.statements).toBeGreaterThan(0);
    expect(after.result.body.data?.serviceStation.publicPhone).toBe('0877-2010000');
  });

  it('is not stored when the answer has errors', async () => {
    const missing = `{ region(id: "999999999999") { id name } }`;
    const first = await post(url, missing);
    expect(first.body.errors?.length).toBeGreaterThan(0);
    expect((await statementsOf(() => post(url, missing))).statements).toBeGreaterThan(0);
  });

  it.each([
    ['Need.overdue', `{ needs(first: 3) { nodes { id overdue } } }`],
    ['Region.needTrend', `{ region(id: "${LIQI}") { needTrend(months: 3) { month submitted } } }`],
    ['Region.needList', `{ region(id: "${LIQI}") { needList { category unmetOver30Days } } }`],
  ])('is not stored when it reads the clock (%s)', async (_field, query) => {
    const first = await post(url, query);
    expect(first.body.errors).toBeUndefined();
    expect((await statementsOf(() => post(url, query))).statements).toBeGreaterThan(0);
  });
});

describe('a caller with a token or a session', () => {
  it('is never served the anonymous answer, and its own is never stored for anonymous callers', async () => {
    const anonymous = await post<{ viewer: { role: string } }>(url, VIEWER_ROLE);
    expect(anonymous.body.data?.viewer.role).toBe('PUBLIC');
    expect((await statementsOf(() => post(url, VIEWER_ROLE))).statements).toBe(0); // now cached for anonymous callers
    const staff = await statementsOf(() =>
      post<{ viewer: { role: string; subject: string } }>(url, VIEWER_ROLE, {}, { token: adminToken }),
    );
    expect(staff.result.body.data?.viewer).toEqual({ role: 'ADMIN', subject: 'admin' });
    // A query a token sends twice runs twice.
    const [id] = await stationIds(1);
    await post(url, STATION, { id: String(Number(id) + 1) }, { token: adminToken });
    const again = await statementsOf(() => post(url, STATION, { id: String(Number(id) + 1) }, { token: adminToken }));
    expect(again.statements).toBeGreaterThan(0);
    // What the token read was not stored for anonymous callers.
    expect((await statementsOf(() => post(url, STATION, { id: String(Number(id) + 1) }))).statements).toBeGreaterThan(
      0,
    );
  });

  it('with a session cookie, even a stale one, neither reads nor fills the cache', async () => {
    const cookie = 'wushe_session=not-a-session';
    const answer = await post<{ viewer: { role: string } }>(url, VIEWER_ROLE, {}, { cookie });
    expect(answer.body.data?.viewer.role).toBe('PUBLIC');
    expect(answer.setCookies.some((value) => value.startsWith('wushe_session=;'))).toBe(true);
    const query = `{ serviceStations(first: 2) { totalCount } }`;
    await post(url, query, {}, { cookie });
    expect((await statementsOf(() => post(url, query, {}, { cookie }))).statements).toBeGreaterThan(0);
    expect((await statementsOf(() => post(url, query))).statements).toBeGreaterThan(0);
  });
});

describe('parallel readers and writers', () => {
  it('never show a value older than the last write whose answer arrived before the read began', async () => {
    const ids = await stationIds(4);
    const phone = (n: number) => `0877-${String(3_000_000 + n)}`;
    const acked = ids.map(() => 0);
    const document = `query Phones { ${ids.map((id, i) => `s${i}: serviceStation(id: "${id}") { publicPhone }`).join(' ')} }`;
    let hits = 0;
    const store = t.hub.publicCache!;
    const lookup = store.lookup.bind(store);
    store.lookup = async (key) => {
      const found = await lookup(key);
      if (found?.hit !== undefined) hits += 1;
      return found;
    };
    const writes = 15;
    let stale = 0;
    let reads = 0;
    let done = false;
    const writer = async (index: number) => {
      for (let n = 1; n <= writes; n += 1) {
        const answer = await post(
          url,
          `mutation W($id: ID!, $phone: String!) { updateServiceStation(id: $id, input: { publicPhone: $phone }) { id } }`,
          { id: ids[index], phone: phone(n) },
          { token: adminToken },
        );
        expect(answer.body.errors).toBeUndefined();
        acked[index] = n;
        await sleep(Math.random() * 40);
      }
    };
    const reader = async () => {
      while (!done) {
        const floor = [...acked];
        const answer = await post<Record<string, { publicPhone: string | null }>>(url, document);
        expect(answer.body.errors).toBeUndefined();
        reads += 1;
        ids.forEach((_id, i) => {
          const seen = answer.body.data![`s${i}`].publicPhone;
          const n = seen?.startsWith('0877-3') ? Number(seen.slice(5)) - 3_000_000 : 0;
          if (n < floor[i]) stale += 1;
        });
      }
    };
    const readers = Array.from({ length: 6 }, reader);
    await Promise.all(ids.map((_id, i) => writer(i)));
    done = true;
    await Promise.all(readers);
    store.lookup = lookup;
    // The last values, read twice after the writers stopped: the second read is a hit.
    const last = await post<Record<string, { publicPhone: string }>>(url, document);
    expect(Object.values(last.body.data!).map((s) => s.publicPhone)).toEqual(ids.map(() => phone(writes)));
    expect((await statementsOf(() => post(url, document))).statements).toBe(0);
    process.stdout.write(`parallel: ${reads} reads, ${hits} cache hits, ${ids.length * writes} writes\n`);
    expect(stale).toBe(0);
    expect(reads).toBeGreaterThan(ids.length * writes);
  });
});

/** A hub over the test's database through its own connection pool, with the cache shared in Redis at `redisUrl`. */
async function redisHub(
  redisUrl: string,
): Promise<{ hub: Hub; url: string; database: Database; close(): Promise<void> }> {
  const database = await t.testDatabase.open();
  const config = loadConfig({
    DATABASE_URL: t.testDatabase.url,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: TEST_DATA_KEY,
    REDIS_URL: redisUrl,
    PUBLIC_CACHE_REDIS_PREFIX: redis.prefix,
    // The rate limits count in Redis too: under this file's prefix, so its keys go with the others.
    RATE_LIMIT_REDIS_PREFIX: `${redis.prefix}rate-limit:`,
    ...BUSY_CLIENT_ENV,
  });
  const hub = await createHub({ config, database, log: () => undefined });
  const server = createHttpServer({ apollo: hub.server, context: (request) => hub.contextFor(request) });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    hub,
    database,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await hub.stop();
      await database.dataSource.destroy();
    },
  };
}

describe('two hubs sharing Redis', () => {
  it('a write through one is seen by the next read through the other', async () => {
    const a = await redisHub(TEST_REDIS_URL);
    const b = await redisHub(TEST_REDIS_URL);
    try {
      const [id] = await stationIds(1);
      const read = (hub: { url: string }) =>
        post<{ serviceStation: { publicPhone: string } }>(hub.url, STATION, { id });
      const before = await read(b);
      expect(before.body.errors).toBeUndefined();
      // b's answer is now in Redis: a answers it without SQL.
      a.database.queries.reset();
      expect((await read(a)).body).toEqual(before.body);
      expect(a.database.queries.reset()).toBe(0);
      for (const value of ['0877-4000001', '0877-4000002']) {
        const written = await post(
          a.url,
          `mutation W($id: ID!, $phone: String!) { updateServiceStation(id: $id, input: { publicPhone: $phone }) { id } }`,
          { id, phone: value },
          { token: adminToken },
        );
        expect(written.body.errors).toBeUndefined();
        expect((await read(b)).body.data?.serviceStation.publicPhone).toBe(value);
        b.database.queries.reset();
        expect((await read(b)).body.data?.serviceStation.publicPhone).toBe(value);
        expect(b.database.queries.reset()).toBe(0);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('Redis going down', () => {
  it('makes the hub fail to start with one line when REDIS_URL cannot be reached', async () => {
    await expect(redisHub('redis://127.0.0.1:5258')).rejects.toThrow(/^REDIS_URL is set but Redis cannot be reached/);
  });

  it('while serving: reads skip the cache and stay right, writes are refused and change nothing', async () => {
    const relay = await relayTo(new URL(TEST_REDIS_URL), 5257);
    const hub = await redisHub(relay.url);
    try {
      const [id] = await stationIds(1);
      const read = () => post<{ serviceStation: { publicPhone: string } }>(hub.url, STATION, { id });
      const before = (await read()).body.data!.serviceStation.publicPhone;
      await read();
      await relay.cut();
      hub.database.queries.reset();
      expect((await read()).body.data?.serviceStation.publicPhone).toBe(before);
      expect(hub.database.queries.reset()).toBeGreaterThan(0);
      const refused = await post(
        hub.url,
        `mutation W($id: ID!) { updateServiceStation(id: $id, input: { publicPhone: "0877-5000001" }) { id } }`,
        { id },
        { token: adminToken },
      );
      expect(codeOf(refused.body)).toBe('SERVICE_UNAVAILABLE');
      expect((await read()).body.data?.serviceStation.publicPhone).toBe(before);
      await relay.restore();
      // Reconnects within a few seconds; then the cache serves again.
      let hit = false;
      for (let attempt = 0; attempt < 50 && !hit; attempt += 1) {
        await read();
        hub.database.queries.reset();
        await read();
        hit = hub.database.queries.reset() === 0;
        if (!hit) await sleep(100);
      }
      expect(hit).toBe(true);
    } finally {
      await hub.close();
      await relay.cut();
    }
  });
});
