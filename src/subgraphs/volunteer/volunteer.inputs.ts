import { Field, ID, InputType } from 'type-graphql';
import { ServiceCategory } from '../../graphql/service-category';
import { ActivityStatus } from './volunteer.entity';

@InputType()
export class VolunteerTeamFilter {
  @Field(() => ID, { nullable: true, description: 'teams anywhere in this region' })
  regionId?: string;

  @Field({ nullable: true })
  search?: string;
}

@InputType()
export class VolunteerActivityFilter {
  @Field(() => ID, { nullable: true, description: 'activities anywhere in this region' })
  regionId?: string;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field(() => ActivityStatus, { nullable: true })
  status?: ActivityStatus;

  @Field(() => ID, { nullable: true })
  stationId?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field({ nullable: true, description: 'only activities on or after this date (YYYY-MM-DD)' })
  from?: string;

  @Field({ nullable: true, description: 'words in the title or description' })
  search?: string;
}
