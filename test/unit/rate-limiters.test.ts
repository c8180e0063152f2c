import { once } from 'node:events';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { loadConfig } from '../../src/config/config';
import { connectRedis, type RedisClient } from '../../src/db/redis';
import {
  memoryRateLimiters,
  openRateLimiters,
  redisRateLimiters,
  type RateLimit,
} from '../../src/graphql/rate-limiters';
import { TEST_REDIS_URL, testRedisPrefix } from '../helpers/redis-prefix';
import { relayTo } from '../helpers/tcp-relay';

// The rate-limit store on the real Redis: counts shared by every process given the prefix, one key per limit and
// caller under it, and a Redis that hangs or is gone leaves each process counting alone instead of failing.

const redis = testRedisPrefix();
const quiet = () => undefined;
const clients: RedisClient[] = [];

async function client(url = TEST_REDIS_URL): Promise<RedisClient> {
  const connected = await connectRedis(url, 'rate limits', 'counting in memory', quiet);
  clients.push(connected);
  return connected;
}

/** Consumes one point `times` times; how many were allowed (the rest must be refusals, not errors). */
async function allowed(limiter: RateLimit, key: string, times: number) {
  let ok = 0;
  for (let i = 0; i < times; i += 1) {
    try {
      await limiter.consume(key, 1);
      ok += 1;
    } catch (error) {
      expect(error).toBeInstanceOf(RateLimiterRes);
    }
  }
  return ok;
}

afterAll(async () => {
  for (const open of clients) if (open.isOpen) await open.close();
  await redis.drop();
});

test('two processes (two clients) given one prefix share a limit; in memory each counts alone', async () => {
  const prefix = `${redis.prefix}shared:`;
  const a = redisRateLimiters(await client(), prefix).limiter('mutations-per-token', 5, 60);
  const b = redisRateLimiters(await client(), prefix).limiter('mutations-per-token', 5, 60);
  expect((await allowed(a, 'staff-1', 3)) + (await allowed(b, 'staff-1', 3))).toBe(5);
  expect(await allowed(a, 'staff-1', 1)).toBe(0);
  // Another caller, another count.
  expect(await allowed(b, 'staff-2', 1)).toBe(1);
  // Seven consumes reached Redis; b's refusal made b remember the key as over its limit, not a.
  const reader = await client();
  expect(await reader.get(`${prefix}mutations-per-token:staff-1`)).toBe('7');
  expect(await allowed(b, 'staff-1', 1)).toBe(0);
  expect(await reader.get(`${prefix}mutations-per-token:staff-1`)).toBe('7');

  const memoryA = memoryRateLimiters().limiter('mutations-per-token', 5, 60);
  const memoryB = memoryRateLimiters().limiter('mutations-per-token', 5, 60);
  expect((await allowed(memoryA, 'staff-1', 6)) + (await allowed(memoryB, 'staff-1', 6))).toBe(10);
});

test('the role is part of the prefix: a subgraph replica does not count against the hub', async () => {
  const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, RATE_LIMIT_REDIS_PREFIX: `${redis.prefix}roles:` });
  const hub = await openRateLimiters(config.rateLimitStore, 'hub', quiet);
  const volunteer = await openRateLimiters(config.rateLimitStore, 'subgraph-volunteer', quiet);
  try {
    expect(await allowed(hub.limiter('mutations-per-token', 2, 60), 'bot-1', 2)).toBe(2);
    expect(await allowed(volunteer.limiter('mutations-per-token', 2, 60), 'bot-1', 2)).toBe(2);
    const reader = await client();
    expect(await reader.get(`${redis.prefix}roles:hub:mutations-per-token:bot-1`)).toBe('2');
    expect(await reader.get(`${redis.prefix}roles:subgraph-volunteer:mutations-per-token:bot-1`)).toBe('2');
  } finally {
    await hub.close();
    await volunteer.close();
  }
});

test('without REDIS_URL the limits are in memory, and an unreachable REDIS_URL stops the start with one line', async () => {
  const memory = await openRateLimiters(loadConfig({}).rateLimitStore, 'hub', quiet);
  expect(await allowed(memory.limiter('cost-per-address', 3, 60), '10.0.0.1', 4)).toBe(3);
  await expect(
    openRateLimiters(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }).rateLimitStore, 'hub', quiet),
  ).rejects.toThrow(/^REDIS_URL is set but Redis cannot be reached \(.*\); start Redis or unset REDIS_URL$/);
});

test('Redis hanging, then gone: each process counts in its own memory and nothing fails', async () => {
  const relay = await relayTo(new URL(TEST_REDIS_URL));
  const prefix = `${redis.prefix}hang:`;
  const relayed = await client(relay.url);
  const limit = redisRateLimiters(relayed, prefix).limiter('mutations-per-token', 3, 60);
  try {
    expect(await allowed(limit, 'before', 1)).toBe(1);
    relay.freeze();
    // Each consume waits for Redis at most REDIS_TIMEOUT_MS (and a turn of the event loop), then counts in memory.
    expect(await allowed(limit, 'hanging', 2)).toBe(2);
    const down = once(relayed, 'error');
    await relay.cut();
    await down;
    await new Promise(setImmediate);
    // The two commands that hung have failed now; they were counted once, when they timed out, not a second time.
    expect(await allowed(limit, 'hanging', 2)).toBe(1);
    expect(await allowed(limit, 'gone', 4)).toBe(3);
  } finally {
    await relay.cut();
  }
  // Nothing of those two callers reached Redis while it hung or was gone.
  const reader = await client();
  expect(await reader.get(`${prefix}mutations-per-token:before`)).toBe('1');
  expect(await reader.get(`${prefix}mutations-per-token:gone`)).toBeNull();
});
