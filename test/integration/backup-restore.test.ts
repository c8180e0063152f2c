import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createConnection, type Connection } from 'mysql2/promise';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { verifyFigures } from '../../src/commands/figures';
import { loadConfig } from '../../src/config/config';
import { openDatabase, parseDatabaseUrl, type Database } from '../../src/db/data-source';
import { generateYuxi } from '../../src/seed/generate';
import { createHub } from '../../src/server/hub';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import { allEntities } from '../../src/subgraphs/registry';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import * as L from '../helpers/linkage-operations';
import {
  BUSY_CLIENT_ENV,
  operationsOn,
  startTestHub,
  TEST_DATA_KEY,
  TEST_JWT_SECRET,
  type TestHub,
} from '../helpers/test-hub';

// The restore drill of a city service: back up while mutations run, wipe, restore — every row committed before the
// backup started is back, every figure equals a fresh count, the hour ledger verifies, and no audit row is lost
// (the rows written after the backup are carried over). On SQLite with `wushe backup` / `wushe restore`; on
// MariaDB with the commands the README documents, run as written.
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const backend = process.env.DATABASE_URL ?? '';
const onSqlite = !backend || backend.startsWith('sqlite:');
const onMariadb = /^(mysql|mariadb):/.test(backend);

const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function runFile(file: string, args: string[], env: Record<string, string>, cwd = ROOT): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The compiled CLI, as an operator runs it, in a process of its own. */
const wushe = (args: string[], databaseUrl: string) =>
  runFile(process.execPath, [CLI, ...args], {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: TEST_DATA_KEY,
    NODE_ENV: 'test',
  });

/** Reads the database directly (never through the code under test). */
interface Rows {
  all(sql: string): Promise<Record<string, unknown>[]>;
}

const idsOf = async (rows: Rows, table: string, where = '1 = 1') =>
  new Set((await rows.all(`SELECT id FROM ${table} WHERE ${where}`)).map((row) => Number(row.id)));

function sqliteRows(file: string): Rows & { close(): void } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  return {
    all: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    close: () => db.close(),
  };
}

const missing = (expected: Set<number>, present: Set<number>) => [...expected].filter((id) => !present.has(id));

/** Tables a mutation of the drill adds rows to; each must keep every row committed before the backup began. */
const DRILL_TABLES = [
  'volunteer',
  'activity_signup',
  'service_hours',
  'hour_ledger_entry',
  'need',
  'social_organization',
  'audit_entry',
];

type Snapshot = Record<string, Set<number>>;

async function snapshot(rows: Rows): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const table of DRILL_TABLES) result[table] = await idsOf(rows, table);
  result['service_hours verified'] = await idsOf(rows, 'service_hours', 'verified = 1');
  return result;
}

interface Completed {
  table: 'volunteer' | 'need' | 'social_organization' | 'service_hours verified';
  operation: string;
  id: number;
}

/**
 * Mutations in parallel, as staff and the city's ADMIN would make them: volunteers registered, signed up, checked in
 * and out, their hours verified (each verification extends the hour ledger), needs submitted and organisations
 * registered — until `stop`. Each completed mutation is noted, and whether it completed before the backup began.
 */
