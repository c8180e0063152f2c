import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { availableBackends, type Backend } from './backends';
import { parseEnvList, runComparisons, VARIANTS, type Comparisons, type Scenario } from './comparisons';
import { peakMemoryMiB, startNode, stop, type Measured } from './measure';
import { comparePostGraphile, type PeerRow } from './postgraphile';
import { measureRootFields, ROOT_FIELD_CLIENTS, ROOT_FIELDS } from './root-fields';
import { BENCH_SECRET, benchServerEnv } from './server-env';

/**
 * `npm run bench` (how to read its tables: the top of bench/RESULTS.md). For each backend (BENCH_BACKENDS) and
 * each city scale (BENCH_SCALES): seed a fresh database, then time every root field at 50 clients; at the
 * comparison scale (BENCH_COMPARE_SCALE) also the comparison rows (comparisons.ts). One section per run is
 * appended to bench/RESULTS.md, one backend at a time, so a run that fails half-way keeps what it measured.
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const RESULTS = process.env.BENCH_RESULTS ?? join(ROOT, 'bench', 'RESULTS.md');
const list = (value: string) => value.split(',').map((item) => item.trim());
const SCALES = list(process.env.BENCH_SCALES ?? '0.1,1,4').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 5280);
const BACKENDS = list(process.env.BENCH_BACKENDS ?? 'sqlite,mariadb,postgres');
const COMPARE_SCALE = Number(process.env.BENCH_COMPARE_SCALE ?? (SCALES.includes(1) ? 1 : SCALES[0]));
const COMPARE = process.env.BENCH_COMPARE !== 'off';
/** How the cache-off variant turns the hub's public read cache off: BENCH_CACHE_OFF, else PUBLIC_CACHE=off if the hub has one. */
const CACHE_OFF =
  parseEnvList(process.env.BENCH_CACHE_OFF) ??
  ('publicCache' in loadConfig({ JWT_SECRET: BENCH_SECRET }) ? { PUBLIC_CACHE: 'off' } : undefined);
const REDIS_URL = process.env.BENCH_REDIS_URL;
/** Issue 13's measurement of the city figures before this step (hub, 10 clients, full Yuxi on SQLite). */
const ISSUE_CITY_FIGURES_RPS = 52;
/** The issue's goal for every root field at 50 clients. */
const P99_GOAL_MS = 50;

interface ScaleRun {
  scale: number;
  seedSeconds: number;
  peakMiB: number;
  fields: Record<string, Measured>;
}

const write = (text: string) => {
  appendFileSync(RESULTS, text);
  process.stdout.write(text);
};
const fixed = (value: number | undefined, digits = 0) => (value === undefined ? '—' : value.toFixed(digits));
const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : '—');
const percent = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)} %` : '—');
const failures = (m: Measured) => (m.failures ? ` (${m.failures} failed)` : '');
/** p50 | p99 | req/s, or what the server answered instead of data. */
const cells = (m: Measured) =>
  m.error ? `answers ${m.error} | — | —` : `${m.p50} | ${m.p99} | ${fixed(m.rps)}${failures(m)}`;

async function seed(databaseUrl: string, scale: number): Promise<number> {
  const started = Date.now();
  execFileSync(process.execPath, [CLI, 'seed', '--scale', String(scale)], {
    env: benchServerEnv({ DATABASE_URL: databaseUrl }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (Date.now() - started) / 1000;
}

async function rootFields(databaseUrl: string): Promise<{ fields: Record<string, Measured>; peakMiB: number }> {
  const port = PORT + 5;
  const hub = await startNode(
    [CLI, 'serve'],
    benchServerEnv({ DATABASE_URL: databaseUrl, PORT: String(port) }),
    /wushe hub:/,
  );
  try {
    const fields = await measureRootFields({ url: `http://127.0.0.1:${port}/graphql`, pid: hub.pid }, SECONDS);
    return { fields, peakMiB: peakMemoryMiB(hub.pid!) };
  } finally {
    await stop(hub);
  }
}

function rootFieldTable(backend: Backend, runs: ScaleRun[], minutes: number): string {
  const header = runs.map((r) => `${r.scale}× p50 | p99 | req/s`).join(' | ');
  const rows = Object.keys(ROOT_FIELDS).map(
    (field) => `| ${field} | ${runs.map((r) => cells(r.fields[field])).join(' | ')} |`,
  );
  const over = runs.flatMap((r) =>
    Object.entries(r.fields)
      .filter(([, m]) => !m.error && m.p99 >= P99_GOAL_MS)
      .map(([field, m]) => `${field} at ${r.scale}× (${m.p99} ms)`),
  );
  return [
    `### ${backend.name}: root fields, ${ROOT_FIELD_CLIENTS} clients, ${SECONDS} s each (latency in ms)`,
    '',
    `Seed (migrate + load): ${runs.map((r) => `${r.scale}× ${r.seedSeconds.toFixed(1)} s`).join(', ')}. ` +
      `Hub peak memory (VmHWM): ${runs.map((r) => `${r.scale}× ${r.peakMiB.toFixed(0)} MiB`).join(', ')}. ` +
      `Everything on ${backend.name} took ${minutes.toFixed(1)} min.`,
    '',
    `| root field | ${header} |`,
    `|---|${runs.map(() => '---|---|---|').join('')}`,
    ...rows,
    '',
    over.length
      ? `p99 at or over the ${P99_GOAL_MS} ms goal: ${over.join(', ')}.`
      : `Every p99 under the ${P99_GOAL_MS} ms goal.`,
    '',
  ].join('\n');
}

