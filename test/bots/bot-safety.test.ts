import { types } from 'wechaty';
import { deliverOutbox } from '../../bots/resident/plugins/outbox';
import { NEED_TRANSITION } from '../helpers/admin-operations';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';
import { IDENTITIES } from '../helpers/identities';

let f: BotFixture;
let staffRoom: ReturnType<BotFixture['mocker']['createRoom']>;
const needCount = async () => Number((await f.t.database.dataSource.query('SELECT COUNT(*) AS n FROM need'))[0].n);
const received = () => f.received();

/**
 * A neighbour (not the person under test, so no replay or flood rule applies) asks for help in the room; returns
 * the reply. Replies leave in order, so whatever the messages sent before it caused is sent before this one.
 */
async function laterHelp(): Promise<string> {
  const neighbour = f.mocker.createContact({ name: '邻居' });
  const reply = f.nextReply(f.room.id);
  neighbour.say('帮助').to(f.room);
  const text = await reply;
  expect(text).toContain('查服务');
  return text;
}

beforeAll(async () => {
  f = await startBotFixture();
  expect(await f.say('帮助')).toContain('查服务');
  staffRoom = f.mocker.createRoom({ topic: '葫田社区工作群', memberIdList: [f.botUser.id, f.person.id] });
  const bound = f.nextReply(staffRoom.id);
  f.person.say('绑定工作群').to(staffRoom);
  expect(await bound).toContain('工作群');
}, 60_000);
afterAll(() => f?.stop());

test('a message delivered twice, stale messages and other bots get no answer; the same text within 60 s hears it was answered', async () => {
  const before = { sent: f.sent(f.room.id).length, received: received() };
  const answered = f.nextReply(f.room.id);
  f.deliver({ id: 'dup-1', talkerId: f.person.id, roomId: f.room.id, text: '活动' });
  const activities = await answered;
  f.deliver({ id: 'dup-1', talkerId: f.person.id, roomId: f.room.id, text: '活动' });
  const noticed = f.nextReply(f.room.id);
  f.deliver({ id: 'dup-2', talkerId: f.person.id, roomId: f.room.id, text: '活动' });
  expect(await noticed).toBe('刚才已回复,请看上面。');
  f.deliver({
    id: 'old-1',
    talkerId: f.person.id,
    roomId: f.room.id,
    text: '查服务 健康',
    timestamp: Date.now() - 120_000,
  });
  const official = f.mocker.createContact({ type: types.Contact.Official, name: '某公众号' });
  f.deliver({ id: 'bot-1', talkerId: official.id, roomId: f.room.id, text: '查服务 法律' });
  const help = await laterHelp();
  // Six messages: the first, the repeat, the three that must get no answer, and the neighbour's.
  await f.settled(before.received + 6);
  expect(f.sent(f.room.id).slice(before.sent)).toEqual([activities, '刚才已回复,请看上面。', help]);
});

test('spam is neither answered nor stored, and the staff room hears of the spammer once an hour', async () => {
  const spammer = f.mocker.createContact({ name: '推广号' });
  const before = {
    room: f.sent(f.room.id).length,
    staff: f.sent(staffRoom.id).length,
    needs: await needCount(),
    received: received(),
  };
  for (let i = 0; i < 3; i += 1) {
    f.deliver({
      id: `spam-${i}`,
      talkerId: spammer.id,
      roomId: f.room.id,
      text: `一级A毛片免费观看久久精品| 精品一区二区三区免费| 亚洲美女精品视频 ${i}`,
    });
  }
  const help = await laterHelp();
  await f.settled(before.received + 4);
  expect(f.sent(f.room.id).slice(before.room)).toEqual([help]);
  const notices = f.sent(staffRoom.id).slice(before.staff);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain('推广号');
  expect(await needCount()).toBe(before.needs);
});

