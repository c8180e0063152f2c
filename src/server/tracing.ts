import type { Span } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { AfterQueryEvent, BeforeQueryEvent, EntitySubscriberInterface } from 'typeorm';
import type { TracingConfig } from '../config/config';
import type { Database } from '../db/data-source';
import { withoutPersonalData } from './span-redaction';

/*
 * OpenTelemetry traces, only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Every OpenTelemetry module is required here,
 * on demand, never imported at the top: without the setting none of the SDK, the exporter or the instrumentations
 * is loaded and every hook below returns at once.
 *
 * Two steps, because instrumentations patch modules as they are first required while the service name is known
 * only once the command line is read: `instrumentLibraries` runs before the CLI loads anything else
 * (src/server/instrument.ts); `startTracing` then registers the tracer provider that exports what they record.
 * Spans made before it (the dataset load at first start) are not recorded.
 *
 * Nothing personal reaches a span: GraphQL documents are recorded with their literal values masked and without
 * variables, SQL statements without their parameters (and with literals masked), URLs without query values; no
 * header is recorded, so neither the bearer token nor a session cookie is; addresses, user agents and error
 * messages are dropped before export (span-redaction.ts).
 */

type OpenTelemetryApi = typeof import('@opentelemetry/api');

/** Set once the instrumentations are in place; undefined: tracing is off. */
let api: OpenTelemetryApi | undefined;
let provider: NodeTracerProvider | undefined;

/** Probes and scrapes, every few seconds each: tracing them would bury the requests worth reading. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The query string of a URL with each value replaced: `query=REDACTED&variables=REDACTED` (GET requests). */
function queryNamesOnly(url: string | undefined): string | undefined {
  const search = new URL(url ?? '/', 'http://localhost').searchParams;
  if (search.size === 0) return undefined;
  return [...new Set(search.keys())].map((name) => `${encodeURIComponent(name)}=REDACTED`).join('&');
}

/**
 * A statement with its string and number literals masked. Statements are sent with placeholders, but a literal
 * written into one (a constant, a LIMIT) would otherwise be recorded as is. Double quotes are identifiers in
 * SQLite and PostgreSQL, so they stay; `$1` placeholders stay.
 */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, '?').replace(/(?<![\w$])\d+(?:\.\d+)?\b/g, '?');
}

/** Hooks http, fetch, graphql, mysql2 and pg as they are required (a second call does nothing). */
export function instrumentLibraries(): void {
  if (api) return;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is configured */
  api = require('@opentelemetry/api') as OpenTelemetryApi;
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { MySQL2Instrumentation } =
    require('@opentelemetry/instrumentation-mysql2') as typeof import('@opentelemetry/instrumentation-mysql2');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // Each enables itself when constructed and records through the global tracer provider, set by startTracing.
  new HttpInstrumentation({
    ignoreIncomingRequestHook: (request) =>
      UNTRACED_PATHS.has(new URL(request.url ?? '/', 'http://localhost').pathname),
    // A GET query carries the document and its variables in the URL: the names are kept, the values not.
    startIncomingSpanHook: (request) => {
      const query = queryNamesOnly(request.url);
      return query === undefined ? {} : { 'url.query': query };
    },
  });
  // Node's fetch: a subgraph asking its peers to check ids (src/federation/remote-lookups.ts) passes the trace on.
  new UndiciInstrumentation();
  // One span per parse, validate and execute (named after the operation); none per resolver. allowValues: false
  // masks the document's literals and leaves the variables out.
  new GraphQLInstrumentation({ ignoreResolveSpans: true, allowValues: false });
  // Unmasked, the mysql2 instrumentation records each statement with its parameters written into it.
  new MySQL2Instrumentation({ maskStatement: true });
  new PgInstrumentation({
    requireParentSpan: true,
    ignoreConnectSpans: true,
    requestHook: (span, { query }) => span.setAttribute('db.query.text', withoutLiterals(query.text)),
  });
}

/**
 * SQLite has no OpenTelemetry instrumentation: a span per statement from TypeORM's query events, under the span
 * active when the statement is sent (a request's GraphQL execution). A statement's parameter array is one object,
 * new per statement, in both of its events: that pairs them even when statements interleave.
 */
class SqliteStatementSpans implements EntitySubscriberInterface {
  private readonly open = new WeakMap<object, Span>();

  beforeQuery(event: BeforeQueryEvent): void {
    if (!api || !event.parameters || !api.trace.getActiveSpan()) return;
    const operation = /^\s*(\w+)/.exec(event.query)?.[1]?.toUpperCase() ?? 'sqlite';
    const span = api.trace.getTracer('wushe-sqlite').startSpan(operation, {
      kind: api.SpanKind.CLIENT,
      attributes: { 'db.system.name': 'sqlite', 'db.query.text': withoutLiterals(event.query) },
    });
    this.open.set(event.parameters, span);
  }

  afterQuery(event: AfterQueryEvent): void {
    const span = event.parameters && this.open.get(event.parameters);
    if (!span || !api) return;
    this.open.delete(event.parameters!);
    // The error's message can quote a value; its kind is enough to find the statement.
    if (!event.success) span.setStatus({ code: api.SpanStatusCode.ERROR, message: errorKind(event.error) });
    span.end();
  }
}

function errorKind(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
}

/**
 * Exports this process's spans to the collector (OTEL_EXPORTER_OTLP_ENDPOINT) as OTLP/HTTP JSON, batched, under
 * OTEL_SERVICE_NAME or `serviceName`; incoming W3C `traceparent` headers are continued and outgoing requests
 * carry one. Does nothing when tracing is not configured.
 */
export function startTracing(config: TracingConfig | undefined, serviceName: string, database: Database): void {
  if (!config || provider) return;
  instrumentLibraries();
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is configured */
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { defaultResource, resourceFromAttributes } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const report = (message: string) => process.stderr.write(`tracing: ${message}\n`);
  // A collector that is down costs spans, never requests: the exporter's failures are reported, nothing more.
  api!.diag.setLogger(
    { error: report, warn: report, info: () => undefined, debug: () => undefined, verbose: () => undefined },
    api!.DiagLogLevel.WARN,
  );
  provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': config.serviceName ?? serviceName })),
    spanProcessors: [withoutPersonalData, new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }))],
  });
  // The global provider (AsyncLocalStorage context, W3C trace context and baggage propagation).
  provider.register();
  if (database.target.kind === 'sqlite') database.dataSource.subscribers.push(new SqliteStatementSpans());
}

/** Sends the spans still buffered and stops exporting; called on graceful shutdown. */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  // An unreachable collector must not turn a clean shutdown into a failed one.
  await stopping?.shutdown().catch(() => undefined);
}
