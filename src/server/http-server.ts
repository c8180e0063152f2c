import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { CorsConfig } from '../config/config';
import { countingStatements } from '../db/query-counter';
import { consoleAsset } from './console-assets';
import { applyCors } from './cors';
import { FAVICON_SVG, graphiqlAsset, graphiqlPage } from './graphiql';

/** Largest request body accepted; a GraphQL document plus variables is far smaller. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longest GraphQL document accepted (characters, comments and whitespace included); GraphiQL's introspection is ~1,700. */
export const MAX_DOCUMENT_CHARS = 10_000;

class BodyTooLarge extends Error {}

/** What the HTTP face reads back from a request's context: the cookies its answer sets. */
export interface ResponseCookies {
  responseCookies?: readonly string[];
}

export interface HttpOptions<TContext extends ResponseCookies> {
  apollo: ApolloServer<TContext>;
  /** The per-request context; may throw a coded GraphQLError (e.g. a bad token → 401). */
  context: (request: IncomingMessage) => Promise<TContext> | TContext;
  /** Answers /healthz; throws when the service is not healthy. */
  health?: () => Promise<void>;
  graphiql?: boolean;
  /** Pages on other origins allowed to call /graphql (none: same origin only). */
  cors?: CorsConfig;
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
) {
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
      sendJson(response, 400, {
        errors: [{ message: '请求体不是有效的 JSON (body is not valid JSON)', extensions: { code: 'BAD_REQUEST' } }],
      });
      return;
    }
  }
  const document =
    typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : url.searchParams.get('query');
  if (typeof document === 'string' && document.length > MAX_DOCUMENT_CHARS) {
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
      context: async () => (contextValue = await options.context(request)),
    }),
  );
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

/** The hub's HTTP face: /graphql, the staff console at /console/, GraphiQL at /graphiql, /healthz. */
export function createHttpServer<TContext extends ResponseCookies>(options: HttpOptions<TContext>): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/graphql') {
        if (applyCors(options.cors, request, response)) return;
        return handleGraphQL(options, request, response, url);
      }
      if (url.pathname === '/healthz') {
        await options.health?.();
        return sendJson(response, 200, { status: 'ok' });
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
    route().catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read, so this connection cannot carry another request.
        response.setHeader('connection', 'close');
        return sendJson(response, 413, {
          errors: [{ message: '请求体过大 (request body too large)', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
      }
      const healthCheck = url.pathname === '/healthz';
      if (!healthCheck) process.stderr.write(`http error: ${error instanceof Error ? error.stack : String(error)}\n`);
      sendJson(response, healthCheck ? 503 : 500, {
        errors: [
          {
            message: healthCheck ? '服务不可用 (unhealthy)' : '服务器内部错误 (internal error)',
            extensions: { code: healthCheck ? 'UNHEALTHY' : 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
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
export function closeOnSignals(server: Server, cleanup: () => Promise<void>, log: (line: string) => void): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    log(`${signal}: shutting down`);
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
