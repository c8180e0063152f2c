import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { buildResidentBot } from '../bots/resident';
import { STATUS_NAMES } from '../bots/resident/replies';
import { benchServerEnv } from './server-env';

/**
 * `npm run bench:notifications`: how long a committed status change takes to reach the resident. A real hub (`wushe
 * serve` on a small Yuxi city, SQLite, port BENCH_PORT = 5120) and the real bot on wechaty-puppet-mock reading the
 * need feed every BOT_FEED_INTERVAL_MS (1000). NEEDS needs (40) registered for as many residents, then staff take
 * each through its five changes (受理 → 匹配 → 开始服务 → 解决 → 关闭) through the hub's GraphQL, all needs at once,
 * each step after a random pause of up to PAUSE_MS (2000). Measured per change: from the mutation's response to
 * the resident's private message entering the send queue, and to its being handed to the puppet. The send throttle
 * is off (it paces WeChat, not the feed). Appends the figures to bench/RESULTS.md.
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const PORT = Number(process.env.BENCH_PORT ?? 5120);
const NEEDS = Number(process.env.NEEDS ?? 40);
const FEED_INTERVAL_MS = Number(process.env.BOT_FEED_INTERVAL_MS ?? 1000);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 2000);
const STEPS = ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'] as const;
const STATUS_OF_STEP = ['ACCEPTED', 'MATCHED', 'IN_SERVICE', 'RESOLVED', 'CLOSED'];
const XIAHE = '530402006005';

const env = benchServerEnv;

const token = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, 'token', ...args], { env: env({}), encoding: 'utf8' }).trim();

function serve(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: env({ DATABASE_URL: databaseUrl, PORT: String(PORT) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      if (/wushe hub:/.test(output)) resolve(child);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`hub exited ${code}: ${output}`)));
  });
}

async function graphql<T>(url: string, bearer: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'wushe-notify-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'wushe.sqlite')}`;
  process.stderr.write('seeding a small city…\n');
  execFileSync(process.execPath, [CLI, 'seed', '--scale', '0.01'], {
    env: env({ DATABASE_URL: databaseUrl }),
    stdio: 'ignore',
  });
  const hub = await serve(databaseUrl);
  const url = `http://127.0.0.1:${PORT}/graphql`;
  const botToken = token('--role', 'BOT', '--region', '530400000000', '--subject', 'bench-bot');
  const staffToken = token('--role', 'STAFF', '--region', '530402006000', '--subject', 'bench-staff');
  const mocker = new mock.Mocker();
  const { bot, deps } = await buildResidentBot({
    config: {
      hubUrl: url,
      botToken,
      stateFile: join(dir, 'bot.sqlite'),
      sending: { perRoomIntervalMs: 0, perAccountPerMinute: 1_000_000, jitterMs: 0, backoffMs: 1000 },
      dialogTimeoutMs: 600_000,
      feedIntervalMs: FEED_INTERVAL_MS,
      reminderIntervalMs: 0,
    },
    puppet: new PuppetMock({ mocker }),
    log: (line) => process.stderr.write(`bot: ${line}\n`),
  });
  try {
    await bot.start();
    const [account] = mocker.createContacts(1);
    mocker.login(account);
    const room = mocker.createRoom({ topic: '下赫社区居民群', memberIdList: [account.id] });
    const needs: { id: string; number: string; residentId: string }[] = [];
    for (let i = 0; i < NEEDS; i += 1) {
      const resident = mocker.createContact({ name: `居民${i}` });
      const { submitNeed } = await graphql<{ submitNeed: { id: string; number: string } }>(
        url,
        botToken,
        'mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { id number } }',
        {
          input: {
            category: 'ELDERLY_CARE',
            description: `第${i}位居民需要上门探访`,
            communityId: XIAHE,
            reporterRef: deps.reporterRef(resident.id),
          },
        },
      );
      // What the registration dialog does once the hub answers (the dialog itself is not what is measured here).
      await deps.state.rememberNeed(submitNeed.number, resident.id, room.id, 'SUBMITTED', Date.now());
      needs.push({ ...submitNeed, residentId: resident.id });
    }
    const committed = new Map<string, number>();
    const queued = new Map<string, number>();
    const heard = new Map<string, number>();
    const statusByName = new Map(Object.entries(STATUS_NAMES).map(([status, name]) => [name, status]));
    /** "XQ… ACCEPTED" for a resident's private notice of a status change. */
    const changeOf = (text = '') => {
      const found = text.match(/需求 (XQ\d{8}-\d{4}) 有新进展:([^。]+)。/);
      return found ? `${found[1]} ${statusByName.get(found[2])}` : undefined;
    };
    const send = deps.queue.send.bind(deps.queue);
    deps.queue.send = (target, text, sent) => {
      const change = changeOf(text);
      if (change) queued.set(change, performance.now());
      send(target, text, sent);
    };
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (done = resolve));
    account.on('message', ((message: { payload: { talkerId: string; listenerId?: string; text?: string } }) => {
      const change = changeOf(message.payload.text);
      if (message.payload.talkerId !== account.id || !message.payload.listenerId || !change) return;
      heard.set(change, performance.now());
      if (heard.size === needs.length * STEPS.length) done();
    }) as never);
    process.stderr.write(`${needs.length * STEPS.length} changes…\n`);
    const started = performance.now();
    await Promise.all(
      needs.map(async (need) => {
        for (const [i, step] of STEPS.entries()) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * PAUSE_MS));
          await graphql(url, staffToken, `mutation($id: ID!) { ${step}(id: $id) { id } }`, { id: need.id });
          committed.set(`${need.number} ${STATUS_OF_STEP[i]}`, performance.now());
        }
      }),
    );
    const changesSeconds = (performance.now() - started) / 1000;
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    const latencies = (until: Map<string, number>) =>
      [...committed].flatMap(([key, at]) => (until.has(key) ? [until.get(key)! - at] : [])).sort((a, b) => a - b);
    const row = (what: string, sorted: number[]) =>
      `| ${what} | ${committed.size} | ${sorted.length} | ${[50, 95, 99, 100].map((p) => `${(percentile(sorted, p) / 1000).toFixed(2)} s`).join(' | ')} |`;
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const report = [
      `## ${new Date().toISOString().slice(0, 16)} · ${commit} · notification latency · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}`,
      '',
      `Hub (\`wushe serve\`, SQLite, city scale 0.01) + bot on wechaty-puppet-mock, BOT_FEED_INTERVAL_MS=${FEED_INTERVAL_MS}, send throttle off. ${committed.size} status changes (${needs.length} needs × 5 steps, all needs at once, random pauses up to ${PAUSE_MS} ms) committed in ${changesSeconds.toFixed(1)} s through the hub's GraphQL.`,
      '',
      '| from the mutation’s response to the private message … | changes | messages | p50 | p95 | p99 | max |',
      '|---|---|---|---|---|---|---|',
      row('queued', latencies(queued)),
      row('handed to the puppet', latencies(heard)),
      '',
    ].join('\n');
    appendFileSync(join(ROOT, 'bench', 'RESULTS.md'), `\n${report}\n`);
    process.stdout.write(`${report}\n`);
  } finally {
    await bot.stop().catch(() => undefined);
    hub.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
