import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';

/**
 * The one place that reads process.env (docs/rules.md, rule 6). Everything else receives a Config.
 */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface DatabaseConfig {
  url: string;
  /** Connections kept open to MySQL/MariaDB. */
  poolSize: number;
  /** Requests allowed to wait for a pooled connection before failing fast; 0 would mean unbounded. */
  queueLimit: number;
}

export interface RateLimits {
  perToken: number;
  perAddress: number;
  windowSeconds: number;
}

export interface Config {
  port: number;
  database: DatabaseConfig;
  auth: AuthConfig;
  dataKeys: DataKeys;
  /** Mutation fields (aliases count) allowed per window (a minute), per token and per client address. */
  rateLimit: RateLimits;
  /** What one request may cost and what a client may spend (see src/graphql/cost.ts). */
  budget: BudgetConfig;
  nodeEnv: 'development' | 'production' | 'test';
  /** DataLoader batching; switched off only by the benchmark's naive peer (DATALOADER_BATCHING=off). */
  batching: boolean;
  logLevel: LogLevel;
  /**
   * Subgraphs served elsewhere that a subgraph served alone asks to check ids of their kinds, as `name=url`
   * entries (SUBGRAPH_PEERS, comma-separated; `--peer` adds more).
   */
  peers: string[];
  /** How long a write waits for a peer's answer before it is refused (PEER_TIMEOUT_MS). */
  peerTimeoutMs: number;
  /** Where people open the console, printed by `wushe account create` (CONSOLE_URL). */
  consoleUrl: string;
  publicCache: PublicCacheConfig;
  /** How long a gateway waits for each remote subgraph (SUBGRAPH_TIMEOUT_MS, SUBGRAPH_TIMEOUTS). */
  subgraphTimeouts: SubgraphTimeouts;
  rateLimitStore: RateLimitStoreConfig;
  /** Which browser pages on other origins may call /graphql (src/server/cors.ts). */
  cors: CorsConfig;
  /** Which documents the hub runs, and where automatic persisted queries are kept (src/server/operation-list.ts, src/server/apq-store.ts). */
  operations: OperationsConfig;
  metrics: MetricsConfig;
  /** OpenTelemetry traces; undefined (OTEL_EXPORTER_OTLP_ENDPOINT unset): nothing of OpenTelemetry is loaded. */
  tracing?: TracingConfig;
}

/**
 * Where the rate limits (mutations and query cost per token and per address) are counted: in Redis when REDIS_URL
 * is set, shared by every replica given the same prefix; in each process's memory otherwise.
 */
export interface RateLimitStoreConfig {
  redisUrl?: string;
  /** Key prefix in Redis (RATE_LIMIT_REDIS_PREFIX): replicas that share limits share it; other deployments differ. */
  redisPrefix: string;
}

export interface CorsConfig {
  /** Exact origins (`https://app.example.cn`) whose pages may call /graphql (CORS_ORIGINS); none: same origin only. */
  origins: string[];
  /** CORS_CREDENTIALS=on: those pages may send the hub's cookies too; off, they call with bearer tokens only. */
  credentials: boolean;
}

export interface OperationsConfig {
  /** `any`: every document within the limits; `allow-list`: only the operations in schema/operations/ (OPERATIONS). */
  mode: 'any' | 'allow-list';
  /** Automatic persisted queries are shared by every hub given this Redis (REDIS_URL); memory otherwise. */
  redisUrl?: string;
  /** Keys are `<prefix>apq:<sha256>` (PERSISTED_QUERIES_REDIS_PREFIX). */
  redisPrefix: string;
  /** How long Redis keeps a registered document (PERSISTED_QUERIES_TTL). */
  ttlSeconds: number;
}

/**
 * Who may read /metrics (src/server/metrics.ts). With METRICS_TOKEN set, only a scraper sending it as a bearer
 * token; without one, anyone who reaches the port, unless switched off — and in production it is off unless an
 * operator says METRICS=on (a port only the monitoring network reaches) or sets a token.
 */
export interface MetricsConfig {
  enabled: boolean;
  token?: string;
}

/** Where a serving process sends its traces (src/server/tracing.ts). */
export interface TracingConfig {
  /** OTLP/HTTP base URL of a collector (OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<endpoint>/v1/traces` as JSON. */
  tracesUrl: string;
  /** OTEL_SERVICE_NAME; unset, each process names itself (wushe-hub, wushe-gateway, wushe-subgraph-<name>). */
  serviceName?: string;
}

