import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/data-source';
import { allEntities } from '../src/subgraphs/registry';
import { createHub } from '../src/server/hub';
import { measureBotThroughput, type BotThroughput } from './bot-throughput';
import { measure, measureChecked, startNode, stop, type Measured } from './measure';
import { BENCH_SECRET, benchServerEnv } from './server-env';

/**
 * The comparison rows on one seeded database: the same scenarios against the hub as shipped, the hub with
 * its public read cache off, the hub without DataLoaders, the reference (the same resolvers in one plain Apollo
 * schema, reference-server.ts) and bare node:http returning the hub's bytes (the limit), one after another; the
 * server's CPU time per request beside each; SQL statements per request; the bot's throughput.
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
export const CITY_FIGURES_QUERY = `{ region(id: "530400000000") { population servedPersonTimes organizationCount
  organizationsPer10k socialWorkerCount volunteerCount volunteerTeamCount volunteerActivityCount volunteerHours } }`;
const NESTED = `query Nested($first: Int!) { services(first: $first) { totalCount edges { node { name
  provider { name kind region { name organizationCount } } region { name population volunteerCount } } } } }`;

/** Reads go without a token (public reads, what a cache may share); the registration carries the bot's token. */
export const SCENARIOS = {
  'city figures': { query: CITY_FIGURES_QUERY, variables: {}, token: false },
  search: {
    query:
      '{ services(filter: { search: "老年" }, first: 20) { totalCount nodes { name schedule provider { name } } } }',
    variables: {},
    token: false,
  },
  nested: { query: NESTED, variables: { first: 20 }, token: false },
  '{ __typename }': { query: '{ __typename }', variables: {}, token: false },
  register: {
    query: 'mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { number status } }',
    variables: {
      input: {
        category: 'ELDERLY_CARE',
        description: '独居老人需要每周上门探访',
        communityId: '530402002004',
        // The resident as the bot knows them: an opaque 64-hex-digit reference (the bot's HMAC of a chat id).
        reporterRef: createHash('sha256').update('bench resident').digest('hex'),
      },
    },
    token: true,
  },
} as const;
export type Scenario = keyof typeof SCENARIOS;
const SCENARIO_NAMES = Object.keys(SCENARIOS) as Scenario[];

export const VARIANTS = {
  hub: 'hub',
  cacheOff: 'hub, cache off',
  redis: 'hub, cache in Redis',
  naive: 'hub without DataLoaders',
  reference: 'reference: plain Apollo, no federation',
  bare: 'bare node:http (limit)',
} as const;

export interface ComparisonRow extends Measured {
  scenario: Scenario;
  variant: string;
}

export interface Comparisons {
  rows: ComparisonRow[];
  /** SQL statements of one request, by document. */
  statements: Record<string, number | string>;
  bot?: BotThroughput;
  /** Why the cache-off rows are missing, when they are. */
  cacheNote?: string;
}

export interface ComparisonOptions {
  databaseUrl: string;
  connections: number;
  seconds: number;
  /** First of the ports the servers take, one each (BENCH_PORT + 0…4). */
  port: number;
  /** Extra environment that turns the hub's public read cache off (BENCH_CACHE_OFF="NAME=value,…"). */
  cacheOff?: Record<string, string>;
  /** A Redis server for one more hub variant sharing its cache there (BENCH_REDIS_URL), keys under wushe:bench:. */
  redisUrl?: string;
  withBot: boolean;
}

/** `NAME=value,NAME2=value2` → environment entries. */
export function parseEnvList(list: string | undefined): Record<string, string> | undefined {
  if (!list) return undefined;
  return Object.fromEntries(
    list.split(',').map((entry) => {
      const [name, value] = entry.split(/=(.*)/s);
      if (!name || value === undefined) throw new Error(`expected NAME=value, got "${entry}"`);
      return [name.trim(), value];
    }),
  );
}

const bodyOf = (scenario: Scenario) =>
  JSON.stringify({ query: SCENARIOS[scenario].query, variables: SCENARIOS[scenario].variables });

