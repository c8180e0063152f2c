import { inspect } from 'node:util';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../config/logger';
import { BUSY_RETRY_SECONDS, serviceBusy } from './admission';
import type { HubContext } from './context';

// How errors leave the graph, in the hub and in subgraphs served alone; the coded errors themselves: src/errors.ts.

/** Codes a client may see as they are; anything without one is a bug and is masked. */
function clientCode(code: unknown): code is string {
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && code !== 'DOWNSTREAM_SERVICE_ERROR';
}

/** The connection pool turning work away (mysql2's queue is full, pg-pool's wait timed out): overload, not a bug. */
export function isPoolSaturation(message: string): boolean {
  return /Queue limit reached|Timeout acquiring a connection|connection pool.*timeout|timeout exceeded when trying to connect/i.test(
    message,
  );
}

/** graphql-js suggests names ("Did you mean …?") in validation and coercion messages; production leaks none. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean[^?]*\?/g, '');
}

/** The text, stack and fields of anything thrown, for the log (never `[object Object]`). */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) {
    const cause = thrown.cause === undefined ? '' : `\ncaused by: ${describeThrown(thrown.cause)}`;
    return `${thrown.stack ?? `${thrown.name}: ${thrown.message}`}${cause}`;
  }
  return inspect(thrown, { depth: 4, breakLength: Infinity });
}

/**
 * Apollo's formatError for the hub and for subgraphs served alone: an error that carries a code meant for clients
 * passes (without a stack trace); a full connection pool becomes SERVICE_BUSY; anything else is masked (the error
 * plugin below logs it with the request id and puts that id in the answer).
 */
export function createErrorFormatter(production = false) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const message = production ? withoutSuggestions(formatted.message) : formatted.message;
    if (clientCode(code)) {
      const {
        stacktrace: _stacktrace,
        exception: _exception,
        serviceName: _serviceName,
        ...extensions
      } = formatted.extensions ?? {};
      return { ...formatted, message, extensions };
    }
    if (isPoolSaturation(formatted.message)) {
      return {
        message: serviceBusy().message,
        path: formatted.path,
        extensions: { code: 'SERVICE_BUSY', retryAfterSeconds: BUSY_RETRY_SECONDS },
      };
    }
    return {
      message: '服务器内部错误,请稍后再试 (internal error)',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Logs every unexpected error with its message, stack and the request id, and hands the same request id back in
 * the answer's masked errors so a report can be matched to the log. An answer carrying SERVICE_BUSY (a full pool)
 * is HTTP 503 with Retry-After.
 */
export function errorPlugin(logger: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (clientCode(error.extensions?.code) || isPoolSaturation(error.message)) continue;
            // An in-process subgraph sends the stack of what it caught along (see CachedLocalDataSource).
            const stacktrace = error.extensions?.stacktrace;
            const stack = Array.isArray(stacktrace)
              ? stacktrace.join('\n')
              : describeThrown(unwrapResolverError(error.originalError ?? error));
            logger.error(
              { requestId: contextValue.requestId, path: error.path?.join('.'), error: error.message, stack },
              'unexpected error',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_BUSY')
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
          // Variables that do not coerce (checked by a subgraph for scalars the gateway passes through) stop the
          // request before it runs, as they do at the gateway: HTTP 400.
          const data = response.body.singleResult.data;
          if (
            (data === null || data === undefined) &&
            errors.length &&
            errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && !e.path)
          )
            response.http.status = 400;
          if (errors.some((e) => e.extensions?.code === 'SERVICE_BUSY')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(BUSY_RETRY_SECONDS));
          }
          for (const error of errors) {
            const seconds = error.extensions?.retryAfterSeconds;
            if (error.extensions?.code === 'RATE_LIMITED' && typeof seconds === 'number')
              response.http.headers.set('retry-after', String(seconds));
          }
        },
      };
    },
  };
}