function mutations(t: Pick<TestHub, 'query'>, workers: number) {
  const state = { stop: false, backupStarted: false };
  const before: Completed[] = [];
  const all: Completed[] = [];
  let organizations = 0;
  const tag = randomBytes(2).toString('hex').toUpperCase();
  const note = (done: Completed) => {
    all.push(done);
    if (!state.backupStarted) before.push(done);
  };
  const worker = async () => {
    const activity = (
      await t.query<{ createVolunteerActivity: { id: string } }>(Op.CREATE_ACTIVITY, { regionId: XIAHE }, staff)
    ).createVolunteerActivity.id;
    while (!state.stop) {
      // In-process SQLite answers in microtasks only: without a turn of the event loop now and then, neither the
      // timers below nor the backup process's exit would ever be seen.
      await new Promise((resolve) => setImmediate(resolve));
      const volunteer = (
        await t.query<{ registerVolunteer: { id: string } }>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, staff)
      ).registerVolunteer.id;
      note({ table: 'volunteer', operation: 'registerVolunteer', id: Number(volunteer) });
      await t.query(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, staff);
      await t.query(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-20T01:00:00Z' }, staff);
      const hours = (
        await t.query<{ checkOut: { id: string } }>(
          Op.CHECK_OUT,
          { a: activity, v: volunteer, at: '2026-11-20T04:00:00Z' },
          staff,
        )
      ).checkOut.id;
      await t.query(Op.VERIFY_HOURS, { id: hours }, staff);
      note({ table: 'service_hours verified', operation: 'verifyServiceHours', id: Number(hours) });
      const need = (await t.query<{ submitNeed: { id: string } }>(Op.SUBMIT_NEED, { communityId: XIAHE }, staff))
        .submitNeed.id;
      note({ table: 'need', operation: 'submitNeed', id: Number(need) });
      const number = organizations++;
      const organization = (
        await t.query<{ registerOrganization: { id: string } }>(
          Op.REGISTER_ORGANIZATION,
          {
            input: {
              name: `备份演练社会组织${tag}${number}`,
              kind: 'COMMUNITY_ORG',
              creditCode: makeCreditCode('1', '530402', `${tag}${String(number).padStart(4, '0')}`),
              regionId: XIAHE,
              category: 'ELDERLY_CARE',
            },
          },
          admin,
        )
      ).registerOrganization.id;
      note({ table: 'social_organization', operation: 'registerOrganization', id: Number(organization) });
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));
  const until = async (count: number) => {
    while (all.length < count) {
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
  };
  return { state, before, all, running, until };
}

/** Every row of the drill committed before the backup began (read from the source then) is in `restored`. */
async function expectCommittedRowsBack(restored: Rows, before: Snapshot, completed: Completed[]) {
  const after = await snapshot(restored);
  for (const [table, ids] of Object.entries(before)) expect([table, missing(ids, after[table])]).toEqual([table, []]);
  for (const done of completed) expect([done, after[done.table].has(done.id)]).toEqual([done, true]);
  return after;
}

/**
 * Every row a drill mutation added that is in the restored database has its audit row there too: a backup never
 * holds a change without its audit row.
 */
async function expectAuditRowsOfRestoredMutations(rows: Rows, seeded: Snapshot, completed: Completed[]) {
  const audit = await rows.all("SELECT operation, target FROM audit_entry WHERE kind = 'MUTATION'");
  // The record a mutation made (`… → 41`) or acted on (`id=406`).
  const audited = new Set(
    audit.flatMap((row) =>
      [...String(row.target).matchAll(/(?:^|\s)id=(\d+)|→ (\d+)/g)].map(
        (match) => `${String(row.operation)} ${match[1] ?? match[2]}`,
      ),
    ),
  );
  const restored = await snapshot(rows);
  const operations = new Map(completed.map((done) => [done.table, done.operation]));
  let checked = 0;
  for (const [table, operation] of operations) {
    for (const id of restored[table]) {
      if (seeded[table].has(id)) continue;
      expect([table, id, audited.has(`${operation} ${id}`)]).toEqual([table, id, true]);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

async function ledgerAndFigures(database: Database) {
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: TEST_DATA_KEY,
  });
  const hub = await createHub({ config, database, log: () => undefined });
  try {
    const { query } = operationsOn(hub);
    const ledger = (
      await query<{ verifyHourLedger: { ok: boolean; reason: string | null } }>(L.VERIFY_LEDGER, {}, admin)
    ).verifyHourLedger;
    return { ledger, figures: await verifyFigures(database.dataSource) };
  } finally {
    await hub.stop();
  }
}

describe('audit rows are kept (at least 180 days; wushe deletes none)', () => {
  /** Every .ts file under src/. */
  const sources = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(directory, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(directory, entry.name)]
          : [],
    );

  test('no code deletes, truncates or purges audit rows', () => {
    const removing = [
      /DELETE\s+FROM\s+[`"]?audit_entry/i,
      /TRUNCATE\s+(TABLE\s+)?[`"]?audit_entry/i,
      /getRepository\(\s*AuditEntry\s*\)\s*\.\s*(delete|remove|clear|softDelete)\b/,
      /\.delete\(\)\s*\.from\(\s*AuditEntry/,
      /\.(delete|remove|clear)\(\s*AuditEntry\b/,
    ];
    const found: string[] = [];
    const files = sources(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of removing) if (pattern.test(text)) found.push(`${file}: ${String(pattern)}`);
    }
    expect(found).toEqual([]);
  });

  test('the seed, which empties the tables it loads, leaves the audit log alone', () => {
    const loaded = generateYuxi({ scale: 0.01 }).map((table) => table.entity);
    expect(loaded.length).toBeGreaterThan(20);
    expect(loaded).not.toContain(AuditEntry);
  });
});

(onSqlite ? describe : describe.skip)('SQLite: wushe backup and wushe restore', () => {
  let t: TestHub;
  let file: string;
  let url: string;
  let dir: string;
  let stopped = false;

  beforeAll(async () => {
    t = await startTestHub({ env: BUSY_CLIENT_ENV });
    url = t.testDatabase.url;
    file = parseDatabaseUrl(url).kind === 'sqlite' ? (parseDatabaseUrl(url) as { file: string }).file : '';
    dir = mkdtempSync(join(tmpdir(), 'wushe-backup-'));
  }, 120_000);

  afterAll(async () => {
    if (!stopped) await t?.close();
    else await t?.testDatabase.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function stopHub() {
    await t.hub.stop();
    await t.database.dataSource.destroy();
    stopped = true;
  }

  const openRestored = () => openDatabase(loadConfig({ DATABASE_URL: url }).database, allEntities());

  test('back up while mutations run; restore over the database carries the later audit rows; wipe and restore', async () => {
    const source = sqliteRows(file);
    const seeded = await snapshot(source);
    const backup = join(dir, 'busy.sqlite');

    const drill = mutations(t, 4);
    await drill.until(20);
    // What another connection sees as committed now; the backup starts after this read.
    const before = await snapshot(source);
    drill.state.backupStarted = true;
    const completedBefore = [...drill.before];
    const during = drill.all.length;
    const backedUp = await wushe(['backup', backup], url);
    expect([backedUp.code, backedUp.stderr]).toEqual([0, expect.stringContaining('backed up')]);
    const completedDuring = drill.all.length - during;
    // More mutations (and their audit rows) after the backup, then quiet.
    await drill.until(drill.all.length + 15);
    drill.state.stop = true;
    await drill.running;
    expect(completedDuring).toBeGreaterThan(0);

    const fromBackup = sqliteRows(backup);
    const backupLastAudit = Number((await fromBackup.all('SELECT MAX(id) AS id FROM audit_entry'))[0].id);
    const backupTables = (
      await fromBackup.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ).map((row) => String(row.name));
    const backupDump = Object.fromEntries(
      await Promise.all(
        backupTables.map(async (table) => [table, await fromBackup.all(`SELECT * FROM "${table}" ORDER BY rowid`)]),
      ),
    );
    fromBackup.close();

    // Readable by its owner only, like the database's secrets it holds.
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    // The backup is one self-contained file: no WAL beside it.
    expect(existsSync(`${backup}-wal`)).toBe(false);
    // An existing backup is never overwritten unless asked.
    const again = await wushe(['backup', backup], url);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('--force')]);

    // While the hub holds the database open, restore refuses and changes nothing.
    const sourceAudit = await source.all('SELECT * FROM audit_entry ORDER BY id');
    const refused = await wushe(['restore', backup], url);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('in use')]);
    expect(await source.all('SELECT * FROM audit_entry ORDER BY id')).toEqual(sourceAudit);
    source.close();
    // The audit rows written after the backup began, which a plain restore would lose.
    expect(sourceAudit.length).toBeGreaterThan(backupLastAudit);

    await stopHub();

    // 1. Restore over the stopped database: the later audit rows are carried over, every one of them.
    const restored = await wushe(['restore', backup], url);
    expect([restored.code, restored.stderr]).toEqual([0, expect.stringContaining(`restored ${backup}`)]);
    const newer = sourceAudit.filter((row) => Number(row.id) > backupLastAudit).length;
    expect(restored.stderr).toContain(`carried over ${newer} newer row(s)`);
    expect(restored.stdout).toMatch(/^OK: \d+ maintained figures equal a fresh COUNT\/SUM$/m);
    expect(restored.stdout).toMatch(/^OK: the hour ledger holds/m);
    let rows = sqliteRows(file);
    const auditAfter = await rows.all('SELECT * FROM audit_entry ORDER BY id');
    expect(auditAfter.slice(0, sourceAudit.length)).toEqual(sourceAudit);
    expect(auditAfter.slice(sourceAudit.length).map((row) => [row.operation, row.subject])).toEqual([
      ['restoreDatabase', 'cli'],
    ]);
    await expectCommittedRowsBack(rows, before, completedBefore);
    await expectAuditRowsOfRestoredMutations(rows, seeded, drill.all);
    rows.close();
    let database = await openRestored();
    let checks = await ledgerAndFigures(database);
    expect(checks.ledger).toMatchObject({ ok: true, reason: null });
    expect(checks.figures.differences).toEqual([]);
    await database.dataSource.destroy();

    // 2. Wipe: the database file is gone. Restore brings back exactly the backup (plus the restore's audit row).
    for (const extension of ['', '-wal', '-shm']) rmSync(file + extension, { force: true });
    const fromNothing = await wushe(['restore', backup], url);
    expect([fromNothing.code, fromNothing.stderr]).toEqual([0, expect.stringContaining('no current database')]);
    rows = sqliteRows(file);
    for (const table of backupTables) {
      const now = await rows.all(`SELECT * FROM "${table}" ORDER BY rowid`);
      expect([table, table === 'audit_entry' ? now.slice(0, -1) : now]).toEqual([table, backupDump[table]]);
    }
    await expectCommittedRowsBack(rows, before, completedBefore);
    await expectAuditRowsOfRestoredMutations(rows, seeded, drill.all);
    rows.close();
    database = await openRestored();
    checks = await ledgerAndFigures(database);
    expect(checks.ledger).toMatchObject({ ok: true, reason: null });
    expect(checks.figures.differences).toEqual([]);
    await database.dataSource.destroy();
    const ledger = await wushe(['verify-ledger'], url);
    expect([ledger.code, ledger.stdout]).toEqual([0, expect.stringMatching(/^OK: the hour ledger holds/)]);
  }, 240_000);

  test('a backup of another history is refused unless the current audit rows may go; a broken file is refused', async () => {
    // The database now holds the backup plus its restore row. A backup whose audit rows differ from it (another
    // city's, or one restored and written since) cannot be continued by this log: refused, nothing changed.
    const other = join(dir, 'other.sqlite');
    copyFileSync(join(dir, 'busy.sqlite'), other);
    const edit = new BetterSqlite3(other);
    edit.prepare("UPDATE audit_entry SET request_id = 'another-history' WHERE id = 1").run();
    edit.close();
    let rows = sqliteRows(file);
    const auditBefore = await rows.all('SELECT * FROM audit_entry ORDER BY id');
    rows.close();
    const refused = await wushe(['restore', other], url);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('does not continue')]);
    rows = sqliteRows(file);
    expect(await rows.all('SELECT * FROM audit_entry ORDER BY id')).toEqual(auditBefore);
    rows.close();
    const discarded = await wushe(['restore', other, '--discard-current-audit'], url);
    expect(discarded.code).toBe(0);
    rows = sqliteRows(file);
    expect((await rows.all('SELECT request_id FROM audit_entry WHERE id = 1'))[0].request_id).toBe('another-history');
    rows.close();

    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    const corrupt = await wushe(['restore', garbage], url);
    expect([corrupt.code, corrupt.stderr]).toEqual([1, expect.stringContaining('integrity_check')]);
    const foreign = join(dir, 'foreign.sqlite');
    const db = new BetterSqlite3(foreign);
    db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const notOurs = await wushe(['restore', foreign], url);
    expect([notOurs.code, notOurs.stderr]).toEqual([1, expect.stringContaining('not a wushe database')]);
    rows = sqliteRows(file);
    expect((await rows.all('SELECT request_id FROM audit_entry WHERE id = 1'))[0].request_id).toBe('another-history');
    rows.close();
  }, 120_000);
});

