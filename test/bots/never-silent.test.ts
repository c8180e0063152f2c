import { types } from 'wechaty';
import { systemClock } from '../../bots/resident/send-queue';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';

let f: BotFixture;
/** How far the bot's clock runs ahead of the real one: moves a resident past the 60-s window without waiting. */
let ahead = 0;

beforeAll(async () => {
  f = await startBotFixture({
    clock: { ...systemClock, now: () => Date.now() + ahead },
    gate: { floodLimit: 1000 },
  });
}, 60_000);
afterAll(() => f?.stop());

const REPEATED = '刚才已回复,请看上面。';
const SEND_TEXT = '抱歉,我还听不懂语音、看不懂图片和表情。请发文字给我(可以请家人帮忙),发送「帮助」看看能做什么。';
const didYouMean = (example: string) => `没有看懂这句话。您是想发「${example}」吗?发送「帮助」可以看全部功能。`;

test('a repeat within 60 s hears once that it was answered, and repeating does not keep the window open', async () => {
  const resident = f.mocker.createContact({ name: '赵阿姨' });
  const before = { sent: f.sent(f.room.id).length, received: f.received() };
  const services = f.nextReply(f.room.id);
  resident.say('查服务 养老').to(f.room);
  const first = await services;
  expect(first).toContain('乐老汇为老服务');
  ahead += 10_000;
  const noticed = f.nextReply(f.room.id);
  resident.say('查服務 養老').to(f.room);
  expect(await noticed).toBe(REPEATED);
  ahead += 20_000;
  resident.say('查服务 养老').to(f.room);
  await f.settled(before.received + 3);
  // 61 s after the answer (31 s after the last repeat): a new request, answered in full.
  ahead += 31_000;
  const again = f.nextReply(f.room.id);
  resident.say('查服务 养老').to(f.room);
  expect(await again).toBe(first);
  await f.settled(before.received + 4);
  expect(f.sent(f.room.id).slice(before.sent)).toEqual([first, REPEATED, first]);
});

test('text that is no command gets the closest command, or 帮助; group chatter not for the bot stays unanswered', async () => {
  const resident = f.mocker.createContact({ name: '钱大爷' });
  const before = { room: f.sent(f.room.id).length, received: f.received() };
  const asked: [string, string][] = [
    ['ｃｈａ服务', didYouMean('查服务 养老')],
    ['评价 XQ20261127-0001 很好', didYouMean('评价 1 5')],
    ['我要评价', didYouMean('评价 1 5')],
    ['我想找个看孩子的', didYouMean('查服务 看孩子')],
  ];
  for (const [text, expected] of asked) {
    const reply = f.nextReply(resident.id);
    resident.say(text).to(f.botUser);
    expect(await reply).toBe(expected);
  }
  const help = f.nextReply(resident.id);
  resident.say('今天天气不错').to(f.botUser);
  expect(await help).toContain('查服务 养老 —— 找附近的服务');
  resident.say('我要评价').to(f.room);
  const mentioned = f.nextReply(f.room.id);
  f.deliver({
    id: 'mention-1',
    talkerId: resident.id,
    roomId: f.room.id,
    text: '@五社助手 你们能做什么',
    mentionIdList: [f.botUser.id],
  });
  const helpInRoom = await mentioned;
  expect(helpInRoom).toBe(await help);
  await f.settled(before.received + 7);
  expect(f.sent(f.room.id).slice(before.room)).toEqual([helpInRoom]);
});

test('voice, pictures and stickers sent privately are asked, politely, for text; in the group they are chatter', async () => {
  const resident = f.mocker.createContact({ name: '孙奶奶' });
  const before = { room: f.sent(f.room.id).length, received: f.received() };
  const kinds = [types.Message.Audio, types.Message.Image, types.Message.Emoticon];
  for (const [i, type] of kinds.entries())
    f.deliver({ id: `media-${i}`, talkerId: resident.id, listenerId: f.botUser.id, text: '', type });
  f.deliver({ id: 'media-room', talkerId: resident.id, roomId: f.room.id, text: '', type: types.Message.Image });
  await f.settled(before.received + 4);
  expect(f.sent(resident.id)).toEqual([SEND_TEXT, SEND_TEXT, SEND_TEXT]);
  expect(f.sent(f.room.id).slice(before.room)).toEqual([]);
});

test('with the hub down, a room not yet bound hears that the system is unreachable (and the question is kept), not that it is unbound', async () => {
  const room = f.mocker.createRoom({ topic: '下赫社区居民群', memberIdList: [f.botUser.id, f.person.id] });
  f.setHubDown(true);
  try {
    expect(await f.say('查服务 作业', { in: room })).toBe('系统暂时联系不上,已记下,稍后回复。');
    expect(await f.say('登记需求', { in: room })).toBe('系统暂时联系不上,已记下,稍后回复。');
  } finally {
    f.setHubDown(false);
  }
  ahead += 61_000;
  const up = await f.say('查服务 作业', { in: room });
  expect(up).toContain('夜间作业辅导');
  expect(f.sent(room.id)).toEqual(['系统暂时联系不上,已记下,稍后回复。', '系统暂时联系不上,已记下,稍后回复。', up]);
});
