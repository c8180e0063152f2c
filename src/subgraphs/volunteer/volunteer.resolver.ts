import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { HourLedgerEntry, LedgerVerification, timeBankHalfHours, verifyLedger } from './ledger';
import { reference, referenceType } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { BadInputError } from '../../errors';
import { VolunteerRegion, VolunteerStation } from './region.extension';
import { ActivitySignup, hoursOf, ServiceHours, Volunteer, VolunteerActivity, VolunteerTeam } from './volunteer.entity';
import {
  ActivityOrder,
  CreateActivityInput,
  RegisterVolunteerInput,
  ResidentVolunteerInput,
  ServiceHoursQueueFilter,
  VolunteerActivityFilter,
  VolunteerTeamFilter,
} from './volunteer.inputs';
import {
  activityById,
  activityHalfHours,
  recentHourRecords,
  teamById,
  teamMemberCount,
  hoursOfActivity,
  signupsOfActivity,
  upcomingSignUps,
  volunteerById,
  volunteerHalfHours,
} from './volunteer.loaders';
import {
  checkIn,
  checkOut,
  createActivity,
  getActivity,
  getVolunteer,
  getTeam,
  listActivities,
  listTeams,
  redeemHours,
  readAsOwnRecord,
  registerVolunteer,
  residentVolunteers,
  setVolunteerTeam,
  signUp,
} from './volunteer.service';
import { activityRoster, MAX_VERIFY_BATCH, rejectHours, serviceHoursQueue, verifyHours } from './hours-review.service';

export const VolunteerTeamConnection = Connection(VolunteerTeam, 'VolunteerTeam');
export const VolunteerActivityConnection = Connection(VolunteerActivity, 'VolunteerActivity');
export const ServiceHoursConnection = Connection(ServiceHours, 'ServiceHours');
const OrganizationReference = referenceType('SocialOrganization');

@Resolver(() => VolunteerTeam)
export class VolunteerTeamResolver {
  @Query(() => VolunteerTeam, { nullable: true })
  volunteerTeam(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getTeam(context, id);
  }

  @Query(() => VolunteerTeamConnection)
  volunteerTeams(
    @Arg('filter', () => VolunteerTeamFilter, { nullable: true }) filter: VolunteerTeamFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listTeams(context, filter, page);
  }

  @FieldResolver(() => Int)
  memberCount(@Root() team: VolunteerTeam, @Ctx() context: HubContext) {
    return teamMemberCount(context).load(team.id);
  }

  @FieldResolver(() => VolunteerRegion, { nullable: true })
  region(@Root() team: VolunteerTeam) {
    return reference(team.regionId);
  }

  @FieldResolver(() => OrganizationReference, { nullable: true })
  organization(@Root() team: VolunteerTeam) {
    return reference(team.organizationId);
  }
}

@Resolver(() => VolunteerActivity)
export class VolunteerActivityResolver {
  @Query(() => VolunteerActivity, { nullable: true })
  volunteerActivity(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getActivity(context, id);
  }

  @Query(() => VolunteerActivityConnection)
  volunteerActivities(
    @Arg('filter', () => VolunteerActivityFilter, { nullable: true }) filter: VolunteerActivityFilter | undefined,
    @Arg('orderBy', () => ActivityOrder, { nullable: true }) orderBy: ActivityOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listActivities(context, filter, orderBy, page);
  }

  @FieldResolver(() => VolunteerRegion, { nullable: true })
  region(@Root() activity: VolunteerActivity) {
    return reference(activity.regionId);
  }

  @FieldResolver(() => VolunteerStation, { nullable: true })
  station(@Root() activity: VolunteerActivity) {
    return reference(activity.stationId);
  }

  @FieldResolver(() => VolunteerTeam, { nullable: true })
  team(@Root() activity: VolunteerActivity, @Ctx() context: HubContext) {
    return activity.teamId === null ? null : teamById(context).load(activity.teamId);
  }

  @FieldResolver(() => OrganizationReference, { nullable: true })
  organization(@Root() activity: VolunteerActivity) {
    return reference(activity.organizationId);
  }

  @FieldResolver(() => Float, { description: 'verified volunteer hours recorded for it' })
  async volunteerHours(@Root() activity: VolunteerActivity, @Ctx() context: HubContext) {
    return hoursOf(await activityHalfHours(context).load(activity.id));
  }

