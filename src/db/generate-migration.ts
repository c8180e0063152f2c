import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseConfig } from '../config/config';
import { projectRoot } from '../config/paths';
import { DatabaseError, migrate, openDatabase, type EntityList } from './data-source';

const quote = (sql: string) => JSON.stringify(sql);

/** Each server backend keeps its own migrations: their SQL differs (types, quoting, index syntax). */
const MIGRATION_DIRECTORIES = { mysql: 'migrations', postgres: 'postgres-migrations' } as const;

/**
 * Writes src/db/<migrations dir>/<timestamp>-<name>.ts with the statements that bring a migrated MySQL/MariaDB or
 * PostgreSQL schema up to `entities` (every subgraph's), and registers it in that directory's index.ts.
 */
export async function writeMigration(config: DatabaseConfig, entities: EntityList, name: string): Promise<string> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new DatabaseError('migration names are PascalCase, e.g. AddNeedTags');
  const database = await openDatabase(config, entities);
  try {
    const kind = database.target.kind;
    if (kind === 'sqlite')
      throw new DatabaseError(
        'generate migrations against MySQL/MariaDB or PostgreSQL (DATABASE_URL=mysql://… or postgres://…)',
      );
    const dir = join(projectRoot(), 'src', 'db', MIGRATION_DIRECTORIES[kind]);
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
    const file = join(dir, `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    writeMigrationIndex(dir, kind === 'mysql' ? 'MySQL/MariaDB' : 'PostgreSQL', kind);
    return file;
  } finally {
    await database.dataSource.destroy();
  }
}

/** Rewrites migrations/index.ts from the migration files present, oldest first. */
function writeMigrationIndex(dir: string, backend: string, scheme: string): void {
  const files = readdirSync(dir)
    .filter((file) => /^\d+-[A-Za-z0-9]+\.ts$/.test(file))
    .sort();
  const classes = files.map((file) => {
    const [timestamp, name] = file.replace(/\.ts$/, '').split('-');
    return { file: file.replace(/\.ts$/, ''), className: `${name}${timestamp}` };
  });
  const text = [
    ...classes.map(({ file, className }) => `import { ${className} } from './${file}';`),
    '',
    `// Migrations for ${backend}, oldest first. Generate a new one after changing entities:`,
    `// \`npm run build && DATABASE_URL=${scheme}://… node dist/src/cli.js migration:generate <Name>\` against a migrated database.`,
    '// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type',
    `export const migrations: Function[] = [${classes.map((c) => c.className).join(', ')}];`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'index.ts'), text);
}