export async function runComparisons(options: ComparisonOptions): Promise<Comparisons> {
  const { databaseUrl, connections, seconds } = options;
  const token = execFileSync(
    process.execPath,
    [CLI, 'token', '--role', 'BOT', '--region', '530400000000', '--subject', 'bench'],
    { env: benchServerEnv({}), encoding: 'utf8' },
  ).trim();
  const headersOf = (scenario: Scenario): Record<string, string> =>
    SCENARIOS[scenario].token ? { authorization: `Bearer ${token}` } : {};
  const rows: ComparisonRow[] = [];
  const responses: Record<string, string> = {};
  let bot: BotThroughput | undefined;

  const cacheOff = options.cacheOff ?? {};
  const hubs: [string, Record<string, string>][] = [[VARIANTS.hub, {}]];
  const redisPrefix = `wushe:bench:${process.pid}:`;
  if (options.cacheOff && options.redisUrl)
    hubs.push([
      VARIANTS.redis,
      // Rate limits count in Redis too with REDIS_URL set; under the same prefix, so their keys are removed with it.
      {
        REDIS_URL: options.redisUrl,
        PUBLIC_CACHE_REDIS_PREFIX: redisPrefix,
        RATE_LIMIT_REDIS_PREFIX: `${redisPrefix}rate-limit:`,
      },
    ]);
  if (options.cacheOff) hubs.push([VARIANTS.cacheOff, cacheOff]);
  // DataLoaders matter only where the resolvers run: the cache, if any, stays off for this variant.
  hubs.push([VARIANTS.naive, { DATALOADER_BATCHING: 'off', ...cacheOff }]);
  let port = options.port;
  for (const [variant, extra] of hubs) {
    const url = `http://127.0.0.1:${port}/graphql`;
    const hub = await startNode(
      [CLI, 'serve'],
      benchServerEnv({ DATABASE_URL: databaseUrl, PORT: String(port), ...extra }),
      /wushe hub:/,
    );
    try {
      for (const scenario of SCENARIO_NAMES) {
        process.stderr.write(`  ${variant}: ${scenario}…\n`);
        const { answer, ...measured } = await measureChecked({ url, pid: hub.pid }, bodyOf(scenario), {
          connections,
          seconds,
          headers: headersOf(scenario),
        });
        if (variant === VARIANTS.hub && answer) responses[scenario] = answer;
        rows.push({ scenario, variant, ...measured });
      }
      if (variant === VARIANTS.hub && options.withBot) {
        process.stderr.write('  bot: 100 rooms, 50 messages/s…\n');
        bot = await measureBotThroughput(url, token);
      }
    } finally {
      await stop(hub);
      if (extra.REDIS_URL) deleteRedisKeys(extra.REDIS_URL, redisPrefix);
    }
    port += 1;
  }

  const referenceUrl = `http://127.0.0.1:${port}/graphql`;
  const reference = await startNode(
    [join(ROOT, 'dist', 'bench', 'reference-server.js')],
    benchServerEnv({ DATABASE_URL: databaseUrl, PORT: String(port) }),
    /reference ready/,
  );
  try {
    for (const scenario of SCENARIO_NAMES) {
      process.stderr.write(`  reference: ${scenario}…\n`);
      const { answer: _answer, ...measured } = await measureChecked(
        { url: referenceUrl, pid: reference.pid },
        bodyOf(scenario),
        { connections, seconds, headers: headersOf(scenario) },
      );
      rows.push({ scenario, variant: VARIANTS.reference, ...measured });
    }
  } finally {
    await stop(reference);
  }
  port += 1;

  const file = join(mkdtempSync(join(tmpdir(), 'wushe-bench-bare-')), 'responses.json');
  writeFileSync(file, JSON.stringify(responses));
  const bare = await startNode([join(ROOT, 'dist', 'bench', 'bare-server.js'), file, String(port)], {}, /ready/);
  try {
    // Only what the hub answered without errors has bytes to repeat.
    for (const scenario of SCENARIO_NAMES.filter((s) => responses[s])) {
      const measured = await measure({ url: `http://127.0.0.1:${port}/graphql`, pid: bare.pid }, bodyOf(scenario), {
        connections,
        seconds,
        headers: { ...headersOf(scenario), 'x-scenario': scenario },
      });
      rows.push({ scenario, variant: VARIANTS.bare, ...measured });
    }
  } finally {
    await stop(bare);
    rmSync(dirname(file), { recursive: true, force: true });
  }

  return {
    rows,
    statements: await statementsPerRequest(databaseUrl, cacheOff),
    bot,
    cacheNote: options.cacheOff
      ? undefined
      : 'cache on/off: no rows — this hub has no PUBLIC_CACHE setting and BENCH_CACHE_OFF (NAME=value) is unset',
  };
}

/** Removes the bench's own cache entries from Redis (only keys under its prefix). */
function deleteRedisKeys(url: string, prefix: string): void {
  const keys = execFileSync('redis-cli', ['-u', url, '--scan', '--pattern', `${prefix}*`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (let i = 0; i < keys.length; i += 500)
    execFileSync('redis-cli', ['-u', url, 'DEL', ...keys.slice(i, i + 500)], { stdio: 'ignore' });
}

/** SQL statements of one request, in-process, cache off: the nested query at three page sizes, the city's figures. */
async function statementsPerRequest(
  databaseUrl: string,
  cacheOff: Record<string, string>,
): Promise<Record<string, number | string>> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_SECRET, ...cacheOff });
  const database = await openDatabase(config.database, allEntities());
  const hub = await createHub({ config, database, log: () => undefined });
  const counts: Record<string, number | string> = {};
  try {
    const documents: [string, string, Record<string, unknown>][] = [
      ['nested, first 5', NESTED, { first: 5 }],
      ['nested, first 50', NESTED, { first: 50 }],
      ['nested, first 100', NESTED, { first: 100 }],
      ['city figures', CITY_FIGURES_QUERY, {}],
    ];
    for (const [name, query, variables] of documents) {
      database.queries.reset();
      const response = await hub.server.executeOperation({ query, variables }, { contextValue: hub.context() });
      const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
      const statements = database.queries.reset();
      counts[name] = body?.errors?.length ? `answers ${String(body.errors[0].extensions?.code)}` : statements;
    }
  } finally {
    await hub.stop();
    await database.dataSource.destroy();
  }
  return counts;
}
