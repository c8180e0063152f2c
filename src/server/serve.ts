import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Config } from '../config/config';
import { createLogger, type Logger } from '../config/logger';
import { openDatabase, type Database } from '../db/data-source';
import { openPublicCacheStore } from '../db/public-cache-store';
import { ensureSearchIndex } from '../db/search-index';
import { fenceWrites } from '../db/write-fence';
import { entitiesOf, subgraphByName, type SubgraphName } from '../subgraphs/registry';
import { remoteLookups } from '../federation/remote-lookups';
import { buildSubgraph } from '../federation/subgraph';
import { requestContexts, type HubContext } from '../graphql/context';
import { budgetPlugin } from '../graphql/limits';
import { openRateLimiters } from '../graphql/rate-limiters';
import { apolloOptions, createHub, hubHttpOptions } from './hub';
import { closeOnSignals, createHttpServer, listen } from './http-server';
import { observability } from './observability';
import { startTracing, stopTracing } from './tracing';

/**
 * The start line, for the person at the terminal and for scripts waiting for the address: plain text, unlike the
 * JSON log, and printed whatever LOG_LEVEL says.
 */
const announce = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The serving process's JSON log (LOG_LEVEL), naming which process it is; its database's SQL errors go there too.
 */
function processLogger(config: Config, service: string, database: Database, logger?: Logger): Logger {
  const named = (logger ?? createLogger(config.logLevel)).child({ service });
  database.queries.errorLog = (message, statement) => named.warn({ statement }, `SQL error: ${message}`);
  return named;
}

/**
 * Anyone holding the development secret can mint any token, so a server using it answers only this machine.
 * Returns the host to bind (undefined: every interface) and what the start line should add.
 */
function bindingFor(config: Config, logger: Logger): { host?: string; note: string } {
  if (config.dataKeys.usingDevelopmentKey)
    logger.warn('DATA_KEY is not set; personal data is sealed with the development key');
  if (!config.metrics.enabled) logger.info('metrics: off (METRICS=off, or production without METRICS_TOKEN)');
  if (!config.auth.usingDevelopmentSecret) return { note: '' };
  return { host: '127.0.0.1', note: ' (loopback only: JWT_SECRET is not set)' };
}

/**
 * In production a subgraph does not hand its SDL to whoever asks: routers compose from the committed
 * schema/supergraph.graphql (or schema/subgraphs/*.graphql), so `_service` is refused like introspection.
 */
export const noServiceSdl: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service' && context.getParentType() === context.getSchema().getQueryType()) {
      context.reportError(
        new GraphQLError('子图不对外提供 SDL (the subgraph SDL is not served in production; use schema/)', {
          nodes: [node],
        }),
      );
    }
  },
});

/** The hub over HTTP: gateway plus subgraphs (in-process unless named in `remote`). */
export async function serveHub(
  config: Config,
  database: Database,
  remote: Partial<Record<SubgraphName, string>> = {},
  baseLogger?: Logger,
) {
  const logger = processLogger(config, Object.keys(remote).length ? 'gateway' : 'hub', database, baseLogger);
  const hub = await createHub({ config, database, remote, log: logger });
  const server = createHttpServer({
    apollo: hub.server,
    context: hub.contextFor,
    ...observability(config, database, logger),
    logger,
    ...hubHttpOptions(config),
  });
  const { host, note } = bindingFor(config, logger);
  // Traced from here on: the statements of the start itself would only be noise.
  startTracing(config.tracing, Object.keys(remote).length ? 'wushe-gateway' : 'wushe-hub', database);
  const port = await listen(server, config.port, host);
  closeOnSignals(
    server,
    async () => {
      await hub.stop();
      await database.dataSource.destroy();
      await stopTracing();
    },
    logger,
  );
  const base = `http://${host ?? 'localhost'}:${port}`;
  const graphiql = hubHttpOptions(config).graphiql
    ? `GraphiQL ${base}/graphiql`
    : 'GraphiQL off (OPERATIONS=allow-list)';
  logger.info({ port, host: host ?? null }, 'listening');
  announce(`wushe hub: ${base}/graphql · console ${base}/console/ · ${graphiql}${note}`);
  return { server, port, hub };
}

