import {
  ApolloServer,
  type ApolloServerOptions,
  type ApolloServerOptionsWithGateway,
  type ApolloServerPlugin,
} from '@apollo/server';
import { armor, budgetPlugin, operationPlugin, PARSE_OPTIONS } from '../graphql/limits';
import { auditPlugin } from '../audit/audit-log';
import type { Config } from '../config/config';
import { openDatabase, type Database } from '../db/data-source';
import { createGateway } from '../federation/gateway';
import { remoteLookups } from '../federation/remote-lookups';
import { allEntities, buildAllSubgraphs, localLookups, type SubgraphName } from '../subgraphs/registry';
import type { BuiltSubgraph } from '../federation/subgraph';
import { requestContexts, setBatching, type HubContext, type RequestContexts } from '../graphql/context';
import { createErrorFormatter, errorPlugin } from '../graphql/errors';
import { publicCachePlugin } from '../graphql/public-cache';
import { openRateLimiters, type RateLimiters } from '../graphql/rate-limiters';
import { openPublicCacheStore, type PublicCacheStore } from '../db/public-cache-store';
import { fenceWrites } from '../db/write-fence';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { cacheControlPlugin } from '../graphql/cache-control';
import { RedisPersistedQueries } from './apq-store';
import { allowListPlugin, OperationList } from './operation-list';
import { asLogger, type Logger, type LogSink } from '../config/logger';
import { requestOutcomePlugin } from '../graphql/request-outcome';

export interface Hub extends RequestContexts {
  server: ApolloServer<HubContext>;
  database: Database;
  subgraphs: BuiltSubgraph[];
  /** The cache of anonymous reads, absent when switched off (PUBLIC_CACHE=off) or with subgraphs served elsewhere. */
  publicCache?: PublicCacheStore;
  stop(): Promise<void>;
}

export interface HubOptions {
  config: Config;
  /** Reuse an open database (tests, seeding); otherwise one is opened from config. */
  database?: Database;
  remote?: Partial<Record<SubgraphName, string>>;
  /** The JSON log (a function receives each line); stderr at info when absent. */
  log?: LogSink;
}

/** Options shared by the hub and subgraphs served alone: masking, limits, no introspection in production. */
export function apolloOptions(config: Config, log: LogSink) {
  const logger = asLogger(log);
  const production = config.nodeEnv === 'production';
  const protection = armor(production);
  return {
    formatError: createErrorFormatter(production),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: PARSE_OPTIONS,
    validationRules: protection.validationRules,
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<HubContext>[]),
      operationPlugin(),
      errorPlugin(logger),
      auditPlugin(logger),
      requestOutcomePlugin(),
    ],
  } satisfies Partial<ApolloServerOptions<HubContext>>;
}

/** What the hub's HTTP face serves besides /graphql: other origins (CORS), and GraphiQL unless on an allow-list. */
export function hubHttpOptions(config: Config) {
  return { cors: config.cors, graphiql: config.operations.mode === 'any' };
}

/** The hub: Apollo Server running Apollo Gateway over the eight subgraphs (in-process unless named remote). */
export async function createHub(options: HubOptions): Promise<Hub> {
  const logger: Logger = asLogger(options.log);
  const database = options.database ?? (await openDatabase(options.config.database, allEntities()));
  setBatching(options.config.batching);
  // A subgraph served elsewhere writes and reads the clock where this hub cannot see it: no cache then.
  const remote = Object.keys(options.remote ?? {}).length > 0;
  if (remote && options.config.publicCache.enabled)
    logger.info('public cache: off (some subgraphs are served elsewhere)');
  const warn = (line: string) => logger.warn(line);
  const publicCache = remote ? undefined : await openPublicCacheStore(options.config.publicCache, warn);
  let rateLimiters: RateLimiters | undefined;
  let persistedQueries: RedisPersistedQueries | undefined;
  let unfence: (() => void) | undefined;
  // What the hub opened besides the database: closed by stop(), or at once when the start fails half-way.
  const release = async () => {
    unfence?.();
    await publicCache?.close();
    await rateLimiters?.close();
    await persistedQueries?.close();
  };
  let server: ApolloServer<HubContext>;
  let subgraphs: BuiltSubgraph[];
  try {
    // Every hub replica (and `wushe gateway`) counts against the same limits when they share REDIS_URL.
    rateLimiters = await openRateLimiters(options.config.rateLimitStore, 'hub', warn);
    unfence = publicCache && fenceWrites(database.dataSource, publicCache);
    subgraphs = buildAllSubgraphs();
    const gateway = createGateway({
      subgraphs,
      remote: options.remote,
      timeouts: options.config.subgraphTimeouts,
      log: warn,
    });
    const shared = apolloOptions(options.config, logger);
    // Front ends on other origins: the allow-list, persisted queries shared in Redis, Cache-Control from the hints.
    const { operations } = options.config;
    const allowList = operations.mode === 'allow-list' ? [allowListPlugin(OperationList.fromDirectory())] : [];
    persistedQueries = operations.redisUrl
      ? await RedisPersistedQueries.connect(operations.redisUrl, operations.redisPrefix, operations.ttlSeconds, warn)
      : undefined;
    server = new ApolloServer<HubContext>({
      // Apollo Gateway 2 implements Apollo Server 5's gateway interface; only its declared types lag behind.
      gateway: gateway as unknown as ApolloServerOptionsWithGateway<HubContext>['gateway'],
      ...shared,
      ...(persistedQueries ? { persistedQueries: { cache: persistedQueries, ttl: operations.ttlSeconds } } : {}),
      // After the budget: a cached answer is charged like any other. The allow-list first: its refusal is the answer.
      plugins: [
        ...allowList,
        ...shared.plugins,
        budgetPlugin(options.config.budget, options.config.rateLimit, rateLimiters),
        ...(publicCache ? [publicCachePlugin(publicCache)] : []),
        // Apollo's own plugin sees no hints through the gateway and would answer no-store to everything. Subgraphs
        // served elsewhere read the clock where this hub cannot see it: nothing public then, as for the cache.
        cacheControlPlugin({ shared: !remote }),
        ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<HubContext>,
      ],
    });
    await server.start();
  } catch (error) {
    await release();
    throw error;
  }
  const ownsDatabase = !options.database;
  // Ids of a kind owned by a remote subgraph are checked by asking it; the rest in-process.
  const references = {
    ...remoteLookups(options.remote ?? {}, options.config.peerTimeoutMs),
    ...localLookups(options.remote),
  };
  return {
    server,
    database,
    subgraphs,
    publicCache,
    ...requestContexts({ dataSource: database.dataSource, config: options.config, references }),
    stop: async () => {
      await server.stop();
      await release();
      if (ownsDatabase) await database.dataSource.destroy();
    },
  };
}
