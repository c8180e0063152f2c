import { Field, ID, InputType } from 'type-graphql';
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
