import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ResidentTag } from './resident.entity';
import { MOBILE_PHONE } from '../../graphql/personal-data';

@InputType()
export class RegisterResidentInput {
  @Field()
  @Length(1, 32)
  name!: string;

  @Field(() => ID, { description: 'the community or village' })
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field({ nullable: true, description: 'mainland mobile number; needs consentAt' })
  @IsOptional()
  @Matches(MOBILE_PHONE)
  phone?: string;

  @Field(() => Date, { nullable: true, description: 'when the resident consented to contact details being stored' })
  consentAt?: Date;

  @Field(() => [ResidentTag], { defaultValue: [] })
  @ArrayMaxSize(5)
  tags!: ResidentTag[];
}

@InputType()
export class ResidentFilter {
  @Field(() => ID, { nullable: true, description: 'defaults to your own region' })
  regionId?: string;

  @Field({ nullable: true })
  search?: string;
}
