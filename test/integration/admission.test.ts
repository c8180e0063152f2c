import { startTestHub, type TestHub, type GraphQLResult } from '../helpers/test-hub';

// A hub with room for one statement in flight and a 1 ms wait, over a pool of 2 connections and a queue of 1
// (MySQL/MariaDB): overload must be answered 503 SERVICE_BUSY with Retry-After, never INTERNAL_SERVER_ERROR.
const onMysql = process.env.DATABASE_URL?.startsWith('mysql:') ?? false;
const onServer = onMysql || /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');

let t: TestHub;
let base: string;
beforeAll(async () => {
  t = await startTestHub({
    env: { STATEMENTS_IN_FLIGHT: '1', ADMISSION_WAIT_MS: '1', DB_POOL_SIZE: '2', DB_QUEUE_LIMIT: '1' },
  });
  base = await t.listen();
});
afterAll(() => t?.close());

async function post(query: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as GraphQLResult,
  };
}

// better-sqlite3 answers each statement synchronously, so on SQLite one request runs to its end before the next is
// read: requests never overlap there, and there is no pool to fill.
(onServer ? test : test.skip)(
  'requests that find no room are answered 503 SERVICE_BUSY with Retry-After; the others are answered (MySQL/MariaDB and PostgreSQL only: on SQLite requests never overlap)',
  async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        post(
          '{ region(id: "530400000000") { name children { children { children { linkageIndex { needsResolved } } } } } }',
        ),
      ),
    );
    const outcomes = answers.map((a) =>
      a.status === 200 && !a.body.errors && (a.body.data?.region as { name?: string } | undefined)?.name === '玉溪市'
        ? 'answered'
        : `${a.status} ${a.retryAfter} ${a.body.errors?.map((e) => e.extensions?.code).join(',')}`,
    );
    expect(new Set(outcomes)).toEqual(new Set(['answered', '503 1 SERVICE_BUSY']));
  },
);

// PostgreSQL's pool (pg-pool) has no queue limit: a request waits for a connection until its connect timeout.
(onMysql ? test : test.skip)(
  'a full connection pool answers 503 SERVICE_BUSY with Retry-After, not INTERNAL_SERVER_ERROR (MySQL/MariaDB only: SQLite has no pool, PostgreSQL no queue limit)',
  async () => {
    // Each district's figures come from four subgraphs at once; nine districts at once need far more connections
    // than two and a queue of one (each figure is one quick read now, so one request alone may find room).
    const districts = ['530402', '530403', '530423', '530424', '530425', '530426', '530427', '530428', '530481'];
    const answers = await Promise.all(
      districts.map((code) =>
        post(
          `{ region(id: "${code}000000") { population organizationCount socialWorkerCount volunteerCount volunteerTeamCount volunteerActivityCount volunteerHours } }`,
        ),
      ),
    );
    const outcomes = answers.map((a) =>
      a.status === 200 && !a.body.errors
        ? 'answered'
        : `${a.status} ${a.retryAfter} ${a.body.errors?.map((e) => e.extensions?.code).join(',')}`,
    );
    expect(outcomes).toContain('503 1 SERVICE_BUSY');
    expect(new Set(outcomes.filter((outcome) => outcome !== 'answered'))).toEqual(new Set(['503 1 SERVICE_BUSY']));
  },
);