/** The cache of anonymous reads across requests (src/graphql/public-cache.ts, docs/decisions.md). */
export interface PublicCacheConfig {
  /** PUBLIC_CACHE=off turns it off. */
  enabled: boolean;
  /** Shared by every hub given it (REDIS_URL); otherwise each hub keeps its own in memory. */
  redisUrl?: string;
  /** Key prefix in Redis (PUBLIC_CACHE_REDIS_PREFIX): hubs sharing one must share the database they serve. */
  redisPrefix: string;
  /** Longest an entry is kept (PUBLIC_CACHE_TTL); a backstop, exactness comes from the write generation. */
  ttlSeconds: number;
  /** Memory store only: bytes of entries kept (PUBLIC_CACHE_MEMORY_MB). */
  maxBytes: number;
  /** Longer answers are not stored (PUBLIC_CACHE_MAX_ENTRY_KB, characters of JSON). */
  maxEntryChars: number;
}

export interface BudgetConfig {
  /** Largest estimated cost of one document; dearer ones are refused before they run. */
  maxCost: number;
  /** SQL statements one request may send; the next one fails the request's remaining fields. */
  statementsPerRequest: number;
  /** Cost points per minute per token subject and per client address (queries and mutations alike). */
  costPerMinutePerToken: number;
  costPerMinutePerAddress: number;
  /** Estimated SQL statements all requests in flight may hold together; more wait, then get SERVICE_BUSY. */
  statementsInFlight: number;
  /** How long a request may wait for room before it is answered SERVICE_BUSY. */
  admissionWaitMs: number;
}

export interface AuthConfig {
  /** HS256 key for staff, organisation and bot tokens. */
  jwtSecret: string;
  /** Optional JWKS of an identity provider whose RS/ES tokens are accepted instead. */
  jwksUrl?: string;
  /** Longest lifetime (exp − iat, seconds) accepted for ADMIN, STAFF and ORG tokens, and for BOT tokens. */
  tokenMaxLifetime: { person: number; bot: number };
  /** True when JWT_SECRET was not set and the development default is in use: loopback only. */
  usingDevelopmentSecret: boolean;
  /** Console sign-in sessions: idle and absolute lifetimes (seconds), and whether the cookie is `Secure`. */
  sessions: { idleSeconds: number; absoluteSeconds: number; secureCookie: boolean };
}

/** A key sealing personal data at rest, with the id stored beside every value it sealed. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** The keys of personal data at rest: new values are sealed with `current`. */
export interface DataKeyRing {
  current: DataKey;
  /** The key being rotated away from (DATA_KEY_PREVIOUS): opens what `wushe rekey` has not re-sealed yet. */
  previous?: DataKey;
}

export interface DataKeys extends DataKeyRing {
  /** True when DATA_KEY was not set and the development key is in use. */
  usingDevelopmentKey: boolean;
}

export class ConfigError extends Error {}

const DEVELOPMENT_SECRET = 'wushe-development-secret-do-not-use-in-production';
const DEVELOPMENT_DATA_KEY = createHash('sha256').update('wushe-development-data-key-do-not-use').digest();

function authConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv']): AuthConfig {
  const usingDevelopmentSecret = !env.JWT_SECRET;
  if (usingDevelopmentSecret && nodeEnv !== 'development')
    throw new ConfigError(`JWT_SECRET must be set when NODE_ENV=${nodeEnv}`);
  const jwtSecret = env.JWT_SECRET || DEVELOPMENT_SECRET;
  if (jwtSecret.length < 16) throw new ConfigError('JWT_SECRET must be at least 16 characters');
  return {
    jwtSecret,
    jwksUrl: env.JWT_JWKS_URL || undefined,
    tokenMaxLifetime: {
      person: duration('TOKEN_MAX_LIFETIME', env.TOKEN_MAX_LIFETIME, '30d'),
      bot: duration('BOT_TOKEN_MAX_LIFETIME', env.BOT_TOKEN_MAX_LIFETIME, '90d'),
    },
    usingDevelopmentSecret,
    sessions: {
      idleSeconds: duration('SESSION_IDLE_TIMEOUT', env.SESSION_IDLE_TIMEOUT, '30m'),
      absoluteSeconds: duration('SESSION_MAX_LIFETIME', env.SESSION_MAX_LIFETIME, '12h'),
      // Off by default: http://localhost would never send a Secure cookie back.
      secureCookie: oneOf('SESSION_COOKIE_SECURE', env.SESSION_COOKIE_SECURE, ['on', 'off'] as const, 'off') === 'on',
    },
  };
}

/** The key id: a fingerprint of the key, so ids never collide across rotations and need no bookkeeping. */
export function dataKeyFrom(key: Buffer): DataKey {
  return { id: createHash('sha256').update('wushe-data-key-id').update(key).digest('hex').slice(0, 12), key };
}

