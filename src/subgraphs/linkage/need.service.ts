import type { EntityManager } from 'typeorm';
import { Role } from '../../auth/identity';
import {
  isStaffOf,
  passes,
  readsResidentRecord,
  requireRegionActor,
  requireReporter,
  requireReporterRefFromBot,
  requireStaffIn,
} from '../../auth/policy';
import { recordPersonalRead } from '../../audit/audit-log';
import { epochSecondsSql, incrementOnConflictSql } from '../../db/dialect';
import { PROVINCE_CODE, regionPrefix } from '../../db/region-scope';
import type { HubContext } from '../../graphql/context';
import { BadInputError, DomainError, NotFoundError } from '../../errors';
import { parseIntId } from '../../graphql/ids';
import { loadOrFail } from '../../graphql/loaders';
import { requireNotFuture } from '../../graphql/inputs';
import { listQuery } from '../../graphql/list-query';
import { connectionOf, lazy, OrderDirection, paginate, pageWindow, type PageArgs } from '../../graphql/pagination';
import { maskPhone, protect } from '../../graphql/personal-data';
import { requireRegion } from '../../graphql/references';
import { inTransaction } from '../../graphql/transaction';
import { forUpdate, insertRow, lockOrFail } from '../../db/rows';
import { LinkageCase } from './linkage-case.entity';
import type { NeedFilter, NeedOrder, SubmitNeedInput } from './linkage.inputs';
import { dueOffsetSeconds, whereOverdue } from './need.due';
import { caseByNeed, needById, needTotal, needWindowsInSubtree } from './linkage.loaders';
import { Need, NeedNumberCounter, NeedStatus } from './need.entity';
import { ASSIGNABLE_STATUSES, NEED_WORKFLOW, NeedTransition, RATEABLE_STATUSES, TRANSITION_TARGET } from './need.state';
import { NeedEventKind } from './need-event.entity';
import { appendNeedEvent } from './need-event.feed';

export const NEED_NUMBER = /^XQ\d{8}-\d{4,}$/;

export function getNeed(context: HubContext, id: string) {
  return loadOrFail(needById(context), id, '需求');
}

export async function getNeedByNumber(context: HubContext, number: string) {
  const normalized = number.trim().toUpperCase();
  if (!NEED_NUMBER.test(normalized)) {
    throw new BadInputError('需求编号格式应为 XQ20261126-0007 (number must look like XQ20261126-0007)', {
      argument: 'number',
    });
  }
  const need = await context.dataSource.getRepository(Need).findOneBy({ number: normalized });
  if (!need) throw new NotFoundError('需求', normalized);
  return need;
}

/**
 * Newest first unless `order` says otherwise (DUE_AT: the due time, RESPONSE_DAYS after submission). Searching
 * matches descriptions, which only staff of the region may search (a BOT reads one resident's description at a
 * time, with their reporter reference), and public numbers, so a search is confined to the caller's own region.
 */
