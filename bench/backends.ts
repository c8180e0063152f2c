import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * Where the bench seeds its cities: a temporary SQLite file, or a throw-away database named `wushe_bench_…` on
 * the MariaDB server at BENCH_MYSQL or the PostgreSQL server at BENCH_POSTGRES. Each database is dropped after
 * its scale has run, also when the run fails.
 */
export interface Backend {
  name: 'SQLite' | 'MariaDB' | 'PostgreSQL';
  /** Creates an empty database for `label` and answers its DATABASE_URL. */
  create(label: string): Promise<string>;
  drop(url: string): Promise<void>;
}

const dbName = (label: string) => `wushe_bench_${process.pid}_${label.replace(/\W/g, '_')}`;

function sqlite(): Backend {
  return {
    name: 'SQLite',
    create: async (label) => `sqlite:${join(mkdtempSync(join(tmpdir(), 'wushe-bench-')), `${label}.sqlite`)}`,
    drop: async (url) => rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true }),
  };
}

async function mariadb(server: string): Promise<Backend> {
  const target = new URL(server);
  const connect = () =>
    createConnection({
      host: target.hostname,
      port: Number(target.port || 3306),
      user: decodeURIComponent(target.username || 'root'),
      password: decodeURIComponent(target.password),
    });
  await (await connect()).end(); // fails here, before any seeding, when there is no server
  const run = async (sql: string) => {
    const connection = await connect();
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  return {
    name: 'MariaDB',
    create: async (label) => {
      await run(`CREATE DATABASE ${dbName(label)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      return `${server.replace(/\/$/, '')}/${dbName(label)}`;
    },
    drop: (url) => run(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`),
  };
}

function postgres(server: string): Backend {
  const psql = (sql: string) =>
    execFileSync('psql', [server.replace(/\/?$/, '/postgres'), '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  psql('SELECT 1'); // fails here when there is no server
  return {
    name: 'PostgreSQL',
    create: async (label) => {
      psql(`CREATE DATABASE ${dbName(label)} ENCODING 'UTF8' TEMPLATE template0`);
      return `${server.replace(/\/$/, '')}/${dbName(label)}`;
    },
    drop: async (url) => {
      psql(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
    },
  };
}

/** The backends named in BENCH_BACKENDS that answer; a server that is down is reported and left out. */
export async function availableBackends(names: string[]): Promise<Backend[]> {
  const backends: Backend[] = [];
  for (const name of names) {
    try {
      if (name === 'sqlite') backends.push(sqlite());
      else if (name === 'mariadb')
        backends.push(await mariadb(process.env.BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306'));
      else if (name === 'postgres')
        backends.push(postgres(process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432'));
      else throw new Error(`unknown backend "${name}" (sqlite, mariadb, postgres)`);
    } catch (error) {
      if ((error as Error).message.startsWith('unknown backend')) throw error;
      process.stderr.write(`bench: no ${name} server (${(error as Error).message.split('\n')[0]}); left out\n`);
    }
  }
  return backends;
}
