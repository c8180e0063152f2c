import type { EntityManager } from 'typeorm';
import { Role } from '../../auth/identity';
import {
  actsForReporter,
  actsInRegion,
  requireLinkInScope,
  requireRole,
  requireOrganizationActor,
  requireOrganizationReach,
  requireRegionActor,
  requireReporter,
  requireReporterRefFromBot,
  requireStaffIn,
} from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { BadInputError, DomainError, NotFoundError } from '../../errors';
import { inTransaction } from '../../graphql/transaction';
import { countChange } from '../../db/figure-tally';
import { findOrFail, forShare, forUpdate, insertRow, lockOrFail } from '../../db/rows';
import { VOLUNTEER_FIGURES } from './volunteer.figures';
import { appendToLedger, balanceHalfHoursSum, HourLedgerEntry, LedgerKind } from './ledger';
import { optionalIntId, parseIntId } from '../../graphql/ids';
import { loadOrFail } from '../../graphql/loaders';
import { requireNotFuture } from '../../graphql/inputs';
import { listQuery } from '../../graphql/list-query';
import { roundedHalfHours } from '../../graphql/rounding';
import { optionalReference, requireRegion } from '../../graphql/references';
import { OrderDirection, paginate, type PageArgs } from '../../graphql/pagination';
import {
  ActivitySignup,
  ActivityStatus,
  ServiceHours,
  Volunteer,
  VolunteerActivity,
  VolunteerTeam,
} from './volunteer.entity';
import type {
  ActivityOrder,
  CreateActivityInput,
  RegisterVolunteerInput,
  ResidentVolunteerInput,
  VolunteerActivityFilter,
  VolunteerTeamFilter,
} from './volunteer.inputs';
import { activityById, teamById, volunteerById } from './volunteer.loaders';

export function getTeam(context: HubContext, id: string) {
  return loadOrFail(teamById(context), id, '志愿服务队伍');
}

export function getActivity(context: HubContext, id: string) {
  return loadOrFail(activityById(context), id, '志愿服务活动');
}

export function listTeams(context: HubContext, filter: VolunteerTeamFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, VolunteerTeam, {
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
  });
  return paginate(query, page);
}

/** Newest first unless `order` says otherwise: staff look for what is coming up or just happened. */
export function listActivities(
  context: HubContext,
  filter: VolunteerActivityFilter = {},
  order: ActivityOrder | undefined,
  page: PageArgs,
) {
  const query = listQuery(context.dataSource, VolunteerActivity, {
    equals: {
      category: filter.category,
      status: filter.status,
      stationId: optionalIntId(filter.stationId, 'stationId'),
      teamId: optionalIntId(filter.teamId, 'teamId'),
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    order,
    defaultOrder: { field: 'startsOn', direction: OrderDirection.DESC },
  });
  if (filter.from !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(filter.from))
      throw new BadInputError('日期格式应为 YYYY-MM-DD', { argument: 'from' });
    query.andWhere('item.startsOn >= :from', { from: filter.from });
  }
  return paginate(query, page);
}

/** The team a volunteer or an activity of `regionId` joins, if any: it exists and serves that region. */
async function teamServing(manager: EntityManager, regionId: string, teamId: string | null | undefined) {
  const id = optionalIntId(teamId, 'teamId');
  if (id !== null) {
    const team = await findOrFail(manager, VolunteerTeam, id, '志愿服务队伍');
    requireLinkInScope(regionId, team.regionId, '志愿服务队伍');
  }
  return id;
}

/**
 * STAFF register volunteers; the BOT registers residents who volunteer themselves in its region, with the
 * resident's reporter reference (it must present it again to read the record or sign it up). A resident already
 * registered in the region with that reference gets their record back, unchanged: a bot retrying a registration
 * whose answer it lost makes no second volunteer (the unique index settles two at once; the loser retries and
 * finds the winner's).
 */
