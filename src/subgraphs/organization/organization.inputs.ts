import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ContactDetailsInput } from '../../graphql/contact';
import { OptionalInt, OptionalText } from '../../graphql/inputs';
import { OrderInput } from '../../graphql/pagination';
import { ServiceCategory } from '../../graphql/service-category';
import { OrganizationKind, OrganizationStatus } from './organization.entity';

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind;

  @Field(() => OrganizationStatus, { nullable: true })
  status?: OrganizationStatus;

  @Field(() => ID, { nullable: true, description: 'organisations registered anywhere in this region' })
  regionId?: string;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field({ nullable: true, description: 'words in the name or description' })
  search?: string;
}

export const OrganizationOrder = OrderInput('OrganizationOrder', {
  ID: 'id',
  NAME: 'name',
  FOUNDED_YEAR: 'foundedYear',
});
export type OrganizationOrder = InstanceType<typeof OrganizationOrder>;

@InputType()
export class RegisterOrganizationInput extends ContactDetailsInput {
  @Field()
  @Length(2, 128)
  name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field({ description: '统一社会信用代码, 18 characters with a valid checksum' })
  @Length(18, 18)
  creditCode!: string;

  @Field(() => ID)
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field({ nullable: true, defaultValue: false })
  partyBranch?: boolean;

  @OptionalInt(1949, 2100)
  foundedYear?: number;

  @OptionalText(2000)
  description?: string;
}

@InputType()
export class UpdateOrganizationInput extends ContactDetailsInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 128)
  name?: string;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field({ nullable: true })
  partyBranch?: boolean;

  @OptionalText(2000)
  description?: string;
}
