import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  createWriteStream,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { AuditEntry, AuditKind } from '../audit/audit-entry.entity';
import { SnakeNamingStrategy } from '../db/naming';
import type { FigureDifference } from '../db/figure-tally';
import { allEntities } from '../subgraphs/registry';
import { checkLedger, type LedgerVerification } from '../subgraphs/volunteer/ledger';
import { inOneSnapshot, verifyFigures } from './figures';

/** A backup or restore refused or failed, with the reason for the operator (one line, Chinese and English). */
export class BackupError extends Error {}

type Log = (line: string) => void;

/** Tables every wushe database has; a file without them is not one (or not a whole one). */
const WUSHE_TABLES = ['region', 'audit_entry', 'hour_ledger_entry', 'volunteer', 'need'];

/**
 * The columns that say what an audit row records. `count` is left out: the counter row of a caller over the
 * refusal limit is incremented in place (src/audit/audit-log.ts), so it may have grown since the backup.
 */
const AUDIT_IDENTITY = ['at', 'kind', 'request_id', 'subject', 'role', 'operation', 'target', 'outcome'];

/** Pages copied per step at first (4 MB of 4 KB pages): small enough for a progress bar to move. */
const FIRST_STEP_PAGES = 1024;

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  try {
    return new Database(file, { fileMustExist: true, ...options });
  } catch (error) {
    throw new BackupError(`无法打开数据库文件 (cannot open ${file}: ${(error as Error).message})`);
  }
}

/** Refuses a file that is not a SQLite database, or is one but not wushe's. */
function requireWushe(db: Database.Database, file: string) {
  let tables: Set<string>;
  try {
    tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
  } catch (error) {
    throw new BackupError(`不是 SQLite 数据库 (${file} is not a SQLite database: ${(error as Error).message})`);
  }
  const missing = WUSHE_TABLES.filter((table) => !tables.has(table));
  if (missing.length) {
    throw new BackupError(`不是五社数据库 (${file} is not a wushe database: it has no table ${missing.join(', ')})`);
  }
}

/**
 * Copies `db` into `destination` with SQLite's online backup API, page by page, showing a bar on a terminal. A
 * write by another connection (the hub serving the file) restarts the copy from the first page; each restart
 * makes the steps four times longer, so the copy ends even under a steady stream of writes — at the latest with
 * one step that copies every page inside one read transaction (which in WAL mode does not hold writers up).
 */
async function copyPages(db: Database.Database, destination: string, label: string, log: Log) {
  const bar = process.stderr.isTTY
    ? new SingleBar(
        { format: `${label} {bar} {percentage}% | {value}/{total} pages`, hideCursor: true },
        Presets.shades_classic,
      )
    : undefined;
  let step = FIRST_STEP_PAGES;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  let started = false;
  const result = await db.backup(destination, {
    progress({ totalPages, remainingPages }) {
      // No progress since the last step: the copy restarted (a restart right after the first step copies the
      // same first pages again, so "no fewer remaining" is the sign, not "more remaining").
      if (remainingPages >= lastRemaining) {
        restarts += 1;
        step = Math.min(step * 4, 0x7fffffff);
      }
      lastRemaining = remainingPages;
      if (bar && !started) bar.start(totalPages, 0);
      started = true;
      bar?.setTotal(totalPages);
      bar?.update(totalPages - remainingPages);
      return step;
    },
  });
  if (bar && started) {
    bar.update(result.totalPages);
    bar.stop();
  }
  if (restarts) log(`${label}: restarted ${restarts} time(s) because the database was written meanwhile`);
  return { pages: result.totalPages, restarts };
}

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
  /** The last audit row the backup holds: a restore carries over the rows written after it. */
  lastAuditId: number;
  restarts: number;
}

/**
 * `wushe backup <file>`: a consistent copy of the SQLite database, safe while a hub serves it. Written under a
 * temporary name beside the target, checked, then renamed into place, so `<file>` is either absent or whole.
 * An existing `<file>` is kept unless `force`.
 */
