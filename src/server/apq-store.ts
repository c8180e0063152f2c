import { connectRedis, type RedisClient } from '../db/redis';

/** The part of Apollo's KeyValueCache that automatic persisted queries use. */
export interface PersistedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
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
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  static async connect(url: string, prefix: string, ttlSeconds: number, log: (line: string) => void) {
    const client = await connectRedis(url, 'persisted queries', 'clients resend texts', log);
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
