#!/usr/bin/env node
// First: with OTEL_EXPORTER_OTLP_ENDPOINT set, instrumentations must hook modules before anything requires them.
import './server/instrument';
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Role } from './auth/identity';
import { AuthError, signToken } from './auth/tokens';
import { ConfigError, loadConfig, loadDotEnv, parseDuration, type Config } from './config/config';
import { createLogger } from './config/logger';
import type { DataSource } from 'typeorm';
import { DatabaseError, migrate, openDatabase, parseDatabaseUrl, type Database } from './db/data-source';
import { openPublicCacheStore } from './db/public-cache-store';
import { ensureSearchIndex } from './db/search-index';
import { fencedWrite, fenceWrites } from './db/write-fence';
import { writeMigration } from './db/generate-migration';
import { DomainError } from './errors';
import { AccountCommandError, createAccountFromCli, setupInstructions } from './commands/account';
import { rekey, RekeyError } from './commands/rekey';
import { figureReport, inOneSnapshot, rebuildFigures, TALLY_MIGRATION, verifyFigures } from './commands/figures';
import { BackupError, backupServer, backupSqlite, restoreSqlite } from './commands/backup';
import { checkLedger, type LedgerVerification } from './subgraphs/volunteer/ledger';
import { composeSupergraph, CompositionError } from './federation/compose';
import { allEntities, buildAllSubgraphs, SUBGRAPH_NAMES, type SubgraphName } from './subgraphs/registry';
import { checkOperations, checkSchemaFiles, SchemaToolsMissing, writeSchemaFiles } from './commands/schema-files';
import { Region } from './subgraphs/community/region.entity';
import { seedYuxi } from './seed';
import { MAX_SCALE } from './seed/generate';
import { divisionCodes } from './seed/divisions';
import { serveHub, serveSubgraph } from './server/serve';

const USAGE = `wushe — 五社联动 hub

  wushe serve [--scale 1]             serve the hub (loads the Yuxi dataset, at that scale, into an empty database)
  wushe seed [--scale 0.01]           (re)create the Yuxi dataset; a smaller scale makes a small city, up to 10 a bigger one
  wushe migrate                       apply MySQL/MariaDB migrations
  wushe schema [--check]              write (or verify) schema/subgraphs/*.graphql, schema/supergraph.graphql and
                                      the bot's and tests' operation types
  wushe subgraph <name> --port N [--peer name=url…]
                                      serve one subgraph alone (${SUBGRAPH_NAMES.join(', ')});
                                      it asks each peer (also SUBGRAPH_PEERS) to check ids of that peer's kinds
  wushe gateway --subgraph name=url…  serve the hub with some subgraphs remote (each given SUBGRAPH_TIMEOUT_MS or its
                                      SUBGRAPH_TIMEOUTS entry, then answered SUBGRAPH_UNAVAILABLE)
  wushe supergraph --subgraph name=url… | --from subgraphs.txt
                                      print the supergraph routing to these URLs (every subgraph, http or https), for
                                      Hive Gateway or Apollo Router; the file holds one name=url per line (# comments)
  wushe token --role R [--region C] [--org N] [--subject S] [--expires 7d]
                                      mint a token: ADMIN, STAFF (needs --region), ORG (needs --org), BOT (needs --region);
                                      it expires after --expires, at most TOKEN_MAX_LIFETIME (BOT_TOKEN_MAX_LIFETIME)
  wushe account create --username U --role ADMIN|STAFF|ORG [--region C] [--organization N] [--display-name D]
                                      create an account (STAFF needs --region, ORG --organization) and print its
                                      one-time setup code and the console address to use it at (audited as cli)
  wushe rekey [--batch 500]           re-seal every stored personal value under DATA_KEY (old key: DATA_KEY_PREVIOUS)
  wushe verify-figures                compare every maintained region and station figure with a fresh COUNT/SUM;
                                      exits 1 and lists the differences when any differs
  wushe migration:generate <Name>     write a migration for entity changes (development)
  wushe backup <file> [--force]       copy the SQLite database to <file> with SQLite's online backup API, safe while
                                      the hub serves it (progress on a terminal); an existing <file> needs --force.
                                      on MySQL/MariaDB it runs mariadb-dump --single-transaction (credentials in a
                                      private defaults file, not on its command line); PostgreSQL: pg_dump (README)
  wushe restore <file> [--discard-current-audit] [--ignore-checks]
                                      put a backup in place of the SQLite database: stop the hub first (refused while
                                      the file is in use); checks the backup (integrity, wushe schema), carries over
                                      the audit rows written after it, runs verify-figures and verify-ledger, then
                                      renames it into place; failed checks leave the database as it was
  wushe verify-ledger                 re-check the hour ledger (hash chain, head, every verified hours record);
                                      exits 1 and names the first broken entry when it does not hold

Environment: PORT, DATABASE_URL, HUB_URL, JWT_SECRET, DATA_KEY, NODE_ENV, LOG_LEVEL, SUBGRAPH_PEERS (see .env.example).`;

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Runs a command's writes inside the fence of the hubs' shared cache when REDIS_URL is set, so hubs serving this
 * database never answer from before them. A hub's memory cache cannot see another process's writes: restart it
 * (or set REDIS_URL) after writing to the database it serves.
 */
