import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';
import { ServiceCategory } from '../graphql/service-category';

export interface NeedFacts {
  id: string;
  category: ServiceCategory;
  communityId: string;
}

/**
 * The linkage subgraph's Need as a society sees it when it contributes candidates: the id plus the two facts
 * its ranking requires (`@requires(fields: "category communityId")`), fetched by the gateway from linkage.
 */
export function needStub(): ClassType<NeedFacts> {
  @ObjectType('Need')
  @Directive('@key(fields: "id")')
  class Need {
    @Field(() => ID)
    id!: string;

    @Field(() => ServiceCategory)
    @Directive('@external')
    category!: ServiceCategory;

    @Field(() => ID)
    @Directive('@external')
    communityId!: string;
  }
  return Need;
}

export const REQUIRES_NEED_FACTS = '@requires(fields: "category communityId")';

/** Loader key for a need's facts; needs with the same facts share one ranking. */
export const needFactsKey = (need: NeedFacts) => `${need.category}|${need.communityId}`;
export const parseNeedFactsKey = (key: string) => {
  const [category, communityId] = key.split('|');
  return { category: category as ServiceCategory, communityId };
};
