import { Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { hoursOf } from './volunteer.entity';
import { tallyFigure } from '../../graphql/loaders';
import { VOLUNTEER_REGION_FIGURES as REGION, VOLUNTEER_STATION_FIGURES as STATION } from './volunteer.figures';

@ObjectType('Region')
@Directive('@key(fields: "id")')
export class VolunteerRegion {
  @Field(() => ID)
  id!: string;
}

@ObjectType('ServiceStation')
@Directive('@key(fields: "id")')
export class VolunteerStation {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => VolunteerRegion)
export class VolunteerRegionResolver {
  @FieldResolver(() => Int, { description: 'registered volunteers in the subtree' })
  volunteerCount(@Root() region: VolunteerRegion, @Ctx() context: HubContext) {
    return tallyFigure(context, REGION, 'volunteerCount', region.id);
  }

  @FieldResolver(() => Int, { description: 'registered volunteer teams in the subtree' })
  volunteerTeamCount(@Root() region: VolunteerRegion, @Ctx() context: HubContext) {
    return tallyFigure(context, REGION, 'teamCount', region.id);
  }

  @FieldResolver(() => Int, { description: 'volunteer service projects carried out in the subtree' })
  volunteerActivityCount(@Root() region: VolunteerRegion, @Ctx() context: HubContext) {
    return tallyFigure(context, REGION, 'activityCount', region.id);
  }

  @FieldResolver(() => Float, { description: 'verified volunteer service hours in the subtree' })
  async volunteerHours(@Root() region: VolunteerRegion, @Ctx() context: HubContext) {
    return hoursOf(await tallyFigure(context, REGION, 'halfHours', region.id));
  }
}

@Resolver(() => VolunteerStation)
export class VolunteerStationResolver {
  @FieldResolver(() => Int, { description: 'volunteers serving at the station' })
  volunteerCount(@Root() station: VolunteerStation, @Ctx() context: HubContext) {
    return tallyFigure(context, STATION, 'volunteerCount', Number(station.id));
  }

  @FieldResolver(() => Float, { description: 'verified volunteer hours served at the station' })
  async volunteerHours(@Root() station: VolunteerStation, @Ctx() context: HubContext) {
    return hoursOf(await tallyFigure(context, STATION, 'halfHours', Number(station.id)));
  }
}
