/**
 * Fault drill: `kill -9` the hub again and again while clients send mutations, then check the database.
 *
 *   npm run build && DATABASE_URL=mysql://root@127.0.0.1:3306/mysql node dist/test/fault/kill-during-writes.js
 *
 * It creates a throw-away database on that server (migrated, seeded at scale 0.01), serves it with the compiled
 * CLI in production mode, and after the kills checks that every row the mutations committed has its OK audit
 * row naming it, that no OK audit row names a change that did not commit, and that quota, capacity and remaining
 * hold. Exits 1 when anything does not. Environment: KILLS (default 8), CLIENTS (12), PORT (5090), KEEP_DATABASE.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { Role } from '../../src/auth/identity';
import { signToken } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config/config';
import { parseDatabaseUrl } from '../../src/db/data-source';

const CLI = join(__dirname, '..', '..', 'src', 'cli.js');
const KILLS = Number(process.env.KILLS ?? 8);
const CLIENTS = Number(process.env.CLIENTS ?? 12);
const PORT = Number(process.env.PORT ?? 5090);
const LIQI = '530402006000';
const XIAHE = '530402006005';
const APPLICANT = '3'; // an organisation of 下赫社区 in the seeded city
const QUOTA = 3;
const CAPACITY = 40;
const RESOURCE_AMOUNT = 400;
const APPLICATIONS = 12;
const MARK = 'kill-drill';

const target = parseDatabaseUrl(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/mysql');
if (target.kind !== 'mysql') {
  process.stderr.write('the kill drill needs DATABASE_URL=mysql://… (a MySQL/MariaDB server)\n');
  process.exit(2);
}
const server = target;
const databaseName = `wushe_drill_${randomBytes(4).toString('hex')}`;
const credentials = server.password
  ? `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`
  : encodeURIComponent(server.user);
const env = {
  ...process.env,
  DATABASE_URL: `mysql://${credentials}@${server.host}:${server.port}/${databaseName}`,
  NODE_ENV: 'production',
  JWT_SECRET: `kill-drill-${randomBytes(16).toString('hex')}`,
  DATA_KEY: randomBytes(32).toString('hex'),
  PORT: String(PORT),
  MUTATIONS_PER_MINUTE_PER_TOKEN: '1000000',
  MUTATIONS_PER_MINUTE_PER_ADDRESS: '1000000',
  QUERY_COST_PER_MINUTE_PER_TOKEN: '1000000000',
  QUERY_COST_PER_MINUTE_PER_ADDRESS: '1000000000',
};
const url = `http://127.0.0.1:${PORT}/graphql`;
const log = (line: string) => process.stdout.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`wushe ${args.join(' ')} exited with ${code}`);
  });
}

async function startHub(): Promise<ChildProcess> {
  const hub = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  hub.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (hub.exitCode !== null) throw new Error(`the hub exited with ${hub.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok) return hub;
    } catch {
      // not listening yet
    }
    await pause(100);
  }
  throw new Error(`the hub did not come up: ${stderr}`);
}

async function kill9(hub: ChildProcess): Promise<void> {
  if (hub.exitCode !== null || hub.signalCode !== null) return;
  const exited = once(hub, 'exit');
  hub.kill('SIGKILL');
  await exited;
}

interface Answer {
  /** Every mutation and query these tests send selects the id of what it answers. */
  data?: Record<string, { id: string }> | null;
  errors?: { extensions?: { code?: string } }[];
}

async function graphql(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as Answer;
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code ?? 'NO_CODE';
    refusals.set(code, (refusals.get(code) ?? 0) + 1);
  }
  return answer;
}

/** Error codes the hub answered, to say why a mutation did not commit (expected: quota, capacity, remaining). */
const refusals = new Map<string, number>();

