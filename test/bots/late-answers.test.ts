import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerDeferred } from '../../bots/resident/plugins/deferred-answers';
import { systemClock } from '../../bots/resident/send-queue';
import { CREATE_NEARBY_ACTIVITY } from '../helpers/bot-answer-operations';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';
import { IDENTITIES } from '../helpers/identities';

// Hub down: a question is answered "系统暂时联系不上,已记下,稍后回复。", kept in the bot's state file, and answered in the
// same conversation when the hub is back — also by a restarted bot. The bot retries by itself here (every 50 ms of
// real time, on its own back-off in its clock); the tests wait for the replies, never for time.
const HUB_DOWN = '系统暂时联系不上,已记下,稍后回复。';
const late = (question: string) => `您之前问「${question}」,现在回复您:\n`;
const HUTIAN = '530402002004';

let f: BotFixture;
let dir: string;
/** How far the bot's clock runs ahead: makes a retry due, or a question a day old, without waiting. */
let ahead = 0;
const logWaiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
/** The bot's next log line matching `pattern`; fails after 10 s. */
const nextLog = (pattern: RegExp) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no log line ${pattern}`)), 10_000);
    logWaiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
  });
const kept = () => f.resident.deps.state.deferred.pending();
/** Once the bot's retry round that sent an answer has finished (rounds run one after another), what is still kept. */
const keptAfterRound = async () => {
  await answerDeferred(f.resident.deps, f.resident.bot);
  return kept();
};

afterEach(() => f.setHubDown(false));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wushe-late-answers-'));
  f = await startBotFixture({
    config: { stateFile: join(dir, 'bot.sqlite') },
    clock: { ...systemClock, now: () => Date.now() + ahead },
    gate: { floodLimit: 1000 },
    deferredRetryMs: 50,
    log: (line) => {
      const index = logWaiters.findIndex((w) => w.pattern.test(line));
      if (index >= 0) logWaiters.splice(index, 1)[0].resolve(line);
    },
  });
}, 60_000);
afterAll(async () => {
  await f?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The person registers a need privately (with the hub up); returns its number. */
async function registerNeed(description: string): Promise<string> {
  const menu = f.nextReply(f.person.id);
  await f.say('登记需求');
  await menu;
  for (const answer of ['1', description, '1', '跳过']) await f.say(answer, { privately: true });
  const done = await f.say('确认', { privately: true });
  await f.nextReply(f.person.id);
  return done.match(/XQ\d{8}-\d{4}/)![0];
}

test('hub down: the question is kept and said so; it is answered in its own conversation, headed by the question, once the hub is back', async () => {
  const number = await registerNeed('独居老人需要每周上门探访');
  const before = { room: f.sent(f.room.id).length, private: f.sent(f.person.id).length };
  f.setHubDown(true);
  expect(await f.say('查服务 养老')).toBe(HUB_DOWN);
  expect(await f.say('我的需求 1', { privately: true })).toBe(HUB_DOWN);
  // Asked again while still down (after the 60-s repeat window): told again, kept once.
  ahead += 61_000;
  expect(await f.say('查服务 养老')).toBe(HUB_DOWN);
  expect(await kept()).toBe(2);
  // A retry while the hub is still down answers nothing and keeps both.
  // (how many rounds failed before depends on the timer, so the back-off is not pinned here)
  expect(await nextLog(/^hub still unreachable/)).toMatch(
    /^hub still unreachable; 2 questions kept, next try in (5|10|20|40|60)000 ms$/,
  );
  expect(await kept()).toBe(2);
  expect(f.sent(f.room.id).slice(before.room)).toEqual([HUB_DOWN, HUB_DOWN]);
  // A newer need (as if registered meanwhile) is now first in 我的需求: the kept question still means the one that
  // was first when it was asked.
  await f.resident.deps.state.rememberNeed('XQ20991231-0001', f.person.id, '', 'SUBMITTED', Date.now() + ahead + 1);

  const inRoom = f.nextReply(f.room.id);
  const privately = f.nextReply(f.person.id);
  f.setHubDown(false);
  ahead += 61_000;
  const roomAnswer = await inRoom;
  expect(roomAnswer.startsWith(`${late('查服务 养老')}葫田社区附近的「养老」服务(`)).toBe(true);
  expect(roomAnswer).toContain('\n1. 乐老汇为老服务 — 葫田社区乐老汇为老服务队 电话 ');
  expect(await privately).toBe(
    `${late('我的需求 1')}需求 ${number}:已提交\n类别:养老服务\n描述:独居老人需要每周上门探访`,
  );
  expect(await keptAfterRound()).toBe(0);
  // The late answer is the answer: asked now, the same list without the heading.
  ahead += 61_000;
  expect(late('查服务 养老') + (await f.say('查服务 养老'))).toBe(roomAnswer);
  expect(f.sent(f.person.id).slice(before.private)).toEqual([HUB_DOWN, await privately]);
});

test('kept questions, and where 更多 is in a list, survive a restart of the bot', async () => {
  for (let day = 1; day <= 7; day += 1)
    await f.t.query(
      CREATE_NEARBY_ACTIVITY,
      { title: `重启前后的活动 ${day}`, startsOn: `2097-01-0${day}`, regionId: HUTIAN, stationId: null },
      IDENTITIES.ADMIN,
    );
  ahead += 61_000;
  const first = await f.say('活动');
  expect(first).toMatch(/^葫田社区附近的志愿活动\(第 1–5 项,共 \d+ 项\):/);
  const neighbour = f.mocker.createContact({ name: '郑大爷' });
  f.setHubDown(true);
  expect(await f.say('活动', { from: neighbour })).toBe(HUB_DOWN);
  expect(await kept()).toBe(1);

  await f.restartBot();
  expect(await kept()).toBe(1);
  const answered = f.nextReply(f.room.id);
  f.setHubDown(false);
  ahead += 61_000;
  expect(await answered).toBe(late('活动') + first);
  expect(await keptAfterRound()).toBe(0);
  // The person's list from before the restart goes on where it stopped.
  expect(await f.say('更多')).toMatch(/^葫田社区附近的志愿活动\(第 6–\d+ 项,共 \d+ 项\):\n6\. /);
});

test('报名: when the hub is unreachable as the resident gives their name, the choice is kept and carried out later', async () => {
  const created = await f.t.query<{ createVolunteerActivity: { id: string } }>(
    CREATE_NEARBY_ACTIVITY,
    { title: '敬老院探访', startsOn: '2099-06-01', regionId: HUTIAN, stationId: null },
    IDENTITIES.ADMIN,
  );
  const activity = created.createVolunteerActivity.id;
  const joiner = f.mocker.createContact({ name: '微信昵称' });
  const consent = f.nextReply(joiner.id);
  await f.say(`报名 ${activity}`, { from: joiner });
  await consent;
  expect(await f.say('同意', { privately: true, from: joiner })).toContain('怎么称呼您');
  f.setHubDown(true);
  expect(await f.say('赵桂兰', { privately: true, from: joiner })).toBe(HUB_DOWN);
  const joined = f.nextReply(joiner.id);
  f.setHubDown(false);
  ahead += 61_000;
  expect(await joined).toBe(
    `${late(`报名 ${activity}`)}已登记为志愿者「赵桂兰」。报名成功!活动编号 ${activity},感谢您的参与。`,
  );
  expect(await keptAfterRound()).toBe(0);
  const volunteerId = await f.resident.deps.state.volunteerOf(joiner.id);
  const [row] = await f.t.database.dataSource.query('SELECT name FROM volunteer WHERE id = ?', [Number(volunteerId)]);
  expect(row.name).toBe('赵桂兰');
});

test('a question kept for more than a day is dropped with a log line, unanswered', async () => {
  const resident = f.mocker.createContact({ name: '钱奶奶' });
  f.setHubDown(true);
  try {
    expect(await f.say('活动', { from: resident })).toBe(HUB_DOWN);
    expect(await kept()).toBe(1);
    const dropped = nextLog(/dropped unanswered after a day/);
    ahead += 25 * 3_600_000;
    expect(await dropped).toContain('("活动")');
    expect(await kept()).toBe(0);
  } finally {
    f.setHubDown(false);
  }
});
