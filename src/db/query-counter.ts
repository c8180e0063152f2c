import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';
import { DomainError } from '../errors';

/** The SQL statements of one request so far, and how many it may send (set once its document is costed). */
export interface RequestStatements {
  count: number;
  limit: number;
}

/**
 * The request a statement belongs to. The HTTP server runs each GraphQL request inside its own store; the in-process
 * gateway, subgraphs and DataLoader batches all continue in that request's async context.
 */
export const requestStatements = new AsyncLocalStorage<RequestStatements>();

/** Runs one request's work with its own statement count (no limit until one is set). */
export function countingStatements<T>(work: () => T): T {
  return requestStatements.run({ count: 0, limit: Number.POSITIVE_INFINITY }, work);
}

export class StatementLimitError extends DomainError {
  constructor(limit: number) {
    super(
      'COST_LIMIT_EXCEEDED',
      `查询代价过高,已超过每个请求 ${limit} 条 SQL 语句的上限 (over ${limit} SQL statements per request)`,
      {
        statementLimit: limit,
      },
    );
  }
}

/**
 * Counts every SQL statement TypeORM sends, so tests can assert statements per request (a machine-independent
 * measure of batching) and benchmarks can report it. Errors go to `errorLog` (a server sets its JSON log there;
 * stderr until then); nothing else is logged.
 */
export class QueryCountingLogger implements Logger {
  count = 0;
  errorLog: (message: string, statement: string) => void = (message, statement) =>
    process.stderr.write(`SQL error: ${message} in ${statement}\n`);

  reset(): number {
    const previous = this.count;
    this.count = 0;
    return previous;
  }

  /** Called before each statement is sent: the runtime guard behind the static cost estimate. */
  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count += 1;
    const request = requestStatements.getStore();
    if (request && ++request.count > request.limit) throw new StatementLimitError(request.limit);
  }

  logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    this.errorLog(error instanceof Error ? error.message : error, query.slice(0, 200));
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