test('with the hub down needs go to the outbox, and none is lost when it comes back', async () => {
  const before = await needCount();
  f.setHubDown(true);
  const residents = Array.from({ length: 5 }, (_, i) => f.mocker.createContact({ name: `居民${i}` }));
  try {
    for (const [i, resident] of residents.entries()) {
      const menu = f.nextReply(resident.id);
      resident.say('登记需求').to(f.room);
      await menu;
      for (const answer of ['1', `第${i}位老人需要上门探访`, '1', '跳过']) {
        const next = f.nextReply(resident.id);
        resident.say(answer).to(f.botUser);
        await next;
      }
      const stored = f.nextReply(resident.id);
      resident.say('确认').to(f.botUser);
      expect(await stored).toContain('已记录');
    }
    expect(await f.resident.deps.state.pendingOutbox()).toBe(5);
    expect(await deliverOutbox(f.resident.deps, f.resident.bot)).toBe(0);
  } finally {
    f.setHubDown(false);
  }
  for (const item of await f.resident.deps.state.dueOutbox(Number.MAX_SAFE_INTEGER))
    await f.resident.deps.state.outboxRetryLater(item.id, 0);
  const told = f.nextReply(residents[4].id);
  expect(await deliverOutbox(f.resident.deps, f.resident.bot)).toBe(5);
  expect(await told).toMatch(/XQ\d{8}-\d{4}/);
  expect(await f.resident.deps.state.pendingOutbox()).toBe(0);
  expect(await needCount()).toBe(before + 5);
  // Each queued need still says who registered it (an opaque reference, never the chat id), so its resident,
  // and only they, can rate it later.
  const refs = (await f.t.database.dataSource.query('SELECT reporter_ref FROM need ORDER BY id DESC LIMIT 5')) as {
    reporter_ref: string;
  }[];
  expect(new Set(refs.map((r) => r.reporter_ref)).size).toBe(5);
  for (const { reporter_ref } of refs) expect(reporter_ref).toMatch(/^[0-9a-f]{64}$/);
  for (const resident of residents) expect(refs.map((r) => r.reporter_ref).join()).not.toContain(resident.id);
  const number = (await told).match(/XQ\d{8}-\d{4}/)![0];
  const [row] = await f.t.database.dataSource.query('SELECT id FROM need WHERE number = ?', [number]);
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
    await f.t.query(NEED_TRANSITION(step), { id: String(row.id) }, IDENTITIES.ADMIN);
  const heard = { resident: f.sent(residents[4].id).length, room: f.sent(f.room.id).length };
  await f.pollFeed();
  // Every step is heard, the last one asks for the rating.
  expect(
    f
      .sent(residents[4].id)
      .slice(heard.resident)
      .map((text) => text.split('。')[0]),
  ).toEqual(['已受理', '已匹配服务', '服务中', '已解决'].map((status) => `您的需求 ${number} 有新进展:${status}`));
  expect(f.sent(residents[4].id).at(-1)).toContain(`评价 ${number} 1-5`);
  expect(f.sent(f.room.id).slice(heard.room)).toEqual(
    ['已受理', '已匹配服务', '服务中', '已解决'].map((status) => `需求 ${number}:${status}`),
  );
  const rated = f.nextReply(f.room.id);
  residents[4].say(`评价 ${number} 5`).to(f.room);
  expect(await rated).toBe(`感谢评价!需求 ${number} 评分 5 分。`);
});

test('when staff move a need, the resident hears privately and the group sees number and status', async () => {
  const menu = f.nextReply(f.person.id);
  await f.say('登记需求');
  await menu;
  for (const answer of ['7', '想请医生上门量血压', '1', '跳过']) await f.say(answer, { privately: true });
  const number = (await f.say('确认', { privately: true })).match(/XQ\d{8}-\d{4}/)![0];
  const [row] = await f.t.database.dataSource.query('SELECT id FROM need WHERE number = ?', [number]);
  await f.t.query(NEED_TRANSITION('acceptNeed'), { id: String(row.id) }, IDENTITIES.ADMIN);
  const privately = f.nextReply(f.person.id);
  const inGroup = f.nextReply(f.room.id);
  expect(await f.pollFeed()).toBeGreaterThanOrEqual(1);
  expect(await privately).toContain(`${number} 有新进展:已受理`);
  expect(await inGroup).toBe(`需求 ${number}:已受理`);
  expect(await f.say('我的需求')).toContain('私信');
});

test('500 fuzzed messages: no crash, nothing stored, still answering', async () => {
  const before = {
    needs: await needCount(),
    outbox: await f.resident.deps.state.pendingOutbox(),
    received: received(),
  };
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = [
    '😀',
    '👍🏻',
    '\u0000',
    '\u202e',
    '\u200b',
    '查服务',
    '登记',
    '需求',
    'XQ',
    '𠀀',
    '\ud800',
    ' ',
    '　',
    '\n',
    'ａ',
    '🇨🇳',
    'ﷺ',
    '\\',
    '"',
    "'; DROP TABLE need; --",
  ];
  for (let i = 0; i < 500; i += 1) {
    const length = i % 50 === 0 ? 10_000 : Math.floor(random() * 40);
    let text = '';
    for (let j = 0; j < length; j += 1)
      text +=
        random() < 0.5
          ? pieces[Math.floor(random() * pieces.length)]
          : String.fromCodePoint(Math.floor(random() * 0x2ffff));
    f.deliver({
      id: `fuzz-${i}`,
      talkerId: f.person.id,
      roomId: i % 3 ? f.room.id : undefined,
      listenerId: i % 3 ? undefined : f.botUser.id,
      text,
    });
  }
  await laterHelp();
  await f.settled(before.received + 501);
  expect(await needCount()).toBe(before.needs);
  expect(await f.resident.deps.state.pendingOutbox()).toBe(before.outbox);
});
