import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SendQueue, SendThrottle, type Clock } from '../../bots/resident/send-queue';
import { FloodGuard, isSpam } from '../../bots/resident/spam';

const LIMITS = { perRoomIntervalMs: 1000, perAccountPerMinute: 20, jitterMs: 400, backoffMs: 600_000 };

/** Virtual time: sleeping moves the clock, nothing waits. */
function virtualClock(start = 0): Clock & { time: number } {
  const clock = {
    time: start,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
    random: () => 0.5,
  };
  return clock;
}

test('at most one message per room per second and 20 per minute for the account, with jitter', () => {
  const throttle = new SendThrottle(LIMITS, () => 0.5);
  const sameRoom = [0, 0, 0].map(() => throttle.reserve('room-a', 0));
  expect(sameRoom).toEqual([200, 1400, 2600]);
  const otherRooms = Array.from({ length: 30 }, (_, i) => throttle.reserve(`room-${i}`, 3000));
  const all = [...sameRoom, ...otherRooms].sort((a, b) => a - b);
  for (let i = 20; i < all.length; i += 1) expect(all[i] - all[i - 20]).toBeGreaterThanOrEqual(60_000);
});

test('the queue sends in order, paced, and backs off when WeChat says 操作过于频繁', async () => {
  const clock = virtualClock();
  const sent: [string, number][] = [];
  let refusals = 1;
  const room = {
    id: 'room',
    say: async (text: string) => {
      if (text === 'third' && refusals-- > 0) throw new Error('操作过于频繁,请稍后再试');
      sent.push([text, clock.now()]);
    },
  };
  const queue = new SendQueue(new SendThrottle(LIMITS, clock.random), LIMITS, clock);
  for (const text of ['first', 'second', 'third', 'fourth']) queue.send(room, text);
  await queue.idle();
  expect(sent.map(([text]) => text)).toEqual(['first', 'second', 'third', 'fourth']);
  const times = sent.map(([, at]) => at);
  expect(times[1] - times[0]).toBeGreaterThanOrEqual(1000);
  expect(times[2] - times[1]).toBeGreaterThanOrEqual(600_000);
});

test('the SEO spam injected into the news page is recognised; ordinary messages are not', () => {
  const sample = readFileSync(join(__dirname, '..', 'fixtures', 'seo-spam-sample.txt'), 'utf8');
  const pieces = sample
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  expect(isSpam(sample)).toBe(true);
  for (let i = 0; i + 3 <= pieces.length; i += 3) expect(isSpam(pieces.slice(i, i + 3).join('|'))).toBe(true);
  for (const ordinary of [
    '查服务 养老',
    '今天社区有免费体检吗',
    '我家老人需要上门服务',
    '亚洲杯今晚几点开始',
    '登记需求',
  ]) {
    expect(isSpam(ordinary)).toBe(false);
  }
});

test('more than six messages in ten seconds from one member is flooding', () => {
  const guard = new FloodGuard();
  const flags = Array.from({ length: 8 }, (_, i) => guard.isFlooding('m', i * 1000));
  expect(flags).toEqual([false, false, false, false, false, false, true, true]);
  expect(guard.isFlooding('m', 30_000)).toBe(false);
});
