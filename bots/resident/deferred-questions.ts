import type { Command } from './commands';
import type { Sql } from './state-sql';

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
  nextAttemptAt: number;
}

/** How many unanswered questions one resident may have kept; more are not promised an answer. */
export const MAX_KEPT_PER_RESIDENT = 10;

/** Questions kept in the bot's state while the hub is unreachable, so a restart loses none of them. */
export class DeferredQuestions {
  constructor(
    private readonly db: Sql,
    private readonly leaseMs: number,
  ) {}

  /**
   * Keeps a question; true when it is kept (or the same question from the same person in the same place already
   * is), false when the resident has as many kept as allowed.
   */
  async keep(question: { talkerId: string; roomId: string; text: string; command: Command }, now: number) {
    const { talkerId, roomId, text } = question;
    const kept = await this.db.get<{ n: number; same: number | string | null }>(
      'SELECT COUNT(*) AS n, SUM(CASE WHEN room_id = ? AND text = ? THEN 1 ELSE 0 END) AS same FROM deferred_question WHERE talker_id = ?',
      [roomId, text, talkerId],
    );
    if (Number(kept?.same ?? 0) > 0) return true;
    if (Number(kept?.n ?? 0) >= MAX_KEPT_PER_RESIDENT) return false;
    await this.db.run(
      'INSERT INTO deferred_question (talker_id, room_id, text, command, asked_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
      [talkerId, roomId, text, JSON.stringify(question.command), now, now],
    );
    return true;
  }

  /** Questions whose next attempt is due, oldest first. */
  async due(now: number): Promise<DeferredQuestion[]> {
    const rows = await this.db.all<{
      id: number;
      talker_id: string;
      room_id: string;
      text: string;
      command: string;
      asked_at: number;
      attempts: number;
      next_attempt_at: number;
    }>(
      'SELECT id, talker_id, room_id, text, command, asked_at, attempts, next_attempt_at FROM deferred_question WHERE next_attempt_at <= ? ORDER BY id',
      [now],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      talkerId: r.talker_id,
      roomId: r.room_id,
      text: r.text,
      command: JSON.parse(r.command) as Command,
      askedAt: Number(r.asked_at),
      attempts: Number(r.attempts),
      nextAttemptAt: Number(r.next_attempt_at),
    }));
  }

  /**
   * Takes a due question for this process: its next attempt moves a lease ahead, so another bot process sharing
   * the state does not answer it too (and answers it once the lease is over if this one died). False when another
   * process took it first.
   */
  async take(question: DeferredQuestion, now: number): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE deferred_question SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ?',
      [now + this.leaseMs, question.id, question.nextAttemptAt],
    );
    return changes === 1;
  }

  async retryLater(id: number, nextAttemptAt: number): Promise<void> {
    await this.db.run('UPDATE deferred_question SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?', [
      nextAttemptAt,
      id,
    ]);
  }

  /** Answered, or given up on. */
  async forget(id: number): Promise<void> {
    await this.db.run('DELETE FROM deferred_question WHERE id = ?', [id]);
  }

  async pending(): Promise<number> {
    return Number((await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM deferred_question'))?.n ?? 0);
  }
}
