import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ServiceCategory } from '../../graphql/service-category';
import { SocialWorkerLevel } from './social-worker.entity';

@InputType()
export class SocialWorkerFilter {
  @Field(() => SocialWorkerLevel, { nullable: true })
  level?: SocialWorkerLevel;

  @Field(() => ID, { nullable: true, description: 'workers anywhere in this region' })
  regionId?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ServiceCategory, { nullable: true })
  specialty?: ServiceCategory;

  @Field({ nullable: true })
  search?: string;
}

@InputType()
export class RegisterSocialWorkerInput {
  @Field()
  @Length(2, 64)
  name!: string;

  @Field(() => SocialWorkerLevel)
  level!: SocialWorkerLevel;

  @Field(() => Int)
  @Min(2008)
  @Max(2100)
  certifiedYear!: number;

  @Field(() => ID)
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  stationId?: string;

  @Field(() => [ServiceCategory], { defaultValue: [] })
  @ArrayMaxSize(11)
  specialties!: ServiceCategory[];
}

@InputType()
export class GrantTalentAwardInput {
  @Field(() => ID)
  socialWorkerId!: string;

  @Field({ defaultValue: '兴玉社工人才' })
  @Length(2, 64)
  programme!: string;

  @Field(() => Int)
  @Min(2008)
  @Max(2100)
  year!: number;

  @Field(() => Int)
  @Min(1)
  @Max(10_000_000)
  amountYuan!: number;
}

/** What staff correct on a worker; a field left out stays as stored, a null employer or station is cleared. */
@InputType()
export class UpdateSocialWorkerInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 64)
  name?: string;

  @Field(() => ID, { nullable: true, description: 'the employing organisation; null: none' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'the station served at; null: none' })
  stationId?: string | null;

  @Field(() => [ServiceCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(11)
  specialties?: ServiceCategory[];
}
