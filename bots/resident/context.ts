import { EventEmitter } from 'node:events';
import type { Contact, Message, Room } from 'wechaty';
import type { Command } from './commands';
import type { Replies } from './durable-replies';
import type { BotConfig } from './config';
import type { Handling } from './handling';
import type { HubClient } from './hub-client';
import type { Clock, SendQueue } from './send-queue';
import type { BotState, RoomBinding } from './state';

/** A resident's message that passed the gate: normalized, deduplicated, not spam, not from a bot. */
export interface ResidentMessage {
  /** The WeChat message, when there is one (a question answered late, after the hub came back, has none). */
  message?: Message;
  text: string;
  command?: Command;
  talker: Contact;
  room?: Room;
  binding?: RoomBinding;
  /** Where the message came from (the room, or the private chat). */
  reply(text: string): void;
  /** Always the private chat: personal details never go to the group. */
  replyPrivately(text: string): void;
  /**
   * For a room without a binding: says it is not bound yet; when the hub could not be asked which community the
   * room is, the question is kept and answered later instead.
   */
  replyNotBound(): void;
}

export interface ResidentEvents {
  command: [ResidentMessage];
  /** Private text while a dialog is open. */
  dialog: [ResidentMessage];
}

/** What every plugin shares. */
export interface BotDeps {
  config: BotConfig;
  hub: HubClient;
  state: BotState;
  queue: SendQueue;
  /**
   * Where replies go: the send queue itself, or, when bot processes share their state (BOT_STATE_URL), the state
   * first, so a reply waiting in a killed process's pacing is sent by another.
   */
  replies: Replies;
  /** Messages being handled; with the queue, tells when the bot has answered everything it received. */
  handling: Handling;
  clock: Clock;
  events: EventEmitter<ResidentEvents>;
  log: (line: string) => void;
  /** The resident as the hub knows them: an HMAC of the chat id under the bot's own key, never the id. */
  reporterRef(contactId: string): string;
}

export function createEvents(): EventEmitter<ResidentEvents> {
  return new EventEmitter<ResidentEvents>();
}
