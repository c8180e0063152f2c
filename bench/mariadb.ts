import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/**
 * Yuxi on MySQL/MariaDB (an empty database at `url`): time to migrate and load the full dataset, then p50/p99 of
 * every paginated and search root field at 50 concurrent clients, and the hub process's peak memory. Run by
 * `npm run bench` on a throw-away database, or alone with `npm run bench:mariadb` (DATABASE_URL).
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const PORT = 4721;

const ROOT_FIELDS: Record<string, string> = {
  regions: '{ regions(first: 20, filter: { level: COMMUNITY }) { totalCount nodes { id name population } } }',
  'regions (search)': '{ regions(first: 20, filter: { search: "社区" }) { totalCount nodes { id name } } }',
  serviceStations: '{ serviceStations(first: 20) { totalCount nodes { name kind servedPersonTimes } } }',
  organizations:
    '{ organizations(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { name kind } } }',
  'organizations (search)': '{ organizations(first: 20, filter: { search: "协会" }) { totalCount nodes { name } } }',
  services: '{ services(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { name schedule } } }',
  'services (search)':
    '{ services(first: 20, filter: { search: "老年" }) { totalCount nodes { name provider { name } } } }',
  socialWorkers: '{ socialWorkers(first: 20) { totalCount nodes { name level } } }',
  volunteerTeams:
    '{ volunteerTeams(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { name memberCount } } }',
  volunteerActivities:
    '{ volunteerActivities(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { title startsOn } } }',
  'volunteerActivities (search)':
    '{ volunteerActivities(first: 20, filter: { search: "服务" }) { totalCount nodes { title } } }',
  charityResources: '{ charityResources(first: 20) { totalCount nodes { name remaining } } }',
  needs: '{ needs(first: 20) { totalCount nodes { number status } } }',
  serviceProjects: '{ serviceProjects(first: 20) { totalCount nodes { title status } } }',
  'region figures':
    '{ region(id: "530400000000") { population organizationCount volunteerCount volunteerTeamCount volunteerActivityCount } }',
};

export async function mariadbBench(url: string): Promise<string> {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    JWT_SECRET: 'benchmark-secret-0123456789',
    NODE_ENV: 'production',
    DATA_KEY: '62656e63686d61726b0000000000000000000000000000000000000000000000',
    PORT: String(PORT),
    // 50 clients from one address: the per-minute budgets would measure the rate limiter.
    QUERY_COST_PER_MINUTE_PER_TOKEN: '100000000000',
    QUERY_COST_PER_MINUTE_PER_ADDRESS: '100000000000',
  };
  const started = Date.now();
  execFileSync(process.execPath, [CLI, 'migrate'], { env, stdio: 'inherit' });
  execFileSync(process.execPath, [CLI, 'seed'], { env, stdio: 'inherit' });
  const loadSeconds = (Date.now() - started) / 1000;
  const hub = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    hub.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('wushe hub:')) resolve();
    });
    hub.once('exit', (code) => reject(new Error(`hub exited ${code}: ${output}`)));
  });
  const rows: string[] = [];
  for (const [name, query] of Object.entries(ROOT_FIELDS)) {
    const result = await autocannon({
      url: `http://127.0.0.1:${PORT}/graphql`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    rows.push(`| ${name} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  const peakKiB = Number(readFileSync(`/proc/${hub.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  hub.kill('SIGTERM');
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const table = [
    `## ${new Date().toISOString().slice(0, 16)} · ${commit} · Yuxi on MariaDB · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}`,
    '',
    `Migrate + load the full dataset: ${loadSeconds.toFixed(1)} s. ${CONNECTIONS} connections, ${SECONDS} s per field. Hub peak memory (VmHWM): ${(peakKiB / 1024).toFixed(0)} MiB.`,
    '',
    '| root field | req/s | p50 ms | p99 ms |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  return table;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('mysql://')) throw new Error('set DATABASE_URL=mysql://…/empty_database');
  const table = await mariadbBench(url);
  appendFileSync(join(ROOT, 'bench', 'RESULTS.md'), `${table}\n`);
  process.stdout.write(`${table}\n`);
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`bench:mariadb: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
