import { Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { socialWorkerCountBySubtree } from './social-worker.loaders';

@ObjectType('Region')
@Directive('@key(fields: "id")')
export class SocialWorkRegion {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => SocialWorkRegion)
export class SocialWorkRegionResolver {
  @FieldResolver(() => Int, { description: 'certified social workers in the subtree' })
  socialWorkerCount(@Root() region: SocialWorkRegion, @Ctx() context: HubContext) {
    return socialWorkerCountBySubtree(context, region.id);
  }
}
