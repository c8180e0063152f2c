import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../config/config';
import { projectRoot } from '../config/paths';
import type { Database } from '../db/data-source';
import { admissionLoad } from '../graphql/admission';
import { publicCacheLookups } from '../graphql/public-cache';

/** What the HTTP face reports of one GraphQL request once it has answered (src/server/http-server.ts). */
export interface RequestOutcome {
  requestId: string;
  /** The operation's name, at most OPERATION_NAME_CHARS characters; absent for an anonymous operation. */
  operation?: string;
  /** The caller's role (PUBLIC for no token); absent when the request was refused before it was known. */
  role?: string;
  status: number;
  /** The distinct error codes of the answer, absent when it has none. */
  codes?: readonly string[];
  ms: number;
}

/** Longer operation names are cut in the log and counted as `other` in the metrics. */
export const OPERATION_NAME_CHARS = 64;
/**
 * Distinct operation names, besides those of our own clients (schema/operations/), given a series of their own;
 * later ones are counted as `other`, so clients inventing names cannot grow the series without bound.
 */
export const OPERATION_LABELS = 100;
/** Distinct error codes given a series of their own (the schema has a few dozen); later ones are `OTHER`. */
const CODE_LABELS = 60;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

/** mysql2's pool keeps its connections in these (unexported) queues; it has no public count of them. */
interface MysqlPoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** pg's Pool counts its clients publicly. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

interface PoolLoad {
  inUse: number;
  idle: number;
  waiting: number;
}

/** The connection pool's load right now; undefined for SQLite (one embedded connection, used synchronously). */
function poolLoadOf(database: Database): () => PoolLoad | undefined {
  const driver = database.dataSource.driver as unknown as { pool?: MysqlPoolInternals; master?: PgPool };
  if (database.target.kind === 'mysql') {
    return () => {
      const pool = driver.pool;
      if (!pool?._allConnections || !pool._freeConnections || !pool._connectionQueue) return undefined;
      const idle = pool._freeConnections.length;
      return { inUse: pool._allConnections.length - idle, idle, waiting: pool._connectionQueue.length };
    };
  }
  if (database.target.kind === 'postgres') {
    return () => {
      const pool = driver.master;
      if (!pool) return undefined;
      return { inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount };
    };
  }
  return () => undefined;
}

/** The names of the operations our own clients send (the bot's and the console's documents in schema/operations/). */
export function clientOperationNames(root = join(projectRoot(), 'schema', 'operations')): Set<string> {
  const names = new Set<string>();
  if (!existsSync(root)) return names;
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.graphql')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, name] of text.matchAll(/^\s*(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/gm)) names.add(name);
  }
  return names;
}

interface OperationSeries {
  requests: Counter.Internal;
  duration: Histogram.Internal<'operation'>;
}

