import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OptionalInt, OptionalText } from '../../graphql/inputs';
import { OrderInput } from '../../graphql/pagination';
import { REPORTER_REF } from '../../auth/policy';
import { ServiceCategory } from '../../graphql/service-category';
import { ActivityStatus, ServiceHoursStatus } from './volunteer.entity';

@InputType()
export class VolunteerTeamFilter {
  @Field(() => ID, { nullable: true, description: 'teams anywhere in this region' })
  regionId?: string;

  @Field({ nullable: true })
  search?: string;
}

/** Activities come newest first unless asked otherwise; the bot lists the soonest first (STARTS_ON ASC). */
export const ActivityOrder = OrderInput('ActivityOrder', { STARTS_ON: 'startsOn', ID: 'id' });
export type ActivityOrder = InstanceType<typeof ActivityOrder>;

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

@InputType()
export class RegisterVolunteerInput {
  @Field()
  @Length(2, 32)
  name!: string;

  @Field(() => ID)
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ServiceCategory, { defaultValue: ServiceCategory.OTHER })
  skill!: ServiceCategory;

  @Field({
    nullable: true,
    description:
      'required from a BOT: the resident’s opaque reference (64 hex digits); needed again to read the record or sign it up',
  })
  @IsOptional()
  @Matches(REPORTER_REF)
  reporterRef?: string;
}

@InputType()
export class CreateActivityInput {
  @Field()
  @Length(2, 128)
  title!: string;

  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field(() => ID)
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startsOn!: string;

  @OptionalInt(1, 10000)
  capacity?: number;

  @Field(() => ID, { nullable: true })
  stationId?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ID, { nullable: true, description: 'the organising organisation; an ORG token may only name its own' })
  organizationId?: string;

  @OptionalText(2000)
  description?: string;
}

/** One volunteer record asked for on a resident's behalf: the BOT adds the reference it registered them with. */
@InputType()
export class ResidentVolunteerInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true, description: 'required from a BOT: the reference the volunteer was registered with' })
  @IsOptional()
  @Matches(REPORTER_REF)
  reporterRef?: string;
}

@InputType()
export class ServiceHoursQueueFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'records anywhere in this region (default: the caller’s own region; ADMIN: the whole city)',
  })
  regionId?: string;

  @Field(() => ID, { nullable: true })
  activityId?: string;

  @Field(() => ServiceHoursStatus, { nullable: true, description: 'default PENDING: waiting for staff' })
  status?: ServiceHoursStatus;
}