/**
 * One subgraph alone over HTTP, for a router elsewhere (`wushe gateway`, Hive Gateway, Apollo Router); it opens
 * only its own tables and verifies the caller's bearer token itself, as the hub does. It checks ids of its own
 * kinds itself and asks `peers` (name → GraphQL URL) about theirs; a kind whose owner is neither is refused
 * (REFERENCE_UNAVAILABLE) rather than trusted unchecked.
 */
export async function serveSubgraph(
  config: Config,
  name: string,
  port: number,
  peers: Partial<Record<SubgraphName, string>> = {},
  baseLogger?: Logger,
) {
  const definition = subgraphByName(name);
  const references = {
    ...remoteLookups(peers, config.peerTimeoutMs),
    ...definition.lookups,
  };
  const database = await openDatabase(config.database, entitiesOf(definition));
  const logger = processLogger(config, `subgraph:${definition.name}`, database, baseLogger);
  const log = (line: string) => logger.warn(line);
  // Hubs sharing their public cache in Redis must see this process's writes too: they pass the same fence. (A hub
  // with its cache in memory cannot; docs/decisions.md says to set REDIS_URL when several processes write.)
  const sharedCache = config.publicCache.redisUrl ? await openPublicCacheStore(config.publicCache, log) : undefined;
  if (sharedCache) fenceWrites(database.dataSource, sharedCache);
  // Replicas of this subgraph share its limits through REDIS_URL, apart from the hub's (which counted the request
  // once already when a hub or `wushe gateway` sent it).
  const rateLimiters = await openRateLimiters(config.rateLimitStore, `subgraph-${definition.name}`, log).catch(
    async (error) => {
      await sharedCache?.close();
      throw error;
    },
  );
  // Rows written before the search index existed are indexed before the subgraph listens.
  await ensureSearchIndex(database.dataSource);
  const built = buildSubgraph(definition);
  const shared = apolloOptions(config, logger);
  const apollo = new ApolloServer<HubContext>({
    schema: built.schema,
    ...shared,
    validationRules: [...shared.validationRules, ...(config.nodeEnv === 'production' ? [noServiceSdl] : [])],
    // Inline traces (ftv1) would hand any caller resolver timings and error details; nothing here reads them.
    // The same request budget as the hub: behind any router a subgraph still bounds what one document costs. Its
    // per-address limits see the router's address, so a router in front sets its own per-client limits.
    plugins: [
      ...shared.plugins,
      budgetPlugin(config.budget, config.rateLimit, rateLimiters),
      ApolloServerPluginInlineTraceDisabled() as ApolloServerPlugin<HubContext>,
    ],
  });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    context: requestContexts({ dataSource: database.dataSource, config, references }).contextFor,
    ...observability(config, database, logger),
    logger,
    graphiql: false,
  });
  const { host, note } = bindingFor(config, logger);
  startTracing(config.tracing, `wushe-subgraph-${definition.name}`, database);
  const actualPort = await listen(server, port, host);
  closeOnSignals(
    server,
    async () => {
      await apollo.stop();
      await database.dataSource.destroy();
      await sharedCache?.close();
      await rateLimiters.close();
      await stopTracing();
    },
    logger,
  );
  const asks = Object.keys(peers).filter((peer) => peer !== definition.name);
  logger.info({ port: actualPort, host: host ?? null }, 'listening');
  announce(
    `wushe subgraph ${name}: http://${host ?? 'localhost'}:${actualPort}/graphql${note}` +
      (asks.length ? ` · checks ids with ${asks.join(', ')}` : ''),
  );
  return { server, port: actualPort };
}
