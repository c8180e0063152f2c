// Hive Gateway (@graphql-hive/gateway 2.15) in front of wushe's subgraphs, run from a wushe checkout after
// `npm install` (which builds dist/, whose small dependency-free modules this file shares with the hub):
//
//   npx wushe supergraph --from subgraphs.txt > supergraph.graphql
//   npx hive-gateway supergraph supergraph.graphql -c deploy/hive-gateway/gateway.config.mjs --port 4000
//
// What it adds in front: the caller's Authorization (and x-request-id) forwarded to the subgraphs, the hub's request
// shape limits, its error masking, per-token and per-address rate limits, and a timeout per subgraph after which
// that subgraph's fields are answered SUBGRAPH_UNAVAILABLE while the rest of the answer comes back. Identity,
// authorization, audit, personal-data rules and each document's cost budget hold in the subgraphs themselves,
// whatever router is in front (README, "Subgraphs on separate machines"). Settings come from the environment or
// `.env`, with wushe's names and defaults. With OTEL_EXPORTER_OTLP_ENDPOINT set it exports its spans (README, "Traces").
/* global AbortSignal */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { defineConfig } from '@graphql-hive/gateway';
import { GraphQLError, Kind, getOperationAST } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import {
  corsOrigins,
  loadDotEnv,
  subgraphTimeoutMs,
  subgraphTimeouts,
  tracingConfig,
} from '../../dist/src/config/config.js';
import { PLACEHOLDER_HOST, PLACEHOLDER_REFUSAL } from '../../dist/src/federation/committed-supergraph.js';
import { isSubgraphCode, reasonOf, subgraphUnavailable } from '../../dist/src/federation/subgraph-unavailable.js';
import { REQUEST_LIMITS } from '../../dist/src/graphql/request-limits.js';
import { OperationList, operationNotAllowed } from '../../dist/src/server/operation-list.js';
import { withoutPersonalData } from '../../dist/src/server/span-redaction.js';

loadDotEnv();
const env = process.env;
const production = env.NODE_ENV === 'production';

/** The supergraph file named on the command line (`hive-gateway supergraph <file>`), or the CLI's default. */
function supergraphFile() {
  const at = process.argv.indexOf('supergraph');
  const named = at >= 0 ? process.argv[at + 1] : undefined;
  return named && !named.startsWith('-') ? named : 'supergraph.graphql';
}

// The committed schema/supergraph.graphql routes nowhere: refuse to start on it, saying what to do instead.
const file = supergraphFile();
if (existsSync(file) && readFileSync(file, 'utf8').includes(PLACEHOLDER_HOST)) {
  throw new Error(`${file}: ${PLACEHOLDER_REFUSAL}`);
}

function positiveInt(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const timeouts = subgraphTimeouts(env);
const INTERNAL_ERROR = '服务器内部错误,请稍后再试 (internal error)';
// Codes the transport gives a fetch that got no GraphQL answer, and the reason each stands for.
const TRANSPORT_REASONS = { TIMEOUT_ERROR: 'TIMEOUT', RESPONSE_VALIDATION_FAILED: 'BAD_RESPONSE' };

function unavailable(subgraph, reason, timeoutMs) {
  const { message, extensions } = subgraphUnavailable(subgraph, reason, timeoutMs);
  return new GraphQLError(message, { extensions });
}

/**
 * A subgraph that is down, slow or answers something that is not GraphQL costs only its own fields: each fetch is
 * bounded by the subgraph's timeout (SUBGRAPH_TIMEOUT_MS, SUBGRAPH_TIMEOUTS), and a failed one is answered with the
 * same coded SUBGRAPH_UNAVAILABLE error as `wushe gateway` gives — never the transport's message, which names the
 * subgraph's address. The subgraph's own coded errors pass as they are; one without a code is masked.
 */
function subgraphFailures() {
  return {
    onSubgraphExecute({ subgraphName, transportEntry, executor, setExecutor, log }) {
      const timeoutMs = subgraphTimeoutMs(timeouts, subgraphName);
      const fail = (reason, detail) => {
        log.warn(`subgraph ${subgraphName} unavailable (${reason}) at ${transportEntry?.location}: ${detail}`);
        return { errors: [unavailable(subgraphName, reason, timeoutMs)] };
      };
      const answer = (result) => {
        if (!result || typeof result !== 'object' || !Array.isArray(result.errors)) return result;
        const failed = result.errors.find((e) => e.extensions?.request || TRANSPORT_REASONS[e.extensions?.code]);
        if (failed)
          return {
            ...fail(TRANSPORT_REASONS[failed.extensions?.code] ?? 'UNREACHABLE', failed.message),
            data: result.data,
          };
        const errors = result.errors.map((e) =>
          isSubgraphCode(e.extensions?.code)
            ? e
            : new GraphQLError(INTERNAL_ERROR, { path: e.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
        );
        return { ...result, errors };
      };
      setExecutor((request) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
        let settled = false;
        const timedOut = new Promise((resolve) =>
          timeout.addEventListener(
            'abort',
            () => {
              if (settled) return;
              settled = true;
              resolve(fail('TIMEOUT', `no answer in ${timeoutMs} ms`));
            },
            { once: true },
          ),
        );
        const fetched = Promise.resolve()
          .then(() => executor({ ...request, signal }))
          .then(
            (result) => {
              settled = true;
              return answer(result);
            },
            (error) => {
              if (settled) return undefined; // the timeout answered already; this is its abort
              settled = true;
              return fail(reasonOf(error), error?.message ?? String(error));
            },
          );
        return Promise.race([fetched, timedOut]);
      });
    },
  };
}

function rateLimited(rejection, what) {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return new GraphQLError(`操作过于频繁,请 ${seconds} 秒后再试 (too many ${what}; retry in ${seconds} s)`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      http: { status: 429, headers: { 'retry-after': String(seconds) } },
    },
  });
}

