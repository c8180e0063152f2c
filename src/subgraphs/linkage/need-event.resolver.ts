import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { reference } from '../../federation/references';
import type { HubContext } from '../../graphql/context';
import { Society } from './linkage-case.entity';
import { AssignNeedInput } from './linkage.inputs';
import { needById } from './linkage.loaders';
import {
  AccountProfileReference,
  OrganizationReference,
  SocialWorkerReference,
  StationReference,
  VolunteerTeamReference,
} from './linkage.references';
import { Need } from './need.entity';
import { ACCOUNT_HANDLER, NeedEvent, NeedEventConnection, type HandlerKind } from './need-event.entity';
import { assignNeed, eventActor, eventHandlerId, needEventFeed } from './need-event.service';

/** The handler of an assignment as a reference of `kind`'s entity; null for other kinds and for status events. */
const handlerOf = (event: NeedEvent, kind: HandlerKind) =>
  event.handlerKind === kind ? reference(event.handlerReferenceId) : null;

@Resolver(() => NeedEvent)
export class NeedEventResolver {
  @Query(() => NeedEventConnection, {
    description:
      'need events in feed order after the cursor `after` (an event seq; endCursor of the last page): STAFF of the region, ADMIN, and the BOT for the needs it registered',
  })
  needEvents(
    @Ctx() context: HubContext,
    @Arg('after', () => ID, { nullable: true, description: 'seq of the last event already seen' })
    after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'page size, at most 100 (default 20)' })
    first?: number | null,
  ) {
    return needEventFeed(context, after, first);
  }

  @Mutation(() => Need, {
    description:
      '指派: who will take the need and when they come (STAFF of the region; ACCEPTED, MATCHED or IN_SERVICE)',
  })
  assignNeed(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AssignNeedInput) input: AssignNeedInput,
    @Ctx() context: HubContext,
  ) {
    return assignNeed(context, id, input);
  }

  @FieldResolver(() => Need)
  need(@Root() event: NeedEvent, @Ctx() context: HubContext) {
    return needById(context).load(event.needId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "who made the change: the token's subject (an operator, an organisation account, the bot); staff of the need's region and ADMIN only",
  })
  actor(@Root() event: NeedEvent, @Ctx() context: HubContext) {
    return eventActor(context, event);
  }

  @FieldResolver(() => Society, {
    nullable: true,
    description: 'assignments: the society of the handler; null when a STAFF account handles the need',
  })
  handlerSociety(@Root() event: NeedEvent) {
    return event.handlerKind === ACCOUNT_HANDLER ? null : event.handlerKind;
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'assignments: id of the handler, of its society (or of the account, to whom may see `handlerAccount`)',
  })
  handlerId(@Root() event: NeedEvent, @Ctx() context: HubContext) {
    return eventHandlerId(context, event);
  }

  @FieldResolver(() => StationReference, { nullable: true, description: 'a service station assigned (COMMUNITY)' })
  handlerStation(@Root() event: NeedEvent) {
    return handlerOf(event, Society.COMMUNITY);
  }

  @FieldResolver(() => OrganizationReference, { nullable: true, description: 'a social organisation assigned' })
  handlerOrganization(@Root() event: NeedEvent) {
    return handlerOf(event, Society.ORGANIZATION);
  }

  @FieldResolver(() => SocialWorkerReference, { nullable: true, description: 'a social worker assigned' })
  handlerSocialWorker(@Root() event: NeedEvent) {
    return handlerOf(event, Society.SOCIAL_WORKER);
  }

  @FieldResolver(() => VolunteerTeamReference, { nullable: true, description: 'a volunteer team assigned (VOLUNTEER)' })
  handlerVolunteerTeam(@Root() event: NeedEvent) {
    return handlerOf(event, Society.VOLUNTEER);
  }

  @FieldResolver(() => AccountProfileReference, {
    nullable: true,
    description:
      'a STAFF account assigned: shown to ADMIN and to staff whose region contains the account’s or lies in it',
  })
  handlerAccount(@Root() event: NeedEvent) {
    return handlerOf(event, ACCOUNT_HANDLER);
  }
}
