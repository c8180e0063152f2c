import { Field, ID, InputType } from 'type-graphql';
import { ServiceCategory } from '../../graphql/service-category';
import { NeedStatus, NeedUrgency } from './need.entity';
import { ProjectCategory, ProjectStatus } from './project.entity';

@InputType()
export class NeedFilter {
  @Field(() => NeedStatus, { nullable: true })
  status?: NeedStatus;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field(() => NeedUrgency, { nullable: true })
  urgency?: NeedUrgency;

  @Field(() => ID, { nullable: true, description: 'needs from anywhere in this region' })
  regionId?: string;

  @Field({ nullable: true, description: 'words in the description' })
  search?: string;
}

@InputType()
export class ServiceProjectFilter {
  @Field(() => ID, { nullable: true })
  roundId?: string;

  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus;

  @Field(() => ProjectCategory, { nullable: true })
  category?: ProjectCategory;

  @Field(() => ID, { nullable: true, description: 'projects anywhere in this region' })
  regionId?: string;

  @Field({ nullable: true })
  search?: string;
}