/**
 * The process's Prometheus metrics (prom-client, its own registry): GraphQL requests and their latency by
 * operation, answers by error code, rate-limit refusals, the database pool, the admission line, the public cache,
 * and Node's defaults. Series per operation and code are created once and kept, so a request costs a map lookup,
 * an increment and a histogram observation.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation'>;
  private readonly duration: Histogram<'operation'>;
  private readonly errors: Counter<'code'>;
  private readonly rateLimited: Counter;
  private readonly operations = new Map<string, OperationSeries>();
  /** Names outside `known` given a series so far (at most OPERATION_LABELS). */
  private othersNamed = 0;
  private readonly codes = new Map<string, Counter.Internal>();

  constructor(
    config: Pick<Config, 'budget' | 'database'>,
    database?: Database,
    private readonly known: ReadonlySet<string> = new Set(),
  ) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'wushe_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name (anonymous; other past the cap)',
      labelNames: ['operation'],
      registers,
    });
    this.duration = new Histogram({
      name: 'wushe_graphql_request_duration_seconds',
      help: 'Time from the request arriving to its answer being written, by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'wushe_graphql_errors_total',
      help: 'GraphQL answers carrying an error with this extensions.code (once per answer and code)',
      labelNames: ['code'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'wushe_rate_limited_total',
      help: 'GraphQL requests refused with RATE_LIMITED (cost or mutation limits)',
      registers,
    });
    new Gauge({
      name: 'wushe_admission_statements_in_flight',
      help: 'Estimated SQL statements of the requests admitted and not yet answered',
      registers,
      collect() {
        this.set(admissionLoad.statementsInFlight);
      },
    });
    new Gauge({
      name: 'wushe_admission_requests_waiting',
      help: 'Requests waiting in the admission line for room',
      registers,
      collect() {
        this.set(admissionLoad.requestsWaiting);
      },
    });
    new Gauge({
      name: 'wushe_admission_capacity_statements',
      help: 'Estimated SQL statements the admission line lets in at once (STATEMENTS_IN_FLIGHT)',
      registers,
    }).set(config.budget.statementsInFlight);
    new Counter({
      name: 'wushe_public_cache_lookups_total',
      help: 'Anonymous queries looked up in the public cache: hit, miss, or skipped (a write in flight, Redis down)',
      labelNames: ['result'],
      registers,
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, publicCacheLookups.hits);
        this.inc({ result: 'miss' }, publicCacheLookups.misses);
        this.inc({ result: 'skipped' }, publicCacheLookups.skipped);
      },
    });
    if (database && database.target.kind !== 'sqlite') this.poolGauges(config, poolLoadOf(database));
    collectDefaultMetrics({ register: this.registry });
  }

  private poolGauges(config: Pick<Config, 'database'>, load: () => PoolLoad | undefined) {
    const registers = [this.registry];
    new Gauge({
      name: 'wushe_db_pool_connections',
      help: 'Database connections open, in use or idle',
      labelNames: ['state'],
      registers,
      collect() {
        const now = load();
        if (!now) return;
        this.set({ state: 'in_use' }, now.inUse);
        this.set({ state: 'idle' }, now.idle);
      },
    });
    new Gauge({
      name: 'wushe_db_pool_waiting',
      help: 'Requests queued for a database connection',
      registers,
      collect() {
        const now = load();
        if (now) this.set(now.waiting);
      },
    });
    new Gauge({
      name: 'wushe_db_pool_max',
      help: 'Connections the pool may open (DB_POOL_SIZE)',
      registers,
    }).set(config.database.poolSize);
  }

  /** Counts one answered GraphQL request. */
  observe(outcome: RequestOutcome): void {
    const series = this.seriesFor(outcome.operation);
    series.requests.inc();
    series.duration.observe(outcome.ms / 1000);
    if (!outcome.codes) return;
    for (const code of outcome.codes) {
      this.counterFor(code).inc();
      if (code === 'RATE_LIMITED') this.rateLimited.inc();
    }
  }

  private seriesFor(operation: string | undefined): OperationSeries {
    const existing = this.operations.get(operation ?? 'anonymous');
    if (existing) return existing;
    let label = 'other';
    if (operation === undefined) label = 'anonymous';
    else if (this.known.has(operation)) label = operation;
    else if (
      operation.length <= OPERATION_NAME_CHARS &&
      GRAPHQL_NAME.test(operation) &&
      this.othersNamed < OPERATION_LABELS
    ) {
      label = operation;
      this.othersNamed += 1;
    }
    const series = this.operations.get(label) ?? {
      requests: this.requests.labels(label),
      duration: this.duration.labels(label),
    };
    this.operations.set(label, series);
    return series;
  }

  private counterFor(code: string): Counter.Internal {
    const known = this.codes.get(code);
    if (known) return known;
    const label = ERROR_CODE.test(code) && this.codes.size < CODE_LABELS ? code : 'OTHER';
    const counter = this.codes.get(label) ?? this.errors.labels(label);
    this.codes.set(label, counter);
    return counter;
  }
}

export interface MetricsAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics. With METRICS_TOKEN set, only a scraper sending `Authorization: Bearer <token>` reads it (compared
 * in constant time); without a token, whoever reaches the port (serve.ts leaves /metrics out when it is off).
 */
export function metricsEndpoint(
  metrics: Metrics,
  token?: string,
): (request: IncomingMessage) => Promise<MetricsAnswer> {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return async (request): Promise<MetricsAnswer> => {
    const given = request.headers.authorization;
    if (expected && !(given && timingSafeEqual(digest(given), expected))) {
      return {
        status: 401,
        headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Bearer' },
        body: JSON.stringify({
          errors: [{ message: '需要监控令牌 (a metrics token is required)', extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      };
    }
    return {
      status: 200,
      headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
      body: await metrics.registry.metrics(),
    };
  };
}
