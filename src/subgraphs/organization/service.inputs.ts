import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OptionalInt, OptionalText } from '../../graphql/inputs';
import { OrderInput } from '../../graphql/pagination';
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

export const ServiceOrder = OrderInput('ServiceOrder', { ID: 'id', NAME: 'name' });
export type ServiceOrder = InstanceType<typeof ServiceOrder>;

@InputType()
export class CreateServiceInput {
  @Field()
  @Length(2, 128)
  name!: string;

  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field(() => ID)
  providerId!: string;

  @Field(() => ID, { description: 'where it is offered; inside the provider’s region' })
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field(() => ID, { nullable: true })
  stationId?: string;

  @OptionalText(128, { defaultValue: '' })
  schedule?: string;

  @OptionalInt(1, 100000)
  capacity?: number;

  @OptionalText(2000)
  description?: string;
}

@InputType()
export class UpdateServiceInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 128)
  name?: string;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @OptionalText(128)
  schedule?: string;

  @OptionalInt(1, 100000)
  capacity?: number;

  @OptionalText(2000)
  description?: string;
}
