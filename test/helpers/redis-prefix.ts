import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';

/** The Redis the tests share (REDIS_URL, or the local default). */
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * A key prefix of this test run's own under `wushe:cache-test:`, and the removal of every key under it: tests
 * share one Redis and touch only their own keys.
 */
export function testRedisPrefix(): { prefix: string; drop(): Promise<void> } {
  const prefix = `wushe:cache-test:${randomBytes(6).toString('hex')}:`;
  return {
    prefix,
    async drop() {
      const client = createClient({ url: TEST_REDIS_URL });
      await client.connect();
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
      if (keys.length) await client.del(keys);
      await client.close();
    },
  };
}
