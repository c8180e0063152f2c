import { createHash, randomBytes } from 'node:crypto';
import { DeferredQuestions } from './deferred-questions';
import { PagedLists } from './paged-lists';
import { insertIgnore, MysqlSql, SqliteSql, type Sql } from './state-sql';

export interface RoomBinding {
  roomId: string;
  communityId: string;
  communityName: string;
  townshipId: string;
}

export interface Dialog {
  userId: string;
  roomId: string;
  step: string;
  data: Record<string, unknown>;
  updatedAt: number;
}

/** A message the bot owes someone, kept until it has really been sent (private chat: 'contact', group: 'room'). */
export interface Notification {
  id: number;
  targetKind: 'contact' | 'room';
  targetId: string;
  text: string;
  createdAt: number;
  /** When the first attempt of a row of failed attempts to send it failed. */
  failingSince: number | null;
}

/**
 * A group message a process claimed and is handling: what handling it again needs (where, who, what, whether it
 * @-mentioned the bot), kept only until its handling has finished, so another process can handle it if this one dies.
 */
export interface ClaimedMessage {
  key: string;
  roomId: string;
  talkerId: string;
  text: string;
  mentioned: boolean;
  leaseUntil: number;
}

export interface OutboxItem {
  id: number;
  payload: Record<string, unknown>;
  residentId: string;
  roomId: string;
  attempts: number;
  nextAttemptAt: number;
}

/** Where the bot's state lives: an SQLite file (the default), or a MySQL/MariaDB database several bots share. */
export type StateLocation = { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string };

