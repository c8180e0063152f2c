import { createClient } from '@redis/client';
import { ConfigError } from '../config/config';

function redisClient(url: string, connected: () => boolean) {
  return createClient({
    url,
    // Commands fail at once while disconnected instead of queueing: each user of the client then falls back at once
    // (a read skips the public cache, a write is refused, a rate limit is counted in memory).
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      // Before the first connection a failure is final (the process does not start); after it, keep trying.
      // (A new Error rather than `cause`: the client tests `instanceof Error`, which a socket error made in another
      // realm, as under jest, would fail, and the first connection would then be retried for ever.)
      reconnectStrategy: (retries: number, cause: Error) =>
        connected() ? Math.min(100 * 2 ** retries, 2000) : new Error(cause.message),
    },
  });
}

export type RedisClient = ReturnType<typeof redisClient>;

/**
 * A connected client for `purpose` (named in its log lines), or a ConfigError with one clear line when Redis cannot
 * be reached at start. Once connected it reconnects by itself; losing and regaining Redis is logged once each,
 * the first line saying what `purpose` does meanwhile (`whileDown`).
 */
export async function connectRedis(
  url: string,
  purpose: string,
  whileDown: string,
  log: (line: string) => void,
): Promise<RedisClient> {
  let connected = false;
  const client = redisClient(url, () => connected);
  let reported = false;
  client.on('error', (error: Error) => {
    if (connected && !reported) log(`${purpose}: Redis unreachable (${error.message}); ${whileDown}`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported && connected) log(`${purpose}: Redis reachable again`);
    reported = false;
  });
  try {
    await client.connect();
  } catch (error) {
    // A ConfigError: the CLI prints it as one line and exits.
    throw new ConfigError(
      `REDIS_URL is set but Redis cannot be reached (${error instanceof Error ? error.message : String(error)}); start Redis or unset REDIS_URL`,
      { cause: error },
    );
  }
  connected = true;
  return client;
}
