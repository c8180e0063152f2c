import { randomUUID } from 'node:crypto';
import type { PublicCacheConfig } from '../config/config';
import { DomainError } from '../errors';
import { connectRedis, type RedisClient } from './redis';
import type { WriteFence } from './write-fence';

/**
 * Where cached public answers live, and the write generation that keeps them exact (docs/decisions.md, "Cached
 * public reads"). Both stores follow the same seqlock-like protocol:
 *
 * - a write marks itself in flight and bumps the generation before it starts, bumps it again and unmarks itself
 *   after it committed or rolled back (WriteFence);
 * - `lookup` reads, in one step, whether any write is in flight and the current generation (and the entry stored
 *   under it); with a write in flight the read neither uses nor fills the cache;
 * - `store` keeps an answer only if, in one step, no write is in flight and the generation is still the one its
 *   lookup saw: then no write began or ended while the read ran, so the answer is what the committed data says.
 */
export interface PublicCacheStore extends WriteFence {
  /** Undefined: the cache may not be used by this read (a write in flight, or the store unreachable). */
  lookup(key: string): Promise<{ generation: string; hit?: string } | undefined>;
  store(key: string, generation: string, value: string): Promise<void>;
  close(): Promise<void>;
}

export interface PublicCacheLimits {
  /** How long an entry lives at most (a backstop: exactness comes from the generation, not from expiry). */
  ttlSeconds: number;
  /** Memory store: total size of the entries kept (UTF-16 code units of their JSON), least recently used first out. */
  maxBytes: number;
  /** Answers longer than this (characters of JSON) are not stored. */
  maxEntryChars: number;
}

/** One process: the generation is a counter, entries a Map in least-recently-used order. */
export class MemoryPublicCache implements PublicCacheStore {
  private generation = 0;
  private writesInFlight = 0;
  private bytes = 0;
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(private readonly limits: PublicCacheLimits) {}

  private bump(): void {
    this.generation += 1;
    // Entries of earlier generations can never be served again.
    this.entries.clear();
    this.bytes = 0;
  }

  async begin() {
    this.writesInFlight += 1;
    this.bump();
    let ended = false;
    return async () => {
      if (ended) return;
      ended = true;
      this.bump();
      this.writesInFlight -= 1;
    };
  }

  async lookup(key: string) {
    if (this.writesInFlight > 0) return undefined;
    const generation = String(this.generation);
    const entry = this.entries.get(key);
    if (!entry) return { generation };
    this.entries.delete(key);
    if (entry.expires <= Date.now()) {
      this.bytes -= key.length + entry.value.length;
      return { generation };
    }
    this.entries.set(key, entry);
    return { generation, hit: entry.value };
  }

  async store(key: string, generation: string, value: string) {
    if (this.writesInFlight > 0 || generation !== String(this.generation)) return;
    if (value.length > this.limits.maxEntryChars) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= key.length + previous.value.length;
    }
    this.entries.set(key, { value, expires: Date.now() + this.limits.ttlSeconds * 1000 });
    this.bytes += key.length + value.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= oldest.length + entry.value.length;
    }
  }

  async close() {}
}

export class CacheUnavailableError extends DomainError {
  constructor() {
    super(
      'SERVICE_UNAVAILABLE',
      '缓存服务暂不可用,本次修改未执行,请稍后重试 (the shared cache (Redis) is unreachable; nothing was changed, retry later)',
    );
  }
}

/**
 * A write's mark expires this long after it was last renewed, so a crashed writer cannot switch caching off for
 * good; a live writer renews it every third of that.
 */
const WRITE_LEASE_MS = 30_000;

/** Server time in ms (every instance uses Redis' clock, never its own), and the generation, created if absent. */
const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function generation()
  local g = redis.call('GET', KEYS[1])
  if g then return g end
  -- Lost (evicted, flushed): restart above any value it can have had, from the clock in microseconds.
  g = t[1] .. string.format('%06d', tonumber(t[2]))
  redis.call('SET', KEYS[1], g)
  return g
end
local function writing() return redis.call('ZCOUNT', KEYS[2], now, '+inf') > 0 end
`;

const SCRIPTS = {
  // ARGV: entry prefix, key → false (a write in flight) or { generation, entry? }
  lookup: `${PRELUDE}
if writing() then return false end
local g = generation()
return { g, redis.call('GET', ARGV[1] .. g .. ':' .. ARGV[2]) }`,
  // ARGV: entry prefix, key, generation, value, ttl ms
  store: `${PRELUDE}