function comparisonTable(backend: Backend, c: Comparisons): string {
  const find = (scenario: Scenario, variant: string) =>
    c.rows.find((r) => r.scenario === scenario && r.variant === variant);
  const rps = (scenario: Scenario, variant: string) => find(scenario, variant)?.rps ?? 0;
  const rows = c.rows.map(
    (r) =>
      `| ${r.scenario} | ${r.variant} | ${r.error ? `answers ${r.error} | — | — | — | —` : `${fixed(r.rps)}${failures(r)} | ${r.p50} | ${r.p99} | ${fixed(r.cpuMsPerRequest, 2)} | ${ratio(r.rps, rps(r.scenario, VARIANTS.hub))}`} |`,
  );
  const hubRps = (scenario: Scenario) => rps(scenario, VARIANTS.hub);
  const cpu = (variant: string) => fixed(find('nested', variant)?.cpuMsPerRequest, 2);
  const reads: Scenario[] = ['city figures', 'search', 'nested'];
  const notes = [
    `- City figures (9 figures of 玉溪市): hub ${fixed(hubRps('city figures'))} req/s, ` +
      `${ratio(hubRps('city figures'), rps('city figures', VARIANTS.reference))} the reference in this run` +
      (backend.name === 'SQLite' && COMPARE_SCALE === 1
        ? `; ${ratio(hubRps('city figures'), ISSUE_CITY_FIGURES_RPS)} the ${ISSUE_CITY_FIGURES_RPS} req/s issue 13 recorded before this step (another run, same query, clients and city; goal ≥ 20×).`
        : '.'),
    `- Repeated public reads as a share of the hub's own \`{ __typename }\` (${fixed(hubRps('{ __typename }'))} req/s; goal ≥ 50 %): ` +
      reads.map((s) => `${s} ${percent(hubRps(s), hubRps('{ __typename }'))}`).join(', ') +
      '.',
    c.cacheNote
      ? `- ${c.cacheNote}.`
      : `- Public read cache on ÷ off (off: ${Object.entries(CACHE_OFF ?? {})
          .map(([name, value]) => `${name}=${value}`)
          .join(' ')}): ${reads.map((s) => `${s} ${ratio(hubRps(s), rps(s, VARIANTS.cacheOff))}`).join(', ')}` +
        (REDIS_URL
          ? `; in Redis ÷ off: ${reads.map((s) => `${s} ${ratio(rps(s, VARIANTS.redis), rps(s, VARIANTS.cacheOff))}`).join(', ')}.`
          : '.'),
    `- CPU time per request of the nested query (server process, user + system): hub ${cpu(VARIANTS.hub)} ms` +
      (c.cacheNote ? '' : `, cache off ${cpu(VARIANTS.cacheOff)} ms`) +
      `, without DataLoaders ${cpu(VARIANTS.naive)} ms, reference ${cpu(VARIANTS.reference)} ms` +
      (backend.name === 'SQLite' ? ' (SQLite runs inside the process).' : ` (${backend.name}'s own CPU not included).`),
    `- SQL statements per request: ${Object.entries(c.statements)
      .map(([name, count]) => `${name} → ${count}`)
      .join(', ')}.`,
  ];
  if (c.bot)
    notes.push(
      `- Bot through wechaty-puppet-mock, 100 rooms, 50 messages/s for 20 s (帮助 / 查服务 养老 / 活动): ${c.bot.replies} of ${c.bot.messages} answered; message → queued reply p50 ${c.bot.p50.toFixed(1)} ms, p99 ${c.bot.p99.toFixed(1)} ms (send throttle excluded).`,
    );
  return [
    `### ${backend.name}: comparisons at ${COMPARE_SCALE}×, ${CONNECTIONS} clients, ${SECONDS} s each`,
    '',
    '| scenario | variant | req/s | p50 ms | p99 ms | CPU ms/req | × hub |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...notes,
    '',
  ].join('\n');
}