export function listNeeds(context: HubContext, filter: NeedFilter = {}, order: NeedOrder | undefined, page: PageArgs) {
  let regionId = filter.regionId;
  if (filter.search?.trim()) {
    regionId ??= context.identity.regionId ?? PROVINCE_CODE;
    requireStaffIn(context.identity, regionId);
  }
  const byDueDate = order?.field === 'dueAt';
  const query = listQuery(context.dataSource, Need, {
    equals: { status: filter.status, category: filter.category, urgency: filter.urgency },
    regionProperty: 'communityId',
    regionId,
    search: filter.search,
    searchProperties: ['description', 'number'],
    order: byDueDate ? undefined : (order ?? { field: 'submittedAt', direction: OrderDirection.DESC }),
  });
  if (filter.statuses?.length) query.andWhere('item.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.overdue !== undefined && filter.overdue !== null) whereOverdue(query, 'item', filter.overdue);
  if (byDueDate) {
    const due = `${epochSecondsSql(context.dataSource, 'item.submittedAt')} + ${dueOffsetSeconds('item')}`;
    query.addSelect(due, 'due_order').orderBy('due_order', order.direction).addOrderBy('item.id', order.direction);
  }
  return paginate(query, page);
}

/** The resident's description: for staff of the region, and the BOT with the resident's reference; the read is recorded. */
export function needDescription(context: HubContext, need: Need, reporterRef?: string | null): string | null {
  if (!readsResidentRecord(context.identity, need.communityId, need.reporterRef, reporterRef)) return null;
  recordPersonalRead(context, 'Need', need.id, 'description');
  return need.description;
}

/** The masked call-back number: for staff of the region only; the read is recorded. */
export function needContactPhone(context: HubContext, need: Need): string | null {
  if (!isStaffOf(context.identity, need.communityId)) return null;
  if (need.contactPhoneMasked !== null) recordPersonalRead(context, 'Need', need.id, 'contactPhone');
  return need.contactPhoneMasked;
}

/** `Region.needs`: the same order as `needs(filter: { regionId })`, batched across all the regions of a level. */
export async function regionNeeds(context: HubContext, regionId: string, page: PageArgs) {
  const window = pageWindow(page);
  const rows =
    window.limit === 0
      ? []
      : await needWindowsInSubtree(context).load(`${regionId}|${window.offset}|${window.limit + 1}`);
  return connectionOf(
    rows,
    window,
    lazy(() => needTotal(context).load(regionId)),
  );
}

/** Today's date in China (UTC+8, no daylight saving) as YYYYMMDD, for need numbers. */
function chinaDay(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * Takes the next number of `day` inside the caller's transaction. The upsert locks the day's counter row (an
 * exclusive lock even when the row already exists, so parallel submissions queue on it instead of deadlocking);
 * the first number of a day continues after needs numbered before the counter existed.
 */
async function nextNeedNumber(manager: EntityManager, day: string): Promise<string> {
  const prefix = `XQ${day}-`;
  const driver = manager.connection.driver;
  const [table, dayColumn, last] = [
    manager.connection.getMetadata(NeedNumberCounter).tablePath,
    'day',
    'last_number',
  ].map((name) => driver.escape(name));
  const upsert = incrementOnConflictSql(manager.connection, dayColumn, last);
  await manager.query(`INSERT INTO ${table} (${dayColumn}, ${last}) VALUES (?, 1) ${upsert}`, [day]);
  const counters = manager.getRepository(NeedNumberCounter);
  const counter = await counters.findOneByOrFail({ day });
  if (counter.lastNumber === 1) {
    const earlier = await manager
      .getRepository(Need)
      .createQueryBuilder('n')
      .where('n.number LIKE :prefix', { prefix: `${prefix}%` })
      .getCount();
    if (earlier > 0) {
      counter.lastNumber = earlier + 1;
      await counters.save(counter);
    }
  }
  return `${prefix}${String(counter.lastNumber).padStart(4, '0')}`;
}

/** Registers a need with the next number of the day (XQ20261126-0007); BOT and STAFF of the community. */
export async function submitNeed(context: HubContext, input: SubmitNeedInput): Promise<Need> {
  if (regionPrefix(input.communityId).length !== 12) {
    throw new BadInputError('需求应登记到社区或村 (communityId must be a community or village code)', {
      argument: 'communityId',
    });
  }
  requireRegionActor(context.identity, input.communityId, Role.STAFF, Role.BOT);
  requireReporterRefFromBot(context.identity, input.reporterRef);
  if (input.contactPhone && !input.contactConsentAt) {
    throw new DomainError('CONSENT_REQUIRED', '留下电话需要居民同意的时间 (a contact phone needs contactConsentAt)');
  }
  if (input.contactConsentAt) requireNotFuture(input.contactConsentAt, 'contactConsentAt');
  await requireRegion(context, input.communityId, 'communityId', 'COMMUNITY');
  const contactPhone = input.contactPhone ? protect(context.dataKeys.current, input.contactPhone) : null;
  return inTransaction(context, async (manager) => {
    const need = await insertRow(manager, Need, {
      number: await nextNeedNumber(manager, chinaDay()),
      category: input.category,
      description: input.description.trim(),
      urgency: input.urgency,
      status: NeedStatus.SUBMITTED,
      communityId: input.communityId,
      submittedAt: new Date(),
      resolvedAt: null,
      rating: null,
      rejectReason: null,
      contactPhoneSealed: contactPhone?.sealed ?? null,
      contactPhoneKeyId: contactPhone?.keyId ?? null,
      contactPhoneMasked: input.contactPhone ? maskPhone(input.contactPhone) : null,
      contactConsentAt: input.contactPhone ? input.contactConsentAt! : null,
      reporterRef: input.reporterRef ?? null,
    });
    await appendNeedEvent(manager, context.identity, need, { kind: NeedEventKind.STATUS, fromStatus: null });
    return need;
  });
}

/**
 * Moves a need along its workflow (STAFF of its community's region); matching opens its linkage case. The change
 * goes into the need's history and the feed in the same transaction.
 */
export function transitionNeed(context: HubContext, id: string, to: NeedStatus, reason?: string) {
  return inTransaction(context, async (manager) => {
    const need = await forUpdate(
      manager
        .getRepository(Need)
        .createQueryBuilder('n')
        .where('n.id = :id', { id: parseIntId(id) }),
    ).getOne();
    if (!need) throw new NotFoundError('需求', id);
    requireStaffIn(context.identity, need.communityId);
    NEED_WORKFLOW.assertTransition(need.status, to);
    const from = need.status;
    need.status = to;
    if (to === NeedStatus.RESOLVED) need.resolvedAt = new Date();
    if (to === NeedStatus.REJECTED) need.rejectReason = reason ?? null;
    if (to === NeedStatus.MATCHED && !(await manager.getRepository(LinkageCase).existsBy({ needId: need.id }))) {
      await manager.getRepository(LinkageCase).save({ needId: need.id, openedAt: new Date() });
    }
    const saved = await manager.getRepository(Need).save(need);
    // The feed head last: the need's row is already locked (house lock order).
    await appendNeedEvent(manager, context.identity, saved, {
      kind: NeedEventKind.STATUS,
      fromStatus: from,
      reason: to === NeedStatus.REJECTED ? need.rejectReason : null,
    });
    return saved;
  });
}

/**
 * The resident's rating, once, after the need is resolved: through the BOT for the resident who registered it
 * (their reporter reference), or by staff. A refused caller changes nothing, so nobody can rate first and lock
 * the resident out.
 */
export function rateNeed(context: HubContext, id: string, rating: number, reporterRef?: string | null) {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    throw new BadInputError('评分应为 1 到 5 (rating must be 1-5)', { argument: 'rating' });
  return inTransaction(context, async (manager) => {
    const need = await lockOrFail(manager, Need, parseIntId(id), '需求');
    requireRegionActor(context.identity, need.communityId, Role.STAFF, Role.BOT);
    requireReporter(context.identity, need.reporterRef, reporterRef);
    if (!RATEABLE_STATUSES.includes(need.status)) {
      throw new DomainError('NOT_RESOLVED', '需求解决后才能评价 (rate a need once it is resolved)', {
        status: need.status,
      });
    }
    if (need.rating !== null) throw new DomainError('ALREADY_RATED', '已经评价过了 (already rated)');
    need.rating = rating;
    return manager.getRepository(Need).save(need);
  });
}

/**
 * What the caller may do to `need` now: the workflow's next steps, assigning and recording contributions, the
 * rating — each only when the mutation itself would pass the policy (staff of the need's region, ADMIN). Anyone
 * else gets an empty list, so a client shows exactly the actions that can succeed.
 */
export async function allowedNeedTransitions(context: HubContext, need: Need): Promise<NeedTransition[]> {
  // Every need mutation but the bot's rating asks this of the caller (transitionNeed, assignNeed, addContribution).
  if (!passes(() => requireStaffIn(context.identity, need.communityId))) return [];
  const allowed = (Object.entries(TRANSITION_TARGET) as [NeedTransition, NeedStatus][])
    .filter(([, to]) => NEED_WORKFLOW.allows(need.status, to))
    .map(([transition]) => transition);
  if (ASSIGNABLE_STATUSES.includes(need.status)) allowed.push(NeedTransition.ASSIGN);
  if ((await caseByNeed(context).load(need.id)).length > 0) allowed.push(NeedTransition.ADD_CONTRIBUTION);
  if (RATEABLE_STATUSES.includes(need.status) && need.rating === null) allowed.push(NeedTransition.RATE);
  return allowed;
}
