import { AccountRole } from '../../auth/account.entity';
import { Role } from '../../auth/identity';
import {
  ForbiddenError,
  isStaffOf,
  readsResidentRecord,
  requireLinkInScope,
  requireRole,
  requireStaffIn,
  seesStaffAccount,
} from '../../auth/policy';
import { subtreeBounds } from '../../db/region-scope';
import { lockOrFail } from '../../db/rows';
import { oneWriteAtATime } from '../../db/sqlite-writes';
import { recordPersonalRead } from '../../audit/audit-log';
import { BadInputError, DomainError, NotFoundError } from '../../errors';
import type { HubContext } from '../../graphql/context';
import { parseIntId } from '../../graphql/ids';
import { byColumnLoader } from '../../graphql/loaders';
import { DEFAULT_PAGE_SIZE, lazy, MAX_PAGE_SIZE, type ConnectionShape } from '../../graphql/pagination';
import { requireReference, type ReferenceKind, type ReferenceScope } from '../../graphql/references';
import { inTransaction } from '../../graphql/transaction';
import { Society, SOCIETY_ENTITY } from './linkage-case.entity';
import type { AssignNeedInput } from './linkage.inputs';
import { needById } from './linkage.loaders';
import { Need } from './need.entity';
import { ASSIGNABLE_STATUSES } from './need.state';
import { ACCOUNT_HANDLER, NeedEvent, NeedEventKind, type HandlerKind } from './need-event.entity';
import { appendNeedEvent } from './need-event.feed';

export const historyOfNeed = (context: HubContext) =>
  byColumnLoader(context, NeedEvent, 'linkage.needEvent', 'needId', { seq: 'ASC' });

/**
 * A need's history, oldest first: for staff of its region, and for the BOT of the region presenting the reference
 * of the resident who registered it (as `Need.description`). Anyone else gets an empty list, like the null of a
 * description they may not read: the need itself is public, its history is the resident's.
 */
export async function needHistory(context: HubContext, need: Need, reporterRef?: string | null): Promise<NeedEvent[]> {
  if (!readsResidentRecord(context.identity, need.communityId, need.reporterRef, reporterRef)) return [];
  recordPersonalRead(context, 'Need', need.id, 'history');
  return historyOfNeed(context).load(need.id);
}

/**
 * The need's current handler: its latest assignment, or null before the first (and for whoever may not read the
 * history). Read from the same batched history as `Need.history`.
 */
export async function currentAssignment(
  context: HubContext,
  need: Need,
  reporterRef?: string | null,
): Promise<NeedEvent | null> {
  if (!readsResidentRecord(context.identity, need.communityId, need.reporterRef, reporterRef)) return null;
  const events = await historyOfNeed(context).load(need.id);
  const latest = events.findLast((event) => event.kind === NeedEventKind.ASSIGNMENT) ?? null;
  if (latest) recordPersonalRead(context, 'Need', need.id, 'assignment');
  return latest;
}

/** Who made a change, for staff of the need's region and ADMIN: an operator's name is not for the bot or the public. */
export async function eventActor(context: HubContext, event: NeedEvent): Promise<string | null> {
  const need = await needById(context).load(event.needId);
  return need && isStaffOf(context.identity, need.communityId) ? event.actor : null;
}

/**
 * The handler's id; an account's only to whom may see that account (as `handlerAccount`), since an account id
 * names a person's sign-in. Where no account lookup runs (the subgraph served alone), it is withheld.
 */
export async function eventHandlerId(context: HubContext, event: NeedEvent): Promise<string | null> {
  if (event.handlerKind !== ACCOUNT_HANDLER || event.handlerReferenceId === null) return event.handlerReferenceId;
  const lookup = context.references.Account;
  const [scope] = lookup ? await lookup(context, [event.handlerReferenceId]) : [null];
  const visible = scope?.role === AccountRole.STAFF && seesStaffAccount(context.identity, scope.regionId);
  return visible ? event.handlerReferenceId : null;
}