async function must(token: string, query: string, variables: Record<string, unknown> = {}) {
  const answer = await graphql(token, query, variables);
  if (answer.errors?.length || !answer.data) throw new Error(`setup failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

/** The resident the bot registers needs for (an opaque 64-hex reference, as the bot computes it). */
const RESIDENT_REF = 'd4'.repeat(32);
const SUBMIT_NEED = `mutation($c: ID!, $d: String!) { submitNeed(input: { category: ELDERLY_CARE, description: $d,
  urgency: HIGH, communityId: $c, reporterRef: "${RESIDENT_REF}" }) { id } }`;
const REGISTER_VOLUNTEER = `mutation($r: ID!) { registerVolunteer(input: { name: "演练志愿者", regionId: $r }) { id } }`;
const SIGN_UP = `mutation($a: ID!, $v: ID!) { signUpForActivity(activityId: $a, volunteerId: $v) { id } }`;
const ALLOCATE = `mutation($r: ID!, $n: ID!) { allocateCharityResource(input: { resourceId: $r, amount: 3, needId: $n,
  note: "${MARK}" }) { id } }`;
const APPROVE = `mutation($id: ID!) { approveProjectApplication(id: $id) { id } }`;

interface Setup {
  roundId: string;
  applicationIds: string[];
  resourceId: string;
  activityId: string;
  tokens: { admin: string; staff: string; bot: string };
}

async function setUp(): Promise<Setup> {
  const config = loadConfig(env);
  const tokens = {
    admin: await signToken(config.auth, { role: Role.ADMIN, subject: 'drill-admin' }, 3600),
    staff: await signToken(config.auth, { role: Role.STAFF, subject: 'drill-staff', regionId: LIQI }, 3600),
    bot: await signToken(config.auth, { role: Role.BOT, subject: 'drill-bot', regionId: LIQI }, 3600),
  };
  const round = await must(
    tokens.admin,
    `mutation($q: Int!) { openProjectRound(input: { name: "${MARK}", sponsor: "演练", openedOn: "2027-01-01",
      quota: $q }) { id } }`,
    { q: QUOTA },
  );
  const roundId = round.openProjectRound.id as string;
  const applicationIds: string[] = [];
  for (let i = 0; i < APPLICATIONS; i += 1) {
    const applied = await must(
      tokens.staff,
      `mutation($r: ID!, $a: ID!, $g: ID!) { submitProjectApplication(input: { roundId: $r, title: "${MARK}",
        category: ELDERLY_HARDSHIP, applicantId: $a, regionId: $g }) { id } }`,
      { r: roundId, a: APPLICANT, g: XIAHE },
    );
    const id = applied.submitProjectApplication.id as string;
    await must(tokens.staff, `mutation($id: ID!) { reviewProjectApplication(id: $id, score: 80) { id } }`, { id });
    applicationIds.push(id);
  }
  const resource = await must(
    tokens.staff,
    `mutation($r: ID!, $a: Int!) { recordCharityResource(input: { name: "${MARK}", kind: FUNDS, donor: "演练",
      regionId: $r, amount: $a, unit: "元", receivedOn: "2026-11-01" }) { id } }`,
    { r: LIQI, a: RESOURCE_AMOUNT },
  );
  const activity = await must(
    tokens.staff,
    `mutation($r: ID!, $c: Int!) { createVolunteerActivity(input: { title: "${MARK}", category: COMMUNITY_AFFAIRS,
      regionId: $r, startsOn: "2026-12-05", capacity: $c }) { id } }`,
    { r: LIQI, c: CAPACITY },
  );
  return {
    roundId,
    applicationIds,
    resourceId: resource.recordCharityResource.id,
    activityId: activity.createVolunteerActivity.id,
    tokens,
  };
}

/** One client: a random mix of mutations until the hub goes away under it. */
async function client(setup: Setup, number: number, counts: { sent: number; answered?: () => void }): Promise<void> {
  const { tokens } = setup;
  let lastNeed: string | undefined;
  for (let i = 0; ; i += 1) {
    try {
      const pick = (number + i) % 4;
      if (pick === 0 || !lastNeed) {
        const answer = await graphql(tokens.bot, SUBMIT_NEED, { c: XIAHE, d: `${MARK} ${number}-${i}` });
        lastNeed = answer.data?.submitNeed?.id ?? lastNeed;
      } else if (pick === 1) {
        const volunteer = await graphql(tokens.staff, REGISTER_VOLUNTEER, { r: LIQI });
        const id = volunteer.data?.registerVolunteer?.id;
        if (id) await graphql(tokens.staff, SIGN_UP, { a: setup.activityId, v: id });
      } else if (pick === 2) {
        await graphql(tokens.staff, ALLOCATE, { r: setup.resourceId, n: lastNeed });
      } else {
        const id = setup.applicationIds[Math.floor(Math.random() * setup.applicationIds.length)];
        await graphql(tokens.admin, APPROVE, { id });
      }
      counts.sent += 1;
      counts.answered?.();
    } catch {
      return; // the hub is gone
    }
  }
}

/** The id each OK audit row of `operation` says it returned (`… → 41`), or the `id=` it named. */
async function auditedIds(db: Connection, operation: string, by: 'returned' | 'named'): Promise<Set<number>> {
  const [rows] = await db.query<RowDataPacket[]>('SELECT target FROM audit_entry WHERE operation = ? AND outcome = ?', [
    operation,
    'OK',
  ]);
  const pattern = by === 'returned' ? /→ (\d+)/ : /(?:^| )id=(\d+)/;
  return new Set(rows.map((row) => Number(pattern.exec(row.target)?.[1])).filter((id) => Number.isInteger(id)));
}

async function ids(db: Connection, sql: string, params: unknown[]): Promise<Set<number>> {
  const [rows] = await db.query<RowDataPacket[]>(sql, params);
  return new Set(rows.map((row) => Number(row.id)));
}

async function check(db: Connection, setup: Setup): Promise<string[]> {
  const failures: string[] = [];
  log(`refusals by code: ${JSON.stringify(Object.fromEntries(refusals))}`);
  const compare = (what: string, committed: Set<number>, audited: Set<number>) => {
    // A drill in which nothing commits proves nothing: every kind of mutation must have landed some of the time.
    if (committed.size === 0) failures.push(`no ${what} committed: the drill did no work`);
    const unaudited = [...committed].filter((id) => !audited.has(id));
    const phantom = [...audited].filter((id) => !committed.has(id));
    log(
      `${what}: ${committed.size} committed, ${unaudited.length} without audit row, ${phantom.length} audited but absent`,
    );
    if (unaudited.length)
      failures.push(`${unaudited.length} committed ${what} without audit row (${unaudited.join(', ')})`);
    if (phantom.length)
      failures.push(`${phantom.length} OK audit rows for ${what} that did not commit (${phantom.join(', ')})`);
  };
  compare(
    'submitNeed',
    await ids(db, 'SELECT id FROM need WHERE description LIKE ?', [`${MARK} %`]),
    await auditedIds(db, 'submitNeed', 'returned'),
  );
  compare(
    'registerVolunteer',
    await ids(db, 'SELECT id FROM volunteer WHERE name = ?', ['演练志愿者']),
    await auditedIds(db, 'registerVolunteer', 'returned'),
  );
  compare(
    'signUpForActivity',
    await ids(db, 'SELECT id FROM activity_signup WHERE activity_id = ?', [Number(setup.activityId)]),
    await auditedIds(db, 'signUpForActivity', 'returned'),
  );
  compare(
    'allocateCharityResource',
    await ids(db, 'SELECT id FROM allocation WHERE resource_id = ?', [Number(setup.resourceId)]),
    await auditedIds(db, 'allocateCharityResource', 'returned'),
  );
  compare(
    'approveProjectApplication',
    await ids(db, 'SELECT id FROM service_project WHERE round_id = ? AND status = ?', [
      Number(setup.roundId),
      'APPROVED',
    ]),
    await auditedIds(db, 'approveProjectApplication', 'named'),
  );

  const [[approved]] = await db.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS n FROM service_project WHERE round_id = ? AND status = ?',
    [Number(setup.roundId), 'APPROVED'],
  );
  const [[signedUp]] = await db.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS n FROM activity_signup WHERE activity_id = ?',
    [Number(setup.activityId)],
  );
  const [[allocated]] = await db.query<RowDataPacket[]>(
    'SELECT COALESCE(SUM(amount), 0) AS n FROM allocation WHERE resource_id = ?',
    [Number(setup.resourceId)],
  );
  const [[numbers]] = await db.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT number) AS distinct_numbers FROM need WHERE description LIKE ?',
    [`${MARK} %`],
  );
  log(
    `invariants: ${approved.n}/${QUOTA} approved, ${signedUp.n}/${CAPACITY} signed up, ` +
      `${allocated.n}/${RESOURCE_AMOUNT} allocated, ${numbers.distinct_numbers}/${numbers.n} distinct need numbers`,
  );
  if (Number(approved.n) > QUOTA) failures.push(`${approved.n} approved on a quota of ${QUOTA}`);
  if (Number(signedUp.n) > CAPACITY) failures.push(`${signedUp.n} signed up on a capacity of ${CAPACITY}`);
  if (Number(allocated.n) > RESOURCE_AMOUNT) failures.push(`${allocated.n} allocated of ${RESOURCE_AMOUNT}`);
  if (Number(numbers.n) !== Number(numbers.distinct_numbers)) failures.push('two needs share a number');
  return failures;
}

async function main(): Promise<void> {
  const admin = await createConnection({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
  });
  await admin.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let hub: ChildProcess | undefined;
  try {
    await run(['migrate']);
    await run(['seed', '--scale', '0.01']);
    hub = await startHub();
    const setup = await setUp();
    const counts: { sent: number; answered?: () => void } = { sent: 0 };
    for (let kill = 1; kill <= KILLS; kill += 1) {
      const started = Date.now();
      hub ??= await startHub();
      const up = Date.now();
      // The kill comes at a random moment once mutations are flowing, not while the first ones are planned.
      const flowing = new Promise<void>((resolve) => (counts.answered = resolve));
      const clients = Array.from({ length: CLIENTS }, (_, number) => client(setup, number, counts));
      await flowing;
      await pause(200 + Math.floor(Math.random() * 800));
      log(`kill ${kill}: hub up in ${up - started} ms, killed ${Date.now() - up} ms later, ${counts.sent} sent so far`);
      await kill9(hub);
      hub = undefined;
      await Promise.all(clients);
    }
    log(`${KILLS} kills of the hub, ${counts.sent} mutations sent`);
    await admin.changeUser({ database: databaseName });
    const failures = await check(admin, setup);
    if (failures.length) {
      log(`FAILED:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      log('ok: every committed mutation has its audit row, and the invariants hold');
    }
  } finally {
    if (hub) await kill9(hub);
    if (!process.env.KEEP_DATABASE) await admin.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`kill drill: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
