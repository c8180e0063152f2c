import { botMetricsRegistry, serveBotMetrics } from '../../bots/resident/metrics';
import { SendQueue, SendThrottle, type Clock } from '../../bots/resident/send-queue';
import { parseSamples, valueOf, type Sample } from '../helpers/prometheus-text';

const LIMITS = { perRoomIntervalMs: 1000, perAccountPerMinute: 20, jitterMs: 0, backoffMs: 600_000 };

/** Virtual time: sleeping moves the clock, nothing waits. */
function virtualClock(): Clock & { time: number } {
  const clock = {
    time: 1_000_000,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
    random: () => 0,
  };
  return clock;
}

test('the bot /metrics: queue depth while messages wait, then sent, dropped and WeChat pauses', async () => {
  const clock = virtualClock();
  const registry = botMetricsRegistry(clock.now);
  const read = async () => parseSamples(await registry.metrics());
  const before = await read();
  const delta = (after: Sample[], name: string) => valueOf(after, name) - valueOf(before, name);

  let release: () => void = () => undefined;
  const firstLeaves = new Promise<void>((resolve) => (release = resolve));
  let refusals = 1;
  const room = {
    id: 'room',
    say: async (text: string) => {
      if (text === 'first') await firstLeaves;
      if (text === 'second' && refusals-- > 0) throw new Error('操作过于频繁,请稍后再试');
      if (text === 'third') throw new Error('the contact is gone');
    },
  };
  const queue = new SendQueue(new SendThrottle(LIMITS, clock.random), LIMITS, clock);
  for (const text of ['first', 'second', 'third', 'fourth']) queue.send(room, text);
  const waiting = await read();
  expect(delta(waiting, 'wushe_bot_send_queue_depth')).toBe(4);
  expect(valueOf(waiting, 'wushe_bot_send_paused')).toBe(0);

  release();
  await queue.idle();
  const after = await read();
  expect({
    depth: delta(after, 'wushe_bot_send_queue_depth'),
    sent: delta(after, 'wushe_bot_messages_sent_total'),
    dropped: delta(after, 'wushe_bot_messages_dropped_total'),
    pauses: delta(after, 'wushe_bot_send_pauses_total'),
  }).toEqual({ depth: 0, sent: 3, dropped: 1, pauses: 1 });

  // The pause lasts BOT_BACKOFF_MS from the refusal; the virtual clock has passed it by now (the queue slept it).
  expect(valueOf(after, 'wushe_bot_send_paused')).toBe(0);
  clock.time -= LIMITS.backoffMs;
  expect(valueOf(await read(), 'wushe_bot_send_paused')).toBe(1);
});

test('BOT_METRICS_PORT serves /metrics over HTTP and nothing else', async () => {
  const { server, port } = await serveBotMetrics(0, '127.0.0.1');
  try {
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.status).toBe(200);
    const samples = parseSamples(await metrics.text());
    expect(samples.some((s) => s.name === 'wushe_bot_send_queue_depth')).toBe(true);
    expect(samples.some((s) => s.name === 'process_resident_memory_bytes')).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
