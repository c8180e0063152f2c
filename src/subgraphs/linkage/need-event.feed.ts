import type { EntityManager } from 'typeorm';
import type { Identity } from '../../auth/identity';
import { incrementOnConflictSql } from '../../db/dialect';
import { sqlColumns, sqlTable } from '../../db/naming';
import { Need, NeedStatus } from './need.entity';
import { NeedEvent, NeedEventHead, NeedEventKind, type HandlerKind } from './need-event.entity';

export const NEED_EVENT_HEAD_ID = 1;

/**
 * The next seq, taken inside the caller's transaction. The upsert locks the head row exclusively (also when it
 * already exists), so a second transaction waits here until the first commits: seqs are handed out in commit
 * order. The caller takes this as its LAST lock (house order: invariant row → changed row → feed head), so no
 * transaction holds the head while waiting for another lock. A head created after events exist continues after
 * them.
 */
async function nextSeq(manager: EntityManager): Promise<number> {
  const dataSource = manager.connection;
  const table = sqlTable(dataSource, NeedEventHead);
  const column = sqlColumns(dataSource, NeedEventHead);
  const last = column('lastSeq');
  const upsert = incrementOnConflictSql(dataSource, column('id'), last);
  await manager.query(`INSERT INTO ${table} (${column('id')}, ${last}) VALUES (?, 1) ${upsert}`, [NEED_EVENT_HEAD_ID]);
  const heads = manager.getRepository(NeedEventHead);
  const head = await heads.findOneByOrFail({ id: NEED_EVENT_HEAD_ID });
  if (head.lastSeq === 1) {
    const [newest] = await manager.getRepository(NeedEvent).find({ order: { seq: 'DESC' }, take: 1 });
    if (newest) {
      head.lastSeq = newest.seq + 1;
      await heads.save(head);
    }
  }
  return head.lastSeq;
}

/** DATETIME columns keep whole seconds on MariaDB; the same on SQLite, so both answer alike. */
const toTheSecond = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

export interface NeedChange {
  kind: NeedEventKind;
  fromStatus: NeedStatus | null;
  reason?: string | null;
  handlerKind?: HandlerKind | null;
  handlerReferenceId?: string | null;
  appointmentAt?: Date | null;
}

/**
 * Records `change` of `need` (already saved with its new status) in the caller's transaction, as `identity`'s
 * subject. Call it after every other write and lock of the transaction: it takes the feed head.
 */
export async function appendNeedEvent(
  manager: EntityManager,
  identity: Identity,
  need: Need,
  change: NeedChange,
): Promise<NeedEvent> {
  const seq = await nextSeq(manager);
  const events = manager.getRepository(NeedEvent);
  const event = events.create({
    seq,
    needId: need.id,
    kind: change.kind,
    fromStatus: change.fromStatus,
    toStatus: need.status,
    actor: identity.subject.slice(0, 64),
    reason: change.reason ?? null,
    handlerKind: change.handlerKind ?? null,
    handlerReferenceId: change.handlerReferenceId ?? null,
    appointmentAt: change.appointmentAt ? toTheSecond(change.appointmentAt) : null,
    at: toTheSecond(new Date()),
  });
  await events.insert(event);
  return event;
}