/** Mutation fields at the top of the operation, aliases and fragments counted (as the hub counts them). */
function mutationFields(document, operationName) {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return 0;
  const fragments = new Map(
    document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const count = (selectionSet, seen) =>
    selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment)) return sum;
      return sum + count(fragment.selectionSet, new Set([...seen, fragment]));
    }, 0);
  return count(operation.selectionSet, new Set());
}

/**
 * Rate limits by token and by address, in this process's memory: mutation fields per token and per address with
 * the hub's settings (MUTATIONS_PER_MINUTE_PER_TOKEN 120, MUTATIONS_PER_MINUTE_PER_ADDRESS 240, per
 * MUTATION_WINDOW_SECONDS), and requests per minute, per token (ROUTER_REQUESTS_PER_MINUTE_PER_TOKEN, 1200) or, for
 * anonymous callers, per address (ROUTER_REQUESTS_PER_MINUTE_PER_ADDRESS, 300). A router cannot verify tokens (the
 * subgraphs do), so a token is keyed by its hash and an invalid one only costs its caller a 401 from the subgraph.
 */
function rateLimits() {
  const window = positiveInt('MUTATION_WINDOW_SECONDS', 60);
  const mutationsByToken = new RateLimiterMemory({
    points: positiveInt('MUTATIONS_PER_MINUTE_PER_TOKEN', 120),
    duration: window,
  });
  const mutationsByAddress = new RateLimiterMemory({
    points: positiveInt('MUTATIONS_PER_MINUTE_PER_ADDRESS', 240),
    duration: window,
  });
  const requestsByToken = new RateLimiterMemory({
    points: positiveInt('ROUTER_REQUESTS_PER_MINUTE_PER_TOKEN', 1200),
    duration: 60,
  });
  const requestsByAddress = new RateLimiterMemory({
    points: positiveInt('ROUTER_REQUESTS_PER_MINUTE_PER_ADDRESS', 300),
    duration: 60,
  });
  const consume = async (charges, what) => {
    try {
      for (const [limiter, key, points] of charges)
        if (key !== undefined && points > 0) await limiter.consume(key, points);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw rateLimited(rejection, what);
    }
  };
  return {
    async onExecute({ args }) {
      const { request, req } = args.contextValue;
      const authorization = request?.headers.get('authorization');
      const token = authorization ? createHash('sha256').update(authorization).digest('base64url') : undefined;
      const address = req?.socket?.remoteAddress ?? 'unknown';
      await consume([token === undefined ? [requestsByAddress, address, 1] : [requestsByToken, token, 1]], 'requests');
      const mutations = mutationFields(args.document, args.operationName);
      await consume(
        [
          [mutationsByAddress, address, mutations],
          [mutationsByToken, token, mutations],
        ],
        'mutations',
      );
    },
  };
}

/**
 * A document refused before it runs (parse, the limits above, validation) is the client's mistake: HTTP 400 and
 * the hub's codes, as at the hub. Such an answer has no `data` at all; one refused by a rate limit keeps its 429.
 */
