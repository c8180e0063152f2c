import 'reflect-metadata';
import { Role, type Identity } from '../src/auth/identity';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/data-source';
import { createHub, type Hub } from '../src/server/hub';
import { allEntities } from '../src/subgraphs/registry';

/**
 * `node dist/bench/need-feed.js` against a seeded DATABASE_URL (`node dist/src/cli.js seed --scale 0.01`), in-process:
 * 1. need changes under WRITERS parallel writers (each submits a need and takes it through five statuses), every
 *    change taking its seq from the one feed head row: changes per second and latency per mutation;
 * 2. a feed page of 100 events: statements, median and p99;
 * 3. from a committed change (its mutation answered) to its event being read by a reader paging the feed without
 *    pause: median and p99 (the hub's share of "a status change reaches the resident within seconds").
 */
const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const STAFF: Identity = { role: Role.STAFF, subject: 'bench-staff', regionId: '530402006000' };
const ADMIN: Identity = { role: Role.ADMIN, subject: 'bench-admin' };
const STEPS = ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'];
const SUBMIT = `mutation { submitNeed(input: { category: ELDERLY_CARE, description: "独居老人需要每周上门探访", communityId: "530402006005" }) { id } }`;
const FEED = `query($after: ID, $first: Int) { needEvents(after: $after, first: $first) { pageInfo { endCursor } nodes { seq need { number } } } }`;

async function run<T>(hub: Hub, query: string, variables: Record<string, unknown>, identity: Identity): Promise<T> {
  const response = await hub.server.executeOperation(
    { query, variables },
    { contextValue: hub.context(identity, 'bench') },
  );
  const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
  if (!body || body.errors?.length) throw new Error(JSON.stringify(body?.errors?.[0]));
  return body.data as T;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms`;
};

type Submitted = { submitNeed: { id: string } };
type Feed = { needEvents: { pageInfo: { endCursor: string | null }; nodes: { seq: number }[] } };

async function main() {
  const config = loadConfig({
    ...process.env,
    JWT_SECRET: 'benchmark-secret-0123456789',
    QUERY_COST_PER_MINUTE_PER_TOKEN: '100000000000',
    QUERY_COST_PER_MINUTE_PER_ADDRESS: '100000000000',
    MUTATIONS_PER_MINUTE_PER_TOKEN: '100000000',
    MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000000',
  });
  const database = await openDatabase(config.database, allEntities());
  const hub = await createHub({ config, database, log: () => undefined });
  const mutation = async (query: string, variables: Record<string, unknown> = {}) => {
    const started = process.hrtime.bigint();
    const data = await run<Submitted>(hub, query, variables, STAFF);
    return { data, ms: ms(started) };
  };

  // 1. Parallel need changes.
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      const submitted = await mutation(SUBMIT);
      latencies.push(submitted.ms);
      for (const step of STEPS) {
        latencies.push(
          (await mutation(`mutation($id: ID!) { ${step}(id: $id) { id } }`, { id: submitted.data.submitNeed.id })).ms,
        );
      }
    }),
  );
  const wall = ms(started);
  process.stdout.write(
    `need changes, ${WRITERS} writers in parallel: ${latencies.length} in ${wall.toFixed(0)} ms ` +
      `(${((latencies.length / wall) * 1000).toFixed(0)}/s); per mutation ${summary(latencies)}\n`,
  );

  // 2. A page of 100 events.
  const newest = await database.dataSource.query('SELECT MAX(seq) AS seq FROM need_event');
  const after = String(Math.max(0, Number(newest[0].seq) - 100));
  const pages: number[] = [];
  let statements = 0;
  for (let i = 0; i <= RUNS; i += 1) {
    database.queries.reset();
    const t0 = process.hrtime.bigint();
    const page = await run<Feed>(hub, FEED, { after, first: 100 }, ADMIN);
    if (i > 0) pages.push(ms(t0));
    statements = database.queries.reset();
    if (page.needEvents.nodes.length !== 100)
      throw new Error(`expected 100 events, got ${page.needEvents.nodes.length}`);
  }
  process.stdout.write(`feed page of 100 events: ${statements} statements, ${summary(pages)}\n`);

  // 3. Committed → read: one writer, one reader paging without pause.
  let cursor: string | null = String(newest[0].seq);
  const committedAt = new Map<number, bigint>();
  const visible: number[] = [];
  let writing = true;
  const reader = (async () => {
    const seenAt = new Map<number, bigint>();
    while (writing || seenAt.size < committedAt.size) {
      const page: Feed = await run<Feed>(hub, FEED, { after: cursor, first: 100 }, ADMIN);
      const now = process.hrtime.bigint();
      for (const event of page.needEvents.nodes) seenAt.set(event.seq, now);
      cursor = page.needEvents.pageInfo.endCursor ?? cursor;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return seenAt;
  })();
  for (let i = 0; i < RUNS; i += 1) {
    const submitted = await mutation(SUBMIT);
    const answered = process.hrtime.bigint();
    const [event] = await database.dataSource.query('SELECT seq FROM need_event WHERE need_id = ?', [
      Number(submitted.data.submitNeed.id),
    ]);
    committedAt.set(Number(event.seq), answered);
  }
  writing = false;
  const seenAt = await reader;
  for (const [seq, at] of committedAt) {
    const seen = seenAt.get(seq);
    if (seen !== undefined) visible.push(Math.max(0, Number(seen - at) / 1e6));
  }
  process.stdout.write(`committed change → read from the feed (${visible.length} changes): ${summary(visible)}\n`);
  await hub.stop();
  await database.dataSource.destroy();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
