import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitStoreConfig } from '../config/config';
import { connectRedis, type RedisClient } from '../db/redis';

/**
 * How long a limit waits for Redis before counting in memory instead. Redis answers in well under a millisecond on
 * a working network; the bound is for a Redis that hangs (a partition drops packets, a slow script blocks it) rather
 * than refusing connections, which would otherwise hang every request. It is generous because a busy process reads
 * answers late: a deadline that fell while this process was busy must not make it count alone in a burst, exactly
 * when the shared count matters.
 */
const REDIS_TIMEOUT_MS = 1000;

/** One limit: `consume` resolves when the points fit, rejects with a RateLimiterRes when they do not. */
export interface RateLimit {
  consume(key: string, points: number): Promise<RateLimiterRes>;
}

/** Where one process's rate limits are counted: `limiter` makes one limit (points per window, per key). */
export interface RateLimiters {
  limiter(name: string, points: number, windowSeconds: number): RateLimit;
  close(): Promise<void>;
}

/** Each process counts alone (no REDIS_URL): N replicas let a client spend N times a limit. */
export function memoryRateLimiters(): RateLimiters {
  return {
    limiter: (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }),
    close: async () => undefined,
  };
}

class RedisTimeout extends Error {}

/**
 * `answer`, or a RedisTimeout once `ms` have passed and the process has since read what its sockets received: the
 * deadline waits one more turn of the event loop (setImmediate runs after the I/O poll), so an answer that arrived
 * while the process was busy still counts.
 */
function within<T>(answer: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => reject(new RedisTimeout())), ms);
    answer.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * A limit counted in Redis, or in this process's memory while Redis fails or does not answer. (Not
 * rate-limiter-flexible's RLWrapperTimeouts: its deadline is a bare timer, which fires before a busy process has read
 * an answer that already came; and with the insurance limiter on the Redis limiter as well, a command that timed out
 * and failed later would be counted in memory twice.)
 */
class SharedLimit implements RateLimit {
  constructor(
    private readonly shared: RateLimiterRedis,
    private readonly local: RateLimiterMemory,
  ) {}

  async consume(key: string, points: number): Promise<RateLimiterRes> {
    try {
      return await within(this.shared.consume(key, points), REDIS_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      return this.local.consume(key, points);
    }
  }
}

/**
 * Counted in Redis under `prefix`, so every process given the same prefix shares each limit: one atomic INCRBY per
 * limit and request. While Redis is unreachable, or does not answer within REDIS_TIMEOUT_MS, a request is counted in
 * this process's memory instead: the limits then hold per process, as without Redis, until it answers again, and no
 * request fails because of Redis.
 */
export function redisRateLimiters(client: RedisClient, prefix: string): RateLimiters {
  return {
    limiter(name, points, duration) {
      const shared = new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        // Fails at once while disconnected, rather than sending a command that can only fail.
        rejectIfRedisNotReady: true,
        keyPrefix: `${prefix}${name}`,
        points,
        duration,
        // A key over its limit stays over it until its window ends (counts only grow): this process remembers that
        // and refuses the rest of a flood without asking Redis.
        inMemoryBlockOnConsumed: points + 1,
      });
      return new SharedLimit(shared, new RateLimiterMemory({ keyPrefix: name, points, duration }));
    },
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}

/**
 * The rate limiters of one serving role — `hub` for the hub and `wushe gateway`, `subgraph-<name>` for a subgraph
 * served alone — so a mutation that passes a gateway and then its subgraph is not counted twice against one limit,
 * while the replicas of one role share theirs. Redis when REDIS_URL is set (the process does not start if it is
 * unreachable then), memory otherwise.
 */
export async function openRateLimiters(
  config: RateLimitStoreConfig,
  role: string,
  log: (line: string) => void,
): Promise<RateLimiters> {
  if (!config.redisUrl) return memoryRateLimiters();
  const client = await connectRedis(
    config.redisUrl,
    'rate limits',
    'each process counts its own until it is back',
    log,
  );
  return redisRateLimiters(client, `${config.redisPrefix}${role}:`);
}