export async function registerVolunteer(context: HubContext, input: RegisterVolunteerInput) {
  requireRegionActor(context.identity, input.regionId, Role.STAFF, Role.BOT);
  requireReporterRefFromBot(context.identity, input.reporterRef);
  await requireRegion(context, input.regionId, 'regionId');
  return inTransaction(context, async (manager) => {
    if (input.reporterRef) {
      const existing = await manager
        .getRepository(Volunteer)
        .findOneBy({ regionId: input.regionId, reporterRef: input.reporterRef });
      if (existing) return existing;
    }
    const teamId = await teamServing(manager, input.regionId, input.teamId);
    const volunteer = await insertRow(manager, Volunteer, {
      name: input.name.trim(),
      regionId: input.regionId,
      teamId,
      stationId: null,
      skill: input.skill,
      registeredYear: new Date().getFullYear(),
      reporterRef: input.reporterRef ?? null,
    });
    await countChange(manager, VOLUNTEER_FIGURES, Volunteer, null, volunteer);
    return volunteer;
  });
}

export function setVolunteerTeam(context: HubContext, volunteerId: string, teamId: string | null) {
  return inTransaction(context, async (manager) => {
    const volunteer = await findOrFail(manager, Volunteer, parseIntId(volunteerId, 'volunteerId'), '志愿者');
    requireStaffIn(context.identity, volunteer.regionId);
    volunteer.teamId = await teamServing(manager, volunteer.regionId, teamId);
    return manager.getRepository(Volunteer).save(volunteer);
  });
}

export async function createActivity(context: HubContext, input: CreateActivityInput) {
  const organizationId = optionalIntId(input.organizationId, 'organizationId');
  requireOrganizationActor(context.identity, organizationId, input.regionId);
  await requireRegion(context, input.regionId, 'regionId');
  for (const [kind, id, what] of [
    ['SocialOrganization', input.organizationId, '组织方'],
    ['ServiceStation', input.stationId, '服务阵地'],
  ] as const) {
    const linked = await optionalReference(context, kind, id);
    if (linked) requireLinkInScope(input.regionId, linked.regionId, what);
    if (linked && kind === 'SocialOrganization')
      requireOrganizationReach(context.identity, linked.regionId, input.regionId);
  }
  return inTransaction(context, async (manager) => {
    const teamId = await teamServing(manager, input.regionId, input.teamId);
    const activity = await insertRow(manager, VolunteerActivity, {
      title: input.title.trim(),
      category: input.category,
      regionId: input.regionId,
      startsOn: input.startsOn,
      capacity: input.capacity ?? null,
      stationId: optionalIntId(input.stationId, 'stationId'),
      teamId,
      organizationId,
      description: input.description ?? null,
      status: ActivityStatus.OPEN,
    });
    await countChange(manager, VOLUNTEER_FIGURES, VolunteerActivity, null, activity);
    return activity;
  });
}

export function signUp(context: HubContext, activityId: string, volunteerId: string, reporterRef?: string | null) {
  return inTransaction(context, async (manager) => {
    const activity = await forUpdate(
      manager
        .getRepository(VolunteerActivity)
        .createQueryBuilder('a')
        .where('a.id = :id', { id: parseIntId(activityId, 'activityId') }),
    ).getOne();
    if (!activity) throw new NotFoundError('志愿服务活动', activityId);
    // The BOT only signs residents up (with their reference); it never records attendance, which becomes hours.
    requireOrganizationActor(context.identity, activity.organizationId, activity.regionId, Role.BOT);
    const volunteer = await findOrFail(manager, Volunteer, parseIntId(volunteerId, 'volunteerId'), '志愿者');
    requireLinkInScope(activity.regionId, volunteer.regionId, '志愿者');
    requireReporter(context.identity, volunteer.reporterRef, reporterRef);
    if (activity.status !== ActivityStatus.OPEN && activity.status !== ActivityStatus.PLANNED) {
      throw new DomainError('ACTIVITY_CLOSED', '活动已结束或取消,不能报名 (the activity no longer takes sign-ups)', {
        status: activity.status,
      });
    }
    const signups = manager.getRepository(ActivitySignup);
    // Read under the activity's lock, from the latest committed rows rather than the transaction's snapshot.
    const signedUp = () =>
      forShare(signups.createQueryBuilder('s').where('s.activityId = :activityId', { activityId: activity.id }));
    if ((await signedUp().andWhere('s.volunteerId = :volunteerId', { volunteerId: volunteer.id }).getCount()) > 0) {
      throw new DomainError('ALREADY_SIGNED_UP', '已经报过名了 (already signed up)');
    }
    if (activity.capacity !== null && (await signedUp().getCount()) >= activity.capacity) {
      throw new DomainError('ACTIVITY_FULL', '活动名额已满 (the activity is full)', { capacity: activity.capacity });
    }
    return signups.save(
      signups.create({
        activityId: activity.id,
        volunteerId: volunteer.id,
        signedUpAt: new Date(),
        checkedInAt: null,
        checkedOutAt: null,
      }),
    );
  });
}