export async function backupSqlite(
  databaseFile: string,
  backupFile: string,
  options: { force?: boolean; log: Log },
): Promise<BackupResult> {
  const source = resolve(databaseFile);
  const target = resolve(backupFile);
  if (!existsSync(source)) throw new BackupError(`没有找到数据库文件 (no database at ${source})`);
  if ([source, `${source}-wal`, `${source}-shm`].includes(target)) {
    throw new BackupError(`备份文件不能是数据库本身 (the backup file must not be the database itself: ${target})`);
  }
  if (existsSync(target) && !options.force) {
    throw new BackupError(`备份文件已存在 (${target} exists: choose another name, or add --force to replace it)`);
  }
  if (!existsSync(dirname(target))) throw new BackupError(`目录不存在 (no directory ${dirname(target)})`);
  const partial = `${target}.partial-${process.pid}`;
  try {
    // It holds what the database holds (sealed phone numbers, accounts): for this user's eyes only, from the first
    // page on (SQLite keeps the mode of a file that exists).
    closeSync(openSync(partial, 'wx', 0o600));
    const db = openSqlite(source);
    const copied = await (async () => {
      try {
        db.pragma('busy_timeout = 5000');
        requireWushe(db, source);
        return await copyPages(db, partial, '备份 backup', options.log);
      } finally {
        db.close();
      }
    })();
    // The copy carries the source's WAL flag in its header; a backup is one self-contained file instead.
    const lastAuditId = withSqlite(openSqlite(partial), (copy) => {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new BackupError(`备份校验失败 (the copy fails PRAGMA integrity_check: ${String(check)})`);
      return (copy.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM audit_entry').get() as { id: number }).id;
    });
    fsyncPath(partial);
    if (options.force) renameSync(partial, target);
    else {
      // A link fails if the name was taken meanwhile: nothing is ever overwritten without --force.
      try {
        linkSync(partial, target);
      } catch (error) {
        throw new BackupError(`备份文件已存在 (${target}: ${(error as Error).message})`);
      }
      rmSync(partial);
    }
    fsyncPath(dirname(target));
    return { file: target, pages: copied.pages, bytes: statSync(target).size, lastAuditId, restarts: copied.restarts };
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Refuses while any other connection has the database open. Leaving WAL mode needs the database to itself: SQLite
 * keeps WAL mode (and says so) while another connection — a hub, `wushe serve`, a subgraph — has the file open.
 * With nobody else, it also folds the WAL into the file, so what is read next is everything committed.
 */
function requireNotInUse(current: Database.Database, file: string) {
  let mode: unknown;
  try {
    mode = current.pragma('journal_mode = DELETE', { simple: true });
  } catch (error) {
    mode = (error as Error).message;
  }
  if (mode !== 'delete') {
    throw new BackupError(
      `数据库正在使用中,请先停止服务 (${file} is in use — stop the hub and any wushe process on it first; SQLite answered: ${String(mode)})`,
    );
  }
}

export interface AuditCarry {
  /** The last audit row id in the backup. */
  backupLastId: number;
  /** Rows of the current database newer than the backup's last, now in the restored one. */
  carried: number;
  /** Counter rows whose count had grown since the backup. */
  recounted: number;
}

/**
 * Audit rows are never lost in a restore: the rows the current database wrote after the backup's last one are
 * copied into the restored database with their ids. That is sound only when the current log continues the
 * backup's (the audit log is append-only, so every row up to the backup's last id must be the same row); when it
 * does not (another city's backup, or a database restored and written since), the restore is refused unless the
 * operator says the current rows may go (after keeping them with `wushe backup`).
 */
function carryAuditRows(staging: Database.Database, currentFile: string, discard: boolean): AuditCarry {
  staging.prepare('ATTACH DATABASE ? AS current').run(currentFile);
  try {
    const backupLastId = (
      staging.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM main.audit_entry').get() as { id: number }
    ).id;
    const hasAudit = staging
      .prepare("SELECT 1 FROM current.sqlite_master WHERE type = 'table' AND name = 'audit_entry'")
      .get();
    if (!hasAudit) return { backupLastId, carried: 0, recounted: 0 };
    const differs = AUDIT_IDENTITY.map((column) => `b.${column} IS NOT c.${column}`).join(' OR ');
    const { diverged } = staging
      .prepare(
        `SELECT COUNT(*) AS diverged FROM current.audit_entry c LEFT JOIN main.audit_entry b ON b.id = c.id
         WHERE c.id <= ? AND (b.id IS NULL OR ${differs})`,
      )
      .get(backupLastId) as { diverged: number };
    if (diverged > 0) {
      if (discard) return { backupLastId, carried: 0, recounted: 0 };
      throw new BackupError(
        `当前审计日志与备份不连续,恢复会丢失审计记录 (the current database's audit log does not continue this backup's: ` +
          `${diverged} row(s) up to id ${backupLastId} differ, so its rows cannot be carried over. Keep them first ` +
          `with \`wushe backup <file>\`, then restore with --discard-current-audit)`,
      );
    }
    const columnsOf = (schema: string) =>
      new Set(
        (staging.prepare(`PRAGMA ${schema}.table_info(audit_entry)`).all() as { name: string }[]).map((c) => c.name),
      );
    const currentColumns = columnsOf('current');
    const columns = [...columnsOf('main')].filter((column) => currentColumns.has(column)).join(', ');
    return staging.transaction(() => {
      const carried = staging
        .prepare(
          `INSERT INTO main.audit_entry (${columns}) SELECT ${columns} FROM current.audit_entry WHERE id > ? ORDER BY id`,
        )
        .run(backupLastId).changes;
      const recounted = staging
        .prepare(
          `UPDATE main.audit_entry SET count = (SELECT c.count FROM current.audit_entry c WHERE c.id = audit_entry.id)
           WHERE id <= ? AND EXISTS (SELECT 1 FROM current.audit_entry c WHERE c.id = audit_entry.id AND c.count > audit_entry.count)`,
        )
        .run(backupLastId).changes;
      return { backupLastId, carried, recounted };
    })();
  } finally {
    staging.prepare('DETACH DATABASE current').run();
  }
}

export interface RestoreResult {
  audit: AuditCarry & { currentDatabase: boolean };
  figures: { checked: number; differences: FigureDifference[] };
  ledger: LedgerVerification;
  checksPassed: boolean;
  /** False when the checks failed and the database was left as it was. */
  restored: boolean;
}

/**
 * `wushe restore <file>`: puts a backup in place of the SQLite database. In order: the backup passes PRAGMA
 * integrity_check and is a wushe database; it is copied to a staging file beside the database; the database is
 * not in use; its audit rows newer than the backup are carried into the staging copy; the staging copy has the
 * schema this version expects, gets its own audit row (`restoreDatabase`), and passes verify-figures and the hour
 * ledger check; only then is it renamed over the database (atomic). Failed checks leave the database untouched
 * unless `ignoreChecks`.
 */
export async function restoreSqlite(
  backupFile: string,
  databaseFile: string,
  options: { discardCurrentAudit?: boolean; ignoreChecks?: boolean; log: Log },
): Promise<RestoreResult> {
  const backup = resolve(backupFile);
  const target = resolve(databaseFile);
  if (!existsSync(backup)) throw new BackupError(`没有找到备份文件 (no backup at ${backup})`);
  if (backup === target) throw new BackupError(`备份文件就是数据库本身 (the backup is the database itself: ${backup})`);
  mkdirSync(dirname(target), { recursive: true });
  const currentDatabase = existsSync(target);
  // First, before any long copy: nobody may have the database open.
  if (currentDatabase) withSqlite(openSqlite(target, { timeout: 0 }), (current) => requireNotInUse(current, target));
  const staged = `${target}.restoring-${process.pid}`;
  try {
    await stageBackup(backup, staged, options.log);
    const audit = withSqlite(openSqlite(staged), (staging): RestoreResult['audit'] => {
      staging.pragma('journal_mode = DELETE');
      if (currentDatabase) {
        return { currentDatabase, ...carryAuditRows(staging, target, options.discardCurrentAudit === true) };
      }
      const backupLastId = (
        staging.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM audit_entry').get() as { id: number }
      ).id;
      return { currentDatabase, backupLastId, carried: 0, recounted: 0 };
    });
    const { figures, ledger } = await checkStaged(staged, backup, audit.carried);
    const checksPassed = figures.differences.length === 0 && ledger.ok;
    if (!checksPassed && !options.ignoreChecks) return { audit, figures, ledger, checksPassed, restored: false };

    fsyncPath(staged);
    // A WAL file left beside a deleted database would be replayed onto the restored one: it goes first. (With a
    // current database, leaving WAL mode above already folded and removed it.)
    // Again just before the switch: a hub started during the copy and the checks would write to the old file.
    if (currentDatabase) {
      withSqlite(openSqlite(target, { timeout: 0 }), (current) => requireNotInUse(current, target));
      chmodSync(staged, statSync(target).mode & 0o777);
    } else chmodSync(staged, 0o600);
    for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
    renameSync(staged, target);
    fsyncPath(dirname(target));
    return { audit, figures, ledger, checksPassed, restored: true };
  } finally {
    rmSync(staged, { force: true });
  }
}

function withSqlite<T>(db: Database.Database, work: (db: Database.Database) => T): T {
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** The backup passes PRAGMA integrity_check, is a wushe database, and is copied to `staged`. */
async function stageBackup(backup: string, staged: string, log: Log) {
  const source = openSqlite(backup, { readonly: true });
  try {
    let check: unknown;
    try {
      check = source.pragma('integrity_check', { simple: true });
    } catch (error) {
      check = (error as Error).message;
    }
    if (check !== 'ok') {
      throw new BackupError(`备份文件已损坏 (${backup} fails PRAGMA integrity_check: ${String(check)})`);
    }
    requireWushe(source, backup);
    await copyPages(source, staged, '恢复 restore', log);
  } finally {
    source.close();
  }
}

/**
 * The staged copy has the schema this version's entities expect, gets the restore's own audit row, and is checked:
 * every maintained figure against a fresh count, and the hour ledger.
 */
async function checkStaged(staged: string, backup: string, carried: number) {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: staged,
    entities: allEntities(),
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
  });
  await dataSource.initialize();
  try {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    if (pending.upQueries.length) {
      throw new BackupError(
        `备份的表结构与当前版本不符 (the backup's schema differs from this version's in ${pending.upQueries.length} ` +
          `statement(s), e.g. ${pending.upQueries[0].query.slice(0, 120)}: restore it with the wushe version that made it)`,
      );
    }
    await dataSource.getRepository(AuditEntry).insert({
      at: new Date(),
      kind: AuditKind.MUTATION,
      requestId: `cli-restore-${process.pid}-${Date.now()}`,
      subject: 'cli',
      role: 'ADMIN',
      regionId: null,
      operation: 'restoreDatabase',
      target: `${basename(backup)} · audit rows carried over ${carried}`.slice(0, 255),
      record: null,
      outcome: 'OK',
      count: 1,
      clientAddress: null,
    });
    const figures = await verifyFigures(dataSource);
    const ledger = await inOneSnapshot(dataSource, (manager) => checkLedger(manager));
    return { figures, ledger };
  } finally {
    await dataSource.destroy();
  }
}

/** The fields of a MySQL/MariaDB DATABASE_URL a dump needs. */
export interface DumpTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

function runDump(program: string, args: string[], output: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(output, { mode: 0o600 });
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.pipe(out);
    child.once('error', (error) => {
      out.destroy();
      reject(error);
    });
    child.once('close', (code) => out.end(() => resolvePromise({ code, stderr })));
  });
}

