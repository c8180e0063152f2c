import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createPool, type Pool, type PoolConnection, type ResultSetHeader } from 'mysql2/promise';

export type Dialect = 'sqlite' | 'mysql';
export type Param = string | number | null;

/**
 * The few statements the bot's state needs, the same on its two stores: the embedded SQLite file (one process, or
 * processes on one machine) and MySQL/MariaDB (bot processes on several machines sharing rooms).
 */
export interface Sql {
  readonly dialect: Dialect;
  run(sql: string, params?: Param[]): Promise<{ changes: number; insertId: number }>;
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
  get<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** Runs `work` in one transaction: all of its writes are kept, or none. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `INSERT OR IGNORE` in SQLite, `INSERT IGNORE` in MySQL: a row whose key exists is left as it is. */
export const insertIgnore = (sql: Sql): string => (sql.dialect === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE');

/**
 * better-sqlite3 is synchronous, so a statement runs at once; only a transaction spans awaits, and while one is open
 * every other statement of this process waits for it, so nothing slips into (or out of) it. Other processes on the
 * same file wait on SQLite's own lock (busy_timeout).
 */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite';
  private readonly db: Database.Database;
  private open: Promise<unknown> = Promise.resolve();
  private inTransaction = false;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
  }

  exec(ddl: string): void {
    this.db.exec(ddl);
  }

  columns(table: string): string[] {
    return (this.db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  }

  async run(sql: string, params: Param[] = []) {
    if (this.inTransaction) await this.open.catch(() => undefined);
    const result = this.db.prepare(sql).run(...params);
    return { changes: result.changes, insertId: Number(result.lastInsertRowid) };
  }

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    if (this.inTransaction) await this.open.catch(() => undefined);
    return this.db.prepare(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    if (this.inTransaction) await this.open.catch(() => undefined);
    return this.db.prepare(sql).get(...params) as T | undefined;
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const run = this.open
      .catch(() => undefined)
      .then(async () => {
        this.inTransaction = true;
        this.db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(this.direct());
          this.db.exec('COMMIT');
          return result;
        } catch (error) {
          this.db.exec('ROLLBACK');
          throw error;
        } finally {
          this.inTransaction = false;
        }
      });
    this.open = run;
    return run;
  }

  async close(): Promise<void> {
    await this.open.catch(() => undefined);
    this.db.close();
  }

  /** The transaction's own view: its statements do not wait for the transaction they belong to. */
  private direct(): Sql {
    const db = this.db;
    return {
      dialect: 'sqlite',
      run: async (sql, params = []) => {
        const result = db.prepare(sql).run(...params);
        return { changes: result.changes, insertId: Number(result.lastInsertRowid) };
      },
      all: async <T>(sql: string, params: Param[] = []) => db.prepare(sql).all(...params) as T[],
      get: async <T>(sql: string, params: Param[] = []) => db.prepare(sql).get(...params) as T | undefined,
      transaction: (work) => work(this.direct()),
      close: async () => undefined,
    };
  }
}

const DEADLOCK = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const isDeadlock = (error: unknown) => DEADLOCK.has((error as { code?: string }).code ?? '');

/**
 * A statement on its own is its own transaction; two processes' (a claim's insert and another's clean-up delete)
 * can still meet in a deadlock, which InnoDB resolves by failing one: that one is run again, three times at most.
 */
async function retried<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (error) {
      if (attempt >= 3 || !isDeadlock(error)) throw error;
    }
  }
}

/** MySQL/MariaDB through a small mysql2 pool; a transaction that meets a deadlock is tried again, three times at most. */
export class MysqlSql implements Sql {
  readonly dialect = 'mysql';

  constructor(private readonly pool: Pool) {}

  static connect(url: string): MysqlSql {
    return new MysqlSql(createPool({ uri: url, connectionLimit: 4, charset: 'utf8mb4', timezone: 'Z' }));
  }

  run(sql: string, params: Param[] = []) {
    return retried(() => runOn(this.pool, sql, params));
  }

  all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return retried(() => allOn<T>(this.pool, sql, params));
  }

  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const connection = await this.pool.getConnection();
      try {
        await connection.beginTransaction();
        const result = await work(onConnection(connection));
        await connection.commit();
        return result;
      } catch (error) {
        await connection.rollback().catch(() => undefined);
        if (attempt >= 3 || !isDeadlock(error)) throw error;
      } finally {
        connection.release();
      }
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

type Queryable = Pool | PoolConnection;

async function runOn(on: Queryable, sql: string, params: Param[]) {
  const [result] = await on.query<ResultSetHeader>(sql, params);
  return { changes: result.affectedRows, insertId: Number(result.insertId) };
}

async function allOn<T>(on: Queryable, sql: string, params: Param[]): Promise<T[]> {
  const [rows] = await on.query(sql, params);
  return rows as T[];
}

function onConnection(connection: PoolConnection): Sql {
  return {
    dialect: 'mysql',
    run: (sql, params = []) => runOn(connection, sql, params),
    all: <T>(sql: string, params: Param[] = []) => allOn<T>(connection, sql, params),
    get: async <T>(sql: string, params: Param[] = []) => (await allOn<T>(connection, sql, params))[0],
    transaction: (work) => work(onConnection(connection)),
    close: async () => undefined,
  };
}