/** Largest seq a cursor may hold: the column is a signed 32-bit int. */
const MAX_SEQ = 2 ** 31 - 1;

function parseSeqCursor(after: string | null | undefined): number {
  if (after === null || after === undefined || after === '') return 0;
  const seq = /^\d{1,10}$/.test(after) ? Number(after) : NaN;
  if (!Number.isSafeInteger(seq) || seq > MAX_SEQ) {
    throw new BadInputError(`无效的动态游标 (after must be the seq of an event, got "${after.slice(0, 40)}")`, {
      argument: 'after',
    });
  }
  return seq;
}

function feedPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadInputError(`每页最多 ${MAX_PAGE_SIZE} 条 (first must be between 0 and ${MAX_PAGE_SIZE})`, {
      argument: 'first',
      max: MAX_PAGE_SIZE,
    });
  }
  return size;
}

/**
 * The feed of need events after the cursor `after` (a seq), in seq order: one statement for the page, a COUNT
 * only if totalCount is selected. Seqs commit in order (see need-event.feed.ts), so a reader that walks the feed
 * by endCursor never misses an event. ADMIN reads the whole city; STAFF the needs of their region; a BOT the needs
 * registered through a bot for residents (reporterRef set) in its region: a BOT token is its region's relay to the
 * residents (a second bot of the same region reads the same events), and `actor` is withheld from it.
 */
export async function needEventFeed(
  context: HubContext,
  after: string | null | undefined,
  first: number | null | undefined,
): Promise<ConnectionShape<NeedEvent>> {
  const { identity } = context;
  requireRole(identity, Role.ADMIN, Role.STAFF, Role.BOT);
  if (identity.role !== Role.ADMIN && !identity.regionId) {
    throw new ForbiddenError('令牌没有管辖区域 (this token has no region)');
  }
  const since = parseSeqCursor(after);
  const limit = feedPageSize(first);
  const scoped = (after: number) => {
    const query = context.dataSource
      .getRepository(NeedEvent)
      .createQueryBuilder('e')
      .innerJoin(Need, 'n', 'n.id = e.needId')
      .where('e.seq > :after', { after });
    if (identity.role !== Role.ADMIN) {
      const [low, high] = subtreeBounds(identity.regionId!);
      query.andWhere('n.communityId BETWEEN :low AND :high', { low, high });
    }
    if (identity.role === Role.BOT) query.andWhere('n.reporterRef IS NOT NULL');
    return query;
  };
  // On SQLite every request shares one connection, so a read between the statements of an open transaction would
  // see its events before they commit (and a rollback would hand their seqs out again, behind the reader's
  // cursor): the page waits in the write queue until no transaction is open. On MariaDB it runs at once.
  const rows =
    limit === 0
      ? []
      : await oneWriteAtATime(context.dataSource, () =>
          scoped(since)
            .orderBy('e.seq', 'ASC')
            .limit(limit + 1)
            .getMany(),
        );
  const page = rows.slice(0, limit);
  // A resident's history read through the feed is recorded like Need.history (one row per need, in the request's one insert).
  for (const event of page) recordPersonalRead(context, 'Need', event.needId, 'history');
  const edges = page.map((node) => ({ node, cursor: String(node.seq) }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: since > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    // Every event in the caller's scope, not just those after the cursor.
    totalCount: lazy(() => scoped(0).getCount()),
  };
}

/** Who a handler of each society is: a station comes for the community; a charity resource is given, not sent. */
function societyKind(society: Society): ReferenceKind {
  if (society === Society.CHARITY)
    throw new BadInputError('慈善资源不能承办需求 (a charity resource cannot be assigned as a handler)', {
      argument: 'society',
    });
  return SOCIETY_ENTITY[society];
}

interface Handler {
  kind: HandlerKind;
  referenceId: string;
  scope: ReferenceScope;
}

/**
 * The handler the input names — a society's entity (society and referenceId) or a STAFF account (accountId), never
 * both — checked by its owner: it exists and is of the right kind. Its region is checked against the need's by
 * the caller, under the need's lock.
 */
async function requireHandler(context: HubContext, input: AssignNeedInput): Promise<Handler> {
  const accountId = input.accountId?.trim();
  if (accountId !== undefined) {
    if (input.society !== undefined || input.referenceId !== undefined) {
      throw new BadInputError('承办方只能指定一个 (give either accountId or society and referenceId)', {
        argument: 'accountId',
      });
    }
    return { kind: ACCOUNT_HANDLER, referenceId: accountId, scope: await requireHandlerAccount(context, accountId) };
  }
  if (input.society === undefined || input.referenceId === undefined) {
    throw new BadInputError('请指定承办方 (give society and referenceId, or accountId)', { argument: 'society' });
  }
  const referenceId = input.referenceId.trim();
  const kind = societyKind(input.society);
  return { kind: input.society, referenceId, scope: await requireReference(context, kind, referenceId) };
}

/**
 * A STAFF account that is not disabled: ADMIN and ORG accounts act city-wide or for an organisation, not at a
 * resident's door. Disabled later, it stays in the history as the handler it was.
 */
async function requireHandlerAccount(context: HubContext, accountId: string): Promise<ReferenceScope> {
  const scope = await requireReference(context, 'Account', accountId);
  if (scope.role !== AccountRole.STAFF) {
    throw new DomainError('HANDLER_NOT_STAFF', '只能指派工作人员账号 (only a STAFF account can handle a need)', {
      argument: 'accountId',
      role: scope.role,
    });
  }
  if (scope.disabled) {
    throw new DomainError('ACCOUNT_DISABLED', '该账号已停用,不能指派 (a disabled account cannot handle a need)', {
      argument: 'accountId',
    });
  }
  return scope;
}

const DAY_MS = 86_400_000;
/** Appointments further ahead than this are a typo (a wrong year), not a plan. */
export const APPOINTMENT_HORIZON_DAYS = 366;

function requireAppointment(at: Date, now = new Date()): void {
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) {
    throw new BadInputError('预约时间应在将来 (appointmentAt must be in the future)', { argument: 'appointmentAt' });
  }
  if (at.getTime() > now.getTime() + APPOINTMENT_HORIZON_DAYS * DAY_MS) {
    throw new BadInputError('预约时间应在一年以内 (appointmentAt must be within a year)', {
      argument: 'appointmentAt',
    });
  }
}

