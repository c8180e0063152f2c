import { createClient } from '@redis/client';
import { ConfigError } from '../config/config';

/** The part of Apollo's KeyValueCache that automatic persisted queries use. */
export interface PersistedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

function redisClient(url: string, connected: () => boolean) {
  return createClient({
    url,
    // While disconnected a command fails at once (a miss) rather than waiting in a queue.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      // The first connection failing is final (the hub does not start); after it, keep trying.
      reconnectStrategy: (retries: number, cause: Error) =>
        connected() ? Math.min(100 * 2 ** retries, 2000) : new Error(cause.message),
    },
  });
}

/**
 * Automatic persisted queries in Redis, so hub replicas behind one address see each other's registrations: a
 * client that registered a document with one replica is answered by hash from any other. Apollo prefixes keys with
 * `apq:`; entries are the document texts, keyed by their sha256, so hubs of different cities may even share them.
 * Redis unreachable at run time: a lookup misses (the client sends the text again, as on a first request) and a
 * registration is skipped; nothing fails.
 */
export class RedisPersistedQueries implements PersistedQueryStore {
  private constructor(
    private readonly client: ReturnType<typeof redisClient>,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  static async connect(url: string, prefix: string, ttlSeconds: number, log: (line: string) => void) {
    let connected = false;
    const client = redisClient(url, () => connected);
    let reported = false;
    client.on('error', (error: Error) => {
      if (connected && !reported) log(`persisted queries: Redis unreachable (${error.message}); clients resend texts`);
      reported = true;
    });
    client.on('ready', () => {
      reported = false;
    });
    try {
      await client.connect();
    } catch (error) {
      throw new ConfigError(
        `REDIS_URL is set but Redis cannot be reached (${error instanceof Error ? error.message : String(error)}); start Redis or unset REDIS_URL`,
        { cause: error },
      );
    }
    connected = true;
    return new RedisPersistedQueries(client, prefix, ttlSeconds);
  }

  async get(key: string) {
    try {
      return (await this.client.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }) {
    const seconds = options?.ttl ?? this.ttlSeconds;
    try {
      await this.client.set(this.prefix + key, value, { expiration: { type: 'EX', value: seconds } });
    } catch {
      // Not registered: the client's next request by hash misses and it sends the text again.
    }
  }

  async delete(key: string) {
    try {
      return (await this.client.del(this.prefix + key)) > 0;
    } catch {
      return false;
    }
  }

  async close() {
    if (this.client.isOpen) await this.client.close();
  }
}
