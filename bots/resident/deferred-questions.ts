import type Database from 'better-sqlite3';
import type { Command } from './commands';

/** A question asked while the hub could not be reached, kept until it is answered. */
export interface DeferredQuestion {
  id: number;
  talkerId: string;
  /** The room it was asked in, or '' for the private chat: the answer goes back there. */
  roomId: string;
  text: string;
  command: Command;
  askedAt: number;
  attempts: number;
}

/** How many unanswered questions one resident may have kept; more are not promised an answer. */
export const MAX_KEPT_PER_RESIDENT = 10;

/** Questions kept in the bot's state file while the hub is unreachable, so a restart loses none of them. */
export class DeferredQuestions {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS deferred_question (id INTEGER PRIMARY KEY AUTOINCREMENT, talker_id TEXT NOT NULL, room_id TEXT NOT NULL, text TEXT NOT NULL, command TEXT NOT NULL, asked_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS deferred_question_due ON deferred_question (next_attempt_at);
    `);
  }

  /**
   * Keeps a question; true when it is kept (or the same question from the same person in the same place already
   * is), false when the resident has as many kept as allowed.
   */
  keep(question: { talkerId: string; roomId: string; text: string; command: Command }, now: number): boolean {
    const { talkerId, roomId, text } = question;
    const kept = this.db
      .prepare('SELECT COUNT(*) AS n, SUM(room_id = ? AND text = ?) AS same FROM deferred_question WHERE talker_id = ?')
      .get(roomId, text, talkerId) as { n: number; same: number | null };
    if (kept.same) return true;
    if (kept.n >= MAX_KEPT_PER_RESIDENT) return false;
    this.db
      .prepare(
        'INSERT INTO deferred_question (talker_id, room_id, text, command, asked_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(talkerId, roomId, text, JSON.stringify(question.command), now, now);
    return true;
  }

  /** Questions whose next attempt is due, oldest first. */
  due(now: number): DeferredQuestion[] {
    const rows = this.db
      .prepare(
        'SELECT id, talker_id, room_id, text, command, asked_at, attempts FROM deferred_question WHERE next_attempt_at <= ? ORDER BY id',
      )
      .all(now) as {
      id: number;
      talker_id: string;
      room_id: string;
      text: string;
      command: string;
      asked_at: number;
      attempts: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      talkerId: r.talker_id,
      roomId: r.room_id,
      text: r.text,
      command: JSON.parse(r.command) as Command,
      askedAt: r.asked_at,
      attempts: r.attempts,
    }));
  }

  retryLater(id: number, nextAttemptAt: number): void {
    this.db
      .prepare('UPDATE deferred_question SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?')
      .run(nextAttemptAt, id);
  }

  /** Answered, or given up on. */
  forget(id: number): void {
    this.db.prepare('DELETE FROM deferred_question WHERE id = ?').run(id);
  }

  pending(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM deferred_question').get() as { n: number }).n;
  }
}
