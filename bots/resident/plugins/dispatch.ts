import type { Contact, Message, Room } from 'wechaty';
import type { Command } from '../commands';
import type { BotDeps, ResidentMessage } from '../context';
import { HubUnavailableError } from '../hub-client';
import { NOT_BOUND } from '../replies';
import type { RoomBinding } from '../state';
import { bindRoom, findCommunity } from './bind-room';

/** A resident's message as the feature plugins need it: who, where, what. */
export interface Asked {
  talker: Contact;
  room?: Room;
  text: string;
  command?: Command;
  /** The WeChat message, when there is one (a question answered late has none). */
  message?: Message;
}

export interface Replies {
  reply(text: string): void;
  replyPrivately(text: string): void;
}

/** Answered (or refused, or left alone on purpose), or not answerable now because the hub could not be reached. */
export type Outcome = 'answered' | 'hubDown';

/** A room whose topic names its community (e.g. 葫田社区居民群) binds itself on its first command. */
async function bindFromTopic(deps: BotDeps, roomId: string, topic: string): Promise<RoomBinding | undefined> {
  const name = topic.match(/([\u4e00-\u9fa5]{1,12}(?:社区|村))/)?.[1];
  // An unreachable hub is told apart from a community it does not know: the resident hears the right reason.
  const lookup = name
    ? await findCommunity(deps, name).catch((error: unknown) => {
        if (error instanceof HubUnavailableError) throw error;
        return undefined;
      })
    : undefined;
  const match = lookup?.match;
  return match && match.name === name ? await bindRoom(deps, roomId, match) : undefined;
}

/**
 * Hands a message to every feature plugin listening for commands (or, with `dialog`, for dialog turns) and waits for
 * all of them. A plugin that could not reach the hub lets HubUnavailableError out, and one that needs the room's
 * community while the hub could not say which it is asks replyNotBound: both make the outcome 'hubDown', with
 * nothing said, so the caller decides what the resident hears (kept for later, or tried again later).
 */
export async function dispatch(deps: BotDeps, asked: Asked, replies: Replies, dialog = false): Promise<Outcome> {
  let bindingUnknown = false;
  const binding = asked.room
    ? ((await deps.state.roomBinding(asked.room.id)) ??
      (await bindFromTopic(deps, asked.room.id, await asked.room.topic()).catch((error: unknown) => {
        if (!(error instanceof HubUnavailableError)) throw error;
        bindingUnknown = true;
        return undefined;
      })))
    : undefined;
  let hubDown = false;
  const event: ResidentMessage = {
    ...asked,
    binding,
    reply: replies.reply,
    replyPrivately: replies.replyPrivately,
    replyNotBound: () => {
      if (bindingUnknown) hubDown = true;
      else replies.reply(NOT_BOUND);
    },
  };
  // Every listener's work belongs to this message's handling, so the bot is settled only when all are done. A
  // listener that fails has answered the resident itself if it could; its error is logged and the others go on.
  const listeners = deps.events.listeners(dialog ? 'dialog' : 'command');
  const results = await Promise.allSettled(listeners.map(async (listener) => listener(event)));
  for (const result of results) {
    if (result.status !== 'rejected') continue;
    if (result.reason instanceof HubUnavailableError) hubDown = true;
    else deps.log(`message failed: ${(result.reason as Error)?.stack ?? result.reason}`);
  }
  return hubDown ? 'hubDown' : 'answered';
}
