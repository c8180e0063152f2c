import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import { PageArgs } from '../../graphql/pagination';
import { LinkageCase, LinkageContribution } from './linkage-case.entity';
import { NeedFilter } from './linkage.inputs';
import { caseByNeed, contributionsByCase, needById } from './linkage.loaders';
import { getNeed, getNeedByNumber, listNeeds } from './linkage.service';
import { Need, NeedConnection } from './need.entity';
import { LinkageRegion } from './region.extension';

@Resolver(() => Need)
export class NeedResolver {
  @Query(() => Need, { nullable: true })
  need(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getNeed(context, id);
  }

  @Query(() => Need, { nullable: true, description: 'a need by its public number, e.g. XQ20261126-0007' })
  needByNumber(@Arg('number') number: string, @Ctx() context: HubContext) {
    return getNeedByNumber(context, number);
  }

  @Query(() => NeedConnection)
  needs(
    @Arg('filter', () => NeedFilter, { nullable: true }) filter: NeedFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listNeeds(context, filter, page);
  }

  @FieldResolver(() => LinkageRegion)
  community(@Root() need: Need) {
    return reference(need.communityId);
  }

  @FieldResolver(() => LinkageCase, { nullable: true })
  async linkageCase(@Root() need: Need, @Ctx() context: HubContext) {
    const cases = await caseByNeed(context).load(need.id);
    return cases[0] ?? null;
  }
}

@Resolver(() => LinkageCase)
export class LinkageCaseResolver {
  @FieldResolver(() => Need)
  need(@Root() linkageCase: LinkageCase, @Ctx() context: HubContext) {
    return needById(context).load(linkageCase.needId);
  }

  @FieldResolver(() => [LinkageContribution])
  contributions(@Root() linkageCase: LinkageCase, @Ctx() context: HubContext) {
    return contributionsByCase(context).load(linkageCase.id);
  }
}
