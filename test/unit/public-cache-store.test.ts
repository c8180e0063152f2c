import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '@redis/client';
import {
  MemoryPublicCache,
  RedisPublicCache,
  type PublicCacheLimits,
  type PublicCacheStore,
} from '../../src/db/public-cache-store';
import { TEST_REDIS_URL, testRedisPrefix } from '../helpers/redis-prefix';

// The seqlock protocol of both stores, step by step: every interleaving of one read with one write that could let a
// read store an answer of before a write and serve it after, tried on the memory store and on a real Redis.

const LIMITS: PublicCacheLimits = { ttlSeconds: 60, maxBytes: 1_000_000, maxEntryChars: 10_000 };
const redisPrefix = testRedisPrefix();
const quiet = () => undefined;
const opened: PublicCacheStore[] = [];

async function redisStore(writeLeaseMs?: number) {
  const store = await RedisPublicCache.connect(TEST_REDIS_URL, redisPrefix.prefix, LIMITS, quiet, writeLeaseMs);
  opened.push(store);
  return store;
}

afterAll(async () => {
  for (const store of opened) await store.close();
  await redisPrefix.drop();
});

const stores: [string, () => Promise<PublicCacheStore>][] = [
  ['memory', async () => new MemoryPublicCache(LIMITS)],
  ['Redis', () => redisStore()],
];

let keys = 0;
const freshKey = () => `key-${++keys}`;

describe.each(stores)('the %s store', (_name, open) => {
  let store: PublicCacheStore;
  beforeAll(async () => {
    store = await open();
  });

  it('serves what a quiet read stored, under the same generation', async () => {
    const key = freshKey();
    const first = await store.lookup(key);
    expect(first?.hit).toBeUndefined();
    await store.store(key, first!.generation, 'answer');
    expect(await store.lookup(key)).toEqual({ generation: first!.generation, hit: 'answer' });
  });

  it('is neither read nor filled while a write is in flight', async () => {
    const key = freshKey();
    const before = await store.lookup(key);
    await store.store(key, before!.generation, 'old');
    const end = await store.begin();
    expect(await store.lookup(key)).toBeUndefined();
    await store.store(key, before!.generation, 'during');
    await end();
    const after = await store.lookup(key);
    expect(after).toBeDefined();
    expect(after!.generation).not.toBe(before!.generation);
    expect(after!.hit).toBeUndefined();
  });

  it('does not keep an answer whose read overlapped a write that began and ended meanwhile', async () => {
    const key = freshKey();
    const read = await store.lookup(key);
    const end = await store.begin();
    await end();
    await store.store(key, read!.generation, 'maybe old');
    expect((await store.lookup(key))!.hit).toBeUndefined();
  });

  it('does not keep an answer whose read began before a write still in flight when it stores', async () => {
    const key = freshKey();
    const read = await store.lookup(key);
    const end = await store.begin();
    await store.store(key, read!.generation, 'maybe old');
    await end();
    expect((await store.lookup(key))!.hit).toBeUndefined();
  });

  it('counts overlapping writes: caching resumes only when the last one ends', async () => {
    const key = freshKey();
    const endA = await store.begin();
    const endB = await store.begin();
    await endA();
    expect(await store.lookup(key)).toBeUndefined();
    await endB();
    expect(await store.lookup(key)).toBeDefined();
  });
});

describe('the Redis store', () => {
  it('lets a crashed writer block caching only until its lease lapses', async () => {
    const store = await redisStore();
    const crashing = await RedisPublicCache.connect(TEST_REDIS_URL, redisPrefix.prefix, LIMITS, quiet, 400);
    await crashing.begin();
    await crashing.close(); // gone without ending its write: no renewal, no end
    expect(await store.lookup(freshKey())).toBeUndefined();
    await sleep(600);
    expect(await store.lookup(freshKey())).toBeDefined();
  });

  it('keeps a live writer marked beyond one lease by renewing it', async () => {
    const store = await redisStore();
    const writer = await redisStore(300);
    const end = await writer.begin();
    await sleep(700);
    expect(await store.lookup(freshKey())).toBeUndefined();
    await end();
    expect(await store.lookup(freshKey())).toBeDefined();
  });

  it('never serves an entry of before a lost generation key', async () => {
    const store = await redisStore();
    const key = freshKey();
    const read = await store.lookup(key);
    await store.store(key, read!.generation, 'answer');
    expect((await store.lookup(key))!.hit).toBe('answer');
    const client = createClient({ url: TEST_REDIS_URL });
    await client.connect();
    await client.del(`${redisPrefix.prefix}generation`);
    await client.close();
    const after = await store.lookup(key);
    expect(after!.hit).toBeUndefined();
    expect(BigInt(after!.generation)).toBeGreaterThan(BigInt(read!.generation));
  });

  it('refuses to start when Redis cannot be reached, in one line', async () => {
    await expect(RedisPublicCache.connect('redis://127.0.0.1:5259', 'x:', LIMITS, quiet)).rejects.toThrow(
      /^REDIS_URL is set but Redis cannot be reached \(.*\); start Redis or unset REDIS_URL$/,
    );
  });
});

describe('the memory store', () => {
  it('drops the least recently used entries beyond its size', async () => {
    const store = new MemoryPublicCache({ ...LIMITS, maxBytes: 100 });
    const { generation } = (await store.lookup('a'))!;
    await store.store('a', generation, 'x'.repeat(40));
    await store.store('b', generation, 'y'.repeat(40));
    expect((await store.lookup('a'))!.hit).toBeDefined(); // a is now the most recent
    await store.store('c', generation, 'z'.repeat(40));
    expect((await store.lookup('b'))!.hit).toBeUndefined();
    expect((await store.lookup('a'))!.hit).toBeDefined();
    expect((await store.lookup('c'))!.hit).toBeDefined();
  });
});