/** 32 bytes as 64 hex digits or base64; never derived from JWT_SECRET, so rotating that touches nothing stored. */
function parseDataKey(name: string, raw: string): DataKey {
  const key = /^[0-9a-f]{64}$/i.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : undefined;
  if (key?.length !== 32) {
    throw new ConfigError(`${name} must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)`);
  }
  return dataKeyFrom(key);
}

function dataKeys(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv']): DataKeys {
  const usingDevelopmentKey = !env.DATA_KEY;
  if (usingDevelopmentKey && nodeEnv !== 'development')
    throw new ConfigError(`DATA_KEY must be set when NODE_ENV=${nodeEnv}`);
  return {
    current: env.DATA_KEY ? parseDataKey('DATA_KEY', env.DATA_KEY) : dataKeyFrom(DEVELOPMENT_DATA_KEY),
    previous: env.DATA_KEY_PREVIOUS ? parseDataKey('DATA_KEY_PREVIOUS', env.DATA_KEY_PREVIOUS) : undefined,
    usingDevelopmentKey,
  };
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "30d", "12h", "90m", "3600s" or plain seconds → seconds. */
export function parseDuration(raw: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(raw.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * DURATION_UNITS[match[2] || 's'];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

function duration(name: string, raw: string | undefined, fallback: string): number {
  const seconds = parseDuration(raw || fallback);
  if (seconds === undefined) throw new ConfigError(`${name} must be a duration like 30d, 12h or 90m, got "${raw}"`);
  return seconds;
}

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

function metricsConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv']): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  const fallback = token !== undefined || nodeEnv !== 'production' ? 'on' : 'off';
  return { enabled: oneOf('METRICS', env.METRICS, ['on', 'off'] as const, fallback) === 'on', token };
}
const NODE_ENVS = ['development', 'production', 'test'] as const;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/**
 * CORS_ORIGINS: comma-separated origins exactly as browsers send them (scheme, host, port only if not the default).
 * A wildcard is refused: every origin listed can read what its visitors' tokens may read.
 */
/** CORS_ORIGINS, checked (exact origins only); the committed Hive Gateway configuration reads it the same way. */
export function corsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      const hint = parsed && ['http:', 'https:'].includes(parsed.protocol) ? ` (write ${parsed.origin})` : '';
      throw new ConfigError(`CORS_ORIGINS lists exact origins like https://app.example.cn, got "${origin}"${hint}`);
    }
  }
  return origins;
}

/** Reads `.env` in the working directory into the environment, if there is one; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * The tracing settings alone: the CLI reads them before loading anything else, because instrumentations must hook
 * the modules they patch before those are first required (src/server/trace-early.ts).
 */