/** `mysql://…` or `mariadb://…` is a shared database; `sqlite:<file>` or a plain path is an SQLite file. */
export function stateLocation(urlOrFile: string): StateLocation {
  if (/^(mysql|mariadb):\/\//.test(urlOrFile)) return { kind: 'mysql', url: urlOrFile.replace(/^mariadb:/, 'mysql:') };
  return { kind: 'sqlite', file: urlOrFile.replace(/^sqlite:/, '') };
}

const SQLITE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS room_binding (room_id TEXT PRIMARY KEY, community_id TEXT NOT NULL, community_name TEXT NOT NULL, township_id TEXT NOT NULL, bound_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS seen_message (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS recent_request (sender_id TEXT NOT NULL, text_hash TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (sender_id, text_hash));
  CREATE TABLE IF NOT EXISTS dialog (user_id TEXT PRIMARY KEY, room_id TEXT NOT NULL, step TEXT NOT NULL, data TEXT NOT NULL, updated_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL, resident_id TEXT NOT NULL, room_id TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, created_at INTEGER NOT NULL, delivered_number TEXT);
  CREATE TABLE IF NOT EXISTS registered_need (number TEXT PRIMARY KEY, resident_id TEXT NOT NULL, room_id TEXT NOT NULL, last_status TEXT NOT NULL, registered_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS spam_report (member_id TEXT PRIMARY KEY, reported_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS repeat_notice (member_id TEXT PRIMARY KEY, reported_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS staff_room (room_id TEXT PRIMARY KEY, bound_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS volunteer_link (contact_id TEXT PRIMARY KEY, volunteer_id TEXT NOT NULL, linked_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS bot_secret (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS reminder_sent (contact_id TEXT NOT NULL, reminder TEXT NOT NULL, sent_at INTEGER NOT NULL, PRIMARY KEY (contact_id, reminder));
  CREATE TABLE IF NOT EXISTS feed_cursor (feed TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS notification (id INTEGER PRIMARY KEY AUTOINCREMENT, target_kind TEXT NOT NULL, target_id TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL, failing_since INTEGER, done_at INTEGER, outcome TEXT);
  CREATE INDEX IF NOT EXISTS notification_pending ON notification (done_at, target_kind, target_id, id);
  CREATE TABLE IF NOT EXISTS paged_list (talker_id TEXT NOT NULL, room_id TEXT NOT NULL, kind TEXT NOT NULL, query TEXT NOT NULL, shown INTEGER NOT NULL, total INTEGER NOT NULL, cursor TEXT, saved_at INTEGER NOT NULL, PRIMARY KEY (talker_id, room_id));
  CREATE TABLE IF NOT EXISTS deferred_question (id INTEGER PRIMARY KEY AUTOINCREMENT, talker_id TEXT NOT NULL, room_id TEXT NOT NULL, text TEXT NOT NULL, command TEXT NOT NULL, asked_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS deferred_question_due ON deferred_question (next_attempt_at);
  CREATE TABLE IF NOT EXISTS message_claim (id TEXT PRIMARY KEY, owner TEXT NOT NULL, lease_until INTEGER NOT NULL, room_id TEXT NOT NULL, talker_id TEXT NOT NULL, text TEXT NOT NULL, mentioned INTEGER NOT NULL, claimed_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS message_claim_lease ON message_claim (lease_until);
`;

/** Columns added after the first state files were made: added to an older file when it is opened. */
const SQLITE_ADDED_COLUMNS: [table: string, column: string, type: string][] = [
  ['notification', 'lease_owner', 'TEXT'],
  ['notification', 'lease_until', 'INTEGER'],
];

/** The same tables on MySQL/MariaDB: keys are VARCHAR(191) (utf8mb4 index limit), times are BIGINT milliseconds. */
const MYSQL_SCHEMA = [
  'CREATE TABLE IF NOT EXISTS room_binding (room_id VARCHAR(191) PRIMARY KEY, community_id VARCHAR(32) NOT NULL, community_name VARCHAR(191) NOT NULL, township_id VARCHAR(32) NOT NULL, bound_at BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS seen_message (id VARCHAR(191) PRIMARY KEY, at BIGINT NOT NULL, INDEX seen_message_at (at))',
  'CREATE TABLE IF NOT EXISTS recent_request (sender_id VARCHAR(191) NOT NULL, text_hash CHAR(64) NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (sender_id, text_hash), INDEX recent_request_at (at))',
  'CREATE TABLE IF NOT EXISTS dialog (user_id VARCHAR(191) PRIMARY KEY, room_id VARCHAR(191) NOT NULL, step VARCHAR(32) NOT NULL, data TEXT NOT NULL, updated_at BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS outbox (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload TEXT NOT NULL, resident_id VARCHAR(191) NOT NULL, room_id VARCHAR(191) NOT NULL, attempts INT NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL, created_at BIGINT NOT NULL, delivered_number VARCHAR(255))',
  'CREATE TABLE IF NOT EXISTS registered_need (number VARCHAR(32) PRIMARY KEY, resident_id VARCHAR(191) NOT NULL, room_id VARCHAR(191) NOT NULL, last_status VARCHAR(32) NOT NULL, registered_at BIGINT NOT NULL, INDEX registered_need_resident (resident_id, registered_at))',
  'CREATE TABLE IF NOT EXISTS spam_report (member_id VARCHAR(191) PRIMARY KEY, reported_at BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS repeat_notice (member_id VARCHAR(191) PRIMARY KEY, reported_at BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS staff_room (room_id VARCHAR(191) PRIMARY KEY, bound_at BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS volunteer_link (contact_id VARCHAR(191) PRIMARY KEY, volunteer_id VARCHAR(64) NOT NULL, linked_at BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS bot_secret (name VARCHAR(64) PRIMARY KEY, value VARCHAR(255) NOT NULL)',
  'CREATE TABLE IF NOT EXISTS reminder_sent (contact_id VARCHAR(191) NOT NULL, reminder VARCHAR(64) NOT NULL, sent_at BIGINT NOT NULL, PRIMARY KEY (contact_id, reminder))',
  'CREATE TABLE IF NOT EXISTS feed_cursor (feed VARCHAR(64) PRIMARY KEY, `cursor` VARCHAR(255) NOT NULL, updated_at BIGINT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS notification (id BIGINT AUTO_INCREMENT PRIMARY KEY, target_kind VARCHAR(16) NOT NULL, target_id VARCHAR(191) NOT NULL, text TEXT NOT NULL, created_at BIGINT NOT NULL, failing_since BIGINT, done_at BIGINT, outcome VARCHAR(32), lease_owner VARCHAR(64), lease_until BIGINT, INDEX notification_pending (done_at, target_kind, target_id, id))',
  'CREATE TABLE IF NOT EXISTS paged_list (talker_id VARCHAR(191) NOT NULL, room_id VARCHAR(191) NOT NULL, kind VARCHAR(16) NOT NULL, query TEXT NOT NULL, shown INT NOT NULL, total INT NOT NULL, `cursor` VARCHAR(255), saved_at BIGINT NOT NULL, PRIMARY KEY (talker_id, room_id))',
  'CREATE TABLE IF NOT EXISTS deferred_question (id BIGINT AUTO_INCREMENT PRIMARY KEY, talker_id VARCHAR(191) NOT NULL, room_id VARCHAR(191) NOT NULL, text TEXT NOT NULL, command TEXT NOT NULL, asked_at BIGINT NOT NULL, attempts INT NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL, INDEX deferred_question_due (next_attempt_at))',
  'CREATE TABLE IF NOT EXISTS message_claim (id VARCHAR(191) PRIMARY KEY, owner VARCHAR(255) NOT NULL, lease_until BIGINT NOT NULL, room_id VARCHAR(191) NOT NULL, talker_id VARCHAR(191) NOT NULL, text TEXT NOT NULL, mentioned TINYINT NOT NULL, claimed_at BIGINT NOT NULL, INDEX message_claim_lease (lease_until))',
];

async function openSql(location: StateLocation): Promise<Sql> {
  if (location.kind === 'sqlite') {
    const sqlite = new SqliteSql(location.file);
    sqlite.exec(SQLITE_SCHEMA);
    const have = (table: string) => sqlite.columns(table);
    for (const [table, column, type] of SQLITE_ADDED_COLUMNS)
      if (!have(table).includes(column)) sqlite.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    return sqlite;
  }
  const mysql = MysqlSql.connect(location.url);
  try {
    for (const ddl of MYSQL_SCHEMA) await mysql.run(ddl);
  } catch (error) {
    await mysql.close().catch(() => undefined);
    throw error;
  }
  return mysql;
}

/**
 * The bot's own state (never the hub's tables): room bindings, handled messages, recent texts for the 60-second
 * replay guard, dialogs, the durable outbox of needs, needs registered per resident, spam reports, "already
 * answered" notices, volunteers linked to contacts and the reminders they got, the need feed's cursor and the
 * notifications it owes, the lists 更多 pages through and the questions kept while the hub is unreachable.
 *
 * In an SQLite file by default; in MySQL/MariaDB (BOT_STATE_URL) several bot processes on several WeChat accounts
 * share it and the same rooms: each message is claimed once (firstSight; a group message with a lease until it is
 * handled, claimGroupMessage), and the outbox, the notifications and the kept questions are taken with a lease (`owner` names this process), so one process answers each and another takes
 * over what a dead one left.
 */
export class BotState {
  readonly lists: PagedLists;
  readonly deferred: DeferredQuestions;
  /**
   * Who holds the notifications' leases: the bot's WeChat account once logged in (a restart on the same account
   * takes its own leases back at once), a random name before.
   */
  owner = randomBytes(8).toString('hex');

  private constructor(
    private readonly db: Sql,
    /** How long a taken outbox entry or notification stays this process's before another may take it. */
    readonly leaseMs: number,
  ) {
    this.lists = new PagedLists(db);
    this.deferred = new DeferredQuestions(db, leaseMs);
  }

  static async open(urlOrFile: string, leaseMs = 5 * 60_000): Promise<BotState> {
    return new BotState(await openSql(stateLocation(urlOrFile)), leaseMs);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async bindRoom(binding: RoomBinding, now: number): Promise<void> {
    await this.db.run(
      'REPLACE INTO room_binding (room_id, community_id, community_name, township_id, bound_at) VALUES (?, ?, ?, ?, ?)',
      [binding.roomId, binding.communityId, binding.communityName, binding.townshipId, now],
    );
  }

  async roomBinding(roomId: string): Promise<RoomBinding | undefined> {
    const row = await this.db.get<{
      room_id: string;
      community_id: string;
      community_name: string;
      township_id: string;
    }>('SELECT room_id, community_id, community_name, township_id FROM room_binding WHERE room_id = ?', [roomId]);
    return (
      row && {
        roomId: row.room_id,
        communityId: row.community_id,
        communityName: row.community_name,
        townshipId: row.township_id,
      }
    );
  }

  /**
   * True the first time a message is seen, whichever process sees it: the key is inserted once (the database's
   * primary key decides between processes); it is remembered for a day.
   */
  async firstSight(messageKey: string, now: number): Promise<boolean> {
    await this.db.run('DELETE FROM seen_message WHERE at < ?', [now - 86_400_000]);
    const { changes } = await this.db.run(`${insertIgnore(this.db)} INTO seen_message (id, at) VALUES (?, ?)`, [
      messageKey,
      now,
    ]);
    return changes === 1;
  }

  /**
   * firstSight for a group message, and, when `handling` is given, the claim that this process is handling it, in
   * one transaction: the claim carries this process as owner, a lease, and what handling it again needs. A process
   * that dies before finishClaim leaves it to be taken over (expiredClaims, takeClaim) once the lease is over.
   */
  async claimGroupMessage(
    messageKey: string,
    handling: Omit<ClaimedMessage, 'key' | 'leaseUntil'> | undefined,
    now: number,
  ): Promise<boolean> {
    // Claims nobody could take over for a day (their room gone from every account) are given up.
    await this.db.run('DELETE FROM message_claim WHERE claimed_at < ?', [now - 86_400_000]);
    return this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM seen_message WHERE at < ?', [now - 86_400_000]);
      const seen = await tx.run(`${insertIgnore(tx)} INTO seen_message (id, at) VALUES (?, ?)`, [messageKey, now]);
      if (seen.changes !== 1) return false;
      if (handling)
        await tx.run(
          'INSERT INTO message_claim (id, owner, lease_until, room_id, talker_id, text, mentioned, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [
            messageKey,
            this.owner,
            now + this.leaseMs,
            handling.roomId,
            handling.talkerId,
            handling.text,
            handling.mentioned ? 1 : 0,
            now,
          ],
        );
      return true;
    });
  }

  /** Keeps a claim this process holds for another lease (a handling that takes long is not taken over). */
  async renewClaim(messageKey: string, now: number): Promise<void> {
    await this.db.run('UPDATE message_claim SET lease_until = ? WHERE id = ? AND owner = ?', [
      now + this.leaseMs,
      messageKey,
      this.owner,
    ]);
  }

  /** The message's handling has finished (its replies are kept or queued): what was kept of it is deleted. */
  async finishClaim(messageKey: string): Promise<void> {
    await this.db.run('DELETE FROM message_claim WHERE id = ? AND owner = ?', [messageKey, this.owner]);
  }

  /** Claims whose lease is over: their process died (or hung) before it finished handling the message. */
  async expiredClaims(now: number): Promise<ClaimedMessage[]> {
    const rows = await this.db.all<{
      id: string;
      lease_until: number;
      room_id: string;
      talker_id: string;
      text: string;
      mentioned: number;
    }>(
      'SELECT id, lease_until, room_id, talker_id, text, mentioned FROM message_claim WHERE lease_until < ? ORDER BY claimed_at LIMIT 20',
      [now],
    );
    return rows.map((r) => ({
      key: r.id,
      roomId: r.room_id,
      talkerId: r.talker_id,
      text: r.text,
      mentioned: Number(r.mentioned) === 1,
      leaseUntil: Number(r.lease_until),
    }));
  }

  /**
   * Takes over an expired claim: one conditional update on the lease it was read with, so of several processes
   * finding it one takes it. False when another did.
   */
  async takeClaim(claim: ClaimedMessage, now: number): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE message_claim SET owner = ?, lease_until = ? WHERE id = ? AND lease_until = ?',
      [this.owner, now + this.leaseMs, claim.key, claim.leaseUntil],
    );
    return changes === 1;
  }

  /**
   * True when the same sender said the same text within `windowMs` of the time it was answered; only a text that
   * is not a repeat is recorded, so repeating it does not keep the window open. One insert or one conditional
   * update decides, so of two processes handling the same words at once one answers and the other hears a repeat.
   */
  async repeatedWithin(senderId: string, text: string, now: number, windowMs: number): Promise<boolean> {
    await this.db.run('DELETE FROM recent_request WHERE at < ?', [now - 2 * windowMs]);
    const textHash = createHash('sha256').update(text).digest('hex');
    const inserted = await this.db.run(
      `${insertIgnore(this.db)} INTO recent_request (sender_id, text_hash, at) VALUES (?, ?, ?)`,
      [senderId, textHash, now],
    );
    if (inserted.changes === 1) return false;
    const renewed = await this.db.run(
      'UPDATE recent_request SET at = ? WHERE sender_id = ? AND text_hash = ? AND at < ?',
      [now, senderId, textHash, now - windowMs],
    );
    return renewed.changes === 0;
  }

  /** True when the sender may be told "already answered" now (at most once per `periodMs`); records it. */
  mayNoticeRepeat(senderId: string, now: number, periodMs: number): Promise<boolean> {
    return this.onceWithin('repeat_notice', senderId, now, periodMs);
  }

  async dialog(userId: string): Promise<Dialog | undefined> {
    const row = await this.db.get<{ user_id: string; room_id: string; step: string; data: string; updated_at: number }>(
      'SELECT user_id, room_id, step, data, updated_at FROM dialog WHERE user_id = ?',
      [userId],
    );
    return (
      row && {
        userId: row.user_id,
        roomId: row.room_id,
        step: row.step,
        data: JSON.parse(row.data),
        updatedAt: Number(row.updated_at),
      }
    );
  }

  async saveDialog(dialog: Dialog): Promise<void> {
    await this.db.run('REPLACE INTO dialog (user_id, room_id, step, data, updated_at) VALUES (?, ?, ?, ?, ?)', [
      dialog.userId,
      dialog.roomId,
      dialog.step,
      JSON.stringify(dialog.data),
      dialog.updatedAt,
    ]);
  }

  async endDialog(userId: string): Promise<void> {
    await this.db.run('DELETE FROM dialog WHERE user_id = ?', [userId]);
  }

  async enqueueOutbox(payload: Record<string, unknown>, residentId: string, roomId: string, now: number) {
    const { insertId } = await this.db.run(
      'INSERT INTO outbox (payload, resident_id, room_id, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
      [JSON.stringify(payload), residentId, roomId, now, now],
    );
    return insertId;
  }

  async dueOutbox(now: number): Promise<OutboxItem[]> {
    const rows = await this.db.all<{
      id: number;
      payload: string;
      resident_id: string;
      room_id: string;
      attempts: number;
      next_attempt_at: number;
    }>(
      'SELECT id, payload, resident_id, room_id, attempts, next_attempt_at FROM outbox WHERE delivered_number IS NULL AND next_attempt_at <= ? ORDER BY id',
      [now],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      payload: JSON.parse(r.payload),
      residentId: r.resident_id,
      roomId: r.room_id,
      attempts: Number(r.attempts),
      nextAttemptAt: Number(r.next_attempt_at),
    }));
  }

  /**
   * Takes a due outbox entry for this process: its next attempt is moved a lease ahead, so no other process takes
   * it meanwhile, and one that dies holding it leaves it due again once the lease is over. False when another
   * process took it first.
   */
  async takeOutbox(item: OutboxItem, now: number): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND delivered_number IS NULL',
      [now + this.leaseMs, item.id, item.nextAttemptAt],
    );
    return changes === 1;
  }

  async pendingOutbox(): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE delivered_number IS NULL');
    return Number(row?.n ?? 0);
  }

  async outboxDelivered(id: number, number: string): Promise<void> {
    await this.db.run('UPDATE outbox SET delivered_number = ? WHERE id = ?', [number, id]);
  }

  async outboxRetryLater(id: number, nextAttemptAt: number): Promise<void> {
    await this.db.run('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?', [
      nextAttemptAt,
      id,
    ]);
  }

  /** A random secret made on first use and kept with the state it protects (it outlives restarts). */
  async secret(name: string): Promise<string> {
    await this.db.run(`${insertIgnore(this.db)} INTO bot_secret (name, value) VALUES (?, ?)`, [
      name,
      randomBytes(32).toString('hex'),
    ]);
    return (await this.db.get<{ value: string }>('SELECT value FROM bot_secret WHERE name = ?', [name]))!.value;
  }

  async rememberNeed(number: string, residentId: string, roomId: string, status: string, now: number) {
    await this.db.run(
      'REPLACE INTO registered_need (number, resident_id, room_id, last_status, registered_at) VALUES (?, ?, ?, ?, ?)',
      [number, residentId, roomId, status, now],
    );
  }

  /** Who registered a need through this bot, in which room ('' for the private chat), and its status as last told. */
  async registeredNeed(
    number: string,
  ): Promise<{ residentId: string; roomId: string; lastStatus: string } | undefined> {
    const row = await this.db.get<{ resident_id: string; room_id: string; last_status: string }>(
      'SELECT resident_id, room_id, last_status FROM registered_need WHERE number = ?',
      [number],
    );
    return row && { residentId: row.resident_id, roomId: row.room_id, lastStatus: row.last_status };
  }

  async needsOf(residentId: string): Promise<{ number: string; lastStatus: string }[]> {
    const rows = await this.db.all<{ number: string; last_status: string }>(
      'SELECT number, last_status FROM registered_need WHERE resident_id = ? ORDER BY registered_at DESC LIMIT 10',
      [residentId],
    );
    return rows.map((r) => ({ number: r.number, lastStatus: r.last_status }));
  }

  /** Where the bot stopped reading a feed of the hub (the last event it has taken in), if it has begun. */
  async feedCursor(feed: string): Promise<string | undefined> {
    return (await this.db.get<{ cursor: string }>('SELECT `cursor` FROM feed_cursor WHERE feed = ?', [feed]))?.cursor;
  }

  /**
   * Takes in one page of a feed read from `from` (undefined: its beginning): moves the cursor to `to` and writes
   * what the page owes (notifications, statuses told) in ONE transaction, only if the cursor is still at `from`.
   * False when another process took the page in first: then nothing is written, so a change is owed once.
   */
  async takeFeedPage(
    feed: string,
    from: string | undefined,
    to: string,
    owed: {
      notices: Pick<Notification, 'targetKind' | 'targetId' | 'text'>[];
      statuses: [number: string, status: string][];
    },
    now: number,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const moved =
        from === undefined
          ? await tx.run(`${insertIgnore(tx)} INTO feed_cursor (feed, \`cursor\`, updated_at) VALUES (?, ?, ?)`, [
              feed,
              to,
              now,
            ])
          : await tx.run('UPDATE feed_cursor SET `cursor` = ?, updated_at = ? WHERE feed = ? AND `cursor` = ?', [
              to,
              now,
              feed,
              from,
            ]);
      if (moved.changes !== 1) return false;
      for (const notice of owed.notices)
        await tx.run('INSERT INTO notification (target_kind, target_id, text, created_at) VALUES (?, ?, ?, ?)', [
          notice.targetKind,
          notice.targetId,
          notice.text,
          now,
        ]);
      for (const [number, status] of owed.statuses)
        await tx.run('UPDATE registered_need SET last_status = ? WHERE number = ?', [status, number]);
      return true;
    });
  }

  async addNotification(targetKind: Notification['targetKind'], targetId: string, text: string, now: number) {
    await this.db.run('INSERT INTO notification (target_kind, target_id, text, created_at) VALUES (?, ?, ?, ?)', [
      targetKind,
      targetId,
      text,
      now,
    ]);
  }

  /** The oldest notification not yet sent of each conversation, oldest first: a conversation hears them in order. */
  async nextNotifications(): Promise<Notification[]> {
    return (
      await this.db.all<NotificationRow>(
        'SELECT id, target_kind, target_id, text, created_at, failing_since FROM notification WHERE id IN (SELECT MIN(id) FROM notification WHERE done_at IS NULL GROUP BY target_kind, target_id) ORDER BY id',
      )
    ).map(toNotification);
  }

  /** The oldest notification not yet sent to one conversation. */
  async nextNotificationFor(
    targetKind: Notification['targetKind'],
    targetId: string,
  ): Promise<Notification | undefined> {
    const row = await this.db.get<NotificationRow>(
      'SELECT id, target_kind, target_id, text, created_at, failing_since FROM notification WHERE done_at IS NULL AND target_kind = ? AND target_id = ? ORDER BY id LIMIT 1',
      [targetKind, targetId],
    );
    return row && toNotification(row);
  }

  /**
   * Takes (or keeps) a notification for this process for one lease: false when it is done, or another process holds
   * an unexpired lease on it. Called before it is handed to the send queue and again just before it is said, so a
   * message that waited in the queue past its lease is not said by two processes.
   */
  async leaseNotification(id: number, now: number): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE notification SET lease_owner = ?, lease_until = ? WHERE id = ? AND done_at IS NULL AND (lease_owner = ? OR lease_until IS NULL OR lease_until < ?)',
      [this.owner, now + this.leaseMs, id, this.owner, now],
    );
    return changes === 1;
  }

  /** Marks a notification sent, or given up ('undeliverable'); finished ones are kept for 30 days. */
  async notificationDone(id: number, outcome: 'sent' | 'undeliverable', now: number): Promise<void> {
    await this.db.run('UPDATE notification SET done_at = ?, outcome = ?, lease_until = NULL WHERE id = ?', [
      now,
      outcome,
      id,
    ]);
    await this.db.run('DELETE FROM notification WHERE done_at < ?', [now - 30 * 86_400_000]);
  }

  /** A try to send it failed; remembers since when it has been failing, and lets it go for the next try. */
  async notificationFailed(id: number, now: number): Promise<void> {
    await this.db.run(
      'UPDATE notification SET failing_since = COALESCE(failing_since, ?), lease_until = NULL WHERE id = ? AND lease_owner = ?',
      [now, id, this.owner],
    );
  }

  async pendingNotifications(): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM notification WHERE done_at IS NULL');
    return Number(row?.n ?? 0);
  }

  /** The hub volunteer a WeChat contact is, once the bot registered them. */
  async volunteerOf(contactId: string): Promise<string | undefined> {
    return (
      await this.db.get<{ volunteer_id: string }>('SELECT volunteer_id FROM volunteer_link WHERE contact_id = ?', [
        contactId,
      ])
    )?.volunteer_id;
  }

  async linkVolunteer(contactId: string, volunteerId: string, now: number): Promise<void> {
    await this.db.run('REPLACE INTO volunteer_link (contact_id, volunteer_id, linked_at) VALUES (?, ?, ?)', [
      contactId,
      volunteerId,
      now,
    ]);
  }

  /** Every contact the bot registered as a hub volunteer. */
  async linkedVolunteers(): Promise<{ contactId: string; volunteerId: string }[]> {
    const rows = await this.db.all<{ contact_id: string; volunteer_id: string }>(
      'SELECT contact_id, volunteer_id FROM volunteer_link ORDER BY linked_at, contact_id',
    );
    return rows.map((r) => ({ contactId: r.contact_id, volunteerId: r.volunteer_id }));
  }

  /** True once `reminder` (e.g. `activity:12`, `hours:34`) has reached the contact. */
  async reminderSent(contactId: string, reminder: string): Promise<boolean> {
    return (
      (await this.db.get('SELECT 1 AS hit FROM reminder_sent WHERE contact_id = ? AND reminder = ?', [
        contactId,
        reminder,
      ])) !== undefined
    );
  }

  async markReminderSent(contactId: string, reminder: string, now: number): Promise<void> {
    await this.db.run(`${insertIgnore(this.db)} INTO reminder_sent (contact_id, reminder, sent_at) VALUES (?, ?, ?)`, [
      contactId,
      reminder,
      now,
    ]);
  }

  async setStaffRoom(roomId: string, now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM staff_room');
      await tx.run('INSERT INTO staff_room (room_id, bound_at) VALUES (?, ?)', [roomId, now]);
    });
  }

  async staffRoom(): Promise<string | undefined> {
    return (await this.db.get<{ room_id: string }>('SELECT room_id FROM staff_room'))?.room_id;
  }

  /** True when the member may be reported now (at most once an hour); records the report. */
  reportSpammer(memberId: string, now: number): Promise<boolean> {
    return this.onceWithin('spam_report', memberId, now, 3_600_000);
  }

  /** Inserts or moves the member's time forward only when the period is over: one statement each, so one wins. */
  private async onceWithin(table: 'spam_report' | 'repeat_notice', memberId: string, now: number, periodMs: number) {
    const inserted = await this.db.run(
      `${insertIgnore(this.db)} INTO ${table} (member_id, reported_at) VALUES (?, ?)`,
      [memberId, now],
    );
    if (inserted.changes === 1) return true;
    const moved = await this.db.run(`UPDATE ${table} SET reported_at = ? WHERE member_id = ? AND reported_at <= ?`, [
      now,
      memberId,
      now - periodMs,
    ]);
    return moved.changes === 1;
  }
}

interface NotificationRow {
  id: number;
  target_kind: Notification['targetKind'];
  target_id: string;
  text: string;
  created_at: number;
  failing_since: number | null;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: Number(r.id),
  targetKind: r.target_kind,
  targetId: r.target_id,
  text: r.text,
  createdAt: Number(r.created_at),
  failingSince: r.failing_since === null ? null : Number(r.failing_since),
});