function refusedDocuments() {
  const refused = (error) => {
    const http = error.extensions?.http;
    if (http?.status && !http.spec) return error;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      extensions: {
        ...error.extensions,
        code: error.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED',
        http: { status: 400 },
      },
    });
  };
  return {
    onResultProcess({ result, setResult }) {
      if (!result || Array.isArray(result) || Symbol.asyncIterator in result) return;
      if (result.data !== undefined || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map(refused) });
    },
  };
}

/**
 * OpenTelemetry, only with OTEL_EXPORTER_OTLP_ENDPOINT set (otherwise none of it is imported): Hive Gateway's spans
 * (HTTP request, GraphQL operation, each subgraph call, which carries `traceparent` so the subgraphs' spans join the
 * trace) go as OTLP/HTTP JSON to `<endpoint>/v1/traces`, like wushe's own processes'. Hive Gateway records each
 * document as sent, the whole URL and every error's message (a wushe message can quote the id it did not find), so
 * the first processor drops the document, the URL's query and the messages (codes and error status stay) before
 * anything is exported. Returns the flush to run when the gateway stops, or undefined.
 */
async function startTracing() {
  const tracing = tracingConfig(env);
  if (!tracing) return undefined;
  const [{ openTelemetrySetup }, { AsyncLocalStorageContextManager }, { OTLPTraceExporter }, { BatchSpanProcessor }] =
    await Promise.all([
      import('@graphql-hive/gateway/opentelemetry/setup'),
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/sdk-trace-node'),
    ]);
  // Hive records each document as sent (with its literals): dropped here, before the redaction wushe's own
  // processes use (addresses, user agent, URL queries, error messages).
  const withoutDocuments = {
    onStart: () => undefined,
    onEnd: (span) => void delete span.attributes['graphql.document'],
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  const exporting = new BatchSpanProcessor(new OTLPTraceExporter({ url: tracing.tracesUrl }));
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: tracing.serviceName ?? 'wushe-hive-gateway' },
    traces: { processors: [withoutDocuments, withoutPersonalData, exporting] },
  });
  return () => exporting.forceFlush();
}

const flushTraces = await startTracing();

const origins = corsOrigins(env.CORS_ORIGINS);

/**
 * OPERATIONS=allow-list, as at the hub: only the operations in schema/operations/ run (OPERATION_NOT_ALLOWED, HTTP
 * 400, otherwise). The subgraphs behind a router answer its query plans and are not behind the list themselves.
 */
function allowedOperations() {
  if (!['any', 'allow-list', undefined, ''].includes(env.OPERATIONS))
    throw new Error(`OPERATIONS is any or allow-list, got "${env.OPERATIONS}"`);
  if (env.OPERATIONS !== 'allow-list') return [];
  const list = OperationList.fromDirectory();
  return [
    {
      onExecute({ args }) {
        if (!list.allows(args.document)) throw operationNotAllowed();
      },
    },
  ];
}

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization') ?? undefined,
      'x-request-id': request.headers.get('x-request-id') ?? undefined,
    }),
  },
  // Unexpected errors are masked with the hub's message; coded GraphQL errors (the subgraphs') pass as they are.
  maskedErrors: { errorMessage: INTERNAL_ERROR },
  // The subgraphs' errors keep their own codes; which subgraph answered is not the client's business.
  subgraphErrors: false,
  disableIntrospection: production,
  graphiql: !production,
  landingPage: false,
  // Browsers from other origins only where the operator lists them (CORS_ORIGINS), as at the hub.
  cors: origins.length
    ? {
        origin: origins,
        // Cookies only with CORS_CREDENTIALS=on, as at the hub; bearer tokens need no credentials mode.
        credentials: env.CORS_CREDENTIALS === 'on',
        exposedHeaders: ['retry-after', 'x-request-id'],
        maxAge: 600,
      }
    : false,
  openTelemetry: flushTraces ? { traces: true } : undefined,
  plugins: () => [
    EnvelopArmorPlugin({
      maxDepth: { n: REQUEST_LIMITS.maxDepth, ignoreIntrospection: true },
      maxAliases: { n: REQUEST_LIMITS.maxAliases },
      maxDirectives: { n: REQUEST_LIMITS.maxDirectives },
      maxTokens: { n: REQUEST_LIMITS.maxTokens },
      // A document's cost is estimated and bounded by each subgraph for its part (QUERY_COST_LIMIT there).
      costLimit: { enabled: false },
      blockFieldSuggestion: { enabled: production },
    }),
    refusedDocuments(),
    ...allowedOperations(),
    rateLimits(),
    subgraphFailures(),
    // Hive Gateway 2.15 does not flush the spans still buffered when it stops (SIGTERM); this does.
    ...(flushTraces ? [{ onDispose: flushTraces }] : []),
  ],
});