async function signupFor(context: HubContext, manager: EntityManager, activityId: string, volunteerId: string) {
  const activity = await findOrFail(manager, VolunteerActivity, parseIntId(activityId, 'activityId'), '志愿服务活动');
  requireOrganizationActor(context.identity, activity.organizationId, activity.regionId);
  // Locked: check-in and check-out test the sign-up's state and then change it.
  const signup = await forUpdate(
    manager
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .where('s.activityId = :activityId', { activityId: activity.id })
      .andWhere('s.volunteerId = :volunteerId', { volunteerId: parseIntId(volunteerId, 'volunteerId') }),
  ).getOne();
  if (!signup) throw new DomainError('NOT_SIGNED_UP', '该志愿者未报名此活动 (the volunteer has not signed up)');
  // A sign-up made before links were checked may join a volunteer from elsewhere: it is not served from here.
  const volunteer = await findOrFail(manager, Volunteer, signup.volunteerId, '志愿者');
  requireLinkInScope(activity.regionId, volunteer.regionId, '志愿者');
  return { activity, signup };
}

export function checkIn(context: HubContext, activityId: string, volunteerId: string, at: Date = new Date()) {
  requireNotFuture(at, 'at');
  return inTransaction(context, async (manager) => {
    const { signup } = await signupFor(context, manager, activityId, volunteerId);
    if (signup.checkedInAt) throw new DomainError('ALREADY_CHECKED_IN', '已经签到 (already checked in)');
    signup.checkedInAt = at;
    return manager.getRepository(ActivitySignup).save(signup);
  });
}

/** Check-out records the time served, rounded per started hour, as unverified hours for staff to confirm. */
export function checkOut(context: HubContext, activityId: string, volunteerId: string, at: Date = new Date()) {
  requireNotFuture(at, 'at');
  return inTransaction(context, async (manager) => {
    const { activity, signup } = await signupFor(context, manager, activityId, volunteerId);
    if (!signup.checkedInAt) throw new DomainError('NOT_CHECKED_IN', '尚未签到 (check in first)');
    if (signup.checkedOutAt) throw new DomainError('ALREADY_CHECKED_OUT', '已经签退 (already checked out)');
    const minutes = Math.floor((at.getTime() - new Date(signup.checkedInAt).getTime()) / 60000);
    if (minutes < 0 || minutes > 24 * 60)
      throw new DomainError('BAD_DURATION', '签到签退时间不合理 (check-out must be within 24 h after check-in)');
    signup.checkedOutAt = at;
    await manager.getRepository(ActivitySignup).save(signup);
    const hours = await insertRow(manager, ServiceHours, {
      volunteerId: signup.volunteerId,
      activityId: activity.id,
      stationId: activity.stationId,
      regionId: activity.regionId,
      halfHours: roundedHalfHours(minutes),
      servedOn: at.toISOString().slice(0, 10),
      verified: false,
      rejectedAt: null,
      rejectReason: null,
    });
    // Unverified hours count nowhere yet; passed on anyway so a rule counting them later cannot be forgotten here.
    await countChange(manager, VOLUNTEER_FIGURES, ServiceHours, null, hours);
    return hours;
  });
}