/** The README's MariaDB blocks, found by their first line, run as written (bash, `set -e`). */
function readmeBlock(firstLine: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  const found = blocks.filter((block) => block.startsWith(firstLine));
  expect([firstLine, found.length]).toEqual([firstLine, 1]);
  return found[0];
}

(onMariadb ? describe : describe.skip)('MariaDB: the README procedure with mariadb-dump and mariadb', () => {
  let t: TestHub;
  let dir: string;
  let server: { host: string; port: number; user: string; password: string };
  let live: string;
  const beside = `wushe_backup_${randomBytes(4).toString('hex')}`;
  let env: Record<string, string>;
  let stopped = false;

  const connect = (database?: string): Promise<Connection> => createConnection({ ...server, database });
  const mysqlRows = (connection: Connection): Rows => ({
    all: async (sql) => (await connection.query(sql))[0] as Record<string, unknown>[],
  });
  const shell = (block: string) => runFile('bash', ['--norc', '-e', '-o', 'pipefail', '-c', block], env);

  beforeAll(async () => {
    t = await startTestHub({ env: BUSY_CLIENT_ENV });
    const target = parseDatabaseUrl(t.testDatabase.url);
    if (target.kind !== 'mysql') throw new Error('unreachable');
    server = { host: target.host, port: target.port, user: target.user, password: target.password };
    live = target.database;
    dir = mkdtempSync(join(tmpdir(), 'wushe-backup-'));
    const cnf = join(dir, 'client.cnf');
    writeFileSync(
      cnf,
      `[client]\nhost=${server.host}\nport=${server.port}\nuser=${server.user}\n${server.password ? `password=${server.password}\n` : ''}`,
      { mode: 0o600 },
    );
    env = {
      CNF: cnf,
      DB: live,
      NEW: beside,
      BACKUP: join(dir, 'wushe.sql'),
      DB_SERVER: `mysql://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`,
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_KEY: TEST_DATA_KEY,
      NODE_ENV: 'test',
    };
  }, 120_000);

  afterAll(async () => {
    const connection = await connect();
    await connection.query(`DROP DATABASE IF EXISTS \`${beside}\``);
    await connection.end();
    if (!stopped) await t?.close();
    else await t?.testDatabase.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('dump while mutations run; load beside and carry the audit rows over; drop, recreate, load', async () => {
    const source = await connect(live);
    const sourceRows = mysqlRows(source);
    const seeded = await snapshot(sourceRows);

    const drill = mutations(t, 4);
    await drill.until(20);
    const before = await snapshot(sourceRows);
    drill.state.backupStarted = true;
    const completedBefore = [...drill.before];
    const during = drill.all.length;
    const dumped = await shell(readmeBlock('# back up'));
    expect([dumped.code, dumped.stderr]).toEqual([0, expect.any(String)]);
    const completedDuring = drill.all.length - during;
    await drill.until(drill.all.length + 15);
    drill.state.stop = true;
    await drill.running;
    expect(completedDuring).toBeGreaterThan(0);
    // The password never appears on a command line: it is in the defaults file only.
    expect(readmeBlock('# back up')).not.toMatch(/-p\S|--password/);

    // The hub stops (the live audit log must not grow while it is carried over).
    await t.hub.stop();
    await t.database.dataSource.destroy();
    stopped = true;
    // `wushe backup` on MariaDB runs the same dump, its credentials in a private defaults file.
    const cliDump = join(dir, 'cli.sql');
    const dumpedByCli = await wushe(['backup', cliDump], `${env.DB_SERVER}/${live}`);
    expect([dumpedByCli.code, dumpedByCli.stderr]).toEqual([0, expect.stringContaining('backed up')]);
    const dumpText = readFileSync(cliDump, 'utf8');
    expect(dumpText).toContain('CREATE TABLE `audit_entry`');
    expect(dumpText).toContain('INSERT INTO `hour_ledger_entry`');
    const notAgain = await wushe(['backup', cliDump], `${env.DB_SERVER}/${live}`);
    expect([notAgain.code, notAgain.stderr]).toEqual([1, expect.stringContaining('--force')]);
    const liveAudit = await sourceRows.all('SELECT * FROM audit_entry ORDER BY id');
    const liveTables = (await sourceRows.all('SHOW TABLES')).map((row) => String(Object.values(row)[0]));

    // Rolling back: load the backup beside the live database, then carry over the audit rows written since.
    const loadedBeside = await shell(readmeBlock('# roll back, 1:'));
    expect([loadedBeside.code, loadedBeside.stderr]).toEqual([0, expect.any(String)]);
    const carry = readmeBlock('# roll back, 2:');
    // A backup of another history (its audit rows differ from the live log's) is refused, and nothing carried.
    const root = await connect();
    const [[first]] = (await root.query(
      `SELECT request_id FROM \`${beside}\`.audit_entry WHERE id = 1`,
    )) as unknown as [{ request_id: string }[]];
    const backupCount = async () =>
      Number(
        (
          (await root.query(`SELECT COUNT(*) AS n FROM \`${beside}\`.audit_entry`)) as unknown as [{ n: number }[]]
        )[0][0].n,
      );
    const backupAudit = await backupCount();
    await root.query(`UPDATE \`${beside}\`.audit_entry SET request_id = 'another-history' WHERE id = 1`);
    const refused = await shell(carry);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('does not continue')]);
    expect(await backupCount()).toBe(backupAudit);
    await root.query(`UPDATE \`${beside}\`.audit_entry SET request_id = ? WHERE id = 1`, [first.request_id]);
    await root.end();
    // The audit rows written after the backup began, which the backup alone lacks.
    expect(liveAudit.length).toBeGreaterThan(backupAudit);

    const carried = await shell(carry);
    expect([carried.code, carried.stderr]).toEqual([0, expect.any(String)]);
    expect(carried.stdout).toMatch(/^OK: \d+ maintained figures equal a fresh COUNT\/SUM$/m);
    expect(carried.stdout).toMatch(/^OK: the hour ledger holds/m);
    const rolledBack = await connect(beside);
    const rolledRows = mysqlRows(rolledBack);
    const rolledAudit = await rolledRows.all('SELECT * FROM audit_entry ORDER BY id');
    expect(rolledAudit.slice(0, liveAudit.length)).toEqual(liveAudit);
    expect(rolledAudit.slice(liveAudit.length).map((row) => [row.operation, row.subject])).toEqual([
      ['restoreDatabase', 'cli'],
    ]);
    await expectCommittedRowsBack(rolledRows, before, completedBefore);
    await expectAuditRowsOfRestoredMutations(rolledRows, seeded, drill.all);
    await rolledBack.end();

    // The database is lost: drop it, then the README's recreate-and-load.
    await source.query(`DROP DATABASE \`${live}\``);
    await source.end();
    const loaded = await shell(readmeBlock('# the database is lost'));
    expect([loaded.code, loaded.stderr]).toEqual([0, expect.any(String)]);
    expect(loaded.stdout).toMatch(/^OK: \d+ maintained figures equal a fresh COUNT\/SUM$/m);
    expect(loaded.stdout).toMatch(/^OK: the hour ledger holds/m);
    const reloaded = await connect(live);
    const reloadedRows = mysqlRows(reloaded);
    // Exactly the backup: a prefix of the live audit log, every table as in the copy loaded beside.
    const reloadedAudit = await reloadedRows.all('SELECT * FROM audit_entry ORDER BY id');
    expect(reloadedAudit).toEqual(liveAudit.slice(0, reloadedAudit.length));
    for (const table of liveTables) {
      const [mine, theirs] = await Promise.all(
        [live, beside].map(
          async (name) => (await reloadedRows.all(`SELECT COUNT(*) AS n FROM \`${name}\`.\`${table}\``))[0].n,
        ),
      );
      expect([table, mine]).toEqual([table, table === 'audit_entry' ? backupAudit : theirs]);
    }
    await expectCommittedRowsBack(reloadedRows, before, completedBefore);
    await expectAuditRowsOfRestoredMutations(reloadedRows, seeded, drill.all);
    await reloaded.end();
    const database = await openDatabase(
      loadConfig({ DATABASE_URL: `${env.DB_SERVER}/${live}` }).database,
      allEntities(),
    );
    const checks = await ledgerAndFigures(database);
    await database.dataSource.destroy();
    expect(checks.ledger).toMatchObject({ ok: true, reason: null });
    expect(checks.figures.differences).toEqual([]);
  }, 300_000);
});