/**
 * Staff of the need's region name who will take it (a station, an organisation, a social worker, a volunteer team
 * or a STAFF account) and, optionally, when they come. The handler is checked like a linkage contribution: it
 * exists, is of its kind, and lies in the need's region or one containing it. Recorded as an ASSIGNMENT event, so
 * the resident hears who and when.
 */
export async function assignNeed(context: HubContext, id: string, input: AssignNeedInput): Promise<Need> {
  const needId = parseIntId(id);
  // The caller's scope first, so staff of another region learn nothing of the handlers they name.
  const current = await needById(context).load(needId);
  if (!current) throw new NotFoundError('需求', id);
  requireStaffIn(context.identity, current.communityId);
  if (input.appointmentAt) requireAppointment(input.appointmentAt);
  const handler = await requireHandler(context, input);
  return inTransaction(context, async (manager) => {
    // The need's row first, the feed head last (appendNeedEvent): the house lock order.
    const need = await lockOrFail(manager, Need, needId, '需求');
    requireStaffIn(context.identity, need.communityId);
    requireLinkInScope(need.communityId, handler.scope.regionId, '承办方');
    if (!ASSIGNABLE_STATUSES.includes(need.status)) {
      throw new DomainError(
        'NOT_ASSIGNABLE',
        '需求受理后、服务结束前才能指派 (a need can be assigned once accepted and until it is resolved)',
        { status: need.status },
      );
    }
    await appendNeedEvent(manager, context.identity, need, {
      kind: NeedEventKind.ASSIGNMENT,
      fromStatus: need.status,
      handlerKind: handler.kind,
      handlerReferenceId: handler.referenceId,
      appointmentAt: input.appointmentAt ?? null,
    });
    return need;
  });
}