  @FieldResolver(() => [ActivitySignup], {
    description:
      '报名名单: sign-ups in the order they came, with check-in, check-out and hours; STAFF of the region, ADMIN and the organisation running it, else empty',
  })
  roster(@Root() activity: VolunteerActivity, @Ctx() context: HubContext) {
    return activityRoster(context, activity);
  }
}

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Query(() => Volunteer, {
    nullable: true,
    description: 'STAFF of the region, ADMIN, or the BOT for the resident it registered (their reporterRef)',
  })
  volunteer(
    @Arg('id', () => ID) id: string,
    @Ctx() context: HubContext,
    @Arg('reporterRef', () => String, { nullable: true }) reporterRef?: string | null,
  ) {
    return getVolunteer(context, id, reporterRef);
  }

  @Query(() => [Volunteer], {
    nullable: 'items',
    description:
      'several volunteers in the order asked (at most 100), each as volunteer(id, reporterRef) would answer it; null for one that is gone or not the caller’s',
  })
  residentVolunteers(
    @Arg('residents', () => [ResidentVolunteerInput]) residents: ResidentVolunteerInput[],
    @Ctx() context: HubContext,
  ) {
    return residentVolunteers(context, residents);
  }

  @Mutation(() => Volunteer, { description: 'STAFF or the BOT of the region, ADMIN' })
  registerVolunteer(
    @Arg('input', () => RegisterVolunteerInput) input: RegisterVolunteerInput,
    @Ctx() context: HubContext,
  ) {
    return registerVolunteer(context, input);
  }

  @Mutation(() => Volunteer, { description: 'join a team, or leave it with teamId null' })
  setVolunteerTeam(
    @Arg('volunteerId', () => ID) volunteerId: string,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Ctx() context: HubContext,
  ) {
    return setVolunteerTeam(context, volunteerId, teamId ?? null);
  }

  @Mutation(() => VolunteerActivity, { description: 'STAFF of the region, or an ORG for its own activity' })
  createVolunteerActivity(
    @Arg('input', () => CreateActivityInput) input: CreateActivityInput,
    @Ctx() context: HubContext,
  ) {
    return createActivity(context, input);
  }

  @Mutation(() => ActivitySignup, {
    description: 'sign up within the activity’s capacity (a BOT only for the resident it registered: reporterRef)',
  })
  signUpForActivity(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('volunteerId', () => ID) volunteerId: string,
    @Ctx() context: HubContext,
    @Arg('reporterRef', () => String, { nullable: true }) reporterRef?: string | null,
  ) {
    return signUp(context, activityId, volunteerId, reporterRef);
  }

  @Mutation(() => ActivitySignup)
  checkIn(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('volunteerId', () => ID) volunteerId: string,
    @Ctx() context: HubContext,
    @Arg('at', () => Date, { nullable: true }) at?: Date,
  ) {
    return checkIn(context, activityId, volunteerId, at ?? undefined);
  }

  @Mutation(() => ServiceHours, { description: 'records the hours, rounded per started hour, for staff to verify' })
  checkOut(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('volunteerId', () => ID) volunteerId: string,
    @Ctx() context: HubContext,
    @Arg('at', () => Date, { nullable: true }) at?: Date,
  ) {
    return checkOut(context, activityId, volunteerId, at ?? undefined);
  }

  @Mutation(() => ServiceHours, { description: 'STAFF of the region confirm recorded hours' })
  async verifyServiceHours(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    const [hours] = await verifyHours(context, [id], 'id');
    return hours;
  }

  @Mutation(() => [ServiceHours], {
    description: `bulk 审核: confirm up to ${MAX_VERIFY_BATCH} pending records at once, all or none (STAFF of their region)`,
  })
  verifyServiceHoursBatch(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: HubContext) {
    return verifyHours(context, ids);
  }

  @Mutation(() => ServiceHours, {
    description: '驳回: refuse pending hours with a reason; they are never counted (STAFF of the region)',
  })
  rejectServiceHours(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() context: HubContext) {
    return rejectHours(context, id, reason);
  }

  @Query(() => ServiceHoursConnection, {
    description:
      '待审核时长: a region’s service-hours records waiting for staff, oldest service first (STAFF of the region, ADMIN)',
  })
  serviceHoursQueue(
    @Arg('filter', () => ServiceHoursQueueFilter, { nullable: true }) filter: ServiceHoursQueueFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return serviceHoursQueue(context, filter, page);
  }

  @Mutation(() => HourLedgerEntry, { description: '时间银行: spend banked hours (STAFF of the region)' })
  redeemHours(
    @Arg('volunteerId', () => ID) volunteerId: string,
    @Arg('hours', () => Float) hours: number,
    @Arg('note') note: string,
    @Ctx() context: HubContext,
  ) {
    return redeemHours(context, volunteerId, hours, note);
  }

  @Query(() => LedgerVerification, { description: 're-check the whole hour ledger (STAFF, ADMIN)' })
  verifyHourLedger(@Ctx() context: HubContext) {
    return verifyLedger(context);
  }

  @FieldResolver(() => Float, { description: 'verified service hours in total' })
  async serviceHours(@Root() volunteer: Volunteer, @Ctx() context: HubContext) {
    return hoursOf(await volunteerHalfHours(context).load(volunteer.id));
  }

  @FieldResolver(() => Float, { description: '时间银行 balance: hours earned minus hours redeemed' })
  async timeBankBalance(@Root() volunteer: Volunteer, @Ctx() context: HubContext) {
    return hoursOf(await timeBankHalfHours(context).load(volunteer.id));
  }

  @FieldResolver(() => VolunteerTeam, { nullable: true })
  team(@Root() volunteer: Volunteer, @Ctx() context: HubContext) {
    return volunteer.teamId === null ? null : teamById(context).load(volunteer.teamId);
  }

  @FieldResolver(() => [ActivitySignup], {
    description:
      'the activities signed up for, soonest first (those starting on or after `from`, YYYY-MM-DD); only on a record read as its own (volunteer, residentVolunteers), else empty',
  })
  signUps(
    @Root() volunteer: Volunteer,
    @Ctx() context: HubContext,
    @Arg('from', () => String, { nullable: true }) from?: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'at most 50' }) first = 20,
  ) {
    if (from != null && !/^\d{4}-\d{2}-\d{2}$/.test(from))
      throw new BadInputError('日期格式应为 YYYY-MM-DD', { argument: 'from' });
    if (!readAsOwnRecord(volunteer)) return [];
    return upcomingSignUps(context, from ?? undefined, listLength(first)).load(volunteer.id);
  }

  @FieldResolver(() => [ServiceHours], {
    description:
      'the newest service-hours records, verified or waiting for staff, newest first; only on a record read as its own (volunteer, residentVolunteers), else empty',
  })
  serviceHourRecords(
    @Root() volunteer: Volunteer,
    @Ctx() context: HubContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'at most 50' }) first = 20,
  ) {
    if (!readAsOwnRecord(volunteer)) return [];
    return recentHourRecords(context, listLength(first)).load(volunteer.id);
  }
}

