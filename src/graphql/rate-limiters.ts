import {
  RateLimiterMemory,
  RateLimiterRedis,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimitStoreConfig } from '../config/config';
import { connectRedis, type RedisClient } from '../db/redis';

/**
 * How long a limit waits for Redis before counting in memory instead: Redis answers in well under a millisecond
 * on a working network, and a Redis that hangs (rather than refusing connections) must not hang every request.
 */
const REDIS_TIMEOUT_MS = 250;

/** Where one process's rate limits are counted: `limiter` makes one limit (points per window, per key). */
export interface RateLimiters {
  limiter(name: string, points: number, windowSeconds: number): RateLimiterAbstract;
  close(): Promise<void>;
}

/** Each process counts alone (no REDIS_URL): N replicas let a client spend N times a limit. */
export function memoryRateLimiters(): RateLimiters {
  return {
    limiter: (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }),
    close: async () => undefined,
  };
}

/**
 * Counted in Redis under `prefix`, so every process given the same prefix shares each limit: one atomic INCRBY per
 * limit and request. While Redis is unreachable or does not answer within REDIS_TIMEOUT_MS, a request is counted
 * in this process's memory instead (rate-limiter-flexible's insurance limiter): the limits then hold per process,
 * as without Redis, until it answers again, and no request fails because of Redis.
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
      // The fallback is the wrapper's alone: were it the inner limiter's too, a command that timed out (counted in
      // memory by the wrapper) and failed later would be counted in memory a second time.
      return new RLWrapperTimeouts({
        limiter: shared,
        timeoutMs: REDIS_TIMEOUT_MS,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
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
