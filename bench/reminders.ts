import 'reflect-metadata';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { buildResidentBot } from '../bots/resident';
import { sendReminders } from '../bots/resident/plugins/reminders';
import { systemClock } from '../bots/resident/send-queue';
import { Role } from '../src/auth/identity';
import { signToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/data-source';
import { createHub } from '../src/server/hub';
import { createHttpServer, listen } from '../src/server/http-server';
import { allEntities } from '../src/subgraphs/registry';

/**
 * `node dist/bench/reminders.js` against a seeded DATABASE_URL (BENCH_PORT, default 5180): BENCH_VOLUNTEERS
 * (default 500) residents linked to hub volunteers, each signed up for an activity tomorrow and one of them with
 * freshly verified hours; then one reminder pass (time until every message is queued, hub requests, SQL statements)
 * and a second pass that finds nothing new. The send throttle is off: on a real account the queue spreads the
 * messages at BOT_MESSAGES_PER_MINUTE.
 */
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 500);
const HUTIAN = '530402002004';

async function main() {
  const config = loadConfig({
    ...process.env,
    JWT_SECRET: 'benchmark-secret-0123456789',
    QUERY_COST_PER_MINUTE_PER_TOKEN: '100000000000',
    MUTATIONS_PER_MINUTE_PER_TOKEN: '100000000',
    MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000000',
  });
  const database = await openDatabase(config.database, allEntities());
  const hub = await createHub({ config, database, log: () => undefined });
  const server = createHttpServer({
    apollo: hub.server,
    context: (request) => hub.contextFor(request),
    ready: async () => void (await database.dataSource.query('SELECT 1')),
  });
  const port = await listen(server, Number(process.env.BENCH_PORT ?? 5180), '127.0.0.1');
  const admin = hub.context({ role: Role.ADMIN, subject: 'bench' }, 'bench');
  const created = await hub.server.executeOperation(
    {
      query: `mutation { createVolunteerActivity(input: { title: "重阳节敬老志愿服务", category: ELDERLY_CARE, regionId: "${HUTIAN}", startsOn: "2030-03-12" }) { id } }`,
    },
    { contextValue: admin },
  );
  const activityId = (created.body.kind === 'single' && created.body.singleResult.data?.createVolunteerActivity) as {
    id: string;
  };
  const botToken = await signToken(
    config.auth,
    { role: Role.BOT, subject: 'bench-bot', regionId: '530400000000' },
    3600,
  );
  const mocker = new mock.Mocker();
  // The day before the activity, 10:00 in China.
  const now = Date.parse('2030-03-11T02:00:00Z');
  const { bot, deps } = await buildResidentBot({
    config: {
      hubUrl: `http://127.0.0.1:${port}/graphql`,
      botToken,
      stateFile: ':memory:',
      sending: { perRoomIntervalMs: 0, perAccountPerMinute: 1_000_000, jitterMs: 0, backoffMs: 1000 },
      dialogTimeoutMs: 600_000,
      reminderIntervalMs: 0,
      feedIntervalMs: 3_600_000,
    },
    puppet: new PuppetMock({ mocker }),
    clock: { ...systemClock, now: () => now },
    log: () => undefined,
  });
  await bot.start();
  const [account] = mocker.createContacts(1);
  mocker.login(account);
  let verifiedFor = '';
  for (let i = 0; i < VOLUNTEERS; i += 1) {
    const contact = mocker.createContact({ name: `志愿者${i}` });
    const reporterRef = deps.reporterRef(contact.id);
    const { registerVolunteer } = await deps.hub.request('RegisterVolunteer', {
      input: { name: `志愿者${i}`, regionId: HUTIAN, skill: 'ELDERLY_CARE', reporterRef },
    });
    await deps.state.linkVolunteer(contact.id, registerVolunteer.id, now);
    await deps.hub.request('SignUpForActivity', {
      activityId: activityId.id,
      volunteerId: registerVolunteer.id,
      reporterRef,
    });
    verifiedFor ||= registerVolunteer.id;
  }
  const at = (offsetMinutes: number) => new Date(Date.now() - offsetMinutes * 60_000).toISOString();
  for (const [operation, args] of [
    ['checkIn', `at: "${at(180)}"`],
    ['checkOut', `at: "${at(60)}"`],
  ] as const) {
    const result = await hub.server.executeOperation(
      {
        query: `mutation { ${operation}(activityId: "${activityId.id}", volunteerId: "${verifiedFor}", ${args}) { id } }`,
      },
      { contextValue: admin },
    );
    const data = result.body.kind === 'single' ? result.body.singleResult.data : undefined;
    if (operation === 'checkOut') {
      const id = (data?.checkOut as { id: string }).id;
      await hub.server.executeOperation(
        { query: `mutation { verifyServiceHours(id: "${id}") { id } }` },
        { contextValue: admin },
      );
    }
  }
  for (const label of ['first pass', 'second pass']) {
    database.queries.reset();
    const started = performance.now();
    const queued = await sendReminders(deps, bot);
    const queuedMs = performance.now() - started;
    const statements = database.queries.reset();
    await deps.queue.idle();
    const saidMs = performance.now() - started;
    process.stdout.write(
      `| ${label} | ${VOLUNTEERS} | ${Math.ceil(VOLUNTEERS / 25)} | ${statements} | ${queued} | ${queuedMs.toFixed(0)} ms | ${saidMs.toFixed(0)} ms |\n`,
    );
  }
  await bot.stop();
  await new Promise((resolve) => server.close(resolve));
  await hub.stop();
  await database.dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
