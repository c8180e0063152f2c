import { Args, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { PageArgs } from '../../graphql/pagination';
import { needOpen, needRejected, needResolved, needTotal } from './linkage.loaders';
import { listNeeds } from './linkage.service';
import { NeedConnection, NeedStats } from './need.entity';

@ObjectType('Region')
@Directive('@key(fields: "id")')
export class LinkageRegion {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => LinkageRegion)
export class LinkageRegionResolver {
  @FieldResolver(() => NeedConnection, { description: 'needs from anywhere in the region, newest first' })
  needs(@Root() region: LinkageRegion, @Args(() => PageArgs) page: PageArgs, @Ctx() context: HubContext) {
    return listNeeds(context, { regionId: region.id }, page);
  }

  @FieldResolver(() => NeedStats)
  async needStats(@Root() region: LinkageRegion, @Ctx() context: HubContext): Promise<NeedStats> {
    const [total, open, resolved, rejected] = await Promise.all([
      needTotal(context).load(region.id),
      needOpen(context).load(region.id),
      needResolved(context).load(region.id),
      needRejected(context).load(region.id),
    ]);
    return { total, open, resolved, rejected };
  }
}
