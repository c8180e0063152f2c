import { existsSync } from 'node:fs';

/** The bot's own settings (it is a client of the hub and reads nothing of src/). */
export interface BotConfig {
  hubUrl: string;
  /** A BOT token for the hub (`wushe token --role BOT --region …`). */
  botToken: string;
  /** SQLite file for the bot's own state: room bindings, dedupe, dialogs, outbox, spam reports. */
  stateFile: string;
  /**
   * The state several bot processes on several WeChat accounts share, serving the same rooms (BOT_STATE_URL): a
   * MySQL/MariaDB database (`mysql://user:pass@host:3306/wushe_bot`), or `sqlite:<file>` for processes on one
   * machine. Set, replies too are kept in it until sent; unset, the bot keeps its state alone in `stateFile`.
   */
  stateUrl?: string;
  /**
   * How long a bot process holds an outbox entry, a notification or a kept question it took (BOT_LEASE_MS): when a
   * process dies, another takes over what it held after this long. Longer than a message may wait in the send pacing.
   * Five minutes unless set.
   */
  leaseMs?: number;
  sending: SendLimits;
  /** How long a half-finished 登记需求 dialog waits for the resident. */
  dialogTimeoutMs: number;
  /** How often volunteers' activity reminders and verified hours are looked for (BOT_REMINDER_INTERVAL_MS). */
  reminderIntervalMs: number;
  /**
   * How often the hub's need feed is read: a status change or assignment reaches the resident within about this
   * (plus the send pacing).
   */
  feedIntervalMs: number;
  /**
   * Key for the residents' reporter references (HMAC of the chat id) the hub stores with their needs. Unset, the
   * bot makes a random one and keeps it in its state file; set it when several bot processes share the needs.
   */
  reporterSecret?: string;
  /** Where `npm run bot` serves its Prometheus /metrics (BOT_METRICS_PORT, BOT_METRICS_HOST); off when unset. */
  metrics?: { port: number; host: string };
}

export interface SendLimits {
  perRoomIntervalMs: number;
  perAccountPerMinute: number;
  jitterMs: number;
  /** Pause after WeChat answers 操作过于频繁. */
  backoffMs: number;
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  perRoomIntervalMs: 1000,
  perAccountPerMinute: 20,
  jitterMs: 400,
  backoffMs: 10 * 60_000,
};

const positive = (name: string, raw: string | undefined, fallback: number) => {
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};

/** BOT_STATE_URL: a MySQL/MariaDB URL or an SQLite file several processes share, or nothing. */
function stateUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^(mysql|mariadb):\/\/[^/]+\/\w+/.test(raw) && !/^sqlite:.+/.test(raw))
    throw new Error('BOT_STATE_URL must be mysql://user:password@host:3306/database or sqlite:<file> (or unset)');
  return raw;
}

/** Reads `.env` in the working directory into the environment, if there is one; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const port = env.PORT || '4000';
  return {
    hubUrl: env.HUB_URL || `http://localhost:${port}/graphql`,
    botToken: env.BOT_TOKEN || '',
    stateFile: env.BOT_STATE_FILE || 'data/bot.sqlite',
    stateUrl: stateUrl(env.BOT_STATE_URL),
    leaseMs: positive('BOT_LEASE_MS', env.BOT_LEASE_MS, 5 * 60_000),
    sending: {
      perRoomIntervalMs: positive(
        'BOT_ROOM_INTERVAL_MS',
        env.BOT_ROOM_INTERVAL_MS,
        DEFAULT_SEND_LIMITS.perRoomIntervalMs,
      ),
      perAccountPerMinute: positive(
        'BOT_MESSAGES_PER_MINUTE',
        env.BOT_MESSAGES_PER_MINUTE,
        DEFAULT_SEND_LIMITS.perAccountPerMinute,
      ),
      jitterMs: positive('BOT_JITTER_MS', env.BOT_JITTER_MS, DEFAULT_SEND_LIMITS.jitterMs),
      backoffMs: positive('BOT_BACKOFF_MS', env.BOT_BACKOFF_MS, DEFAULT_SEND_LIMITS.backoffMs),
    },
    dialogTimeoutMs: positive('BOT_DIALOG_TIMEOUT_MS', env.BOT_DIALOG_TIMEOUT_MS, 10 * 60_000),
    reminderIntervalMs: positive('BOT_REMINDER_INTERVAL_MS', env.BOT_REMINDER_INTERVAL_MS, 5 * 60_000),
    feedIntervalMs: positive('BOT_FEED_INTERVAL_MS', env.BOT_FEED_INTERVAL_MS, 1000),
    reporterSecret: env.BOT_REPORTER_SECRET || undefined,
    metrics: env.BOT_METRICS_PORT
      ? {
          port: Math.floor(positive('BOT_METRICS_PORT', env.BOT_METRICS_PORT, 0)),
          host: env.BOT_METRICS_HOST || '127.0.0.1',
        }
      : undefined,
  };
}
