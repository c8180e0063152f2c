import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { CorsConfig } from '../config/config';
import { asLogger, type Logger } from '../config/logger';
import { countingStatements } from '../db/query-counter';
import { consoleAsset } from './console-assets';
import { applyCors } from './cors';
import { FAVICON_SVG, graphiqlAsset, graphiqlPage } from './graphiql';
import { OPERATION_NAME_CHARS, type MetricsAnswer, type RequestOutcome } from './metrics';
import { NotReady } from './observability';
import { requestIdOf } from './request-id';

/** Largest request body accepted; a GraphQL document plus variables is far smaller. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longest GraphQL document accepted (characters, comments and whitespace included); GraphiQL's introspection is ~1,700. */
export const MAX_DOCUMENT_CHARS = 10_000;

class BodyTooLarge extends Error {}

/**
 * What the HTTP face reads back from a request's context: the cookies its answer sets, and for its log line and
 * metrics the caller's role, the operation's name and the answer's error codes (src/graphql/request-outcome.ts).
 */
export interface ResponseCookies {
  responseCookies?: readonly string[];
  identity?: { role: string };
  outcome?: { operationName?: string; errorCodes?: string[] };
}

export interface HttpOptions<TContext extends ResponseCookies> {
  apollo: ApolloServer<TContext>;
  /**
   * The per-request context, for the request id the HTTP face chose (echoed as `x-request-id`); may throw a coded
   * GraphQLError (e.g. a bad token → 401).
   */
  context: (request: IncomingMessage, requestId: string) => Promise<TContext> | TContext;
  /** Answers /readyz: resolves when the service can serve, throws (NotReady with a code) when not. */
  ready?: () => Promise<void>;
  /** Told of every GraphQL request once it has been answered (its log line and metrics). */
  observe?: (outcome: RequestOutcome) => void;
  /** Answers /metrics; without it /metrics is not found. */
  metrics?: (request: IncomingMessage) => Promise<MetricsAnswer>;
  /** Where failures of the HTTP face itself are logged; stderr by default. */
  logger?: Logger;
  graphiql?: boolean;
  /** Pages on other origins allowed to call /graphql (none: same origin only). */
  cors?: CorsConfig;
}

/** One GraphQL request on its way through the HTTP face. */
interface Exchange<TContext> {
  requestId: string;
  started: number;
  context?: TContext;
  /** The operation name the request gave, for an answer the GraphQL pipeline did not reach (e.g. a bad token). */
  operationName?: string;
  /** Codes of an answer made without the GraphQL pipeline's help (refused before it, or after it failed). */
  codes?: string[];
}

/** The distinct codes of an error answer's JSON, for answers no plugin saw (e.g. a bad token, 401). */
function codesIn(body: string): string[] | undefined {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors;
    const codes = errors?.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
    return codes?.length ? [...new Set(codes)] : undefined;
  } catch {
    return undefined;
  }
}

