import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/pagination';
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

export enum OrganizationOrderField {
  ID = 'id',
  NAME = 'name',
  FOUNDED_YEAR = 'foundedYear',
}
registerEnumType(OrganizationOrderField, { name: 'OrganizationOrderField' });

@InputType()
export class OrganizationOrder {
  @Field(() => OrganizationOrderField)
  field!: OrganizationOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
