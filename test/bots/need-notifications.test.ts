import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hubFeedReader, NEED_FEED, readNeedFeed } from '../../bots/resident/need-feed';
import { NEED_TRANSITION, REGISTER_SOCIAL_WORKER, REJECT_NEED } from '../helpers/admin-operations';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import { ASSIGN_NEED } from '../helpers/need-event-operations';

// Every change of a need reaches the resident who registered it, privately and in order: read from the hub's need
// feed into the bot's state, sent from there, across restarts of the bot and outages of the hub. The room is bound
// to 下赫社区 (李棋街道), so staff of 李棋 move the needs.
type Contact = ReturnType<BotFixture['mocker']['createContact']>;
let f: BotFixture;
let dir: string;
let residents = 0;
/** A new resident for each need: the same text twice within 60 s (登记需求) would be one request. */
const newResident = () => f.mocker.createContact({ name: `居民${(residents += 1)}` });

const STEPS = ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'] as const;
const staff = (step: string, id: string) => f.t.query(NEED_TRANSITION(step), { id }, IDENTITIES.STAFF_IN);
const privateNews = (number: string, status: string) => `您的需求 ${number} 有新进展:${status}。`;

/**
 * The resident registers a need through the room's dialog; returns its number, its id, the confirmation and where
 * the registration's last message (the number alone) is in the resident's private chat.
 */
async function registerNeed(resident: Contact, description: string) {
  const menu = f.nextReply(resident.id);
  resident.say('登记需求').to(f.room);
  await menu;
  for (const answer of ['1', description, '1', '跳过']) await f.say(answer, { from: resident, privately: true });
  const confirmation = await f.say('确认', { from: resident, privately: true });
  const number = confirmation.match(/XQ\d{8}-\d{4}/)![0];
  // The number follows alone, to be copied with a long press: the last message of the registration.
  await f.settled(f.received());
  expect(f.sent(resident.id).at(-1)).toBe(number);
  const [row] = await f.t.database.dataSource.query('SELECT id FROM need WHERE number = ?', [number]);
  return { number, id: String(row.id), confirmation, confirmedAt: f.sent(resident.id).lastIndexOf(number) };
}

/** What a conversation received from index `from` on. */
const since = (conversationId: string, from: number) => f.sent(conversationId).slice(from);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wushe-bot-state-'));
  f = await startBotFixture({ roomTopic: '下赫社区居民群', config: { stateFile: join(dir, 'bot.sqlite') } });
  expect(await f.say('帮助')).toContain('查服务');
}, 60_000);
afterAll(async () => {
  await f?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a need taken through all six statuses gives six private messages in order, across two restarts of the bot', async () => {
  const resident = newResident();
  const fromRoom = f.sent(f.room.id).length;
  const { number, id, confirmation, confirmedAt } = await registerNeed(resident, '独居老人需要每周上门探访');
  await f.pollFeed();

  await staff('acceptNeed', id);
  await f.pollFeed();
  // Stopped with nothing owed, and staff move the need while no bot runs: the new bot continues from the cursor in
  // the state file.
  await f.restartBot({ whileStopped: () => staff('matchNeed', id) });
  await f.pollFeed();
  // Stopped between "written" and "sent": the change is owed in the state file, the new bot sends it.
  await staff('startNeedService', id);
  expect(await readNeedFeed(f.resident.deps, hubFeedReader(f.resident.deps))).toBeGreaterThanOrEqual(1);
  expect(await f.resident.deps.state.pendingNotifications()).toBe(2);
  await f.restartBot();
  await f.pollFeed();
  await staff('resolveNeed', id);
  await f.pollFeed();
  await staff('closeNeed', id);
  await f.pollFeed();

  // Six statuses, six messages: the registration (its text, then the number alone) and one for each change.
  expect(since(resident.id, confirmedAt - 1)).toEqual([
    confirmation,
    number,
    `${privateNews(number, '已受理')}社区已受理,正在为您安排。`,
    `${privateNews(number, '已匹配服务')}已为您找到提供服务的人员或机构。`,
    `${privateNews(number, '服务中')}服务已经开始。`,
    `${privateNews(number, '已解决')}服务已完成。\n满意吗?回复「评价 ${number} 1-5」告诉我们。`,
    `${privateNews(number, '已关闭')}这件事已办结,谢谢您的信任。`,
  ]);
  expect(confirmation).toBe(
    `需求已登记,编号 ${number}。发送「需求 ${number}」或「我的需求」可随时查看进度。需求编号在下一条,长按可复制:`,
  );
  // The group hears the number and the status only.
  expect(since(f.room.id, fromRoom)).toEqual([
    '已私信您登记需求,个人信息不会发到群里。',
    `新需求 ${number} 已登记,状态:已提交。`,
    ...['已受理', '已匹配服务', '服务中', '已解决', '已关闭'].map((status) => `需求 ${number}:${status}`),
  ]);
  expect(await f.resident.deps.state.pendingNotifications()).toBe(0);
});

