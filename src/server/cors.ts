import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsConfig } from '../config/config';

/** What a page on a listed origin may send: JSON, a bearer token, Apollo's CSRF header, tracing and request ids. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'traceparent',
  'tracestate',
].join(', ');
/** What its script may read of an answer besides the simple headers: when to retry, and the request's id. */
const EXPOSED_HEADERS = 'retry-after, x-request-id';
/** Browsers reuse a preflight this long: an origin taken off the list stops working within ten minutes. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for /graphql: a page on an origin listed in CORS_ORIGINS may call the hub; any other origin gets no
 * Access-Control-Allow-Origin, so the browser keeps the answer from its script. Requests are never refused for
 * their Origin (a same-origin POST carries one too); the browser does the refusing. The preflight of an unlisted
 * origin is answered 403, which says why in the network panel.
 *
 * Cookies: without CORS_CREDENTIALS=on no Access-Control-Allow-Credentials is sent, so a browser lets no request
 * carrying cookies through a preflight, and Apollo's csrfPrevention refuses those that need none: the console's
 * session stays same-origin. With it on, listed origins are trusted with the session as the console is.
 *
 * Returns true when it has answered the request (a preflight).
 */
export function applyCors(config: CorsConfig | undefined, request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin;
  const origins = config?.origins ?? [];
  const listed = origin !== undefined && origins.includes(origin);
  // The answer depends on Origin whenever a list is set: a shared cache must not hand one origin's answer to another.
  if (origins.length) response.setHeader('vary', 'Origin');
  if (listed) {
    response.setHeader('access-control-allow-origin', origin);
    if (config?.credentials) response.setHeader('access-control-allow-credentials', 'true');
  }
  const preflight =
    request.method === 'OPTIONS' &&
    origin !== undefined &&
    request.headers['access-control-request-method'] !== undefined;
  if (!preflight) {
    if (listed) response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    return false;
  }
  if (!listed) {
    response.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      JSON.stringify({
        errors: [
          {
            message:
              '此来源不能跨域调用本服务 (this origin may not call the hub; the operator lists origins in CORS_ORIGINS)',
            extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED' },
          },
        ],
      }),
    );
    return true;
  }
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    'cache-control': 'no-store',
  });
  response.end();
  return true;
}
