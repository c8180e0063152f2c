import { Field, ID, InputType } from 'type-graphql';
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
