import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/data-source';
import { allEntities } from '../src/subgraphs/registry';
import { createHub } from '../src/server/hub';
import { createConnection } from 'mysql2/promise';
import { measureBotThroughput, type BotThroughput } from './bot-throughput';
import { mariadbBench } from './mariadb';
import { BENCH_SECRET, benchServerEnv } from './server-env';

/**
 * `npm run bench`: the same scenarios against (a) the hub as shipped, (b) the reference — the same resolvers in
 * one plain Apollo Server schema without federation (reference-schema.ts), (c) bare node:http returning the
 * identical bytes and (d) the hub with DataLoaders off, side by side in one run; SQL statements per request; the
 * bot's throughput; then Yuxi on MariaDB (mariadbPart). Appends tables to bench/RESULTS.md.
 * BENCH_SCALE (default 0.1) sizes the SQLite city, BENCH_SECONDS each run, BENCH_MYSQL the MariaDB server.
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const SCALE = process.env.BENCH_SCALE ?? '0.1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const NESTED = `query Nested($first: Int!) { services(first: $first) { totalCount edges { node { name
  provider { name kind region { name organizationCount } } region { name population volunteerCount } } } } }`;

const SCENARIOS = {
  search: {
    query:
      '{ services(filter: { search: "老年" }, first: 20) { totalCount nodes { name schedule provider { name } } } }',
    variables: {},
  },
  nested: { query: NESTED, variables: { first: 20 } },
  register: {
    query: 'mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { number status } }',
    variables: {
      input: { category: 'ELDERLY_CARE', description: '独居老人需要每周上门探访', communityId: '530402002004' },
    },
  },
} as const;
type Scenario = keyof typeof SCENARIOS;

const env = benchServerEnv;

function start(args: string[], extra: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

async function post(url: string, scenario: Scenario, token: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(SCENARIOS[scenario]),
  });
  return response.text();
}

interface Result {
  scenario: Scenario;
  variant: string;
  rps: number;
  p50: number;
  p99: number;
}

async function load(url: string, scenario: Scenario, token: string, variant: string): Promise<Result> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-scenario': scenario },
    body: JSON.stringify(SCENARIOS[scenario]),
  });
  if (result.non2xx || result.errors)
    throw new Error(`${variant}/${scenario}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { scenario, variant, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function statementsPerRequest(databaseUrl: string): Promise<Record<number, number>> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_SECRET });
  const database = await openDatabase(config.database, allEntities());
  const hub = await createHub({ config, database, log: () => undefined });
  const counts: Record<number, number> = {};
  for (const first of [5, 50, 100]) {
    database.queries.reset();
    await hub.server.executeOperation({ query: NESTED, variables: { first } }, { contextValue: hub.context() });
    counts[first] = database.queries.reset();
  }
  await hub.stop();
  await database.dataSource.destroy();
  return counts;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'wushe-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'wushe.sqlite')}`;
  process.stderr.write(`seeding the city at scale ${SCALE}…\n`);
  execFileSync(process.execPath, [CLI, 'seed', '--scale', SCALE], {
    env: env({ DATABASE_URL: databaseUrl }),
    stdio: 'inherit',
  });
  const token = execFileSync(
    process.execPath,
    [CLI, 'token', '--role', 'BOT', '--region', '530400000000', '--subject', 'bench'],
    {
      env: env({}),
      encoding: 'utf8',
    },
  ).trim();
  const results: Result[] = [];
  const responses: Record<string, string> = {};
  let bot: BotThroughput | undefined;
  for (const [variant, batching, port] of [
    ['hub', 'on', 4711],
    ['hub without DataLoaders', 'off', 4712],
  ] as const) {
    const hub = await start(
      [CLI, 'serve'],
      { DATABASE_URL: databaseUrl, PORT: String(port), DATALOADER_BATCHING: batching },
      /wushe hub:/,
    );
    const url = `http://127.0.0.1:${port}/graphql`;
    for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
      if (variant === 'hub') responses[scenario] = await post(url, scenario, token);
      process.stderr.write(`${variant}: ${scenario}…\n`);
      results.push(await load(url, scenario, token, variant));
    }
    if (variant === 'hub') {
      process.stderr.write('bot: 100 rooms, 50 messages/s…\n');
      bot = await measureBotThroughput(url, token);
    }
    hub.kill('SIGTERM');
  }
  const reference = await start(
    [join(ROOT, 'dist', 'bench', 'reference-server.js')],
    { DATABASE_URL: databaseUrl, PORT: '4714' },
    /reference ready/,
  );
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    process.stderr.write(`reference: ${scenario}…\n`);
    results.push(
      await load('http://127.0.0.1:4714/graphql', scenario, token, 'reference: plain Apollo, no federation'),
    );
  }
  reference.kill('SIGTERM');
  const file = join(dir, 'responses.json');
  writeFileSync(file, JSON.stringify(responses));
  const bare = await start([join(ROOT, 'dist', 'bench', 'bare-server.js'), file, '4713'], {}, /ready/);
  for (const scenario of Object.keys(SCENARIOS) as Scenario[])
    results.push(await load('http://127.0.0.1:4713/graphql', scenario, token, 'bare node:http (limit)'));
  bare.kill('SIGTERM');
  const statements = await statementsPerRequest(databaseUrl);

  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const hubRps = (scenario: Scenario) => results.find((r) => r.scenario === scenario && r.variant === 'hub')!.rps;
  const referenceRps = (scenario: Scenario) =>
    results.find((r) => r.scenario === scenario && r.variant.startsWith('reference'))!.rps;
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${r.variant} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / hubRps(r.scenario)).toFixed(2)} |`,
  );
  const table = [
    `## ${new Date().toISOString().slice(0, 16)} · ${commit} · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    '',
    `SQLite, city scale ${SCALE}, ${CONNECTIONS} connections, ${SECONDS} s per run.`,
    '',
    '| scenario | variant | req/s | p50 ms | p99 ms | × hub |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Hub throughput as a share of the reference: ${(Object.keys(SCENARIOS) as Scenario[]).map((s) => `${s} ${((100 * hubRps(s)) / referenceRps(s)).toFixed(0)} %`).join(', ')}.`,
    '',
    `SQL statements for the nested query: first 5 → ${statements[5]}, first 50 → ${statements[50]}, first 100 → ${statements[100]}.`,
    '',
    `Bot through wechaty-puppet-mock, 100 rooms, 50 messages/s for 20 s (帮助 / 查服务 养老 / 活动): ${bot!.replies} of ${bot!.messages} answered; message → queued reply p50 ${bot!.p50.toFixed(1)} ms, p99 ${bot!.p99.toFixed(1)} ms (send throttle excluded).`,
    '',
  ].join('\n');
  appendFileSync(join(ROOT, 'bench', 'RESULTS.md'), `${table}\n`);
  process.stdout.write(`${table}\n`);
  await mariadbPart();
}

/** Yuxi on MariaDB, on a throw-away database of the server at BENCH_MYSQL (default the local one); skipped if none. */
async function mariadbPart(): Promise<void> {
  const server = process.env.BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306';
  if (server === 'off') return;
  const name = `wushe_bench_${process.pid}`;
  const target = new URL(server);
  const connection = await createConnection({
    host: target.hostname,
    port: Number(target.port || 3306),
    user: decodeURIComponent(target.username || 'root'),
    password: decodeURIComponent(target.password),
  }).catch((error: Error) => {
    process.stderr.write(`no MySQL/MariaDB at ${server} (${error.message}); skipping the MariaDB part\n`);
    return undefined;
  });
  if (!connection) return;
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    process.stderr.write('Yuxi on MariaDB…\n');
    const table = await mariadbBench(`${server.replace(/\/$/, '')}/${name}`);
    appendFileSync(join(ROOT, 'bench', 'RESULTS.md'), `${table}\n`);
    process.stdout.write(`${table}\n`);
  } finally {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
