import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { types } from 'wechaty';
import { Role } from '../../src/auth/identity';
import { answerDeferred } from '../../bots/resident/plugins/deferred-answers';
import { sendReminders } from '../../bots/resident/plugins/reminders';
import { systemClock } from '../../bots/resident/send-queue';
import { CHECK_IN, CHECK_OUT, NEED_TRANSITION, VERIFY_HOURS } from '../helpers/admin-operations';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';
import { ASSIGN_NEED } from '../helpers/need-event-operations';

/**
 * A whole conversation of an elderly resident of 葫田社区 with the bot, against the real hub on the demo data, as
 * she would have it over a few weeks: she asks in 繁體 and with typos, sends a voice message, repeats herself, pages
 * through lists, registers a need, hears every change staff make to it, rates it, signs up for an activity with her
 * consent, and hears the reminder and her verified hours. Each step is checked here; the whole is written to
 * docs/transcript-elderly-resident.md, and that file must match what the bot says today (dates aside, which follow
 * the day the test runs): run with UPDATE_TRANSCRIPT=1 to rewrite it after a deliberate change of the bot's words.
 */
const TRANSCRIPT = join(__dirname, '..', '..', 'docs', 'transcript-elderly-resident.md');
const HUTIAN = '530402002004';
const STAFF_FENGHUANG = { role: Role.STAFF, subject: '凤凰街道 李主任', regionId: '530402002000' };
const DAY_MS = 86_400_000;

/**
 * How far the bot's clock is ahead of the wall clock: moved forward to the day before her activity (never back, as
 * time does not run back); her messages carry the bot's time.
 */
let ahead = 0;
const dir = mkdtempSync(join(tmpdir(), 'wushe-transcript-'));
let f: BotFixture;
type Contact = ReturnType<BotFixture['mocker']['createContact']>;
let auntie: Contact;

const lines: string[] = [];
let turns = 0;
let messageIds = 0;

