import { Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OptionalText } from '../../graphql/inputs';
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

@InputType()
export class RecordCharityResourceInput {
  @Field()
  @Length(2, 128)
  name!: string;

  @Field(() => CharityResourceKind)
  kind!: CharityResourceKind;

  @Field()
  @Length(1, 128)
  donor!: string;

  @Field(() => ID)
  @Matches(/^\d{12}$/)
  regionId!: string;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000_000)
  amount!: number;

  @Field({ description: '元, 件, 次, 小时 …' })
  @Length(1, 16)
  unit!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  receivedOn!: string;

  @OptionalText(2000)
  description?: string;
}

@InputType()
export class AllocateInput {
  @Field(() => ID)
  resourceId!: string;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000_000)
  amount!: number;

  @Field(() => ID, { nullable: true, description: 'give it to a need …' })
  needId?: string;

  @Field(() => ID, { nullable: true, description: '… or to a service project (exactly one of the two)' })
  projectId?: string;

  @Field({ defaultValue: '' })
  @MaxLength(255)
  note!: string;
}
