import { Field, ID, InputType } from 'type-graphql';
import { OrderInput } from '../../graphql/pagination';
import { RegionLevel } from './region.entity';

@InputType()
export class RegionFilter {
  @Field(() => RegionLevel, { nullable: true })
  level?: RegionLevel;

  @Field(() => ID, { nullable: true, description: 'direct children of this region' })
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'anywhere in the subtree of this region' })
  withinId?: string;

  @Field({ nullable: true, description: 'part of the name' })
  search?: string;
}

export const RegionOrder = OrderInput('RegionOrder', { ID: 'id', NAME: 'name' });
export type RegionOrder = InstanceType<typeof RegionOrder>;
