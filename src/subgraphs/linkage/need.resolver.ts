import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/identity';
import { actsForReporter, actsInRegion, isStaff } from '../../auth/policy';
import { recordPersonalRead } from '../../audit/audit-log';
import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import { PageArgs } from '../../graphql/pagination';
import { LinkageCase, LinkageContribution, Society } from './linkage-case.entity';
import { addContribution } from './lists.service';
import { Float } from 'type-graphql';
import { NeedFilter, SubmitNeedInput } from './linkage.inputs';
import { caseByNeed, contributionsByCase, needById, projectsCitingNeed } from './linkage.loaders';
import { ServiceProject } from './project.entity';
import { getNeed, getNeedByNumber, listNeeds, rateNeed, submitNeed, transitionNeed } from './linkage.service';
import { Need, NeedConnection, NeedStatus } from './need.entity';
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

  @Mutation(() => Need, { description: '登记需求 (BOT or STAFF of the community); returns the public number' })
  submitNeed(@Arg('input', () => SubmitNeedInput) input: SubmitNeedInput, @Ctx() context: HubContext) {
    return submitNeed(context, input);
  }

  @Mutation(() => Need, { description: '受理 SUBMITTED → ACCEPTED (STAFF of the region)' })
  acceptNeed(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return transitionNeed(context, id, NeedStatus.ACCEPTED);
  }

  @Mutation(() => Need, { description: '匹配 ACCEPTED → MATCHED; opens the linkage case' })
  matchNeed(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return transitionNeed(context, id, NeedStatus.MATCHED);
  }

  @Mutation(() => Need, { description: '开始服务 MATCHED → IN_SERVICE' })
  startNeedService(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return transitionNeed(context, id, NeedStatus.IN_SERVICE);
  }

  @Mutation(() => Need, { description: '解决 IN_SERVICE → RESOLVED' })
  resolveNeed(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return transitionNeed(context, id, NeedStatus.RESOLVED);
  }

  @Mutation(() => Need, { description: '关闭 RESOLVED → CLOSED' })
  closeNeed(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return transitionNeed(context, id, NeedStatus.CLOSED);
  }

  @Mutation(() => Need, { description: '驳回 (before service starts), with the reason the resident will see' })
  rejectNeed(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() context: HubContext) {
    return transitionNeed(context, id, NeedStatus.REJECTED, reason.trim().slice(0, 255));
  }

  @Mutation(() => Need, {
    description: "the resident's rating 1-5, once resolved (STAFF, or the BOT for the resident who registered it)",
  })
  rateNeed(
    @Arg('id', () => ID) id: string,
    @Arg('rating', () => Int) rating: number,
    @Ctx() context: HubContext,
    @Arg('reporterRef', () => String, {
      nullable: true,
      description: 'from a BOT: the reporterRef the need was registered with',
    })
    reporterRef?: string | null,
  ) {
    return rateNeed(context, id, rating, reporterRef);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'staff of the region, and the bot for the resident who registered the need (with their reporterRef); null for others',
  })
  description(
    @Root() need: Need,
    @Ctx() context: HubContext,
    @Arg('reporterRef', () => String, { nullable: true }) reporterRef?: string | null,
  ) {
    const { identity } = context;
    const allowed =
      identity.role === Role.ADMIN ||
      ((identity.role === Role.STAFF || identity.role === Role.BOT) &&
        actsInRegion(identity, need.communityId) &&
        actsForReporter(identity, need.reporterRef, reporterRef));
    if (!allowed) return null;
    recordPersonalRead(context, 'Need', need.id, 'description');
    return need.description;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'masked call-back number, e.g. 138****5678; staff of the region only',
  })
  contactPhone(@Root() need: Need, @Ctx() context: HubContext) {
    if (!isStaff(context.identity) || !actsInRegion(context.identity, need.communityId)) return null;
    if (need.contactPhoneMasked !== null) recordPersonalRead(context, 'Need', need.id, 'contactPhone');
    return need.contactPhoneMasked;
  }

  @FieldResolver(() => [ServiceProject], {
    description: 'projects that cite this need: need → project → service → feedback',
  })
  citedBy(@Root() need: Need, @Ctx() context: HubContext) {
    return projectsCitingNeed(context).load(need.id);
  }

  @FieldResolver(() => LinkageRegion, { nullable: true, description: 'null if the code is not on record' })
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
  @Mutation(() => LinkageContribution, {
    description: 'record what one society brought to the case (STAFF of the region)',
  })
  addLinkageContribution(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('society', () => Society) society: Society,
    @Arg('referenceId') referenceId: string,
    @Arg('description') description: string,
    @Ctx() context: HubContext,
    @Arg('hours', () => Float, { defaultValue: 0 }) hours: number,
  ) {
    return addContribution(context, caseId, { society, referenceId, description, hours });
  }

  @FieldResolver(() => Need)
  need(@Root() linkageCase: LinkageCase, @Ctx() context: HubContext) {
    return needById(context).load(linkageCase.needId);
  }

  @FieldResolver(() => [LinkageContribution])
  contributions(@Root() linkageCase: LinkageCase, @Ctx() context: HubContext) {
    return contributionsByCase(context).load(linkageCase.id);
  }
}