export function tracingConfig(env: NodeJS.ProcessEnv = process.env): TracingConfig | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError(
      `OTEL_EXPORTER_OTLP_ENDPOINT must be the http(s) base URL of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318, got "${endpoint}"`,
    );
  }
  return { tracesUrl: `${endpoint.replace(/\/+$/, '')}/v1/traces`, serviceName: env.OTEL_SERVICE_NAME || undefined };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = positiveInt('PORT', env.PORT, 4000);
  const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV, NODE_ENVS, 'development');
  return {
    port,
    database: {
      url: env.DATABASE_URL || 'sqlite:data/wushe.sqlite',
      poolSize: positiveInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10),
      queueLimit: positiveInt('DB_QUEUE_LIMIT', env.DB_QUEUE_LIMIT, 500),
    },
    auth: authConfig(env, nodeEnv),
    dataKeys: dataKeys(env, nodeEnv),
    rateLimit: {
      perToken: positiveInt('MUTATIONS_PER_MINUTE_PER_TOKEN', env.MUTATIONS_PER_MINUTE_PER_TOKEN, 120),
      perAddress: positiveInt('MUTATIONS_PER_MINUTE_PER_ADDRESS', env.MUTATIONS_PER_MINUTE_PER_ADDRESS, 240),
      // A minute in production; a test shortens it to see the window pass.
      windowSeconds: positiveInt('MUTATION_WINDOW_SECONDS', env.MUTATION_WINDOW_SECONDS, 60),
    },
    budget: {
      maxCost: positiveInt('QUERY_COST_LIMIT', env.QUERY_COST_LIMIT, 10_000),
      statementsPerRequest: positiveInt('STATEMENTS_PER_REQUEST', env.STATEMENTS_PER_REQUEST, 200),
      costPerMinutePerToken: positiveInt(
        'QUERY_COST_PER_MINUTE_PER_TOKEN',
        env.QUERY_COST_PER_MINUTE_PER_TOKEN,
        100_000,
      ),
      costPerMinutePerAddress: positiveInt(
        'QUERY_COST_PER_MINUTE_PER_ADDRESS',
        env.QUERY_COST_PER_MINUTE_PER_ADDRESS,
        30_000,
      ),
      // The pool's connections plus its queue: admitted work can never overflow the queue.
      statementsInFlight: positiveInt(
        'STATEMENTS_IN_FLIGHT',
        env.STATEMENTS_IN_FLIGHT,
        positiveInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10) + positiveInt('DB_QUEUE_LIMIT', env.DB_QUEUE_LIMIT, 500),
      ),
      admissionWaitMs: positiveInt('ADMISSION_WAIT_MS', env.ADMISSION_WAIT_MS, 2000),
    },
    nodeEnv,
    batching: oneOf('DATALOADER_BATCHING', env.DATALOADER_BATCHING, ['on', 'off'] as const, 'on') === 'on',
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'info'),
    peers: (env.SUBGRAPH_PEERS ?? '').split(/[\s,]+/).filter(Boolean),
    peerTimeoutMs: positiveInt('PEER_TIMEOUT_MS', env.PEER_TIMEOUT_MS, 3000),
    consoleUrl: env.CONSOLE_URL || `http://localhost:${port}/console/`,
    publicCache: {
      enabled: oneOf('PUBLIC_CACHE', env.PUBLIC_CACHE, ['on', 'off'] as const, 'on') === 'on',
      redisUrl: env.REDIS_URL || undefined,
      redisPrefix: env.PUBLIC_CACHE_REDIS_PREFIX || 'wushe:public-cache:',
      ttlSeconds: duration('PUBLIC_CACHE_TTL', env.PUBLIC_CACHE_TTL, '10m'),
      maxBytes: positiveInt('PUBLIC_CACHE_MEMORY_MB', env.PUBLIC_CACHE_MEMORY_MB, 64) * 1024 * 1024,
      maxEntryChars: positiveInt('PUBLIC_CACHE_MAX_ENTRY_KB', env.PUBLIC_CACHE_MAX_ENTRY_KB, 512) * 1024,
    },
    rateLimitStore: {
      redisUrl: env.REDIS_URL || undefined,
      redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || 'wushe:rate-limit:',
    },
    subgraphTimeouts: subgraphTimeouts(env),
    cors: {
      origins: corsOrigins(env.CORS_ORIGINS),
      credentials: oneOf('CORS_CREDENTIALS', env.CORS_CREDENTIALS, ['on', 'off'] as const, 'off') === 'on',
    },
    operations: {
      mode: oneOf('OPERATIONS', env.OPERATIONS, ['any', 'allow-list'] as const, 'any'),
      redisUrl: env.REDIS_URL || undefined,
      redisPrefix: env.PERSISTED_QUERIES_REDIS_PREFIX || 'wushe:',
      ttlSeconds: duration('PERSISTED_QUERIES_TTL', env.PERSISTED_QUERIES_TTL, '24h'),
    },
    metrics: metricsConfig(env, nodeEnv),
    tracing: tracingConfig(env),
  };
}

/**
 * How long a gateway (`wushe gateway`, or the committed Hive Gateway configuration, which calls this too) waits for
 * a remote subgraph's answer before answering without that subgraph's fields (SUBGRAPH_UNAVAILABLE).
 */
export interface SubgraphTimeouts {
  /** SUBGRAPH_TIMEOUT_MS: for every subgraph not named in `byName`. */
  defaultMs: number;
  /** SUBGRAPH_TIMEOUTS: `name=milliseconds`, comma-separated, e.g. `linkage=8000,volunteer=3000`. */
  byName: Record<string, number>;
}

export function subgraphTimeouts(env: NodeJS.ProcessEnv): SubgraphTimeouts {
  const defaultMs = positiveInt('SUBGRAPH_TIMEOUT_MS', env.SUBGRAPH_TIMEOUT_MS, 5000);
  const byName: Record<string, number> = {};
  for (const entry of (env.SUBGRAPH_TIMEOUTS ?? '').split(/[\s,]+/).filter(Boolean)) {
    const match = /^([a-z]+)=(\d+)$/.exec(entry);
    if (!match || Number(match[2]) <= 0)
      throw new ConfigError(`SUBGRAPH_TIMEOUTS expects name=milliseconds entries, e.g. volunteer=3000, got "${entry}"`);
    byName[match[1]] = Number(match[2]);
  }
  return { defaultMs, byName };
}

/** The timeout for one subgraph. */
export function subgraphTimeoutMs(timeouts: SubgraphTimeouts, name: string): number {
  return timeouts.byName[name] ?? timeouts.defaultMs;
}
