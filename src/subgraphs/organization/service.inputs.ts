import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/pagination';
import { ServiceCategory } from '../../graphql/service-category';

@InputType()
export class ServiceFilter {
  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field(() => ID, { nullable: true, description: 'services offered anywhere in this region' })
  regionId?: string;

  @Field(() => ID, { nullable: true })
  providerId?: string;

  @Field(() => ID, { nullable: true })
  stationId?: string;

  @Field({ nullable: true, description: 'words in the name, description or schedule' })
  search?: string;

  @Field({ nullable: true, defaultValue: true, description: 'only services still offered' })
  active?: boolean;
}

export enum ServiceOrderField {
  ID = 'id',
  NAME = 'name',
}
registerEnumType(ServiceOrderField, { name: 'ServiceOrderField' });

@InputType()
export class ServiceOrder {
  @Field(() => ServiceOrderField)
  field!: ServiceOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
