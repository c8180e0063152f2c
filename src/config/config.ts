import { createHmac } from 'node:crypto';

/**
 * The one place that reads process.env (DESIGN rule 6). Everything else receives a Config.
 */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface DatabaseConfig {
  url: string;
  /** Connections kept open to MySQL/MariaDB. */
  poolSize: number;
  /** Requests allowed to wait for a pooled connection before failing fast; 0 would mean unbounded. */
  queueLimit: number;
}

export interface Config {
  port: number;
  database: DatabaseConfig;
  hubUrl: string;
  auth: AuthConfig;
  /** Mutation fields (aliases count) allowed per minute, per token and per client address. */
  rateLimit: { perToken: number; perAddress: number };
  /** What one request may cost and what a client may spend (see src/graphql/cost.ts). */
  budget: BudgetConfig;
  nodeEnv: 'development' | 'production' | 'test';
  /** DataLoader batching; switched off only by the benchmark's naive peer (DATALOADER_BATCHING=off). */
  batching: boolean;
  logLevel: LogLevel;
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
  /** Shared by the gateway and remote subgraphs: only requests carrying it may assert an identity. */
  gatewaySecret: string;
  /** Key (32 bytes, derived) protecting residents' phone numbers at rest. */
  dataKey: Buffer;
  /** True when JWT_SECRET was not set and the development default is in use. */
  usingDevelopmentSecret: boolean;
}

export class ConfigError extends Error {}

const DEVELOPMENT_SECRET = 'wushe-development-secret-do-not-use-in-production';

function authConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv']): AuthConfig {
  const usingDevelopmentSecret = !env.JWT_SECRET;
  if (usingDevelopmentSecret && nodeEnv === 'production')
    throw new ConfigError('JWT_SECRET must be set when NODE_ENV=production');
  const jwtSecret = env.JWT_SECRET || DEVELOPMENT_SECRET;
  if (jwtSecret.length < 16) throw new ConfigError('JWT_SECRET must be at least 16 characters');
  const derive = (purpose: string) => createHmac('sha256', jwtSecret).update(purpose).digest();
  return {
    jwtSecret,
    jwksUrl: env.JWT_JWKS_URL || undefined,
    gatewaySecret: env.GATEWAY_SECRET || derive('wushe-gateway').toString('hex'),
    dataKey: env.DATA_KEY ? createHmac('sha256', env.DATA_KEY).update('wushe-data').digest() : derive('wushe-data'),
    usingDevelopmentSecret,
  };
}

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
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
    hubUrl: env.HUB_URL || `http://localhost:${port}/graphql`,
    auth: authConfig(env, nodeEnv),
    rateLimit: {
      perToken: positiveInt('MUTATIONS_PER_MINUTE_PER_TOKEN', env.MUTATIONS_PER_MINUTE_PER_TOKEN, 120),
      perAddress: positiveInt('MUTATIONS_PER_MINUTE_PER_ADDRESS', env.MUTATIONS_PER_MINUTE_PER_ADDRESS, 240),
    },
    budget: {
      maxCost: positiveInt('QUERY_COST_LIMIT', env.QUERY_COST_LIMIT, 10_000),
      statementsPerRequest: positiveInt('STATEMENTS_PER_REQUEST', env.STATEMENTS_PER_REQUEST, 200),
      costPerMinutePerToken: positiveInt(
        'QUERY_COST_PER_MINUTE_PER_TOKEN',
        env.QUERY_COST_PER_MINUTE_PER_TOKEN,
        200_000,
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
  };
}