beforeAll(async () => {
  f = await startBotFixture({
    config: { stateFile: join(dir, 'bot.sqlite') },
    clock: { ...systemClock, now: () => Date.now() + ahead },
    // She types faster here than any resident could: the flood guard is for people, not for this script.
    gate: { floodLimit: 1000 },
  });
  auntie = f.mocker.createContact({ name: '王阿姨' });
}, 60_000);
afterAll(async () => {
  // Written even when a step fails, so the conversation up to that step can be read.
  if (process.env.UPDATE_TRANSCRIPT) writeFileSync(TRANSCRIPT, compose());
  await f?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What the bot said since `before` in the group and privately to her, as transcript lines. */
function heard(before: { room: number; private: number }): string[] {
  const quote = (where: string, text: string) => text.split('\n').map((line, i) => `> ${i ? '' : where}${line}`);
  const said = [
    ...f
      .sent(f.room.id)
      .slice(before.room)
      .map((text) => quote('〔群〕', text)),
    ...f
      .sent(auntie.id)
      .slice(before.private)
      .map((text) => quote('〔私聊〕', text)),
  ];
  return said.flatMap((block) => [...block, '']);
}

const mark = () => ({ room: f.sent(f.room.id).length, private: f.sent(auntie.id).length });

/** She says `text` (in the group, or privately); returns what the bot answered her, privately and in the group. */
async function says(
  text: string,
  { privately = false, type }: { privately?: boolean; type?: types.Message } = {},
): Promise<{ room: string[]; private: string[] }> {
  const before = mark();
  const received = f.received();
  messageIds += 1;
  f.deliver({
    id: `transcript-${messageIds}`,
    talkerId: auntie.id,
    ...(privately ? { listenerId: f.botUser.id } : { roomId: f.room.id }),
    text,
    timestamp: Date.now() + ahead,
    ...(type ? { type } : {}),
  });
  await f.settled(received + 1);
  turns += 1;
  const shown = type === types.Message.Audio ? '(一段语音)' : text;
  lines.push(`**${turns}. 王阿姨${privately ? '(私聊)' : '(群里)'}:** ${shown}`, '', ...heard(before));
  return { room: f.sent(f.room.id).slice(before.room), private: f.sent(auntie.id).slice(before.private) };
}

/** Something staff (or time) do; the bot's messages that follow are recorded under it. */
async function meanwhile(what: string, action: () => Promise<unknown>): Promise<string[]> {
  const before = mark();
  await action();
  await f.resident.deps.queue.idle();
  lines.push(`*—— ${what} ——*`, '', ...heard(before));
  return f.sent(auntie.id).slice(before.private);
}

const staff = (step: string, id: string) => f.t.query(NEED_TRANSITION(step), { id }, STAFF_FENGHUANG);

/** Dates and need numbers follow the day the test runs; the words around them must stay as committed. */
const withoutDates = (text: string) =>
  text
    .replace(/XQ\d{8}/g, 'XQ########')
    .replace(/\d{8}-(\d{4})/g, '########-$1')
    .replace(/\d{4}-\d{2}-\d{2}/g, '####-##-##')
    .replace(/\d{1,2}月\d{1,2}日/g, '#月#日')
    .replace(/星期[一二三四五六日天]/g, '星期#');

/** The transcript file: a short introduction, then every turn. */
function compose(): string {
  return [
    '# 一位老年居民和五社联动小助手的对话',
    '',
    '<!-- Written by test/bots/elderly-resident-transcript.test.ts (UPDATE_TRANSCRIPT=1 rewrites it); the test fails',
    "     when the bot's words drift from this file. Dates and need numbers are those of the day it was written. -->",
    '',
    '王阿姨住在红塔区凤凰街道葫田社区,在社区居民群里向小助手求助;小助手是真实的 Wechaty 机器人',
    '(wechaty-puppet-mock),连着装有玉溪示范数据的真实服务端。「——」之间是社区工作人员和时间做的事;',
    '〔群〕是群里所有人看到的,〔私聊〕只有王阿姨看到。',
    '',
    ...lines,
  ].join('\n');
}

test('an elderly resident’s conversation, from her first question to her verified hours', async () => {
  // In the group: what can it do, asked in traditional characters; then the list, page by page.
  expect((await says('幫助')).room.join('\n')).toContain('查服务 养老');
  const services = await says('查服務');
  expect(services.room[0]).toMatch(/^1\. /m);
  expect(services.room.join('\n')).toMatch(/电话 0877-\d{7}/);
  expect((await says('查服務')).room).toEqual(['刚才已回复,请看上面。']);
  await says('更多');
  expect((await says('查服務 養老')).room.join('\n')).toContain('养老');
  // A typo, privately; then a voice message, which she is asked to send as text.
  expect((await says('cha服务 养老', { privately: true })).private[0]).toContain('查服务 养老');
  expect((await says('', { privately: true, type: types.Message.Audio })).private).toEqual([
    '抱歉,我还听不懂语音、看不懂图片和表情。请发文字给我(可以请家人帮忙),发送「帮助」看看能做什么。',
  ]);

  // She registers a need: asked in the group, continued privately one question at a time.
  expect((await says('登记需求')).private[0]).toContain('1');
  await says('1', { privately: true });
  await says('老伴腿脚不便,想请人每周上门帮忙打扫卫生', { privately: true });
  await says('1', { privately: true });
  await says('跳过', { privately: true });
  const confirmed = await says('确认', { privately: true });
  const number = confirmed.private.join('\n').match(/XQ\d{8}-\d{4}/)![0];
  expect(confirmed.private.at(-1)).toBe(number);
  const [row] = await f.t.database.dataSource.query('SELECT id FROM need WHERE number = ?', [number]);
  const needId = String(row.id);

  // Staff accept it; she hears it privately, the group only the number and status.
  expect(
    await meanwhile('社区工作人员受理了这条需求', async () => {
      await staff('acceptNeed', needId);
      await f.pollFeed();
    }),
  ).toEqual([expect.stringContaining('已受理')]);
  // She asks how it goes, by its place in her list and by the number without XQ — while the hub is unreachable.
  expect((await says('我的需求', { privately: true })).private.join('\n')).toContain(number);
  f.setHubDown(true);
  try {
    expect((await says('我的需求 1', { privately: true })).private).toEqual(['系统暂时联系不上,已记下,稍后回复。']);
  } finally {
    f.setHubDown(false);
  }
  expect(
    await meanwhile('系统恢复了', async () => {
      expect(await answerDeferred(f.resident.deps, f.resident.bot)).toBe(1);
    }),
  ).toEqual([expect.stringContaining('我的需求 1')]);
  expect((await says(`需求 ${number.slice(2)}`, { privately: true })).private.join('\n')).toContain('已受理');

  // Staff name the station that will come, and when: next week, 9:30 in the morning (China time).
  const [station] = await f.t.database.dataSource.query(
    "SELECT id, name, public_phone AS phone FROM service_station WHERE name LIKE '%乐老汇%'",
  );
  const day = new Date(Date.now() + 7 * DAY_MS);
  const appointmentAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 30));
  const assigned = await meanwhile('工作人员安排了上门服务', async () => {
    await f.t.query(
      ASSIGN_NEED,
      { id: needId, society: 'COMMUNITY', referenceId: String(station.id), appointmentAt: appointmentAt.toISOString() },
      STAFF_FENGHUANG,
    );
    await f.pollFeed();
  });
  expect(assigned).toEqual([expect.stringContaining(`${station.name}将于`)]);
  expect(assigned[0]).toContain(`上午9:30`);
  expect(assigned[0]).toContain(`联系电话 ${station.phone}`);
  for (const [step, status] of [
    ['matchNeed', '已匹配服务'],
    ['startNeedService', '服务中'],
    ['resolveNeed', '已解决'],
  ]) {
    expect(
      await meanwhile(`工作人员把需求推进到「${status}」`, async () => {
        await staff(step, needId);
        await f.pollFeed();
      }),
    ).toEqual([expect.stringContaining(status)]);
  }
  // She rates it by its place in her list, then says thanks (no command: she is told what she can send).
  expect((await says('我要评价', { privately: true })).private.join('\n')).toContain('评价');
  expect((await says('评价 1 五星', { privately: true })).private.join('\n')).toContain('5');
  const [rated] = await f.t.database.dataSource.query('SELECT rating FROM need WHERE id = ?', [needId]);
  expect(rated.rating).toBe(5);
  expect((await says('谢谢你们', { privately: true })).private).toHaveLength(1);
  expect(
    await meanwhile('工作人员关闭了这条需求', async () => {
      await staff('closeNeed', needId);
      await f.pollFeed();
    }),
  ).toEqual([expect.stringContaining('已关闭')]);

  // Activities in the weeks ahead; she signs up for the first, agreeing to be recorded under the name she chooses.
  await meanwhile('社区发布了几项新活动', async () => {
    for (const [title, inDays] of [
      ['冬日助老理发', 5],
      ['防范电信诈骗讲座', 6],
      ['垃圾分类宣传', 8],
      ['冬至包汤圆', 9],
    ] as const) {
      const startsOn = new Date(Date.now() + inDays * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
      await f.t.query(
        'mutation($input: CreateActivityInput!) { createVolunteerActivity(input: $input) { id } }',
        { input: { title, category: 'ELDERLY_CARE', regionId: HUTIAN, startsOn, capacity: 20 } },
        STAFF_FENGHUANG,
      );
    }
  });
  const activities = await says('活动');
  expect(activities.room[0]).toMatch(/^1\. /m);
  const activityId = activities.room.join('\n').match(/报名 (\d+)/)![1];
  expect((await says('更多')).room[0]).toMatch(/^6\. /m);
  expect((await says(`报名 ${activityId}`)).private.join('\n')).toContain('同意');
  await says('同意', { privately: true });
  const signedUp = await says('王秀英', { privately: true });
  expect(signedUp.private.join('\n')).toContain('报名');
  const [volunteer] = await f.t.database.dataSource.query(
    'SELECT v.id, v.name FROM volunteer v JOIN activity_signup s ON s.volunteer_id = v.id WHERE s.activity_id = ? ORDER BY v.id DESC LIMIT 1',
    [activityId],
  );
  expect(volunteer.name).toBe('王秀英');

  // The day before the activity, 10:00 in China: the reminder.
  const [activity] = await f.t.database.dataSource.query('SELECT starts_on FROM volunteer_activity WHERE id = ?', [
    activityId,
  ]);
  const startsOn = String(activity.starts_on instanceof Date ? activity.starts_on.toISOString() : activity.starts_on);
  const dayBefore = Date.parse(`${startsOn.slice(0, 10)}T02:00:00Z`) - DAY_MS;
  const reminded = await meanwhile('活动前一天上午', async () => {
    ahead = dayBefore - Date.now();
    expect(await sendReminders(f.resident.deps, f.resident.bot)).toBe(1);
  });
  expect(reminded).toEqual([expect.stringContaining('明天')]);
  // She served two hours; staff record and verify them.
  const served = Date.now() - 3 * 3_600_000;
  const verified = await meanwhile('活动结束,工作人员登记并认证了服务时长', async () => {
    const ids = { a: activityId, v: String(volunteer.id) };
    await f.t.query(CHECK_IN, { ...ids, at: new Date(served).toISOString() }, STAFF_FENGHUANG);
    const { checkOut } = await f.t.query<{ checkOut: { id: string } }>(
      CHECK_OUT,
      { ...ids, at: new Date(served + 2 * 3_600_000).toISOString() },
      STAFF_FENGHUANG,
    );
    await f.t.query(VERIFY_HOURS, { id: checkOut.id }, STAFF_FENGHUANG);
    expect(await sendReminders(f.resident.deps, f.resident.bot)).toBe(1);
  });
  expect(verified).toEqual([expect.stringContaining('2 小时')]);
  expect((await says('志愿时长', { privately: true })).private.join('\n')).toContain('2');

  expect((await says('我的需求', { privately: true })).private.join('\n')).toContain('已关闭');

  // The group heard no names, descriptions, times or phone numbers of hers.
  const group = f.sent(f.room.id).join('\n');
  expect(group).not.toMatch(/王秀英|打扫卫生|9:30/);

  expect(turns).toBeGreaterThanOrEqual(25);
  const transcript = compose();
  if (process.env.UPDATE_TRANSCRIPT) writeFileSync(TRANSCRIPT, transcript);
  expect(withoutDates(transcript)).toBe(withoutDates(readFileSync(TRANSCRIPT, 'utf8')));
}, 120_000);
