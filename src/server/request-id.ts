import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What an incoming `x-request-id` may be: short, and only characters no log or header reader can trip on. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The one place a request's id is chosen: the caller's `x-request-id` when it is sane (a router or a proxy in front
 * names the request, and a subgraph behind the hub gets the hub's), otherwise a new UUID. It is echoed in the
 * answer's `x-request-id`, named in the request's log line, in masked errors and in the audit log. When traces
 * arrive, this is where the trace id can become the request id.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