/** The length of a volunteer's own lists: 1 to 50. */
function listLength(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > 50)
    throw new BadInputError('first 应在 1 到 50 之间 (first must be 1 to 50)', { argument: 'first' });
  return first;
}

@Resolver(() => ActivitySignup)
export class ActivitySignupResolver {
  @FieldResolver(() => VolunteerActivity, { nullable: true })
  activity(@Root() signup: ActivitySignup, @Ctx() context: HubContext) {
    return activityById(context).load(signup.activityId);
  }

  @FieldResolver(() => Volunteer, { nullable: true, description: 'who signed up (name masked)' })
  volunteer(@Root() signup: ActivitySignup, @Ctx() context: HubContext) {
    return volunteerById(context).load(signup.volunteerId);
  }

  @FieldResolver(() => ServiceHours, {
    nullable: true,
    description: 'the hours recorded at check-out, with their review status; null before check-out',
  })
  async serviceHours(@Root() signup: ActivitySignup, @Ctx() context: HubContext) {
    const records = await hoursOfActivity(context).load(signup.activityId);
    return records.findLast((hours) => hours.volunteerId === signup.volunteerId) ?? null;
  }
}

@Resolver(() => ServiceHours)
export class ServiceHoursResolver {
  @FieldResolver(() => VolunteerActivity, { nullable: true, description: 'the activity served at, if any' })
  activity(@Root() hours: ServiceHours, @Ctx() context: HubContext) {
    return hours.activityId === null ? null : activityById(context).load(hours.activityId);
  }

  @FieldResolver(() => Volunteer, { nullable: true, description: 'who served (name masked)' })
  volunteer(@Root() hours: ServiceHours, @Ctx() context: HubContext) {
    return volunteerById(context).load(hours.volunteerId);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'when the volunteer checked out of the activity' })
  async checkedOutAt(@Root() hours: ServiceHours, @Ctx() context: HubContext) {
    if (hours.activityId === null) return null;
    const signups = await signupsOfActivity(context).load(hours.activityId);
    return signups.find((signup) => signup.volunteerId === hours.volunteerId)?.checkedOutAt ?? null;
  }
}
