import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/identity';
import { sendReminders } from '../../bots/resident/plugins/reminders';
import { systemClock } from '../../bots/resident/send-queue';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';

/** 葫田社区 (the fixture room's community), its street 凤凰街道, and a member of its staff. */
const HUTIAN = '530402002004';
const STAFF_FENGHUANG = { role: Role.STAFF, subject: 'staff-fenghuang', regionId: '530402002000' };
const STATION = '葫田社区“乐老汇”为老服务站';

/** The bot's clock, moved by the tests: 2030-03-10 10:00 in China, two days before the activities. */
let now = Date.parse('2030-03-10T02:00:00Z');
const stateDir = mkdtempSync(join(tmpdir(), 'wushe-reminders-'));
let f: BotFixture;

beforeAll(async () => {
  f = await startBotFixture({
    clock: { ...systemClock, now: () => now },
    // Passes are run by the tests, one at a time; a state file, so a restart keeps what was sent.
    config: { stateFile: join(stateDir, 'bot.sqlite'), reminderIntervalMs: 0 },
  });
}, 60_000);
afterAll(async () => {
  await f?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** One reminder pass, and everything it queued said. */
async function pass(): Promise<number> {
  const queued = await sendReminders(f.resident.deps, f.resident.bot);
  await f.resident.deps.queue.idle();
  return queued;
}

async function createActivity(title: string, startsOn: string, stationId?: string): Promise<string> {
  const { createVolunteerActivity } = await f.t.query<{ createVolunteerActivity: { id: string } }>(
    'mutation($input: CreateActivityInput!) { createVolunteerActivity(input: $input) { id } }',
    { input: { title, category: 'ELDERLY_CARE', regionId: HUTIAN, startsOn, capacity: 20, stationId } },
    STAFF_FENGHUANG,
  );
  return createVolunteerActivity.id;
}

/**
 * Signs a contact up as 报名 does (the resident registered as a volunteer of the room's community with their
 * reference, linked in the bot's state, then signed up), through the bot's own hub documents.
 */
async function signUp(contactId: string, activityId: string): Promise<string> {
  const { deps } = f.resident;
  let volunteerId = await deps.state.volunteerOf(contactId);
  if (!volunteerId) {
    const { registerVolunteer } = await deps.hub.request('RegisterVolunteer', {
      input: { name: '王秀英', regionId: HUTIAN, skill: 'ELDERLY_CARE', reporterRef: deps.reporterRef(contactId) },
    });
    volunteerId = registerVolunteer.id;
    await deps.state.linkVolunteer(contactId, volunteerId, deps.clock.now());
  }
  await deps.hub.request('SignUpForActivity', { activityId, volunteerId, reporterRef: deps.reporterRef(contactId) });
  return volunteerId;
}

test('the day before, once; verified hours, once; nothing again after a restart; a pass with the hub down is made up', async () => {
  const volunteer = f.mocker.createContact({ name: '王阿姨' });
  const roomBefore = f.sent(f.room.id).length;
  const { serviceStations } = await f.t.query<{ serviceStations: { nodes: { id: string; name: string }[] } }>(
    'query { serviceStations(filter: { regionId: "530402002004", search: "乐老汇" }) { nodes { id name } } }',
  );
  const station = serviceStations.nodes.find((node) => node.name === STATION)!.id;
  const activity = await createActivity('三月学雷锋助老服务', '2030-03-12', station);
  const volunteerId = await signUp(volunteer.id, activity);

  // Signed up the day after tomorrow: nothing yet.
  expect(await pass()).toBe(0);
  expect(f.sent(volunteer.id)).toEqual([]);

  // The day before, 10:00 China time: exactly one reminder, privately.
  now = Date.parse('2030-03-11T02:00:00Z');
  expect(await pass()).toBe(1);
  const reminder = [
    '温馨提醒:您报名的志愿活动「三月学雷锋助老服务」明天 3月12日(星期二)举行。',
    '地点:葫田社区“乐老汇”为老服务站。',
    '具体时间请留意社区通知;如不能参加或有疑问,请告诉社区工作人员。发送「活动」可查看近期活动。',
  ].join('\n');
  expect(f.sent(volunteer.id)).toEqual([reminder]);
  // Another pass the same day: nothing more.
  now += 3 * 3600_000;
  expect(await pass()).toBe(0);
  expect(f.sent(volunteer.id)).toEqual([reminder]);

  // Staff record the service (90 minutes) and then verify it: one private message, only once verified.
  const served = Date.now() - 3 * 3600_000;
  const ids = { activityId: activity, volunteerId };
  await f.t.query(
    'mutation($activityId: ID!, $volunteerId: ID!, $at: DateTimeISO) { checkIn(activityId: $activityId, volunteerId: $volunteerId, at: $at) { id } }',
    { ...ids, at: new Date(served).toISOString() },
    STAFF_FENGHUANG,
  );
  const { checkOut } = await f.t.query<{ checkOut: { id: string } }>(
    'mutation($activityId: ID!, $volunteerId: ID!, $at: DateTimeISO) { checkOut(activityId: $activityId, volunteerId: $volunteerId, at: $at) { id } }',
    { ...ids, at: new Date(served + 90 * 60_000).toISOString() },
    STAFF_FENGHUANG,
  );
  expect(await pass()).toBe(0);
  await f.t.query('mutation($id: ID!) { verifyServiceHours(id: $id) { id } }', { id: checkOut.id }, STAFF_FENGHUANG);
  expect(await pass()).toBe(1);
  const verified =
    '您参加「三月学雷锋助老服务」的志愿服务 1.5 小时已由社区审核认证,累计认证 1.5 小时。感谢您的付出!发送「志愿时长」可随时查看。';
  expect(f.sent(volunteer.id)).toEqual([reminder, verified]);
  expect(await pass()).toBe(0);

  // A restarted bot on the same state file, still the day before: nothing is said again.
  await f.restartBot();
  expect(await pass()).toBe(0);
  expect(f.sent(volunteer.id)).toEqual([reminder, verified]);

  // A second activity the same day; the hub is down for one pass, and the next one makes it up.
  const second = await createActivity('社区义诊引导', '2030-03-12');
  await signUp(volunteer.id, second);
  f.setHubDown(true);
  try {
    expect(await pass()).toBe(0);
  } finally {
    f.setHubDown(false);
  }
  expect(f.sent(volunteer.id)).toEqual([reminder, verified]);
  expect(await pass()).toBe(1);
  expect(f.sent(volunteer.id).slice(2)).toEqual([
    [
      '温馨提醒:您报名的志愿活动「社区义诊引导」明天 3月12日(星期二)举行。',
      '地点:葫田社区。',
      '具体时间请留意社区通知;如不能参加或有疑问,请告诉社区工作人员。发送「活动」可查看近期活动。',
    ].join('\n'),
  ]);
  expect(await pass()).toBe(0);
  // Reminders are private: the group heard none of them.
  expect(f.sent(f.room.id).length).toBe(roomBefore);
});

describe('on its own timer', () => {
  let timed: BotFixture;
  beforeAll(async () => {
    timed = await startBotFixture({
      clock: { ...systemClock, now: () => Date.parse('2030-03-11T02:00:00Z') },
      config: { reminderIntervalMs: 20 },
    });
  }, 60_000);
  afterAll(() => timed?.stop());

  test('the bot looks every BOT_REMINDER_INTERVAL_MS once logged in, and the reminder arrives', async () => {
    const resident = timed.mocker.createContact({ name: '李大爷' });
    const { deps } = timed.resident;
    const reporterRef = deps.reporterRef(resident.id);
    const { createVolunteerActivity } = await timed.t.query<{ createVolunteerActivity: { id: string } }>(
      `mutation { createVolunteerActivity(input: { title: "楼道清洁日", category: COMMUNITY_AFFAIRS, regionId: "${HUTIAN}", startsOn: "2030-03-12" }) { id } }`,
      {},
      STAFF_FENGHUANG,
    );
    const { registerVolunteer } = await deps.hub.request('RegisterVolunteer', {
      input: { name: '李建国', regionId: HUTIAN, skill: 'OTHER', reporterRef },
    });
    await deps.hub.request('SignUpForActivity', {
      activityId: createVolunteerActivity.id,
      volunteerId: registerVolunteer.id,
      reporterRef,
    });
    const reminder = timed.nextReply(resident.id);
    await deps.state.linkVolunteer(resident.id, registerVolunteer.id, deps.clock.now());
    expect(await reminder).toBe(
      [
        '温馨提醒:您报名的志愿活动「楼道清洁日」明天 3月12日(星期二)举行。',
        '地点:葫田社区。',
        '具体时间请留意社区通知;如不能参加或有疑问,请告诉社区工作人员。发送「活动」可查看近期活动。',
      ].join('\n'),
    );
  });
});
