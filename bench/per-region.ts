import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/data-source';
import { allEntities } from '../src/subgraphs/registry';
import { createHub } from '../src/server/hub';

/**
 * `node dist/bench/per-region.js` against a seeded DATABASE_URL: SQL statements and latency (median and slowest of
 * BENCH_RUNS, in-process, no HTTP) of each per-region field asked for every region three levels under the city —
 * the one-line anonymous query that once took the hub down (docs/decisions.md) and its siblings. The budget is lifted so every document runs.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FIELDS = [
  'linkageIndex { needsResolved }',
  'needList { category open }',
  'projectList { status count }',
  'unmetNeedCategories { category }',
  'needs { totalCount nodes { number } }',
  'needStats { total }',
  'resourceList { services stations volunteers funds }',
  'stationCoverage { complete }',
  'population organizationCount socialWorkerCount volunteerCount',
];

async function main() {
  const config = loadConfig({
    ...process.env,
    JWT_SECRET: 'benchmark-secret-0123456789',
    QUERY_COST_LIMIT: '1000000000',
    QUERY_COST_PER_MINUTE_PER_TOKEN: '100000000000',
    QUERY_COST_PER_MINUTE_PER_ADDRESS: '100000000000',
  });
  const database = await openDatabase(config.database, allEntities());
  const hub = await createHub({ config, database, log: () => undefined });
  process.stdout.write(
    `| field, three levels under 玉溪市 | SQL statements | median ms | slowest ms |\n|---|---|---|---|\n`,
  );
  for (const fields of FIELDS) {
    const query = `{ region(id: "530400000000") { children { children { children { ${fields} } } } } }`;
    const times: number[] = [];
    let statements = 0;
    for (let run = 0; run <= RUNS; run += 1) {
      database.queries.reset();
      const started = process.hrtime.bigint();
      const response = await hub.server.executeOperation({ query }, { contextValue: hub.context(undefined, 'bench') });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (body?.errors?.length) throw new Error(`${fields}: ${JSON.stringify(body.errors[0])}`);
      statements = database.queries.reset();
      if (run > 0) times.push(ms); // the first run warms the plan and document caches
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    process.stdout.write(
      `| \`${fields}\` | ${statements} | ${median.toFixed(0)} | ${times[times.length - 1].toFixed(0)} |\n`,
    );
  }
  await hub.stop();
  await database.dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
