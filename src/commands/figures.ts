import type { DataSource, EntityManager } from 'typeorm';
import { rebuildTallies, verifyTallies, type FigureDifference } from '../db/figure-tally';
import { oneWriteAtATime } from '../db/sqlite-writes';
import { allFigureTallies } from '../subgraphs/registry';

/**
 * One snapshot for the whole transaction: MySQL's REPEATABLE READ gives it by default and SQLite queues the
 * transaction with the writes, but PostgreSQL's default READ COMMITTED takes a new snapshot per statement.
 */
export function inOneSnapshot<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return oneWriteAtATime(dataSource, () =>
    dataSource.options.type === 'postgres'
      ? dataSource.transaction('REPEATABLE READ', work)
      : dataSource.transaction(work),
  );
}

/** Differences listed in full before the rest are only counted. */
const LISTED = 50;

/**
 * Compares every maintained figure with the same figure counted afresh from the rows, both read in one snapshot
 * while the hub keeps writing.
 */
export function verifyFigures(dataSource: DataSource): Promise<{ checked: number; differences: FigureDifference[] }> {
  return inOneSnapshot(dataSource, (manager) => verifyTallies(manager, allFigureTallies()));
}

/** The migration that created the tallies: applying it to a database that already holds rows fills them. */
export const TALLY_MIGRATION = 'AddFigureTallies1795801929812';

/**
 * Fills every tally from the rows, in one transaction: after `wushe migrate` created the tables on a database that
 * already has data (the seed fills them itself).
 */
export function rebuildFigures(dataSource: DataSource): Promise<void> {
  return inOneSnapshot(dataSource, (manager) => rebuildTallies(manager, allFigureTallies()));
}

/** The command's report: one OK line, or one line per difference (the first 50) and a count. */
export function figureReport(result: { checked: number; differences: FigureDifference[] }): string {
  if (result.differences.length === 0) {
    return `OK: ${result.checked} maintained figures equal a fresh COUNT/SUM\n`;
  }
  const lines = result.differences
    .slice(0, LISTED)
    .map((d) => `${d.tally} ${d.key} ${d.figure}: maintained ${d.maintained}, fresh ${d.fresh}`);
  if (result.differences.length > LISTED) lines.push(`… and ${result.differences.length - LISTED} more`);
  lines.push(`${result.differences.length} of ${result.checked} maintained figures differ from a fresh COUNT/SUM`);
  return `${lines.join('\n')}\n`;
}
