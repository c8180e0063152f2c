import type { IncomingMessage } from 'node:http';
import { AuditEntry } from '../audit/audit-entry.entity';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import type { Database } from '../db/data-source';
import { clientOperationNames, Metrics, metricsEndpoint, type MetricsAnswer, type RequestOutcome } from './metrics';

/** How long /readyz waits for the database before it answers 503. */
export const READY_TIMEOUT_MS = 2000;

export class NotReady extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * /readyz: within `timeoutMs` the database answers a statement on the audit table, which every wushe process's
 * database holds (so a database dropped or replaced under a running process counts too, not only a lost
 * connection); it reads no row. Otherwise NotReady(DATABASE_UNREACHABLE). The reason is logged when readiness is
 * lost and again when it returns, not at every probe.
 */
export function databaseReadiness(database: Database, logger: Logger, timeoutMs = READY_TIMEOUT_MS) {
  const { dataSource } = database;
  const probe = `SELECT 1 FROM ${dataSource.driver.escape(dataSource.getMetadata(AuditEntry).tableName)} WHERE 1 = 0`;
  let ready = true;
  return async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        dataSource.query(probe),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      if (ready) logger.warn({ reason: (error as Error)?.message ?? String(error) }, 'not ready: database unreachable');
      ready = false;
      throw new NotReady('DATABASE_UNREACHABLE');
    } finally {
      clearTimeout(timer);
    }
    if (!ready) logger.info('ready again: the database answers');
    ready = true;
  };
}

export interface Observability {
  /** Told of every GraphQL request once answered: writes its log line and counts it. */
  observe(outcome: RequestOutcome): void;
  /** Answers /readyz. */
  ready(): Promise<void>;
  /** Answers /metrics; absent when metrics are off (METRICS=off, or production without METRICS_TOKEN). */
  metrics?: (request: IncomingMessage) => Promise<MetricsAnswer>;
}

/** Logs, metrics and readiness of one serving process (hub, gateway or subgraph), as the HTTP face uses them. */
export function observability(
  config: Pick<Config, 'budget' | 'database' | 'metrics'>,
  database: Database,
  logger: Logger,
): Observability {
  const metrics = config.metrics.enabled ? new Metrics(config, database, clientOperationNames()) : undefined;
  return {
    observe(outcome) {
      logger.info(outcome, 'graphql');
      metrics?.observe(outcome);
    },
    ready: databaseReadiness(database, logger),
    metrics: metrics && metricsEndpoint(metrics, config.metrics.token),
  };
}
