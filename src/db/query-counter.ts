import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts every SQL statement TypeORM sends, so tests can assert statements per request (a machine-independent
 * measure of batching) and benchmarks can report it. Errors are written to stderr; nothing else is logged.
 */
export class QueryCountingLogger implements Logger {
  count = 0;

  reset(): number {
    const previous = this.count;
    this.count = 0;
    return previous;
  }

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    process.stderr.write(`SQL error: ${error instanceof Error ? error.message : error} in ${query.slice(0, 200)}\n`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
