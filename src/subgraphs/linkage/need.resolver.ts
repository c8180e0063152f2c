import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { reference } from '../../federation/references';
import type { HubContext } from '../../graphql/context';
import { readClock } from '../../graphql/clock';
import { PageArgs } from '../../graphql/pagination';
import { LinkageCase } from './linkage-case.entity';
import { NeedFilter, NeedOrder, SubmitNeedInput } from './linkage.inputs';
import { caseByNeed, projectsCitingNeed } from './linkage.loaders';
import { Need, NeedConnection, NeedStatus } from './need.entity';
import {
  allowedNeedTransitions,
  getNeed,
  getNeedByNumber,
  listNeeds,
  needContactPhone,
  needDescription,
  rateNeed,
  submitNeed,
  transitionNeed,
} from './need.service';
import { NeedEvent } from './need-event.entity';
import { currentAssignment, needHistory } from './need-event.service';
import { isOverdue, needDueAt, RESPONSE_DAYS } from './need.due';
import { NeedTransition } from './need.state';
import { ServiceProject } from './project.entity';
import { LinkageRegion } from './region.extension';

const dueLimits = Object.entries(RESPONSE_DAYS)
  .map(([urgency, days]) => `${urgency} ${days} d`)
  .join(', ');

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
    @Arg('orderBy', () => NeedOrder, { nullable: true }) orderBy: NeedOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listNeeds(context, filter, orderBy, page);
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
    return needDescription(context, need, reporterRef);
  }

  @FieldResolver(() => [NeedEvent], {
    description:
      'status changes and assignments, oldest first: staff of the region, and the bot for the resident who registered the need (with their reporterRef); empty for others',
  })
  history(
    @Root() need: Need,
    @Ctx() context: HubContext,
    @Arg('reporterRef', () => String, { nullable: true }) reporterRef?: string | null,
  ) {
    return needHistory(context, need, reporterRef);
  }

  @FieldResolver(() => NeedEvent, {
    nullable: true,
    description:
      'the current handler: the latest assignment (society, handler, appointment), null before the first; who may read the history only',
  })
  assignment(
    @Root() need: Need,
    @Ctx() context: HubContext,
    @Arg('reporterRef', () => String, { nullable: true }) reporterRef?: string | null,
  ) {
    return currentAssignment(context, need, reporterRef);
  }

  @FieldResolver(() => Date, {
    description: `when the need should be answered: submittedAt plus a limit by urgency (${dueLimits})`,
  })
  dueAt(@Root() need: Need) {
    return needDueAt(need);
  }

  @FieldResolver({ description: 'still open (submitted, accepted, matched or in service) and past dueAt' })
  overdue(@Root() need: Need, @Ctx() context: HubContext): boolean {
    return isOverdue(need, readClock(context));
  }

  @FieldResolver(() => [NeedTransition], {
    description:
      'what the caller may do to the need now (workflow and policy): the buttons a client shows; empty for callers who may do nothing',
  })
  allowedTransitions(@Root() need: Need, @Ctx() context: HubContext) {
    return allowedNeedTransitions(context, need);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'masked call-back number, e.g. 138****5678; staff of the region only',
  })
  contactPhone(@Root() need: Need, @Ctx() context: HubContext) {
    return needContactPhone(context, need);
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
