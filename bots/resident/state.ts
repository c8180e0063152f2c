import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DeferredQuestions } from './deferred-questions';
import { PagedLists } from './paged-lists';

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

export interface OutboxItem {
  id: number;
  payload: Record<string, unknown>;
  residentId: string;
  roomId: string;
  attempts: number;
  nextAttemptAt: number;
}

/**
 * The bot's own state, in its own SQLite file (never the hub's tables): room bindings, handled message ids,
 * recent texts for the 60-second replay guard, dialogs, the durable outbox of needs, needs registered per
 * resident, spam reports, "already answered" notices, volunteers linked to contacts and the reminders they got, the
 * need feed's cursor and the notifications it owes; beside them, in the same file, the lists 更多 pages through and
 * the questions kept while the hub is unreachable.
 */
export class BotState {
  private readonly db: Database.Database;
  readonly lists: PagedLists;
  readonly deferred: DeferredQuestions;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS room_binding (room_id TEXT PRIMARY KEY, community_id TEXT NOT NULL, community_name TEXT NOT NULL, township_id TEXT NOT NULL, bound_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS seen_message (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS recent_text (sender_id TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS recent_text_sender ON recent_text (sender_id, at);
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
    `);
    this.lists = new PagedLists(this.db);
    this.deferred = new DeferredQuestions(this.db);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `work` in one SQLite transaction: all of its writes are kept, or none. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  bindRoom(binding: RoomBinding, now: number): void {
    this.db
      .prepare(
        'INSERT INTO room_binding (room_id, community_id, community_name, township_id, bound_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(room_id) DO UPDATE SET community_id = excluded.community_id, community_name = excluded.community_name, township_id = excluded.township_id, bound_at = excluded.bound_at',
      )
      .run(binding.roomId, binding.communityId, binding.communityName, binding.townshipId, now);
  }

  roomBinding(roomId: string): RoomBinding | undefined {
    const row = this.db
      .prepare('SELECT room_id, community_id, community_name, township_id FROM room_binding WHERE room_id = ?')
      .get(roomId) as
      { room_id: string; community_id: string; community_name: string; township_id: string } | undefined;
    return (
      row && {
        roomId: row.room_id,
        communityId: row.community_id,
        communityName: row.community_name,
        townshipId: row.township_id,
      }
    );
  }

  /** True the first time a message id is seen; the id is remembered for a day. */
  firstSight(messageId: string, now: number): boolean {
    this.db.prepare('DELETE FROM seen_message WHERE at < ?').run(now - 86_400_000);
    return (
      this.db.prepare('INSERT OR IGNORE INTO seen_message (id, at) VALUES (?, ?)').run(messageId, now).changes === 1
    );
  }

  /**
   * True when the same sender said the same text within `windowMs` of the time it was answered; only a text that
   * is not a repeat is recorded, so repeating it does not keep the window open.
   */
  repeatedWithin(senderId: string, text: string, now: number, windowMs: number): boolean {
    this.db.prepare('DELETE FROM recent_text WHERE at < ?').run(now - windowMs);
    const repeated =
      this.db.prepare('SELECT 1 FROM recent_text WHERE sender_id = ? AND text = ?').get(senderId, text) !== undefined;
    if (!repeated)
      this.db.prepare('INSERT INTO recent_text (sender_id, text, at) VALUES (?, ?, ?)').run(senderId, text, now);
    return repeated;
  }

  /** True when the sender may be told "already answered" now (at most once per `periodMs`); records it. */
  mayNoticeRepeat(senderId: string, now: number, periodMs: number): boolean {
    return this.onceWithin('repeat_notice', senderId, now, periodMs);
  }

  dialog(userId: string): Dialog | undefined {
    const row = this.db
      .prepare('SELECT user_id, room_id, step, data, updated_at FROM dialog WHERE user_id = ?')
      .get(userId) as { user_id: string; room_id: string; step: string; data: string; updated_at: number } | undefined;
    return (
      row && {
        userId: row.user_id,
        roomId: row.room_id,
        step: row.step,
        data: JSON.parse(row.data),
        updatedAt: row.updated_at,
      }
    );
  }

  saveDialog(dialog: Dialog): void {
    this.db
      .prepare(
        'INSERT INTO dialog (user_id, room_id, step, data, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET room_id = excluded.room_id, step = excluded.step, data = excluded.data, updated_at = excluded.updated_at',
      )
      .run(dialog.userId, dialog.roomId, dialog.step, JSON.stringify(dialog.data), dialog.updatedAt);
  }

  endDialog(userId: string): void {
    this.db.prepare('DELETE FROM dialog WHERE user_id = ?').run(userId);
  }

  enqueueOutbox(payload: Record<string, unknown>, residentId: string, roomId: string, now: number): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO outbox (payload, resident_id, room_id, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(JSON.stringify(payload), residentId, roomId, now, now).lastInsertRowid,
    );
  }

  dueOutbox(now: number): OutboxItem[] {
    const rows = this.db
      .prepare(
        'SELECT id, payload, resident_id, room_id, attempts, next_attempt_at FROM outbox WHERE delivered_number IS NULL AND next_attempt_at <= ? ORDER BY id',
      )
      .all(now) as {
      id: number;
      payload: string;
      resident_id: string;
      room_id: string;
      attempts: number;
      next_attempt_at: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      payload: JSON.parse(r.payload),
      residentId: r.resident_id,
      roomId: r.room_id,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
    }));
  }

  pendingOutbox(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_number IS NULL').get() as { n: number })
      .n;
  }

  outboxDelivered(id: number, number: string): void {
    this.db.prepare('UPDATE outbox SET delivered_number = ? WHERE id = ?').run(number, id);
  }

  outboxRetryLater(id: number, nextAttemptAt: number): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?')
      .run(nextAttemptAt, id);
  }

  /** A random secret made on first use and kept with the state it protects (it outlives restarts). */
  secret(name: string): string {
    this.db
      .prepare('INSERT OR IGNORE INTO bot_secret (name, value) VALUES (?, ?)')
      .run(name, randomBytes(32).toString('hex'));
    return (this.db.prepare('SELECT value FROM bot_secret WHERE name = ?').get(name) as { value: string }).value;
  }

  rememberNeed(number: string, residentId: string, roomId: string, status: string, now: number): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO registered_need (number, resident_id, room_id, last_status, registered_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(number, residentId, roomId, status, now);
  }

  /** Who registered a need through this bot, in which room ('' for the private chat), and its status as last told. */
  registeredNeed(number: string): { residentId: string; roomId: string; lastStatus: string } | undefined {
    const row = this.db
      .prepare('SELECT resident_id, room_id, last_status FROM registered_need WHERE number = ?')
      .get(number) as { resident_id: string; room_id: string; last_status: string } | undefined;
    return row && { residentId: row.resident_id, roomId: row.room_id, lastStatus: row.last_status };
  }

  needsOf(residentId: string): { number: string; lastStatus: string }[] {
    return (
      this.db
        .prepare(
          'SELECT number, last_status FROM registered_need WHERE resident_id = ? ORDER BY registered_at DESC LIMIT 10',
        )
        .all(residentId) as { number: string; last_status: string }[]
    ).map((r) => ({
      number: r.number,
      lastStatus: r.last_status,
    }));
  }

  updateNeedStatus(number: string, status: string): void {
    this.db.prepare('UPDATE registered_need SET last_status = ? WHERE number = ?').run(status, number);
  }

  /** Where the bot stopped reading a feed of the hub (the last event it has taken in), if it has begun. */
  feedCursor(feed: string): string | undefined {
    return (
      this.db.prepare('SELECT cursor FROM feed_cursor WHERE feed = ?').get(feed) as { cursor: string } | undefined
    )?.cursor;
  }

  setFeedCursor(feed: string, cursor: string, now: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO feed_cursor (feed, cursor, updated_at) VALUES (?, ?, ?)')
      .run(feed, cursor, now);
  }

  addNotification(targetKind: Notification['targetKind'], targetId: string, text: string, now: number): void {
    this.db
      .prepare('INSERT INTO notification (target_kind, target_id, text, created_at) VALUES (?, ?, ?, ?)')
      .run(targetKind, targetId, text, now);
  }

  /** The oldest notification not yet sent of each conversation, oldest first: a conversation hears them in order. */
  nextNotifications(): Notification[] {
    return (
      this.db
        .prepare(
          'SELECT id, target_kind, target_id, text, created_at, failing_since FROM notification WHERE id IN (SELECT MIN(id) FROM notification WHERE done_at IS NULL GROUP BY target_kind, target_id) ORDER BY id',
        )
        .all() as NotificationRow[]
    ).map(toNotification);
  }

  /** The oldest notification not yet sent to one conversation. */
  nextNotificationFor(targetKind: Notification['targetKind'], targetId: string): Notification | undefined {
    const row = this.db
      .prepare(
        'SELECT id, target_kind, target_id, text, created_at, failing_since FROM notification WHERE done_at IS NULL AND target_kind = ? AND target_id = ? ORDER BY id LIMIT 1',
      )
      .get(targetKind, targetId) as NotificationRow | undefined;
    return row && toNotification(row);
  }

  /** Marks a notification sent, or given up ('undeliverable'); finished ones are kept for 30 days. */
  notificationDone(id: number, outcome: 'sent' | 'undeliverable', now: number): void {
    this.db.prepare('UPDATE notification SET done_at = ?, outcome = ? WHERE id = ?').run(now, outcome, id);
    this.db.prepare('DELETE FROM notification WHERE done_at < ?').run(now - 30 * 86_400_000);
  }

  /** A try to send it failed; remembers since when it has been failing. */
  notificationFailed(id: number, now: number): void {
    this.db.prepare('UPDATE notification SET failing_since = COALESCE(failing_since, ?) WHERE id = ?').run(now, id);
  }

  pendingNotifications(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM notification WHERE done_at IS NULL').get() as { n: number }).n;
  }

  /** The hub volunteer a WeChat contact is, once the bot registered them. */
  volunteerOf(contactId: string): string | undefined {
    return (
      this.db.prepare('SELECT volunteer_id FROM volunteer_link WHERE contact_id = ?').get(contactId) as
        { volunteer_id: string } | undefined
    )?.volunteer_id;
  }

  linkVolunteer(contactId: string, volunteerId: string, now: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO volunteer_link (contact_id, volunteer_id, linked_at) VALUES (?, ?, ?)')
      .run(contactId, volunteerId, now);
  }

  /** Every contact the bot registered as a hub volunteer. */
  linkedVolunteers(): { contactId: string; volunteerId: string }[] {
    return (
      this.db.prepare('SELECT contact_id, volunteer_id FROM volunteer_link ORDER BY linked_at, contact_id').all() as {
        contact_id: string;
        volunteer_id: string;
      }[]
    ).map((r) => ({ contactId: r.contact_id, volunteerId: r.volunteer_id }));
  }

  /** True once `reminder` (e.g. `activity:12`, `hours:34`) has reached the contact. */
  reminderSent(contactId: string, reminder: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM reminder_sent WHERE contact_id = ? AND reminder = ?').get(contactId, reminder) !==
      undefined
    );
  }

  markReminderSent(contactId: string, reminder: string, now: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO reminder_sent (contact_id, reminder, sent_at) VALUES (?, ?, ?)')
      .run(contactId, reminder, now);
  }

  setStaffRoom(roomId: string, now: number): void {
    this.db.prepare('DELETE FROM staff_room').run();
    this.db.prepare('INSERT INTO staff_room (room_id, bound_at) VALUES (?, ?)').run(roomId, now);
  }

  staffRoom(): string | undefined {
    return (this.db.prepare('SELECT room_id FROM staff_room').get() as { room_id: string } | undefined)?.room_id;
  }

  /** True when the member may be reported now (at most once an hour); records the report. */
  reportSpammer(memberId: string, now: number): boolean {
    return this.onceWithin('spam_report', memberId, now, 3_600_000);
  }

  private onceWithin(table: 'spam_report' | 'repeat_notice', memberId: string, now: number, periodMs: number) {
    const row = this.db.prepare(`SELECT reported_at FROM ${table} WHERE member_id = ?`).get(memberId) as
      { reported_at: number } | undefined;
    if (row && now - row.reported_at < periodMs) return false;
    this.db.prepare(`INSERT OR REPLACE INTO ${table} (member_id, reported_at) VALUES (?, ?)`).run(memberId, now);
    return true;
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
  id: r.id,
  targetKind: r.target_kind,
  targetId: r.target_id,
  text: r.text,
  createdAt: r.created_at,
  failingSince: r.failing_since,
});
