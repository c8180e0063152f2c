import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../../src/config/config';
import { migrate, openDatabase, parseDatabaseUrl, type Database, type EntityList } from '../../src/db/data-source';
import { allEntities } from '../../src/subgraphs/registry';

/**
 * A fresh database per test file: a temporary SQLite file by default, or a new database on the MySQL/MariaDB
 * server named by DATABASE_URL (the same suite runs on both; CI does both).
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
  if (target.kind !== 'mysql') throw new Error('unreachable');
  const name = `wushe_test_${suffix}`;
  const server = { host: target.host, port: target.port, user: target.user, password: target.password };
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = `mysql://${encodeURIComponent(target.user)}:${encodeURIComponent(target.password)}@${target.host}:${target.port}/${name}`;
  return {
    url,
    open: async (pool = {}) => {
      const database = await openDatabase(loadConfig({ ...pool, DATABASE_URL: url }).database, allEntities());
      await migrate(database);
      return database;
    },
    drop: async () => {
      const connection = await createConnection(server);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** An in-memory SQLite database holding only `entities`: for unit tests of rules that run a query or two. */
export function openMemoryDatabase(entities: EntityList): Promise<Database> {
  return openDatabase(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database, entities);
}