if writing() or redis.call('GET', KEYS[1]) ~= ARGV[3] then return 0 end
redis.call('SET', ARGV[1] .. ARGV[3] .. ':' .. ARGV[2], ARGV[4], 'PX', ARGV[5])
return 1`,
  // ARGV: write id, lease ms
  begin: `${PRELUDE}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 1)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
generation()
return redis.call('INCR', KEYS[1])`,
  renew: `${PRELUDE}
return redis.call('ZADD', KEYS[2], 'XX', now + tonumber(ARGV[2]), ARGV[1])`,
  end: `${PRELUDE}
generation()
redis.call('INCR', KEYS[1])
return redis.call('ZREM', KEYS[2], ARGV[1])`,
} as const;

/**
 * Shared by every hub (and CLI writer) given the same REDIS_URL and prefix: one round trip per read to look up,
 * one to store after a miss, one per write to begin and one to end. Standalone Redis (the scripts name entry keys
 * they build themselves, which Redis Cluster would refuse).
 */
export class RedisPublicCache implements PublicCacheStore {
  private readonly sha = new Map<keyof typeof SCRIPTS, string>();

  private constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly limits: PublicCacheLimits,
    private readonly log: (line: string) => void,
    private readonly writeLeaseMs: number,
  ) {}

  /** Connects, or rejects with one clear line when Redis cannot be reached. */
  static async connect(
    url: string,
    prefix: string,
    limits: PublicCacheLimits,
    log: (line: string) => void,
    writeLeaseMs = WRITE_LEASE_MS,
  ) {
    const client = await connectRedis(url, 'public cache', 'reads skip the cache', log);
    return new RedisPublicCache(client, prefix, limits, log, writeLeaseMs);
  }

  private async run(script: keyof typeof SCRIPTS, args: string[]): Promise<unknown> {
    const keys = [`${this.prefix}generation`, `${this.prefix}writing`];
    const known = this.sha.get(script);
    if (known) {
      try {
        return await this.client.sendCommand(['EVALSHA', known, '2', ...keys, ...args]);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      }
    }
    const sha = String(await this.client.sendCommand(['SCRIPT', 'LOAD', SCRIPTS[script]]));
    this.sha.set(script, sha);
    return this.client.sendCommand(['EVALSHA', sha, '2', ...keys, ...args]);
  }

  async lookup(key: string) {
    try {
      const reply = (await this.run('lookup', [`${this.prefix}entry:`, key])) as [string, string | null] | null;
      if (!reply) return undefined;
      return { generation: String(reply[0]), hit: reply[1] == null ? undefined : String(reply[1]) };
    } catch {
      return undefined;
    }
  }

  async store(key: string, generation: string, value: string) {
    if (value.length > this.limits.maxEntryChars) return;
    try {
      await this.run('store', [`${this.prefix}entry:`, key, generation, value, String(this.limits.ttlSeconds * 1000)]);
    } catch {
      // Not stored: the next read runs again.
    }
  }

  async begin() {
    const id = randomUUID();
    try {
      await this.run('begin', [id, String(this.writeLeaseMs)]);
    } catch {
      throw new CacheUnavailableError();
    }
    const renew = setInterval(() => {
      this.run('renew', [id, String(this.writeLeaseMs)]).catch(() => undefined);
    }, this.writeLeaseMs / 3);
    renew.unref();
    let ended = false;
    return async () => {
      if (ended) return;
      ended = true;
      clearInterval(renew);
      try {
        await this.run('end', [id]);
      } catch (error) {
        // The write is over (committed or not); its mark lapses with its lease, and until then reads skip the cache.
        this.log(`public cache: could not end write ${id} (${error instanceof Error ? error.message : String(error)})`);
      }
    };
  }

  async close() {
    if (this.client.isOpen) await this.client.close();
  }
}

/**
 * The store the configuration asks for: none when switched off, Redis when REDIS_URL is set (failing with one
 * clear line when it cannot be reached), memory otherwise.
 */
export async function openPublicCacheStore(
  config: PublicCacheConfig,
  log: (line: string) => void,
): Promise<PublicCacheStore | undefined> {
  if (!config.enabled) return undefined;
  if (config.redisUrl) return RedisPublicCache.connect(config.redisUrl, config.redisPrefix, config, log);
  return new MemoryPublicCache(config);
}
