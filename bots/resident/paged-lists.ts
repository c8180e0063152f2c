import type Database from 'better-sqlite3';

/** The lists 更多 can page through. */
export type ListKind = 'services' | 'activities';

/** Where a resident is in a list: what they asked for, how many items they have seen, and the hub's cursor. */
export interface PagedList {
  kind: ListKind;
  /** The query's variables and words for the heading (community, keyword), replayed for the next page. */
  query: Record<string, unknown>;
  shown: number;
  total: number;
  /** The hub's cursor after the last item shown; null when the hub said there is no next page. */
  cursor: string | null;
}

/** How long a list stays pageable: 更多 the next day means nothing the resident still sees on screen. */
const KEPT_MS = 24 * 3_600_000;

/**
 * The last list each resident asked for in each conversation (a room, or '' for the private chat), kept in the
 * bot's state file so 更多 continues it after a restart.
 */
export class PagedLists {
  constructor(private readonly db: Database.Database) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS paged_list (talker_id TEXT NOT NULL, room_id TEXT NOT NULL, kind TEXT NOT NULL, query TEXT NOT NULL, shown INTEGER NOT NULL, total INTEGER NOT NULL, cursor TEXT, saved_at INTEGER NOT NULL, PRIMARY KEY (talker_id, room_id))',
    );
  }

  save(talkerId: string, roomId: string, list: PagedList, now: number): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO paged_list (talker_id, room_id, kind, query, shown, total, cursor, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(talkerId, roomId, list.kind, JSON.stringify(list.query), list.shown, list.total, list.cursor, now);
  }

  last(talkerId: string, roomId: string, now: number): PagedList | undefined {
    this.db.prepare('DELETE FROM paged_list WHERE saved_at < ?').run(now - KEPT_MS);
    const row = this.db
      .prepare('SELECT kind, query, shown, total, cursor FROM paged_list WHERE talker_id = ? AND room_id = ?')
      .get(talkerId, roomId) as
      { kind: ListKind; query: string; shown: number; total: number; cursor: string | null } | undefined;
    return (
      row && { kind: row.kind, query: JSON.parse(row.query), shown: row.shown, total: row.total, cursor: row.cursor }
    );
  }
}