test('with the hub unreachable while staff move the need, nothing is lost: all arrive in order once it answers', async () => {
  const resident = newResident();
  const { number, id, confirmedAt } = await registerNeed(resident, '想请人帮忙修理漏水的水管');
  await f.pollFeed();
  const cursor = await f.resident.deps.state.feedCursor(NEED_FEED);
  f.setHubDown(true);
  try {
    for (const step of STEPS.slice(0, 3)) {
      await staff(step, id);
      expect(await f.pollFeed()).toBe(0);
    }
    expect(since(resident.id, confirmedAt)).toEqual([number]);
    expect(await f.resident.deps.state.feedCursor(NEED_FEED)).toBe(cursor);
  } finally {
    f.setHubDown(false);
  }
  expect(await f.pollFeed()).toBeGreaterThanOrEqual(3);
  expect(since(resident.id, confirmedAt)).toEqual([
    number,
    `${privateNews(number, '已受理')}社区已受理,正在为您安排。`,
    `${privateNews(number, '已匹配服务')}已为您找到提供服务的人员或机构。`,
    `${privateNews(number, '服务中')}服务已经开始。`,
  ]);
});

test('an assignment tells who will come and when; a rejection tells why', async () => {
  const resident = newResident();
  const { number, id, confirmedAt } = await registerNeed(resident, '腿脚不便需要有人陪同去医院复查');
  await staff('acceptNeed', id);
  // 社工甲, a social worker of 下赫社区 (the need's community).
  const { registerSocialWorker: worker } = await f.t.query<{ registerSocialWorker: { id: string } }>(
    REGISTER_SOCIAL_WORKER,
    { regionId: XIAHE },
    IDENTITIES.ADMIN,
  );
  // Next week, 9:30 in the morning in China (UTC+8).
  const day = new Date(Date.now() + 7 * 86_400_000);
  const appointmentAt = new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 30),
  ).toISOString();
  const inChina = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', ...options }).format(new Date(appointmentAt));
  const when = `${inChina({ month: 'numeric' })}${inChina({ day: 'numeric' })}(${inChina({ weekday: 'long' })})上午9:30`;
  await f.t.query(
    ASSIGN_NEED,
    { id, society: 'SOCIAL_WORKER', referenceId: worker.id, appointmentAt },
    IDENTITIES.STAFF_IN,
  );
  // Then the community's station takes it over: its public line is given, never a person's number.
  const [station] = await f.t.database.dataSource.query(
    'SELECT id, name, public_phone AS phone FROM service_station WHERE region_id = ? AND public_phone IS NOT NULL ORDER BY id LIMIT 1',
    [XIAHE],
  );
  await f.t.query(
    ASSIGN_NEED,
    { id, society: 'COMMUNITY', referenceId: String(station.id), appointmentAt },
    IDENTITIES.STAFF_IN,
  );
  const other = newResident();
  const rejected = await registerNeed(other, '家里老人需要代购生活用品');
  await f.t.query(REJECT_NEED, { id: rejected.id, reason: '不在本社区服务范围' }, IDENTITIES.STAFF_IN);
  await f.pollFeed();
  expect(since(resident.id, confirmedAt).slice(1)).toEqual([
    `${privateNews(number, '已受理')}社区已受理,正在为您安排。`,
    `您的需求 ${number} 已安排:社工甲将于${when}为您服务。`,
    `您的需求 ${number} 已安排:${station.name}将于${when}为您服务,联系电话 ${station.phone}。`,
  ]);
  expect(since(other.id, rejected.confirmedAt).slice(1)).toEqual([
    `${privateNews(rejected.number, '未受理')}社区暂时无法受理。\n原因:不在本社区服务范围\n如有疑问,请联系社区工作人员。`,
  ]);
  // The group hears no names, times or reasons.
  expect(f.sent(f.room.id).at(-1)).toBe(`需求 ${rejected.number}:未受理`);
  expect(f.sent(f.room.id).join('\n')).not.toMatch(/社工甲|不在本社区/);
});

test('another resident hears nothing of a need that is not theirs', async () => {
  const [resident, neighbour] = [newResident(), newResident()];
  const theirs = await registerNeed(neighbour, '楼道灯坏了需要维修');
  const { number, id, confirmedAt } = await registerNeed(resident, '想了解居家养老补贴怎么申请');
  for (const step of STEPS.slice(0, 2)) await staff(step, id);
  await f.pollFeed();
  expect(since(neighbour.id, theirs.confirmedAt + 1)).toEqual([]);
  expect(since(resident.id, confirmedAt + 1)).toHaveLength(2);
  expect(f.sent(neighbour.id).join('\n')).not.toContain(number);
  expect(f.sent(resident.id).join('\n')).not.toContain(theirs.number);
});

test('a conversation the bot cannot reach keeps its notification and holds up nobody else', async () => {
  await f.resident.deps.state.addNotification('contact', 'a-contact-that-left-wechat', '您的需求有新进展', Date.now());
  const resident = newResident();
  const { number, id, confirmedAt } = await registerNeed(resident, '想请志愿者陪老人聊聊天');
  await staff('acceptNeed', id);
  await f.pollFeed();
  expect(since(resident.id, confirmedAt + 1)).toEqual([`${privateNews(number, '已受理')}社区已受理,正在为您安排。`]);
  expect(await f.resident.deps.state.pendingNotifications()).toBe(1);
  expect((await f.resident.deps.state.nextNotifications())[0]).toMatchObject({
    targetId: 'a-contact-that-left-wechat',
    failingSince: expect.any(Number),
  });
});

test('the bot reads the feed by itself every BOT_FEED_INTERVAL_MS', async () => {
  await f.restartBot({ changes: { feedIntervalMs: 50 } });
  const resident = newResident();
  const { number, id } = await registerNeed(resident, '社区活动室想借用一下');
  const heard = f.nextReply(resident.id);
  await staff('acceptNeed', id);
  expect(await heard).toBe(`${privateNews(number, '已受理')}社区已受理,正在为您安排。`);
});
