import { SingleBar, Presets } from 'cli-progress';
import type { DataSource } from 'typeorm';
import type { TableRows } from './generate';

/** Rows per INSERT: well under SQLite's 32,766 and MySQL's 65,535 placeholders for our widest table. */
const ROWS_PER_STATEMENT = 500;

export interface LoadOptions {
  /** Show a progress bar on stderr (the CLI does; tests do not). */
  progress?: boolean;
}

/**
 * Empties the tables and loads the dataset with multi-row INSERTs, one transaction per table, with values
 * converted by TypeORM's driver so dates and booleans land the same way in SQLite and MySQL.
 */
export async function loadDataset(
  dataSource: DataSource,
  tables: TableRows[],
  options: LoadOptions = {},
): Promise<number> {
  const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
  const bar = options.progress
    ? new SingleBar(
        { format: '载入数据 {bar} {percentage}% | {value}/{total} rows | {table}', hideCursor: true },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(total, 0, { table: '' });
  const escape = (name: string) => dataSource.driver.escape(name);
  for (const { entity } of [...tables].reverse()) {
    await dataSource.query(`DELETE FROM ${escape(dataSource.getMetadata(entity).tablePath)}`);
  }
  for (const { entity, rows } of tables) {
    const metadata = dataSource.getMetadata(entity);
    const columns = metadata.columns.filter((c) => rows.some((row) => row[c.propertyName] !== undefined));
    const head = `INSERT INTO ${escape(metadata.tablePath)} (${columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await dataSource.transaction(async (manager) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const parameters = chunk.flatMap((row) =>
          columns.map((column) => dataSource.driver.preparePersistentValue(row[column.propertyName] ?? null, column)),
        );
        await manager.query(head + chunk.map(() => tuple).join(', '), parameters);
        bar?.increment(chunk.length, { table: metadata.tableName });
      }
    });
  }
  bar?.stop();
  return total;
}
