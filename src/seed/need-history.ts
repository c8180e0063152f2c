import { NEED_EVENT_HEAD_ID } from '../subgraphs/linkage/need-event.feed';
import { NeedEvent, NeedEventHead, NeedEventKind } from '../subgraphs/linkage/need-event.entity';
import { Need, NeedStatus } from '../subgraphs/linkage/need.entity';
import { table, type Row, type TableRows } from './rows';

const HOUR_MS = 3_600_000;
const MAIN_PATH = [
  NeedStatus.SUBMITTED,
  NeedStatus.ACCEPTED,
  NeedStatus.MATCHED,
  NeedStatus.IN_SERVICE,
  NeedStatus.RESOLVED,
  NeedStatus.CLOSED,
];
/** Who the seeded history names as having made each change. */
export const SEED_ACTOR = 'seed';

type SeededNeed = Pick<Need, 'id' | 'status' | 'submittedAt' | 'resolvedAt'> & { rejectReason?: string | null };

/** The statuses a need passed through to reach `status`: the workflow's main path, or straight to REJECTED. */
function pathTo(status: NeedStatus): NeedStatus[] {
  if (status === NeedStatus.REJECTED) return [NeedStatus.SUBMITTED, NeedStatus.REJECTED];
  return MAIN_PATH.slice(0, MAIN_PATH.indexOf(status) + 1);
}

/**
 * The history of every seeded need (whatever seeds them): each status on its way to the present one, submitted at
 * `submittedAt`, resolved at `resolvedAt`, the steps between an hour apart, by SEED_ACTOR; numbered in time order,
 * with the feed head at the last. Written with the needs, so a reseed replaces both and no event points at a need
 * that was replaced.
 */
export function needHistoryTables(tables: readonly TableRows[]): TableRows[] {
  const needs = tables.filter((t) => t.entity === Need).flatMap((t) => t.rows as unknown as SeededNeed[]);
  const events: Omit<Row<NeedEvent>, 'seq'>[] = [];
  for (const need of needs) {
    const path = pathTo(need.status);
    path.forEach((status, step) => {
      const resolved = need.resolvedAt ? new Date(need.resolvedAt).getTime() : null;
      const at =
        status === NeedStatus.RESOLVED && resolved !== null
          ? resolved
          : status === NeedStatus.CLOSED && resolved !== null
            ? resolved + HOUR_MS
            : new Date(need.submittedAt).getTime() + step * HOUR_MS;
      events.push({
        needId: need.id,
        kind: NeedEventKind.STATUS,
        fromStatus: step === 0 ? null : path[step - 1],
        toStatus: status,
        actor: SEED_ACTOR,
        reason: status === NeedStatus.REJECTED ? (need.rejectReason ?? null) : null,
        handlerKind: null,
        handlerReferenceId: null,
        appointmentAt: null,
        at: new Date(Math.floor(at / 1000) * 1000),
      });
    });
  }
  // Feed order is time order; a need's own steps keep their order (their times only grow).
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }, position) => ({ seq: position + 1, ...event }));
  const head: Row<NeedEventHead>[] = ordered.length ? [{ id: NEED_EVENT_HEAD_ID, lastSeq: ordered.length }] : [];
  return [table(NeedEvent, ordered), table(NeedEventHead, head)];
}
