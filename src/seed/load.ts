import { SingleBar, Presets } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { idSequencePastRowsSql } from '../db/dialect';
import type { TableRows } from './rows';

/** Rows per INSERT: well under SQLite's 32,766 and MySQL's 65,535 placeholders for our widest table. */
const ROWS_PER_STATEMENT = 500;

export interface LoadOptions {
  /**
   * Report progress on stderr (the CLI does; tests do not): a bar on a terminal, one line per table otherwise
   * (a service manager's log shows how far a load got).
   */
  progress?: boolean;
}

/**
 * Empties the tables and loads the dataset with multi-row INSERTs in ONE transaction, with values converted by
 * TypeORM's driver so dates and booleans land the same way in SQLite and MySQL. One transaction makes the load
 * all-or-nothing: a process killed half-way leaves the database as it was before (empty on a first run, so the
 * next start loads it again), never a partial city that would be served as if it were whole. Measured at full
 * scale (442k rows) it costs no more time or memory than one transaction per table did.
 */
export async function loadDataset(
  dataSource: DataSource,
  tables: TableRows[],
  options: LoadOptions = {},
): Promise<number> {
  const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
  const terminal = process.stderr.isTTY === true;
  const bar =
    options.progress && terminal
      ? new SingleBar(
          { format: '载入数据 {bar} {percentage}% | {value}/{total} rows | {table}', hideCursor: true },
          Presets.shades_classic,
        )
      : undefined;
  const line = options.progress && !terminal ? (text: string) => process.stderr.write(`${text}\n`) : undefined;
  let written = 0;
  bar?.start(total, 0, { table: '' });
  const escape = (name: string) => dataSource.driver.escape(name);
  await dataSource.transaction(async (manager) => {
    for (const { entity } of [...tables].reverse()) {
      await manager.query(`DELETE FROM ${escape(dataSource.getMetadata(entity).tablePath)}`);
    }
    for (const { entity, rows } of tables) {
      const metadata = dataSource.getMetadata(entity);
      const columns = metadata.columns.filter((c) => rows.some((row) => row[c.propertyName] !== undefined));
      const head = `INSERT INTO ${escape(metadata.tablePath)} (${columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES `;
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const parameters = chunk.flatMap((row) =>
          columns.map((column) => dataSource.driver.preparePersistentValue(row[column.propertyName] ?? null, column)),
        );
        await manager.query(head + chunk.map(() => tuple).join(', '), parameters);
        bar?.increment(chunk.length, { table: metadata.tableName });
      }
      for (const generated of metadata.columns.filter((c) => c.isGenerated && c.generationStrategy === 'increment')) {
        const sql = idSequencePastRowsSql(dataSource, metadata.tablePath, generated.databaseName);
        if (sql) await manager.query(sql);
      }
      written += rows.length;
      line?.(`载入数据 ${metadata.tableName}: ${rows.length} rows, ${written}/${total} (not committed yet)`);
    }
  });
  bar?.stop();
  return total;
}
