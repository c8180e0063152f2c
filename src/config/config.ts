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
  jwtSecret: string | undefined;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: LogLevel;
}

export class ConfigError extends Error {}

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
  return {
    port,
    database: {
      url: env.DATABASE_URL || 'sqlite:data/wushe.sqlite',
      poolSize: positiveInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10),
      queueLimit: positiveInt('DB_QUEUE_LIMIT', env.DB_QUEUE_LIMIT, 500),
    },
    hubUrl: env.HUB_URL || `http://localhost:${port}/graphql`,
    jwtSecret: env.JWT_SECRET || undefined,
    nodeEnv: oneOf('NODE_ENV', env.NODE_ENV, NODE_ENVS, 'development'),
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'info'),
  };
}
