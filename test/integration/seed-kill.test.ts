import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '../../src/db/data-source';
import { TEST_DATA_KEY, TEST_JWT_SECRET } from '../helpers/test-hub';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// `kill -9` while the dataset loads, through the compiled CLI as an operator runs it: the next start must load a
// whole city again (or refuse), never serve the half that was written.
const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli.js');

/** The small city (scale 0.01) as a complete load gives it. */
const SMALL_CITY = {
  region: {
    population: 2249502,
    organizationCount: 80,
    volunteerCount: 3319,
    volunteerTeamCount: 30,
    volunteerActivityCount: 323,
  },
  projectRounds: [{ applicationCount: 57, fundedCount: 13 }],
};
const FIGURES = `{ region(id: "530400000000") { population organizationCount volunteerCount volunteerTeamCount
  volunteerActivityCount } projectRounds { applicationCount fundedCount } }`;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A port the system just handed out (PORT must be a positive number). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function run(args: string[], databaseUrl: string): Promise<Running> {
  const port = String(await freePort());
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_KEY: TEST_DATA_KEY,
      NODE_ENV: 'test',
      PORT: port,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Volunteer rows another connection can already see (committed). */
async function committedVolunteers(url: string): Promise<number> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite') {
    const db = new BetterSqlite3(target.file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM volunteer').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  if (target.kind === 'postgres') {
    const { host, port, user, password, database } = target;
    const client = new Client({ host, port, user, password, database });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM volunteer')).rows[0].n);
    } finally {
      await client.end();
    }
  }
  const { host, port, user, password, database } = target;
  const connection = await createConnection({ host, port, user, password, database });
  try {
    const [rows] = await connection.query('SELECT COUNT(*) AS n FROM volunteer');
    return Number((rows as { n: number }[])[0].n);
  } finally {
    await connection.end();
  }
}

/**
 * Waits until the loader has written the volunteers (about half the rows): its progress line says so, or the
 * rows are already visible to another connection. Polls a condition; the kill follows at once.
 */
async function untilVolunteersWritten(loading: Running, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (loading.child.exitCode !== null) throw new Error(`the load ended before the kill: ${loading.output()}`);
    if (/载入数据 volunteer:/.test(loading.output()) || (await committedVolunteers(url)) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no volunteers written within 60 s: ${loading.output()}`);
}

async function killMidLoad(args: string[], url: string): Promise<void> {
  const loading = await run(args, url);
  await untilVolunteersWritten(loading, url);
  loading.child.kill('SIGKILL');
  await loading.exited;
  expect(loading.output()).not.toMatch(/loaded \d+ rows/);
}

/** Starts `wushe serve` (the small city on first run) and returns the figures it serves. */
async function serveAndRead(url: string): Promise<{ figures: unknown; log: string }> {
  const serving = await run(['serve', '--scale', '0.01'], url);
  try {
    const port = await new Promise<string>((resolve, reject) => {
      serving.child.stderr!.on('data', () => {
        const found = serving.output().match(/wushe hub: http:\/\/localhost:(\d+)/)?.[1];
        if (found) resolve(found);
      });
      void serving.exited.then((code) => reject(new Error(`serve exited with ${code}: ${serving.output()}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FIGURES }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    return { figures: body.data ?? body.errors, log: serving.output() };
  } finally {
    serving.child.kill('SIGTERM');
    await serving.exited;
  }
}

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
  // The schema exists (migrated on MariaDB) and holds no rows, as after `wushe migrate`.
  await (await database.open()).dataSource.destroy();
});
afterEach(() => database?.drop());

test('kill -9 during `wushe seed`: the next start loads the whole small city again, never the half', async () => {
  await killMidLoad(['seed', '--scale', '0.1'], database.url);
  const { figures, log } = await serveAndRead(database.url);
  expect(figures).toEqual(SMALL_CITY);
  expect(log).toContain('first run: loading the Yuxi dataset');
});

test('kill -9 during the first start’s load: the next start loads the whole small city again', async () => {
  await killMidLoad(['serve', '--scale', '0.1'], database.url);
  const { figures, log } = await serveAndRead(database.url);
  expect(figures).toEqual(SMALL_CITY);
  expect(log).toContain('first run: loading the Yuxi dataset');
});
