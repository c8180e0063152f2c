import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OptionalInt, OptionalText } from '../../graphql/inputs';
import { ContactDetailsInput } from '../../graphql/contact';
import { OrderInput } from '../../graphql/pagination';
import { StationKind } from './station.entity';

@InputType()
export class ServiceStationFilter {
  @Field(() => StationKind, { nullable: true })
  kind?: StationKind;

  @Field(() => ID, { nullable: true, description: 'stations anywhere in this region' })
  regionId?: string;

  @Field({ nullable: true, description: 'words in the name, address or description' })
  search?: string;
}

export const ServiceStationOrder = OrderInput('ServiceStationOrder', { ID: 'id', NAME: 'name' });
export type ServiceStationOrder = InstanceType<typeof ServiceStationOrder>;

/** What staff correct on a station: where residents find it and its public line. */
@InputType()
export class UpdateServiceStationInput extends ContactDetailsInput {}

/** A new station: its kind and place, and how residents find it. */
@InputType()
export class RegisterServiceStationInput extends ContactDetailsInput {
  @Field()
  @Length(2, 128)
  name!: string;

  @Field(() => StationKind, {
    description:
      'a network station at its own level: INCUBATION_CENTER a county, SOCIAL_WORK_STATION a township, SOCIAL_WORK_ROOM a community',
  })
  kind!: StationKind;

  @Field(() => ID)
  @Matches(/^\d{12}$/)
  regionId!: string;

  @OptionalText(2000)
  description?: string;

  @OptionalInt(1949, 2100)
  openedYear?: number;
}