/** mariadb-dump, or mysqldump where only MySQL's client is installed. */
async function dumpWithInstalledTool(args: string[], output: string) {
  for (const program of ['mariadb-dump', 'mysqldump']) {
    try {
      return { program, ...(await runDump(program, args, output)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new BackupError('没有找到 mariadb-dump 或 mysqldump (neither mariadb-dump nor mysqldump is installed)');
}

/**
 * `wushe backup <file>` on MySQL/MariaDB: mariadb-dump (or mysqldump) with --single-transaction, one consistent
 * snapshot while the hub writes. The credentials go in a defaults file readable by this user only, never on the
 * command line where `ps` shows them. Restore with the README's procedure ("Backups").
 */
export async function backupServer(
  target: DumpTarget,
  backupFile: string,
  options: { force?: boolean },
): Promise<{ file: string; bytes: number; program: string }> {
  const file = resolve(backupFile);
  if (existsSync(file) && !options.force) {
    throw new BackupError(`备份文件已存在 (${file} exists: choose another name, or add --force to replace it)`);
  }
  if (!existsSync(dirname(file))) throw new BackupError(`目录不存在 (no directory ${dirname(file)})`);
  const secrets = mkdtempSync(join(tmpdir(), 'wushe-dump-'));
  const partial = `${file}.partial-${process.pid}`;
  try {
    const defaults = join(secrets, 'client.cnf');
    const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    writeFileSync(
      defaults,
      `[client]\nhost=${quote(target.host)}\nport=${target.port}\nuser=${quote(target.user)}\n` +
        (target.password ? `password=${quote(target.password)}\n` : ''),
      { mode: 0o600 },
    );
    const args = [
      `--defaults-extra-file=${defaults}`,
      '--single-transaction',
      '--routines',
      '--triggers',
      '--hex-blob',
      '--default-character-set=utf8mb4',
      target.database,
    ];
    const { program, ...result } = await dumpWithInstalledTool(args, partial);
    if (result.code !== 0) {
      throw new BackupError(`备份失败 (${program} exited with ${result.code}: ${result.stderr.trim().slice(0, 500)})`);
    }
    fsyncPath(partial);
    if (options.force) renameSync(partial, file);
    else {
      try {
        linkSync(partial, file);
      } catch (error) {
        throw new BackupError(`备份文件已存在 (${file}: ${(error as Error).message})`);
      }
    }
    fsyncPath(dirname(file));
    return { file, bytes: statSync(file).size, program };
  } finally {
    rmSync(partial, { force: true });
    rmSync(secrets, { recursive: true, force: true });
  }
}
