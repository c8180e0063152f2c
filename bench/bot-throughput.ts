import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { buildResidentBot } from '../bots/resident';

export interface BotThroughput {
  messages: number;
  replies: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * 100 rooms, `perSecond` resident messages a second through wechaty-puppet-mock into the bot, against the hub
 * at `hubUrl`: time from a message entering the bot to its reply being queued (the send throttle excluded).
 */
export async function measureBotThroughput(
  hubUrl: string,
  botToken: string,
  seconds = 20,
  perSecond = 50,
): Promise<BotThroughput> {
  const mocker = new mock.Mocker();
  const { bot, deps } = await buildResidentBot({
    config: {
      hubUrl,
      botToken,
      stateFile: ':memory:',
      sending: { perRoomIntervalMs: 0, perAccountPerMinute: 1_000_000, jitterMs: 0, backoffMs: 1000 },
      dialogTimeoutMs: 600_000,
      feedIntervalMs: 1000,
      reminderIntervalMs: 0,
    },
    puppet: new PuppetMock({ mocker }),
    log: () => undefined,
  });
  await bot.start();
  const [account] = mocker.createContacts(1);
  mocker.login(account);
  const rooms = Array.from({ length: 100 }, (_, i) => {
    const resident = mocker.createContact({ name: `居民${i}` });
    const room = mocker.createRoom({ topic: `葫田社区居民群${i}`, memberIdList: [account.id, resident.id] });
    void deps.state.bindRoom(
      { roomId: room.id, communityId: '530402002004', communityName: '葫田社区', townshipId: '530402002000' },
      Date.now(),
    );
    return { room, resident };
  });
  const pending = new Map<string, number[]>();
  const latencies: number[] = [];
  account.on('message', ((message: { payload: { talkerId: string; roomId?: string } }) => {
    const roomId = message.payload.roomId;
    if (message.payload.talkerId !== account.id || !roomId) return;
    const sentAt = pending.get(roomId)?.shift();
    if (sentAt !== undefined) latencies.push(performance.now() - sentAt);
  }) as never);
  // Commands that each answer once in the room: one without the hub, two through it.
  const texts = ['帮助', '查服务 养老', '活动'];
  let sent = 0;
  const total = seconds * perSecond;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      for (let i = 0; i < perSecond / 10 && sent < total; i += 1, sent += 1) {
        const { room } = rooms[sent % rooms.length];
        const speaker = mocker.createContact({ name: `发言人${sent}` });
        (pending.get(room.id) ?? pending.set(room.id, []).get(room.id)!).push(performance.now());
        speaker.say(texts[sent % texts.length]).to(room);
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
  });
  const deadline = Date.now() + 15_000;
  while (latencies.length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await bot.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  return { messages: total, replies: latencies.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}
