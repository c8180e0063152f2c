import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import {
  DataSource,
  type DataSourceOptions,
  type EntitySchema,
  type MixedList,
  type ObjectLiteral,
  type QueryRunner,
} from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { SnakeNamingStrategy } from './naming';
import { QueryCountingLogger } from './query-counter';
import { migrations as mysqlMigrations } from './migrations';
import { migrations as postgresMigrations } from './postgres-migrations';
import { positionalParameters } from './dialect';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql' | 'postgres'; host: string; port: number; user: string; password: string; database: string };

/** A server database (MySQL/MariaDB or PostgreSQL): migrated, pooled, reached over the network. */
export type ServerTarget = Extract<DatabaseTarget, { kind: 'mysql' | 'postgres' }>;

/** MariaDB reports column defaults differently from MySQL; TypeORM needs to know which it talks to. */
type MysqlFlavour = 'mysql' | 'mariadb';

export class DatabaseError extends Error {}

/** `sqlite:<file>`, `mysql://user:pass@host:port/db` or `postgres://…` (postgresql://); anything else is refused with one clear line. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new DatabaseError(`DATABASE_URL "${url}" names no SQLite file (try sqlite:data/wushe.sqlite)`);
    return { kind: 'sqlite', file };
  }
  const server = /^(mysql|mariadb|postgres|postgresql):\/\//.exec(url);
  if (server) {
    const kind = server[1] === 'mysql' || server[1] === 'mariadb' ? 'mysql' : 'postgres';
    const scheme = kind === 'mysql' ? 'mysql' : 'postgres';
    const example = kind === 'mysql' ? 'mysql://user@host:3306/wushe' : 'postgres://user@host:5432/wushe';
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseError(`DATABASE_URL "${url}" is not a valid ${scheme}:// URL`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new DatabaseError(`DATABASE_URL "${url}" names no database (${example})`);
    return {
      kind,
      host: parsed.hostname || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : kind === 'mysql' ? 3306 : 5432,
      user: decodeURIComponent(parsed.username || (kind === 'mysql' ? 'root' : 'postgres')),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  throw new DatabaseError(
    `DATABASE_URL "${url}" is not supported: use sqlite:<file>, mysql://user:pass@host:port/database or postgres://user:pass@host:port/database`,
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
  const common = { entities, namingStrategy: new SnakeNamingStrategy(), logger, logging: true as const };
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
  if (target.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      host: target.host,
      port: target.port,
      username: target.user,
      password: target.password,
      database: target.database,
      poolSize: config.poolSize,
      extra: { max: config.poolSize, connectionTimeoutMillis: 5000 },
      migrations: postgresMigrations,
      migrationsRun: false,
      synchronize: false,
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
    migrations: mysqlMigrations,
    migrationsRun: false,
    synchronize: false,
  };
}

/**
 * PostgreSQL, made to answer like the other two: raw SQL keeps its `?` placeholders (renumbered here, the one
 * place every raw statement passes), and datetimes are stored to the whole second, as MariaDB's DATETIME and our
 * SQLite rows keep them (PostgreSQL's timestamp would keep microseconds, so a value read back would differ).
 */
class PostgresDataSource extends DataSource {
  constructor(options: DataSourceOptions) {
    super(options);
    const driver = this.driver;
    const prepare = driver.preparePersistentValue.bind(driver);
    driver.preparePersistentValue = (value, column) => {
      const prepared: unknown = prepare(value, column);
      return prepared instanceof Date ? new Date(Math.floor(prepared.getTime() / 1000) * 1000) : prepared;
    };
  }

  override query<T = unknown>(
    query: string,
    parameters?: unknown[] | ObjectLiteral,
    queryRunner?: QueryRunner,
  ): Promise<T> {
    return super.query<T>(positionalParameters(query), parameters as unknown[], queryRunner);
  }
}

async function detectFlavour(target: ServerTarget): Promise<MysqlFlavour> {
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
    const options = optionsFor(target, flavour, config, entities, queries);
    const dataSource = target.kind === 'postgres' ? new PostgresDataSource(options) : new DataSource(options);
    await dataSource.initialize();
    return { dataSource, target, queries };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = target.kind === 'sqlite' ? target.file : `${target.host}:${target.port}/${target.database}`;
    throw new DatabaseError(`cannot open the ${target.kind} database at ${where}: ${reason}`);
  }
}

/** Applies pending migrations on MySQL/MariaDB and PostgreSQL; SQLite synchronises on open instead. */
export async function migrate(database: Database): Promise<string[]> {
  if (database.target.kind === 'sqlite') return [];
  const applied = await database.dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
