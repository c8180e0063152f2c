import { request } from 'node:http';
import { Role } from '../../src/auth/identity';
import { startTestHub, type TestHub, type GraphQLResult } from '../helpers/test-hub';

/**
 * One anonymous client loops the per-region fields of the whole division tree (three levels of `children` under
 * the city: ~780 regions) while another client (a front end with a token) sends ordinary queries, over real HTTP.
 * The hostile client comes from another loopback address (127.0.0.2), as it would from another machine; its work is
 * charged to that address. Pool settings are the defaults (DB_POOL_SIZE 10, DB_QUEUE_LIMIT 500).
 */
let t: TestHub;
let base: string;
let ordinaryToken: string;
beforeAll(async () => {
  // The production budget (src/config defaults, written out here because the test hub lifts the per-minute ones).
  t = await startTestHub({
    env: {
      QUERY_COST_LIMIT: '10000',
      STATEMENTS_PER_REQUEST: '200',
      QUERY_COST_PER_MINUTE_PER_ADDRESS: '30000',
      // The ordinary client is a front end with its own token, sending back to back for 10 s (a flood by itself
      // at the default 100,000 a minute on MariaDB).
      QUERY_COST_PER_MINUTE_PER_TOKEN: '100000000',
    },
  });
  ordinaryToken = await t.token({ role: Role.STAFF, subject: 'front-end', regionId: '530402000000' });
  base = await t.listen();
});
afterAll(() => t?.close());

const RUN_MS = 10_000;
const HOSTILE_WORKERS = 2;
const REQUEST_TIMEOUT_MS = 20_000;

/** The finding's query first, then every other per-region field, each under three levels of `children`. */
const PER_REGION_FIELDS = [
  'linkageIndex { needsResolved }',
  'needList { category open resolved unmetOver30Days }',
  'projectList { status count round { name } }',
  'unmetNeedCategories { category priority }',
  'needs { totalCount nodes { number status } }',
  'needStats { total open resolved rejected }',
  'resourceList { category services stations volunteers funds }',
  'stationCoverage { complete communities communitiesWithSocialWorkRoom }',
  'population',
  'organizationCount organizationsPer10k',
  'socialWorkerCount',
  'volunteerCount volunteerTeamCount volunteerActivityCount volunteerHours',
];
const HOSTILE = PER_REGION_FIELDS.map(
  (fields) => `{ region(id:"530400000000"){ children { children { children { ${fields} } } } } }`,
);

/** Refusals a client may get for asking too much; anything else (INTERNAL_SERVER_ERROR above all) is a failure. */
const REFUSALS = ['COST_LIMIT_EXCEEDED', 'RATE_LIMITED', 'SERVICE_BUSY'];

interface Answer {
  status: number;
  body: GraphQLResult;
}

/** POST from a chosen local address (node's fetch cannot bind one). */
function postFrom(localAddress: string, query: string, token?: string): Promise<Answer> {
  const url = new URL(`${base}/graphql`);
  const payload = JSON.stringify({ query });
  return new Promise((resolve) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            resolve({ status: response.statusCode ?? 0, body: { errors: [{ message: text.slice(0, 200) }] } });
          }
        });
      },
    );
    // A request the server has not answered in time is a failure, not a hang of the test.
    outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error) => resolve({ status: 0, body: { errors: [{ message: error.message }] } }));
    outgoing.end(payload);
  });
}

const ORDINARY = [
  {
    query: '{ region(id: "530400000000") { name population organizationCount volunteerTeamCount } }',
    expected: { region: { name: '玉溪市', population: 2249502, organizationCount: 80, volunteerTeamCount: 30 } },
  },
  {
    query: '{ projectRounds { name applicationCount fundedCount } }',
    expected: { projectRounds: [{ name: '党群同心 共建美好家园', applicationCount: 57, fundedCount: 13 }] },
  },
  {
    query: '{ serviceStations(filter: { kind: CHILDREN_STATION }) { nodes { name region { name parent { name } } } } }',
    expected: {
      serviceStations: {
        nodes: [
          { name: '万裕生态城党群服务中心儿童服务站', region: { name: '下赫社区', parent: { name: '李棋街道' } } },
        ],
      },
    },
  },
];

test('a client looping the per-region fields of the whole tree for 10 s hurts no ordinary request', async () => {
  const deadline = Date.now() + RUN_MS;
  const hostile = { answered: 0, refused: new Map<string, number>(), failures: [] as string[] };
  const ordinary = { ok: 0, failures: [] as string[] };

  const hostileWorker = async (worker: number) => {
    for (let i = worker; Date.now() < deadline; i += HOSTILE_WORKERS) {
      const answer = await postFrom('127.0.0.2', HOSTILE[i % HOSTILE.length]);
      const codes = (answer.body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NONE'));
      if (!codes.length && answer.status === 200 && answer.body.data?.region) hostile.answered += 1;
      else if (codes.length && codes.every((code) => REFUSALS.includes(code))) {
        for (const code of new Set(codes)) hostile.refused.set(code, (hostile.refused.get(code) ?? 0) + 1);
      } else hostile.failures.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
  };
  const ordinaryClient = async () => {
    for (let i = 0; Date.now() < deadline; i += 1) {
      const { query, expected } = ORDINARY[i % ORDINARY.length];
      const answer = await postFrom('127.0.0.1', query, ordinaryToken);
      if (answer.status === 200 && !answer.body.errors && JSON.stringify(answer.body.data) === JSON.stringify(expected))
        ordinary.ok += 1;
      else ordinary.failures.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
  };

  await Promise.all([...Array.from({ length: HOSTILE_WORKERS }, (_, w) => hostileWorker(w)), ordinaryClient()]);

  process.stdout.write(
    `overload: ordinary ${ordinary.ok} ok, ${ordinary.failures.length} failed; hostile ${hostile.answered} answered, ` +
      `refused ${JSON.stringify(Object.fromEntries(hostile.refused))}, ${hostile.failures.length} failed\n`,
  );
  expect(ordinary.failures).toEqual([]);
  expect(hostile.failures).toEqual([]);
  // And it was served all along. On SQLite a request holds the process until it answers (better-sqlite3 answers
  // synchronously), so before per-level batching the ordinary client got 1 answer in these 10 s.
  expect(ordinary.ok).toBeGreaterThanOrEqual(3);
  // The finding's query itself is cheap once batched: it is answered, not refused, until the address's budget is spent.
  expect(hostile.answered).toBeGreaterThan(0);
}, 90_000);
