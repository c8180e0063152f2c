import type { Sql } from './state-sql';

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
 * bot's state so 更多 continues it after a restart (or on another bot process sharing the state).
 */
export class PagedLists {
  constructor(private readonly db: Sql) {}

  async save(talkerId: string, roomId: string, list: PagedList, now: number): Promise<void> {
    await this.db.run(
      'REPLACE INTO paged_list (talker_id, room_id, kind, query, shown, total, `cursor`, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [talkerId, roomId, list.kind, JSON.stringify(list.query), list.shown, list.total, list.cursor, now],
    );
  }

  async last(talkerId: string, roomId: string, now: number): Promise<PagedList | undefined> {
    await this.db.run('DELETE FROM paged_list WHERE saved_at < ?', [now - KEPT_MS]);
    const row = await this.db.get<{
      kind: ListKind;
      query: string;
      shown: number;
      total: number;
      cursor: string | null;
    }>('SELECT kind, query, shown, total, `cursor` FROM paged_list WHERE talker_id = ? AND room_id = ?', [
      talkerId,
      roomId,
    ]);
    return (
      row && {
        kind: row.kind,
        query: JSON.parse(row.query),
        shown: Number(row.shown),
        total: Number(row.total),
        cursor: row.cursor,
      }
    );
  }
}