function outcomeOf<TContext extends ResponseCookies>(exchange: Exchange<TContext>, status: number): RequestOutcome {
  const context = exchange.context;
  const operation = context?.outcome?.operationName ?? exchange.operationName;
  return {
    requestId: exchange.requestId,
    operation:
      operation && operation.length > OPERATION_NAME_CHARS ? operation.slice(0, OPERATION_NAME_CHARS) : operation,
    role: context?.identity?.role,
    status,
    codes: context?.outcome?.errorCodes ?? exchange.codes,
    ms: Math.round((performance.now() - exchange.started) * 10) / 10,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function handleGraphQL<TContext extends ResponseCookies>(
  options: HttpOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  exchange: Exchange<TContext>,
) {
  response.setHeader('x-request-id', exchange.requestId);
  // Until the answer says otherwise (the hub's cache-control plugin), nothing at /graphql may be stored: errors
  // answered here or by Apollo before its plugins run (CSRF, a bad token) included.
  response.setHeader('cache-control', 'no-store');
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = request.method === 'POST' ? await readBody(request) : '';
  let body: unknown = raw;
  if (raw && headers.get('content-type')?.startsWith('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      exchange.codes = ['BAD_REQUEST'];
      sendJson(response, 400, {
        errors: [{ message: '请求体不是有效的 JSON (body is not valid JSON)', extensions: { code: 'BAD_REQUEST' } }],
      });
      return;
    }
  }
  const document =
    typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : url.searchParams.get('query');
  const operationName =
    typeof body === 'object' && body !== null
      ? (body as { operationName?: unknown }).operationName
      : url.searchParams.get('operationName');
  if (typeof operationName === 'string') exchange.operationName = operationName;
  if (typeof document === 'string' && document.length > MAX_DOCUMENT_CHARS) {
    exchange.codes = ['DOCUMENT_TOO_LARGE'];
    sendJson(response, 413, {
      errors: [
        {
          message: `查询文档过长 (documents are limited to ${MAX_DOCUMENT_CHARS} characters)`,
          extensions: { code: 'DOCUMENT_TOO_LARGE' },
        },
      ],
    });
    return;
  }
  // Each request counts its own SQL statements (the budget caps them once its document is costed).
  let contextValue: TContext | undefined;
  const result = await countingStatements(() =>
    options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => (contextValue = await options.context(request, exchange.requestId)),
    }),
  );
  exchange.context = contextValue;
  if (!contextValue?.outcome?.errorCodes && (result.status ?? 200) >= 400 && result.body.kind === 'complete')
    exchange.codes = codesIn(result.body.string);
  for (const [key, value] of result.headers) response.setHeader(key, value);
  // Resolvers (sign-in, sign-out) and the edge (a stale session) leave their cookies on the context.
  if (contextValue?.responseCookies?.length) response.setHeader('set-cookie', [...contextValue.responseCookies]);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** Answers /readyz: 200 when `ready` resolves, else 503 with the code it gave. */
async function handleReady(ready: (() => Promise<void>) | undefined, response: ServerResponse) {
  try {
    await ready?.();
  } catch (error) {
    const code = error instanceof NotReady ? error.code : 'NOT_READY';
    return sendJson(response, 503, {
      status: 'unavailable',
      errors: [{ message: '服务暂不可用 (not ready: the database does not answer)', extensions: { code } }],
    });
  }
  sendJson(response, 200, { status: 'ready' });
}

/**
 * The hub's HTTP face: /graphql, the staff console at /console/, GraphiQL at /graphiql, /healthz (the process
 * answers; nothing else is touched), /readyz (it can serve: its database answers) and /metrics.
 */
export function createHttpServer<TContext extends ResponseCookies>(options: HttpOptions<TContext>): Server {
  const logger = options.logger ?? asLogger(undefined);
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let exchange: Exchange<TContext> | undefined;
    const route = async () => {
      if (url.pathname === '/graphql') {
        if (applyCors(options.cors, request, response)) return;
        exchange = { requestId: requestIdOf(request), started: performance.now() };
        return handleGraphQL(options, request, response, url, exchange);
      }
      if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/readyz') return handleReady(options.ready, response);
      if (url.pathname === '/metrics' && options.metrics) {
        const answer = await options.metrics(request);
        return void response.writeHead(answer.status, answer.headers).end(answer.body);
      }
      if (url.pathname === '/console' || url.pathname.startsWith('/console/')) {
        if (url.pathname === '/console') return void response.writeHead(302, { location: '/console/' }).end();
        const asset = await consoleAsset(url.pathname);
        return void response.writeHead(asset.status, asset.headers).end(asset.body);
      }
      if (url.pathname === '/favicon.ico' || url.pathname === '/favicon.svg') {
        response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
        return void response.end(FAVICON_SVG);
      }
      if (options.graphiql !== false && (url.pathname === '/graphiql' || url.pathname === '/')) {
        if (url.pathname === '/') {
          response.writeHead(302, { location: '/graphiql' }).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void response.end(graphiqlPage('/graphql'));
      }
      if (options.graphiql !== false && url.pathname.startsWith('/graphiql/')) {
        const asset = await graphiqlAsset(url.pathname.slice('/graphiql/'.length));
        if (asset) {
          response.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
          return void response.end(asset.body);
        }
      }
      sendJson(response, 404, { errors: [{ message: '未找到 (not found)', extensions: { code: 'NOT_FOUND' } }] });
    };
    const failed = (error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof BodyTooLarge) {
        if (exchange) exchange.codes = ['PAYLOAD_TOO_LARGE'];
        // The rest of the body is never read, so this connection cannot carry another request.
        response.setHeader('connection', 'close');
        return sendJson(response, 413, {
          errors: [{ message: '请求体过大 (request body too large)', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
      }
      if (exchange) exchange.codes = ['INTERNAL_SERVER_ERROR'];
      logger.error(
        {
          requestId: exchange?.requestId,
          path: url.pathname,
          stack: error instanceof Error ? error.stack : String(error),
        },
        'http error',
      );
      sendJson(response, 500, {
        errors: [{ message: '服务器内部错误 (internal error)', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    };
    route()
      .catch(failed)
      .finally(() => {
        if (exchange) options.observe?.(outcomeOf(exchange, response.statusCode));
      });
  });
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops taking connections, lets requests in flight finish, then runs `cleanup`. Exits on a second signal. */
export function closeOnSignals(server: Server, cleanup: () => Promise<void>, logger: Logger): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      cleanup().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
