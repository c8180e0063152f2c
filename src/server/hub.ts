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
import { openPublicCacheStore, type PublicCacheStore } from '../db/public-cache-store';
import { fenceWrites } from '../db/write-fence';
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

/** The hub: Apollo Server running Apollo Gateway over the eight subgraphs (in-process unless named remote). */
export async function createHub(options: HubOptions): Promise<Hub> {
  const logger: Logger = asLogger(options.log);
  const database = options.database ?? (await openDatabase(options.config.database, allEntities()));
  setBatching(options.config.batching);
  // A subgraph served elsewhere writes and reads the clock where this hub cannot see it: no cache then.
  const remote = Object.keys(options.remote ?? {}).length > 0;
  if (remote && options.config.publicCache.enabled)
    logger.info('public cache: off (some subgraphs are served elsewhere)');
  const publicCache = remote
    ? undefined
    : await openPublicCacheStore(options.config.publicCache, (line) => logger.warn(line));
  const unfence = publicCache && fenceWrites(database.dataSource, publicCache);
  const subgraphs = buildAllSubgraphs();
  const gateway = createGateway({ subgraphs, remote: options.remote });
  const shared = apolloOptions(options.config, logger);
  const server = new ApolloServer<HubContext>({
    // Apollo Gateway 2 implements Apollo Server 5's gateway interface; only its declared types lag behind.
    gateway: gateway as unknown as ApolloServerOptionsWithGateway<HubContext>['gateway'],
    ...shared,
    // After the budget: a cached answer is charged like any other.
    plugins: [
      ...shared.plugins,
      budgetPlugin(options.config.budget, options.config.rateLimit),
      ...(publicCache ? [publicCachePlugin(publicCache)] : []),
    ],
  });
  await server.start();
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
      unfence?.();
      await publicCache?.close();
      if (ownsDatabase) await database.dataSource.destroy();
    },
  };
}