async function withSharedFence<T>(config: Config, dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const logger = createLogger(config.logLevel);
  const store = config.publicCache.redisUrl
    ? await openPublicCacheStore(config.publicCache, (line) => logger.warn(line))
    : undefined;
  const unfence = store && fenceWrites(dataSource, store);
  try {
    return await work();
  } finally {
    unfence?.();
    await store?.close();
  }
}

async function openAll(config: Config) {
  const database = await openDatabase(config.database, allEntities());
  if (database.target.kind !== 'sqlite') {
    const pending = await database.dataSource.showMigrations();
    if (pending)
      throw new DatabaseError(`the ${database.target.kind} schema is behind the code: run \`wushe migrate\` first`);
  }
  return database;
}

/**
 * Loads the dataset into an empty database before anything listens, so nothing is served while it loads. The
 * load is one transaction (src/seed/load.ts): a start or seed killed half-way leaves no regions behind, so the
 * next start finds the database empty and loads it again rather than serving a partial city.
 */
async function ensureDataset(config: Config, scale: number) {
  const database = await openAll(config);
  if ((await database.dataSource.getRepository(Region).count()) === 0) {
    log('首次启动:正在创建玉溪市数据集 (first run: loading the Yuxi dataset; the hub listens once it is complete)…');
    const started = Date.now();
    const rows = await withSharedFence(config, database.dataSource, () =>
      seedYuxi(database.dataSource, scale, { progress: true }),
    );
    log(`loaded ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await indexExistingRows(database);
  return database;
}

/** Rows written before the search index existed are indexed once, before anything listens. */
async function indexExistingRows(database: Database) {
  const tokens = await ensureSearchIndex(database.dataSource);
  if (tokens) log(`search index built for the existing rows: ${tokens} tokens`);
}

function parseRemotes(values: string[] = [], option = '--subgraph'): Partial<Record<SubgraphName, string>> {
  const remote: Partial<Record<SubgraphName, string>> = {};
  for (const value of values) {
    const [name, url] = value.split(/=(.*)/s);
    if (!SUBGRAPH_NAMES.includes(name as SubgraphName) || !url) {
      throw new ConfigError(
        `${option} expects name=url with a name among ${SUBGRAPH_NAMES.join(', ')}, got "${value}"`,
      );
    }
    remote[name as SubgraphName] = url;
  }
  return remote;
}

/** `name=url` lines of a `wushe supergraph --from` file; blank lines and `#` comments are skipped. */
function subgraphFile(path: string | undefined): string[] {
  if (path === undefined) return [];
  if (!existsSync(path)) throw new ConfigError(`--from: no file ${path}`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** A router needs every subgraph's real address: none may be left out, and each must be http(s). */
function routingUrls(entries: string[]): Partial<Record<SubgraphName, string>> {
  const urls = parseRemotes(entries, '--subgraph (or a --from line)');
  const missing = SUBGRAPH_NAMES.filter((name) => !urls[name]);
  if (missing.length)
    throw new ConfigError(`wushe supergraph needs the URL of every subgraph; missing: ${missing.join(', ')}`);
  for (const [name, url] of Object.entries(urls)) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw new ConfigError(`the URL of ${name} must be http:// or https://, got "${url}"`);
  }
  return urls;
}

/** SUBGRAPH_TIMEOUTS may only name subgraphs that exist (a typo would silently keep the default). */
function checkTimeoutNames(config: Config): void {
  const unknown = Object.keys(config.subgraphTimeouts.byName).filter(
    (name) => !SUBGRAPH_NAMES.includes(name as SubgraphName),
  );
  if (unknown.length)
    throw new ConfigError(`SUBGRAPH_TIMEOUTS names no subgraph ${unknown.join(', ')} (${SUBGRAPH_NAMES.join(', ')})`);
}

function ledgerReport(result: LedgerVerification): string {
  if (result.ok) return `OK: the hour ledger holds (${result.checkedEntries} entries)\n`;
  const where = result.firstBrokenEntryId
    ? `entry ${result.firstBrokenEntryId}`
    : `service-hours record ${result.serviceHoursId}`;
  return `the hour ledger does not hold at ${where}: ${result.reason}\n`;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      scale: { type: 'string' },
      port: { type: 'string' },
      check: { type: 'boolean' },
      subgraph: { type: 'string', multiple: true },
      from: { type: 'string' },
      peer: { type: 'string', multiple: true },
      role: { type: 'string' },
      region: { type: 'string' },
      org: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string' },
      batch: { type: 'string' },
      username: { type: 'string' },
      organization: { type: 'string' },
      'display-name': { type: 'string' },
      force: { type: 'boolean' },
      'discard-current-audit': { type: 'boolean' },
      'ignore-checks': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument] = positionals;
  if (!command || values.help) {
    log(USAGE);
    return;
  }
  loadDotEnv();
  const config = loadConfig();
  const scale = values.scale ? Number(values.scale) : 1;
  if (!(scale > 0 && scale <= MAX_SCALE))
    throw new ConfigError(`--scale expects a number in (0, ${MAX_SCALE}], got "${values.scale}"`);
  switch (command) {
    case 'serve':
      await serveHub(config, await ensureDataset(config, scale));
      return;
    case 'gateway':
      checkTimeoutNames(config);
      await serveHub(config, await openAll(config), parseRemotes(values.subgraph));
      return;
    case 'supergraph': {
      const urls = routingUrls([...subgraphFile(values.from), ...(values.subgraph ?? [])]);
      process.stdout.write(composeSupergraph(buildAllSubgraphs(), urls));
      return;
    }
    case 'subgraph': {
      if (!argument) throw new ConfigError(`name a subgraph: ${SUBGRAPH_NAMES.join(', ')}`);
      const peers = parseRemotes([...config.peers, ...(values.peer ?? [])], '--peer (or SUBGRAPH_PEERS)');
      await serveSubgraph(config, argument, values.port ? Number(values.port) : config.port, peers);
      return;
    }
    case 'seed': {
      const database = await openDatabase(config.database, allEntities());
      await migrate(database);
      const started = Date.now();
      const rows = await withSharedFence(config, database.dataSource, () =>
        seedYuxi(database.dataSource, scale, { progress: true }),
      );
      log(`loaded ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await database.dataSource.destroy();
      return;
    }
    case 'migrate': {
      const database = await openDatabase(config.database, allEntities());
      const applied = await migrate(database);
      // Hubs sharing their cache in Redis must not keep answers from before the tallies or the index are filled.
      await withSharedFence(config, database.dataSource, async () => {
        if (applied.includes(TALLY_MIGRATION)) {
          await fencedWrite(database.dataSource, () => rebuildFigures(database.dataSource));
          log('filled the figure tallies from the rows already stored');
        }
        await indexExistingRows(database);
      });
      log(
        database.target.kind === 'sqlite'
          ? 'SQLite follows the entities; nothing to migrate'
          : `applied ${applied.length} migration(s) ${applied.join(', ')}`,
      );
      await database.dataSource.destroy();
      return;
    }
    case 'token': {
      const role = (values.role ?? '').toUpperCase() as Role;
      if (values.region !== undefined && !divisionCodes().has(values.region)) {
        throw new ConfigError(
          `--region ${values.region} is not a division of 玉溪市 (src/seed/data/yuxi-divisions.tsv)`,
        );
      }
      if (values.org !== undefined && !/^[1-9]\d{0,9}$/.test(values.org)) {
        throw new ConfigError(`--org must be an organisation id (a positive integer), got "${values.org}"`);
      }
      const lifetime = values.expires === undefined ? undefined : parseDuration(values.expires);
      if (values.expires !== undefined && lifetime === undefined) {
        throw new ConfigError(`--expires must be a duration like 7d, 12h or 90m, got "${values.expires}"`);
      }
      if (config.auth.usingDevelopmentSecret)
        log('warning: JWT_SECRET is not set; this token is signed with the development secret');
      const token = await signToken(
        config.auth,
        {
          role,
          subject:
            values.subject ??
            `${role.toLowerCase()}${values.region ? `@${values.region}` : ''}${values.org ? `@org${values.org}` : ''}`,
          regionId: values.region,
          organizationId: values.org === undefined ? undefined : Number(values.org),
        },
        lifetime,
      );
      process.stdout.write(`${token}\n`);
      return;
    }
    case 'rekey': {
      const batchSize = values.batch === undefined ? 500 : Number(values.batch);
      if (!(Number.isSafeInteger(batchSize) && batchSize > 0))
        throw new ConfigError('--batch must be a positive integer');
      const database = await openAll(config);
      const counts = await withSharedFence(config, database.dataSource, () =>
        rekey(database.dataSource, { keys: config.dataKeys, jwtSecret: config.auth.jwtSecret, batchSize }),
      );
      const summary = Object.entries(counts)
        .map(([label, count]) => `${label} ${count}`)
        .join(', ');
      log(`re-sealed under key ${config.dataKeys.current.id}: ${summary}`);
      await database.dataSource.destroy();
      return;
    }
    case 'account': {
      if (argument !== 'create') throw new ConfigError('usage: wushe account create --username U --role R …');
      if (!values.username || !values.role) throw new ConfigError('wushe account create needs --username and --role');
      const database = await openAll(config);
      try {
        const created = await withSharedFence(config, database.dataSource, () =>
          createAccountFromCli(database.dataSource, config, {
            username: values.username!,
            role: values.role!,
            region: values.region,
            organization: values.organization,
            displayName: values['display-name'],
          }),
        );
        process.stdout.write(setupInstructions(created, config.consoleUrl));
      } finally {
        await database.dataSource.destroy();
      }
      return;
    }
    case 'verify-figures': {
      const database = await openAll(config);
      try {
        const result = await verifyFigures(database.dataSource);
        process.stdout.write(figureReport(result));
        if (result.differences.length > 0) process.exitCode = 1;
      } finally {
        await database.dataSource.destroy();
      }
      return;
    }
    case 'backup':
    case 'restore': {
      if (!argument) throw new ConfigError(`name the backup file: wushe ${command} <file>`);
      const target = parseDatabaseUrl(config.database.url);
      if (command === 'backup' && target.kind === 'mysql') {
        const dumped = await backupServer(target, argument, { force: values.force });
        log(
          `backed up ${target.database} to ${dumped.file} with ${dumped.program}: ${(dumped.bytes / 1048576).toFixed(1)} MB`,
        );
        return;
      }
      if (target.kind !== 'sqlite') {
        throw new ConfigError(
          `wushe ${command} works on the embedded SQLite database (and backs up MySQL/MariaDB); for ${target.kind} use ` +
            `${target.kind === 'mysql' ? 'mariadb-dump and mariadb' : 'pg_dump and pg_restore'} as README "Backups" shows`,
        );
      }
      if (command === 'backup') {
        const started = Date.now();
        const done = await backupSqlite(target.file, argument, { force: values.force, log });
        log(
          `backed up ${target.file} to ${done.file}: ${(done.bytes / 1048576).toFixed(1)} MB, audit rows up to id ` +
            `${done.lastAuditId}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        return;
      }
      const restored = await restoreSqlite(argument, target.file, {
        discardCurrentAudit: values['discard-current-audit'],
        ignoreChecks: values['ignore-checks'],
        log,
      });
      const { audit } = restored;
      log(
        audit.currentDatabase
          ? `audit: the backup ends at id ${audit.backupLastId}; carried over ${audit.carried} newer row(s) from the current database`
          : `audit: the backup ends at id ${audit.backupLastId}; there was no current database to carry rows from`,
      );
      process.stdout.write(figureReport(restored.figures));
      process.stdout.write(ledgerReport(restored.ledger));
      if (!restored.restored) {
        log(`not restored: the checks failed, ${target.file} is as it was (--ignore-checks restores anyway)`);
        process.exitCode = 1;
      } else log(`restored ${argument} to ${target.file}${restored.checksPassed ? '' : ' although the checks failed'}`);
      return;
    }
    case 'verify-ledger': {
      const database = await openAll(config);
      try {
        const result = await inOneSnapshot(database.dataSource, (manager) => checkLedger(manager));
        process.stdout.write(ledgerReport(result));
        if (!result.ok) process.exitCode = 1;
      } finally {
        await database.dataSource.destroy();
      }
      return;
    }
    case 'migration:generate': {
      if (!argument) throw new ConfigError('name the migration, e.g. AddNeedTags');
      log(`wrote ${await writeMigration(config.database, allEntities(), argument)}`);
      return;
    }
    case 'schema':
      if (values.check) {
        const stale = await checkSchemaFiles();
        if (stale.length) throw new ConfigError(`schema/ is stale (run npm run schema): ${stale.join(', ')}`);
        const invalid = checkOperations();
        if (invalid.length) throw new ConfigError(`client operations do not validate:\n${invalid.join('\n')}`);
        log('schema/ matches the code and composes; client operations validate');
      } else {
        log(`wrote ${(await writeSchemaFiles()).join(', ')}`);
      }
      return;
    default:
      throw new ConfigError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const expected =
    error instanceof ConfigError ||
    error instanceof DatabaseError ||
    error instanceof CompositionError ||
    error instanceof RekeyError ||
    error instanceof AccountCommandError ||
    error instanceof BackupError ||
    error instanceof DomainError ||
    error instanceof SchemaToolsMissing ||
    error instanceof AuthError;
  log(
    `wushe: ${expected ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
