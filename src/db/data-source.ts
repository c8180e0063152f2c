import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { SnakeNamingStrategy } from './naming';
import { QueryCountingLogger } from './query-counter';
import { migrations } from './migrations';
import { SearchIndexSubscriber } from './search-index';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; host: string; port: number; user: string; password: string; database: string };

/** MariaDB reports column defaults differently from MySQL; TypeORM needs to know which it talks to. */
type MysqlFlavour = 'mysql' | 'mariadb';

export class DatabaseError extends Error {}

/** `sqlite:<file>` or `mysql://user:pass@host:port/db`; anything else is refused with one clear line. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new DatabaseError(`DATABASE_URL "${url}" names no SQLite file (try sqlite:data/wushe.sqlite)`);
    return { kind: 'sqlite', file };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new DatabaseError(`DATABASE_URL "${url}" is not a valid mysql:// URL`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new DatabaseError(`DATABASE_URL "${url}" names no database (mysql://user@host:3306/wushe)`);
    return {
      kind: 'mysql',
      host: parsed.hostname || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 3306,
      user: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  throw new DatabaseError(
    `DATABASE_URL "${url}" is not supported: use sqlite:<file> or mysql://user:pass@host:port/database`,
  );
}

export interface Database {
  dataSource: DataSource;
  target: DatabaseTarget;
  queries: QueryCountingLogger;
}

function optionsFor(
  target: DatabaseTarget,
  flavour: MysqlFlavour,
  config: DatabaseConfig,
  entities: EntityList,
  logger: QueryCountingLogger,
): DataSourceOptions {
  const common = {
    entities,
    // Keeps the search index in each write's own transaction (search-index.ts).
    subscribers: [SearchIndexSubscriber],
    namingStrategy: new SnakeNamingStrategy(),
    logger,
    logging: true as const,
  };
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      // The embedded database has no migration history to protect; its schema follows the entities.
      synchronize: true,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    ...common,
    type: flavour,
    host: target.host,
    port: target.port,
    username: target.user,
    password: target.password,
    database: target.database,
    charset: 'utf8mb4_unicode_ci',
    poolSize: config.poolSize,
    extra: { connectionLimit: config.poolSize, queueLimit: config.queueLimit, connectTimeout: 5000 },
    migrations,
    migrationsRun: false,
    synchronize: false,
  };
}

async function detectFlavour(target: Extract<DatabaseTarget, { kind: 'mysql' }>): Promise<MysqlFlavour> {
  const connection = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    connectTimeout: 5000,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return String((rows as { version: string }[])[0].version).includes('MariaDB') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Connects (and for SQLite creates) the database; an unreachable one fails with one clear line. */
export async function openDatabase(config: DatabaseConfig, entities: EntityList): Promise<Database> {
  const target = parseDatabaseUrl(config.url);
  const queries = new QueryCountingLogger();
  try {
    const flavour = target.kind === 'mysql' ? await detectFlavour(target) : 'mysql';
    const dataSource = new DataSource(optionsFor(target, flavour, config, entities, queries));
    await dataSource.initialize();
    return { dataSource, target, queries };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = target.kind === 'sqlite' ? target.file : `${target.host}:${target.port}/${target.database}`;
    throw new DatabaseError(`cannot open the ${target.kind} database at ${where}: ${reason}`);
  }
}

/** Applies pending migrations on MySQL/MariaDB; SQLite synchronises on open instead. */
export async function migrate(database: Database): Promise<string[]> {
  if (database.target.kind !== 'mysql') return [];
  const applied = await database.dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
