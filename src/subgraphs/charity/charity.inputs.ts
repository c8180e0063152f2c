import { Field, ID, InputType } from 'type-graphql';
import { ServiceCategory } from '../../graphql/service-category';
import { CharityResourceKind } from './charity.entity';

@InputType()
export class CharityResourceFilter {
  @Field(() => CharityResourceKind, { nullable: true })
  kind?: CharityResourceKind;

  @Field(() => ID, { nullable: true, description: 'resources anywhere in this region' })
  regionId?: string;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field({ nullable: true, description: 'words in the name, donor or description' })
  search?: string;
}