/** Spends banked hours (e.g. for services the volunteer receives); never more than the balance. */
export function redeemHours(context: HubContext, volunteerId: string, hours: number, note: string) {
  if (!Number.isInteger(hours * 2) || hours <= 0 || hours > 10_000)
    throw new BadInputError('兑换时长按 0.5 小时计 (hours come in 0.5 steps)', { argument: 'hours' });
  return inTransaction(context, async (manager) => {
    // The volunteer's row first, the ledger head second: the fixed lock order.
    const volunteer = await lockOrFail(manager, Volunteer, parseIntId(volunteerId, 'volunteerId'), '志愿者');
    requireStaffIn(context.identity, volunteer.regionId);
    const [entry] = await appendToLedger(manager, [
      {
        volunteerId: volunteer.id,
        kind: LedgerKind.REDEEM,
        halfHours: hours * 2,
        reference: note.trim().slice(0, 64) || 'redeem',
      },
    ]);
    const balance = await forShare(
      manager
        .getRepository(HourLedgerEntry)
        .createQueryBuilder('l')
        .select(`COALESCE(${balanceHalfHoursSum((property) => `l.${property}`)}, 0)`, 'balance')
        .where('l.volunteerId = :id', { id: volunteer.id }),
    ).getRawOne<{ balance: string | number }>();
    // Checked after the append, inside the transaction: a refusal rolls the entry back.
    if (Number(balance?.balance ?? 0) < 0) {
      throw new DomainError('INSUFFICIENT_BALANCE', '时间银行余额不足 (not enough banked hours)', {
        balance: (Number(balance?.balance) + hours * 2) / 2,
      });
    }
    return entry;
  });
}

/**
 * Volunteer records read as their own in this request: by staff of the region or ADMIN, or by the BOT presenting
 * the resident's reference. Only on these are the sign-ups and hour records shown — a volunteer reached any other
 * way (a need's candidates are public) shows a masked name and totals, never where the person will be and when.
 * The objects are the request's own (its DataLoaders), so the mark dies with the request.
 */
const ownRecords = new WeakSet<Volunteer>();

/** True when `volunteer` was read as the caller's own record in this request (see ownRecords). */
export function readAsOwnRecord(volunteer: Volunteer): boolean {
  return ownRecords.has(volunteer);
}

/** A volunteer's own record: STAFF of the region, the BOT for the resident themself (their reference), ADMIN. */
export async function getVolunteer(context: HubContext, id: string, reporterRef?: string | null) {
  const volunteer = await context.dataSource.getRepository(Volunteer).findOneBy({ id: parseIntId(id) });
  if (!volunteer) throw new NotFoundError('志愿者', id);
  requireRegionActor(context.identity, volunteer.regionId, Role.STAFF, Role.BOT);
  requireReporter(context.identity, volunteer.reporterRef, reporterRef);
  ownRecords.add(volunteer);
  return volunteer;
}

/** How many records one residentVolunteers request may ask for (the bot sends them in smaller chunks). */
export const MAX_RESIDENT_VOLUNTEERS = 100;

/**
 * Several volunteers' own records at once, in the order asked, with the rules of `volunteer(id, reporterRef)` for
 * each: STAFF of the region, ADMIN, or a BOT of the region presenting the reference the record was registered with.
 * One record that is gone or not the caller's is null, so one resident's record never fails the others'.
 */
export async function residentVolunteers(context: HubContext, residents: ResidentVolunteerInput[]) {
  requireRole(context.identity, Role.ADMIN, Role.STAFF, Role.BOT);
  if (residents.length > MAX_RESIDENT_VOLUNTEERS) {
    throw new BadInputError(
      `一次最多查询 ${MAX_RESIDENT_VOLUNTEERS} 位志愿者 (at most ${MAX_RESIDENT_VOLUNTEERS} volunteers per request)`,
      { argument: 'residents' },
    );
  }
  const ids = residents.map((resident) => parseIntId(resident.id, 'id'));
  const found = await volunteerById(context).loadMany(ids);
  return found.map((volunteer, index) => {
    if (
      volunteer instanceof Error ||
      !volunteer ||
      !actsInRegion(context.identity, volunteer.regionId) ||
      !actsForReporter(context.identity, volunteer.reporterRef, residents[index].reporterRef)
    )
      return null;
    ownRecords.add(volunteer);
    return volunteer;
  });
}
