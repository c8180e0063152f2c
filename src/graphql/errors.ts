import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/**
 * A rule broken by the caller. Services throw these with an English code for API clients and a Chinese message
 * for residents. They are GraphQLErrors so the code survives the hop from a subgraph through the gateway.
 */
export class DomainError extends GraphQLError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }

  get code(): string {
    return String(this.extensions.code);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string | number) {
    super('NOT_FOUND', `未找到${what}:${id}`, { id: String(id) });
  }
}

/** A parallel request kept changing the same rows; the request did nothing and may be sent again. */
export class ConflictError extends DomainError {
  constructor() {
    super(
      'CONFLICT',
      '操作冲突,请稍后重试 (the request conflicted with parallel changes; nothing was changed, retry it)',
    );
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, details);
  }
}

export interface ErrorLogger {
  (message: string): void;
}

/**
 * Apollo's formatError for the hub and for subgraphs served alone: an error that carries a code meant for clients
 * passes (without a stack trace); anything unexpected is logged and masked.
 */
export function createErrorFormatter(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && code !== 'DOWNSTREAM_SERVICE_ERROR') {
      const {
        stacktrace: _stacktrace,
        exception: _exception,
        serviceName: _serviceName,
        ...extensions
      } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    log(`unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return {
      message: '服务器内部错误,请稍后再试 (internal error)',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
