import { In, type EntityManager } from 'typeorm';
import { Role } from '../../auth/identity';
import { isStaffOf, requireLinkInScope, requireRole, requireStaffIn } from '../../auth/policy';
import { countChange, countChanges } from '../../db/figure-tally';
import { forUpdate } from '../../db/rows';
import { BadInputError, DomainError, NotFoundError } from '../../errors';
import type { HubContext } from '../../graphql/context';
import { optionalIntId, parseIntId } from '../../graphql/ids';
import { listQuery } from '../../graphql/list-query';
import { OrderDirection, paginate, type PageArgs } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { appendToLedger, hoursReference, LedgerKind } from './ledger';
import { ActivitySignup, ServiceHours, ServiceHoursStatus, Volunteer, VolunteerActivity } from './volunteer.entity';
import type { ServiceHoursQueueFilter } from './volunteer.inputs';
import { VOLUNTEER_FIGURES } from './volunteer.figures';
import { signupsOfActivity } from './volunteer.loaders';

/** Most records one bulk verification takes: a page of the queue. */
export const MAX_VERIFY_BATCH = 100;

const WHERE_STATUS: Record<ServiceHoursStatus, string> = {
  [ServiceHoursStatus.PENDING]: 'item.verified = FALSE AND item.rejectedAt IS NULL',
  [ServiceHoursStatus.VERIFIED]: 'item.verified = TRUE',
  [ServiceHoursStatus.REJECTED]: 'item.rejectedAt IS NOT NULL',
};

/**
 * The service-hours records of a region waiting for staff (or, with `status`, those verified or rejected), oldest
 * service first: STAFF of the region (their own region unless they name one inside it) and ADMIN (the whole city
 * unless they name a region).
 */
export function serviceHoursQueue(context: HubContext, filter: ServiceHoursQueueFilter = {}, page: PageArgs) {
  const { identity } = context;
  requireRole(identity, Role.ADMIN, Role.STAFF);
  const regionId = filter.regionId ?? identity.regionId;
  if (regionId !== undefined) requireStaffIn(identity, regionId);
  const query = listQuery(context.dataSource, ServiceHours, {
    equals: { activityId: optionalIntId(filter.activityId, 'activityId') },
    regionProperty: 'regionId',
    regionId,
    order: { field: 'servedOn', direction: OrderDirection.ASC },
  });
  query.andWhere(WHERE_STATUS[filter.status ?? ServiceHoursStatus.PENDING]);
  return paginate(query, page);
}

/** A record staff may still decide on: neither verified nor rejected. */
function requirePending(hours: ServiceHours): void {
  if (hours.verified) throw new DomainError('ALREADY_VERIFIED', '该时长已审核 (already verified)', { id: hours.id });
  if (hours.rejectedAt) throw new DomainError('ALREADY_REJECTED', '该时长已驳回 (already rejected)', { id: hours.id });
}

/**
 * The records of `ids`, locked in id order (so two verifications sharing records queue instead of deadlocking),
 * each in the caller's region and still pending, with its volunteer served from there.
 */
async function lockPending(context: HubContext, manager: EntityManager, ids: number[]): Promise<ServiceHours[]> {
  const rows = await forUpdate(
    manager.getRepository(ServiceHours).createQueryBuilder('h').where('h.id IN (:...ids)', { ids }).orderBy('h.id'),
  ).getMany();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const records = ids.map((id) => {
    const hours = byId.get(id);
    if (!hours) throw new NotFoundError('服务时长记录', id);
    requireStaffIn(context.identity, hours.regionId);
    return hours;
  });
  const volunteers = new Map(
    (await manager.getRepository(Volunteer).findBy({ id: In([...new Set(records.map((h) => h.volunteerId))]) })).map(
      (v) => [v.id, v],
    ),
  );
  for (const hours of records) {
    const volunteer = volunteers.get(hours.volunteerId);
    if (!volunteer) throw new NotFoundError('志愿者', hours.volunteerId);
    requireLinkInScope(hours.regionId, volunteer.regionId, '志愿者');
    requirePending(hours);
  }
  return records;
}

/**
 * STAFF of the records' region confirm them: all of them or none. Each is earned in the time-bank ledger in the
 * same transaction (the hour rows first, the ledger head last: the house lock order), so a record is earned once
 * however many verifications race for it.
 */
export function verifyHours(context: HubContext, ids: readonly string[], argument = 'ids'): Promise<ServiceHours[]> {
  if (ids.length === 0 || ids.length > MAX_VERIFY_BATCH) {
    throw new BadInputError(
      `一次审核 1 到 ${MAX_VERIFY_BATCH} 条记录 (verify 1 to ${MAX_VERIFY_BATCH} records at a time)`,
      { argument, max: MAX_VERIFY_BATCH },
    );
  }
  const numbers = ids.map((id) => parseIntId(id, argument));
  if (new Set(numbers).size !== numbers.length) {
    throw new BadInputError('记录编号重复 (ids must be distinct)', { argument });
  }
  const ordered = [...numbers].sort((a, b) => a - b);
  return inTransaction(context, async (manager) => {
    const records = await lockPending(context, manager, ordered);
    const before = records.map((hours) => ({ ...hours }));
    for (const hours of records) hours.verified = true;
    // The tallies after the hour rows and before the ledger head (the house lock order).
    await countChanges(
      manager,
      VOLUNTEER_FIGURES,
      ServiceHours,
      records.map((hours, i) => ({ before: before[i], after: hours })),
    );
    await appendToLedger(
      manager,
      records.map((hours) => ({
        volunteerId: hours.volunteerId,
        kind: LedgerKind.EARN,
        halfHours: hours.halfHours,
        reference: hoursReference(hours),
      })),
    );
    const saved = await manager.getRepository(ServiceHours).save(records);
    const byId = new Map(saved.map((hours) => [hours.id, hours]));
    return numbers.map((id) => byId.get(id)!);
  });
}

/** STAFF of the record's region refuse it, with the reason: it is never counted and never enters the ledger. */
export function rejectHours(context: HubContext, id: string, reason: string): Promise<ServiceHours> {
  const why = reason.trim();
  if (why.length < 2 || why.length > 255) {
    throw new BadInputError('请写明驳回理由 (a reason of 2 to 255 characters is required)', { argument: 'reason' });
  }
  const hoursId = parseIntId(id);
  return inTransaction(context, async (manager) => {
    const [hours] = await lockPending(context, manager, [hoursId]);
    const before = { ...hours };
    hours.rejectedAt = new Date();
    hours.rejectReason = why;
    await countChange(manager, VOLUNTEER_FIGURES, ServiceHours, before, hours);
    return manager.getRepository(ServiceHours).save(hours);
  });
}

/**
 * An activity's sign-ups, in the order they came, for STAFF of its region, ADMIN and the organisation running it
 * (an ORG records its check-ins); empty for anyone else.
 */
export async function activityRoster(context: HubContext, activity: VolunteerActivity): Promise<ActivitySignup[]> {
  const { identity } = context;
  const runsIt =
    identity.role === Role.ORG &&
    activity.organizationId !== null &&
    identity.organizationId === activity.organizationId;
  if (!runsIt && !isStaffOf(identity, activity.regionId)) return [];
  return signupsOfActivity(context).load(activity.id);
}