function peerTable(rows: PeerRow[]): string {
  const side = (m: Measured, statements: number) =>
    m.error
      ? `answers ${m.error} | — | — | — | —`
      : `${fixed(m.rps)}${failures(m)} | ${m.p50} | ${m.p99} | ${fixed(m.cpuMsPerRequest, 2)} | ${statements}`;
  return [
    `### PostgreSQL: the hub and PostGraphile 4 over the same tables, ${COMPARE_SCALE}×, ${CONNECTIONS} clients, ${SECONDS} s each`,
    '',
    '| shape | hub req/s | p50 ms | p99 ms | CPU ms/req | SQL | PostGraphile req/s | p50 ms | p99 ms | CPU ms/req | SQL | hub ÷ PostGraphile |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.shape} | ${side(r.hub, r.hubStatements)} | ${side(r.postgraphile, r.postgraphileStatements)} | ${r.hub.error || r.postgraphile.error ? '—' : ratio(r.hub.rps, r.postgraphile.rps)} |`,
    ),
    '',
    `- SQL: statements one request sends (the hub's counted in-process, PostGraphile's by its pool); CPU: the server process's user + system time per request (PostgreSQL's own not included). Both answered the same data before they were timed.`,
    ...rows
      .filter((r) => !r.hub.error && !r.postgraphile.error)
      .map((r) =>
        r.disagreement
          ? `- ${r.shape}: not timed, the answers differ: ${r.disagreement}`
          : `- ${r.shape}: per request the hub spends ${ratio(r.hub.cpuMsPerRequest ?? 0, r.postgraphile.cpuMsPerRequest ?? 0)} PostGraphile's CPU and sends ${r.hubStatements} SQL statements to its ${r.postgraphileStatements}.`,
      ),
    '',
  ].join('\n');
}

/**
 * One part that fails (a seed, a server that will not start) is written down and the run goes on with the next:
 * a half-hour run is not thrown away for one of its parts.
 */
async function attempt<T>(part: string, failed: string[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = ((error as Error)?.message ?? String(error)).split('\n')[0].slice(0, 300);
    process.stderr.write(`bench: ${part} failed: ${(error as Error)?.stack ?? error}\n`);
    failed.push(`${part}: ${message}`);
    return undefined;
  }
}

async function runBackend(backend: Backend): Promise<void> {
  const started = Date.now();
  const runs: ScaleRun[] = [];
  const failed: string[] = [];
  let comparisons: Comparisons | undefined;
  let peer: PeerRow[] | undefined;
  for (const scale of SCALES) {
    const databaseUrl = await backend.create(`s${String(scale).replace('.', '_')}`);
    try {
      process.stderr.write(`${backend.name}: seeding the city at ${scale}×…\n`);
      const seedSeconds = await attempt(`seed at ${scale}×`, failed, () => seed(databaseUrl, scale));
      if (seedSeconds === undefined) continue;
      process.stderr.write(`${backend.name} ${scale}×: root fields…\n`);
      const fields = await attempt(`root fields at ${scale}×`, failed, () => rootFields(databaseUrl));
      if (fields) runs.push({ scale, seedSeconds, ...fields });
      if (!COMPARE || scale !== COMPARE_SCALE) continue;
      process.stderr.write(`${backend.name} ${scale}×: comparisons…\n`);
      comparisons = await attempt(`comparisons at ${scale}×`, failed, () =>
        runComparisons({
          databaseUrl,
          connections: CONNECTIONS,
          seconds: SECONDS,
          port: PORT,
          cacheOff: CACHE_OFF,
          redisUrl: REDIS_URL,
          withBot: backend.name === 'SQLite',
        }),
      );
      if (backend.name !== 'PostgreSQL') continue;
      process.stderr.write(`${backend.name} ${scale}×: the hub and PostGraphile…\n`);
      peer = await attempt(`hub and PostGraphile at ${scale}×`, failed, () =>
        comparePostGraphile({
          databaseUrl,
          connections: CONNECTIONS,
          seconds: SECONDS,
          port: PORT + 6,
          cacheOff: CACHE_OFF,
        }),
      );
    } finally {
      await backend.drop(databaseUrl);
    }
  }
  write(rootFieldTable(backend, runs, (Date.now() - started) / 60_000) + '\n');
  if (failed.length) write(`Failed on ${backend.name}, not measured:\n\n${failed.map((f) => `- ${f}`).join('\n')}\n\n`);
  if (comparisons) write(comparisonTable(backend, comparisons) + '\n');
  if (peer) write(peerTable(peer) + '\n');
}

async function main() {
  const started = Date.now();
  const backends = await availableBackends(BACKENDS);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  write(
    [
      `## ${new Date().toISOString().slice(0, 16)} · ${commit} · npm run bench · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
      '',
      `${backends.map((b) => b.name).join(', ')}; city scales ${SCALES.join(', ')}; ${SECONDS} s per run.`,
      '',
      '',
    ].join('\n'),
  );
  for (const backend of backends) await runBackend(backend);
  write(`Whole run: ${((Date.now() - started) / 60_000).toFixed(1)} min.\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
