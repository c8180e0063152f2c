import type { BotDeps } from './context';
import type { NeedEventsQuery } from './generated/operations';
import { assignmentNotice, groupStatusNotice, statusNotice } from './replies';
import type { Notification } from './state';
import { publicLine } from './text';

/** The name of the hub's need feed in the bot's cursor table. */
export const NEED_FEED = 'need-events';
const PAGE_SIZE = 100;
/** Pages read per poll at most, so a bot far behind catches up in steps and keeps delivering meanwhile. */
const MAX_PAGES_PER_POLL = 10;

/** One change of a need, as the bot needs it from the hub's feed. */
export interface NeedChange {
  number: string;
  kind: 'STATUS' | 'ASSIGNMENT';
  toStatus: string;
  reason?: string | null;
  handler?: Handler;
  appointmentAt?: Date;
}

/** Who staff assigned: a station, an organisation, a social worker or a volunteer team; a public phone only. */
export interface Handler {
  name: string;
  phone?: string | null;
}

export interface RegisteredNeed {
  residentId: string;
  roomId: string;
  lastStatus: string;
}

export type Notice = Pick<Notification, 'targetKind' | 'targetId' | 'text'>;

/** Statuses only move forward (REJECTED and CLOSED end it): a lower or equal rank is news the resident has had. */
const STATUS_RANK: Record<string, number> = {
  SUBMITTED: 0,
  ACCEPTED: 1,
  MATCHED: 2,
  IN_SERVICE: 3,
  RESOLVED: 4,
  CLOSED: 5,
  REJECTED: 5,
};

/** True when the change moves the need past the status its resident was last told. */
export const isNewStatus = (change: NeedChange, need: RegisteredNeed): boolean =>
  change.kind === 'STATUS' && (STATUS_RANK[change.toStatus] ?? 0) > (STATUS_RANK[need.lastStatus] ?? 0);

/**
 * What the bot owes for one change of a need it registered: the resident hears every change privately with its
 * details, the group it was registered from hears status changes as number and status only. A status the resident
 * already has (the submission itself, answered by the registration; or a state file that predates the feed) is
 * not repeated.
 */
export function noticesFor(change: NeedChange, need: RegisteredNeed): Notice[] {
  if (change.kind === 'ASSIGNMENT')
    return [
      {
        targetKind: 'contact',
        targetId: need.residentId,
        text: assignmentNotice(change.number, change.handler, change.appointmentAt),
      },
    ];
  if (!isNewStatus(change, need)) return [];
  const notices: Notice[] = [
    {
      targetKind: 'contact',
      targetId: need.residentId,
      text: statusNotice(change.number, change.toStatus, change.reason),
    },
  ];
  if (need.roomId)
    notices.push({
      targetKind: 'room',
      targetId: need.roomId,
      text: groupStatusNotice(change.number, change.toStatus),
    });
  return notices;
}

export interface FeedPage {
  changes: NeedChange[];
  /** Where the next page starts (the last change's position); null when the page is empty. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Reads one page of the hub's need feed after `after` (null: from its beginning). */
export type FeedReader = (after: string | null, first: number) => Promise<FeedPage>;

type FeedNode = NeedEventsQuery['needEvents']['nodes'][number];

/** The change as the bot words it: the handler is whichever society's entity staff assigned. */
export function toNeedChange(node: FeedNode): NeedChange {
  const handler =
    node.handlerSocialWorker ?? node.handlerVolunteerTeam ?? node.handlerOrganization ?? node.handlerStation;
  return {
    number: node.need.number,
    kind: node.kind,
    toStatus: node.toStatus,
    reason: node.reason,
    // Public lines only: a mobile entered as an organisation's or station's line is somebody's own phone.
    handler: handler
      ? { name: handler.name, phone: publicLine('phone' in handler ? (handler.phone as string | null) : null) }
      : undefined,
    // A DateTime scalar: an ISO string on the wire.
    appointmentAt: node.appointmentAt ? new Date(String(node.appointmentAt)) : undefined,
  };
}

/** The hub's `needEvents`, through the bot's NeedEvents document. */
export const hubFeedReader =
  (deps: BotDeps): FeedReader =>
  async (after, first) => {
    const { needEvents } = await deps.hub.request('NeedEvents', { after, first });
    return {
      changes: needEvents.nodes.map(toNeedChange),
      endCursor: needEvents.pageInfo.endCursor ?? null,
      hasNextPage: needEvents.pageInfo.hasNextPage,
    };
  };

/**
 * Takes in the hub's need feed from the bot's cursor: for each change of a need this bot registered, the
 * notifications it owes are written together with the cursor's advance in ONE transaction, so a change is either
 * owed (and will be sent, also after a restart) or still ahead of the cursor: never lost, never owed twice. The
 * cursor moves only from where this page was read, so of several bot processes sharing the state one takes each
 * page in; the others stop for this poll. Changes of other needs only move the cursor. An unreachable hub throws
 * before anything is written: the next poll continues from the same place. Returns how many changes were read.
 */
export async function readNeedFeed(deps: BotDeps, read: FeedReader): Promise<number> {
  let taken = 0;
  for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
    const from = await deps.state.feedCursor(NEED_FEED);
    const { changes, endCursor, hasNextPage } = await read(from ?? null, PAGE_SIZE);
    // A need being submitted right now may already have events while the bot does not know its number yet: read
    // this page again on the next poll rather than pass those events by as some other bot's.
    if (deps.hub.busy('SubmitNeed')) return taken;
    if (!endCursor || !changes.length) return taken;
    const owed: { notices: Notice[]; statuses: [string, string][] } = { notices: [], statuses: [] };
    // Statuses as this page leaves them: a need changing twice in one page is compared with its latest.
    const told = new Map<string, RegisteredNeed>();
    for (const change of changes) {
      const need = told.get(change.number) ?? (await deps.state.registeredNeed(change.number));
      if (!need) continue;
      owed.notices.push(...noticesFor(change, need));
      if (isNewStatus(change, need)) {
        owed.statuses.push([change.number, change.toStatus]);
        told.set(change.number, { ...need, lastStatus: change.toStatus });
      } else told.set(change.number, need);
    }
    if (!(await deps.state.takeFeedPage(NEED_FEED, from, endCursor, owed, deps.clock.now()))) return taken;
    taken += changes.length;
    if (!hasNextPage) return taken;
  }
  return taken;
}
