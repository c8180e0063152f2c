import type { Server } from 'node:http';
import type { Identity } from '../../src/auth/identity';
import { signToken, type TokenClaims } from '../../src/auth/tokens';
import { loadConfig, type Config } from '../../src/config/config';
import type { Database } from '../../src/db/data-source';
import { seedYuxi } from '../../src/seed';
import { createHub, hubHttpOptions, type Hub } from '../../src/server/hub';
import { createHttpServer, listen } from '../../src/server/http-server';
import { databaseReadiness } from '../../src/server/observability';
import { asLogger, type LogSink } from '../../src/config/logger';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-for-wushe-tests';
/** The data key of every test hub (required like JWT_SECRET once NODE_ENV is not development). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The small city the named-fact tests use: every named fact, a hundredth of the generated bulk. */
export const SMALL_SCALE = 0.01;

/**
 * Limits for a test file that acts as one very busy client: hundreds of mutations in seconds from one token, and
 * documents measured for batching that the request budget would refuse. Tests of the limits set their own.
 */
export const BUSY_CLIENT_ENV = {
  QUERY_COST_LIMIT: '100000000',
  MUTATIONS_PER_MINUTE_PER_TOKEN: '100000',
  MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000',
};

export interface TestHub {
  hub: Hub;
  database: Database;
  testDatabase: TestDatabase;
  /** The hub's configuration (test JWT secret, rate limits). */
  config: Config;
  /** Runs an operation through the real gateway and subgraphs; throws on GraphQL errors. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<T>;
  /** Runs an operation as `identity` (PUBLIC by default) and returns errors too. */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<GraphQLResult<T>>;
  /** A Bearer token for `claims`, signed with this hub's secret. */
  token(claims: TokenClaims): Promise<string>;
  /** Starts the HTTP server on a random port; returns its base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The code of a result's first error, if any. */
export const codeOf = (result: Pick<GraphQLResult, 'errors'>) => result.errors?.[0]?.extensions?.code;

/** `execute` and `query` through `hub`'s real gateway and subgraphs; also for a second hub on a test's database. */
export function operationsOn(hub: Hub): Pick<TestHub, 'execute' | 'query'> {
  const execute = async <T>(query: string, variables?: Record<string, unknown>, identity?: Identity) => {
    const response = await hub.server.executeOperation(
      { query, variables },
      { contextValue: hub.context(identity, '127.0.0.1') },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResult<T>;
  };
  return {
    execute,
    async query<T>(query: string, variables?: Record<string, unknown>, identity?: Identity) {
      const result = await execute<T>(query, variables, identity);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data!;
    },
  };
}

export interface TestHubOptions {
  scale?: number;
  /** Extra environment for the hub's config, e.g. NODE_ENV=production or low rate limits. */
  env?: Record<string, string>;
  /** Receives the hub's JSON log lines (unexpected errors); silent by default. */
  log?: LogSink;
}

export async function startTestHub({ scale = SMALL_SCALE, env = {}, log }: TestHubOptions = {}): Promise<TestHub> {
  const testDatabase = await createTestDatabase();
  const database = await testDatabase.open({ DB_POOL_SIZE: env.DB_POOL_SIZE, DB_QUEUE_LIMIT: env.DB_QUEUE_LIMIT });
  await seedYuxi(database.dataSource, scale);
  // A test file is one client sending hundreds of documents in seconds: the query budget per minute would stop it.
  // Tests of the budget set these explicitly.
  const config = loadConfig({
    DATABASE_URL: testDatabase.url,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: TEST_DATA_KEY,
    QUERY_COST_PER_MINUTE_PER_TOKEN: '1000000000',
    QUERY_COST_PER_MINUTE_PER_ADDRESS: '1000000000',
    ...env,
  });
  const logger = asLogger(log ?? (() => undefined));
  const hub = await createHub({ config, database, log: logger });
  let server: Server | undefined;
  return {
    hub,
    database,
    testDatabase,
    config,
    ...operationsOn(hub),
    token: (claims) => signToken(config.auth, claims, 3600),
    async listen() {
      server = createHttpServer({
        apollo: hub.server,
        context: hub.contextFor,
        ready: databaseReadiness(database, logger),
        logger,
        ...hubHttpOptions(config),
      });
      const port = await listen(server, 0, '127.0.0.1');
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      if (server) await new Promise((resolve) => server!.close(resolve));
      await hub.stop();
      await database.dataSource.destroy();
      await testDatabase.drop();
    },
  };
}
