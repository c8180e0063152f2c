import { GraphQLError } from 'graphql';

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
