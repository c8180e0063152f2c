import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OptionalText } from '../../graphql/inputs';
import { OrderInput } from '../../graphql/pagination';
import { ServiceCategory } from '../../graphql/service-category';
import { REPORTER_REF } from '../../auth/policy';
import { MOBILE_PHONE } from '../../graphql/personal-data';
import { Society } from './linkage-case.entity';
import { NeedStatus, NeedUrgency } from './need.entity';
import { ProjectCategory, ProjectStatus } from './project.entity';

@InputType()
export class NeedFilter {
  @Field(() => NeedStatus, { nullable: true })
  status?: NeedStatus;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field(() => NeedUrgency, { nullable: true })
  urgency?: NeedUrgency;

  @Field(() => ID, { nullable: true, description: 'needs from anywhere in this region' })
  regionId?: string;

  @Field(() => [NeedStatus], { nullable: true, description: 'any of these statuses (with `status`, both must hold)' })
  statuses?: NeedStatus[];

  @Field({
    nullable: true,
    description: 'true: open and past dueAt; false: resolved, closed, rejected or still within dueAt',
  })
  overdue?: boolean;

  @Field({
    nullable: true,
    description: 'words in the description, or part of the public number (staff of the region only)',
  })
  search?: string;
}

/** Needs come newest first unless asked otherwise; the workbench lists the most urgent first (DUE_AT ASC). */
export const NeedOrder = OrderInput('NeedOrder', { SUBMITTED_AT: 'submittedAt', DUE_AT: 'dueAt' });
export type NeedOrder = InstanceType<typeof NeedOrder>;

@InputType()
export class ServiceProjectFilter {
  @Field(() => ID, { nullable: true })
  roundId?: string;

  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus;

  @Field(() => ProjectCategory, { nullable: true })
  category?: ProjectCategory;

  @Field(() => ID, { nullable: true, description: 'projects anywhere in this region' })
  regionId?: string;

  @Field({ nullable: true })
  search?: string;
}

/** Applications come in id order unless asked otherwise; a round's ranking is SCORE DESC. */
export const ServiceProjectOrder = OrderInput('ServiceProjectOrder', { ID: 'id', SCORE: 'score' });
export type ServiceProjectOrder = InstanceType<typeof ServiceProjectOrder>;

@InputType()
export class SubmitNeedInput {
  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field({ description: 'what is needed, in the resident’s words' })
  @Length(2, 1000)
  description!: string;

  @Field(() => NeedUrgency, { defaultValue: NeedUrgency.NORMAL })
  urgency!: NeedUrgency;

  @Field(() => ID, { description: 'division code of the community' })
  @Matches(/^\d{12}$/)
  communityId!: string;

  @Field({ nullable: true, description: 'mobile number for a call back; needs contactConsentAt' })
  @IsOptional()
  @Matches(MOBILE_PHONE)
  contactPhone?: string;

  @Field(() => Date, { nullable: true, description: 'when the resident agreed to leave the number' })
  contactConsentAt?: Date;

  @Field({
    nullable: true,
    description:
      'required from a BOT: the resident as the bot knows them, an opaque 64-hex-digit reference (e.g. an HMAC of the chat id, never the id); needed again to rate the need or read its details',
  })
  @IsOptional()
  @Matches(REPORTER_REF)
  reporterRef?: string;
}

@InputType({ description: 'who will take a need, and when they come' })
export class AssignNeedInput {
  @Field(() => Society, {
    description: 'COMMUNITY (a service station), ORGANIZATION, SOCIAL_WORKER or VOLUNTEER (a team)',
  })
  society!: Society;

  @Field({ description: 'id of the station, organisation, social worker or volunteer team' })
  @Length(1, 32)
  referenceId!: string;

  @Field(() => Date, { nullable: true, description: 'when the handler will come: in the future, within a year' })
  appointmentAt?: Date;
}

@InputType()
export class OpenRoundInput {
  @Field()
  @Length(2, 128)
  name!: string;

  @Field()
  @Length(2, 64)
  sponsor!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  openedOn!: string;

  @Field(() => Int)
  @Min(1)
  @Max(10000)
  quota!: number;
}

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID)
  roundId!: string;

  @Field()
  @Length(2, 128)
  title!: string;

  @Field(() => ProjectCategory)
  category!: ProjectCategory;

  @Field(() => ID, { description: 'the applying organisation' })
  applicantId!: string;

  @Field(() => ID)
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field(() => ID, { nullable: true })
  stationId?: string;

  @OptionalText(5000)
  summary?: string;
}
