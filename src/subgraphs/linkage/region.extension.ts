import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { ServiceCategory } from '../../graphql/service-category';
import { LinkageIndex, LinkageResourceListEntry, NeedListEntry, ProjectListEntry, UnmetCategory } from './lists.entity';
import { linkageIndexOf, needListOf, projectListOf, rankUnmet } from './lists.service';
import type { HubContext } from '../../graphql/context';
import { PageArgs } from '../../graphql/pagination';
import { tallyFigure } from '../../graphql/loaders';
import { NEED_REGION_FIGURES } from './need.figures';
import { regionNeeds } from './need.service';
import { NeedConnection, NeedStats } from './need.entity';
import { NeedMonth, needTrendOf, requireTrendMonths } from './need-trend';

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
    return regionNeeds(context, region.id, page);
  }

  @FieldResolver(() => [NeedListEntry], { description: '需求清单: needs by category over the subtree' })
  needList(@Root() region: LinkageRegion, @Ctx() context: HubContext) {
    return needListOf(context).load(region.id);
  }

  @FieldResolver(() => [LinkageResourceListEntry], {
    description: '资源清单: one row per category; each society adds its column',
  })
  resourceList(@Root() region: LinkageRegion) {
    return Object.values(ServiceCategory).map((category) => ({ regionId: region.id, category }));
  }

  @FieldResolver(() => [ProjectListEntry], { description: '项目清单: projects by round and status' })
  projectList(@Root() region: LinkageRegion, @Ctx() context: HubContext) {
    return projectListOf(context).load(region.id);
  }

  @FieldResolver(() => [UnmetCategory], { description: 'categories ranked for the next project round' })
  async unmetNeedCategories(@Root() region: LinkageRegion, @Ctx() context: HubContext) {
    return rankUnmet(await needListOf(context).load(region.id));
  }

  @FieldResolver(() => LinkageIndex)
  linkageIndex(@Root() region: LinkageRegion, @Ctx() context: HubContext) {
    return linkageIndexOf(context).load(region.id);
  }

  @FieldResolver(() => [NeedMonth], {
    description:
      'needs submitted and resolved per calendar month (China time) over the subtree, oldest first, up to this month',
  })
  needTrend(
    @Root() region: LinkageRegion,
    @Ctx() context: HubContext,
    @Arg('months', () => Int, { defaultValue: 12, description: '1 to 36' }) months: number,
  ) {
    requireTrendMonths(months);
    return needTrendOf(context, months).load(region.id);
  }

  @FieldResolver(() => NeedStats)
  async needStats(@Root() region: LinkageRegion, @Ctx() context: HubContext): Promise<NeedStats> {
    const [total, open, resolved, rejected] = await Promise.all(
      (['total', 'open', 'resolved', 'rejected'] as const).map((figure) =>
        tallyFigure(context, NEED_REGION_FIGURES, figure, region.id),
      ),
    );
    return { total, open, resolved, rejected };
  }
}
