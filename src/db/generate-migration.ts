import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseConfig } from '../config/config';
import { projectRoot } from '../config/paths';
import { allEntities } from '../federation/registry';
import { DatabaseError, migrate, openDatabase } from './data-source';

const quote = (sql: string) => JSON.stringify(sql);

/**
 * Writes src/db/migrations/<timestamp>-<name>.ts with the statements that bring a migrated MySQL/MariaDB
 * schema up to the entities, and registers it in migrations/index.ts.
 */
export async function writeMigration(config: DatabaseConfig, name: string): Promise<string> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new DatabaseError('migration names are PascalCase, e.g. AddNeedTags');
  const database = await openDatabase(config, allEntities());
  try {
    if (database.target.kind !== 'mysql')
      throw new DatabaseError('generate migrations against MySQL/MariaDB (DATABASE_URL=mysql://…)');
    await migrate(database);
    const sql = await database.dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) throw new DatabaseError('the entities match the schema: nothing to migrate');
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
    const down = [...sql.downQueries]
      .reverse()
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .join('\n');
    const file = join(projectRoot(), 'src', 'db', 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    const index = join(projectRoot(), 'src', 'db', 'migrations', 'index.ts');
    const text = readFileSync(index, 'utf8')
      .replace(/^(\/\/ Migrations)/m, `import { ${className} } from './${timestamp}-${name}';\n\n$1`)
      .replace(/= \[(.*)\];/s, (_m, list: string) => `= [${[list.trim(), className].filter(Boolean).join(', ')}];`);
    writeFileSync(index, text);
    return file;
  } finally {
    await database.dataSource.destroy();
  }
}
