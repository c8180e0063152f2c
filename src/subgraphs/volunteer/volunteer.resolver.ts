import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference, referenceType } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { VolunteerRegion, VolunteerStation } from './region.extension';
import { hoursOf, VolunteerActivity, VolunteerTeam } from './volunteer.entity';
import { VolunteerActivityFilter, VolunteerTeamFilter } from './volunteer.inputs';
import { activityHalfHours, teamById, teamMemberCount } from './volunteer.loaders';
import { getActivity, getTeam, listActivities, listTeams } from './volunteer.service';

export const VolunteerTeamConnection = Connection(VolunteerTeam, 'VolunteerTeam');
export const VolunteerActivityConnection = Connection(VolunteerActivity, 'VolunteerActivity');
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

  @FieldResolver(() => VolunteerRegion)
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
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listActivities(context, filter, page);
  }

  @FieldResolver(() => VolunteerRegion)
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
}
