import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/config';
import { migrate, openDatabase, parseDatabaseUrl, type Database, type EntityList } from '../../src/db/data-source';
import { allEntities } from '../../src/subgraphs/registry';

/**
 * A fresh database per test file: a temporary SQLite file by default, or a new database on the MySQL/MariaDB or
 * PostgreSQL server named by DATABASE_URL (the same suite runs on all three; CI does all three).
 */
export interface TestDatabase {
  url: string;
  /** Opens it; `pool` overrides DB_POOL_SIZE / DB_QUEUE_LIMIT (MySQL/MariaDB only). */
  open(pool?: Record<string, string | undefined>): Promise<Database>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  const suffix = randomBytes(4).toString('hex');
  if (!base || base.startsWith('sqlite:')) {
    const file = join(tmpdir(), `wushe-test-${process.pid}-${suffix}.sqlite`);
    const url = `sqlite:${file}`;
    return {
      url,
      open: () => openDatabase(loadConfig({ DATABASE_URL: url }).database, allEntities()),
      drop: async () => {
        for (const extension of ['', '-wal', '-shm']) rmSync(file + extension, { force: true });
      },
    };
  }
  const target = parseDatabaseUrl(base);
  if (target.kind === 'sqlite') throw new Error('unreachable');
  const name = `wushe_test_${suffix}`;
  const server = { host: target.host, port: target.port, user: target.user, password: target.password };
  const admin = target.kind === 'mysql' ? mysqlAdmin(server) : postgresAdmin({ ...server, database: target.database });
  await admin.run(
    target.kind === 'mysql'
      ? `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
      : `CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`,
  );
  const url = `${target.kind}://${encodeURIComponent(target.user)}:${encodeURIComponent(target.password)}@${target.host}:${target.port}/${name}`;
  return {
    url,
    open: async (pool = {}) => {
      const database = await openDatabase(loadConfig({ ...pool, DATABASE_URL: url }).database, allEntities());
      await migrate(database);
      return database;
    },
    drop: () =>
      admin.run(
        target.kind === 'mysql'
          ? `DROP DATABASE IF EXISTS \`${name}\``
          : `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
      ),
  };
}

interface Server {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Runs one administrative statement on its own short connection. */
interface Admin {
  run(sql: string): Promise<void>;
}

function mysqlAdmin(server: Server): Admin {
  return {
    run: async (sql) => {
      const connection = await createConnection(server);
      try {
        await connection.query(sql);
      } finally {
        await connection.end();
      }
    },
  };
}

/** Connects to the database DATABASE_URL names (e.g. postgres) to create and drop the per-file ones. */
function postgresAdmin(server: Server & { database: string }): Admin {
  return {
    run: async (sql) => {
      const client = new Client(server);
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
  };
}

/** An in-memory SQLite database holding only `entities`: for unit tests of rules that run a query or two. */
export function openMemoryDatabase(entities: EntityList): Promise<Database> {
  return openDatabase(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database, entities);
}
