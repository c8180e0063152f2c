import { createHash } from 'node:crypto';
import { types, type Message, type Wechaty } from 'wechaty';
import { parseCommand } from '../commands';
import type { BotDeps } from '../context';
import { didYouMean, HELP, REPEATED, SEND_TEXT, THANKS, YOU_ARE_WELCOME } from '../replies';
import { isSpam, FloodGuard } from '../spam';
import { closestCommand } from '../suggest';
import { normalize } from '../text';
import { keepQuestion } from './deferred-answers';
import { dispatch } from './dispatch';
import { tellStaff } from './notifications';

export interface GateConfig {
  /** Messages older than this are history replayed after a restart, not requests. */
  maxAgeSeconds: number;
  /** The same text from the same person within this window is one request. */
  replayWindowMs: number;
  /** More group messages than this from one member within floodWindowMs is flooding. */
  floodLimit: number;
  floodWindowMs: number;
}

export const DEFAULT_GATE_CONFIG: GateConfig = {
  maxAgeSeconds: 60,
  replayWindowMs: 60_000,
  floodLimit: 6,
  floodWindowMs: 10_000,
};

/**
 * What every copy of a group message has alike, whichever account received it: each account in a group gets its
 * own copy of a member's message, and what the copies share is the room, the sender, WeChat's timestamp (seconds)
 * and the content. Hashed, so no text is kept.
 */
export function groupMessageKey(message: Message): string {
  const seconds = Math.floor(message.date().getTime() / 1000);
  return createHash('sha256')
    .update(JSON.stringify([message.room()?.id, message.talker().id, seconds, message.type(), message.text()]))
    .digest('hex');
}

/**
 * The n-th message with one group key this process has received (two alike messages in one second are two
 * requests): every process receiving both counts them alike, so the pair (key, n) names the same message in each.
 * Forgets keys after two minutes; older messages are stale anyway.
 */
export class Occurrences {
  private readonly seen = new Map<string, { count: number; at: number }>();

  next(key: string, now: number): number {
    for (const [k, v] of this.seen) if (now - v.at > 120_000) this.seen.delete(k);
    const count = (this.seen.get(key)?.count ?? 0) + 1;
    this.seen.set(key, { count, at: now });
    return count;
  }
}

/** What elderly residents often send instead of typing; each is asked, politely, for text. */
const SPOKEN_OR_PICTURED = [types.Message.Audio, types.Message.Image, types.Message.Emoticon];

/**
 * Every message passes here first: the bot's own, other bots', stale, duplicate, spam and flooding messages stop
 * here; voice and pictures sent privately, repeats and text that is no command get their answer here; the rest are
 * normalized and handed to the feature plugins as commands or dialog turns, and a command the hub could not answer
 * is kept to be answered later.
 */
export function GatePlugin(deps: BotDeps, config: Partial<GateConfig> = {}) {
  const settings = { ...DEFAULT_GATE_CONFIG, ...config };
  const flood = new FloodGuard(settings.floodLimit, settings.floodWindowMs);
  const occurrences = new Occurrences();

  /** False for a copy this account received before (a replay after a reconnect). */
  async function firstCopy(message: Message, now: number): Promise<boolean> {
    const account = message.wechaty.isLoggedIn ? message.wechaty.currentUser.id : '';
    return deps.state.firstSight(`id:${account}:${message.id}`, now);
  }

  /**
   * Of the copies of a group message the accounts in the group received, the first process to record the message's
   * name in the shared state handles it; the others leave it. Claimed only once the message is known to be for
   * this account (a command, or an @-mention of it): a process for which it is not must not take it from the one
   * it was meant for.
   */
  async function claimGroupMessage(message: Message, now: number): Promise<boolean> {
    const key = groupMessageKey(message);
    // Counted on WeChat's time, which every copy shares, not on this process's clock.
    return deps.state.firstSight(`room:${key}:${occurrences.next(key, message.date().getTime())}`, now);
  }

  async function onMessage(message: Message) {
    if (message.self()) return;
    if (message.age() > settings.maxAgeSeconds) return;
    const talker = message.talker();
    if (talker.type() !== types.Contact.Individual) return;
    const now = deps.clock.now();
    if (!(await firstCopy(message, now))) return;
    const room = message.room();
    if (message.type() !== types.Message.Text) {
      // In a group, voice and pictures are the members talking to each other; in private they are meant for us.
      if (!room && SPOKEN_OR_PICTURED.includes(message.type())) deps.replies.send(talker, SEND_TEXT);
      return;
    }
    const raw = message.text();
    // Flooding is a group problem; a resident answering the dialog quickly in private is not one.
    if (isSpam(raw) || (room && flood.isFlooding(talker.id, now))) {
      deps.log(`ignored spam or flooding from ${talker.id}`);
      if (room && (await deps.state.reportSpammer(talker.id, now))) {
        await tellStaff(
          deps,
          message.wechaty,
          `提醒:${talker.name()} 在「${await room.topic()}」发送广告或刷屏,消息已忽略。`,
        );
      }
      return;
    }
    const text = normalize(raw);
    if (!text) return;
    const command = parseCommand(text);
    const dialogOpen = !room && (await deps.state.dialog(talker.id)) !== undefined;
    // In a group, a message is for the bot when it is a command or @-mentions the bot; other chatter is not.
    if (!command && !dialogOpen && room && !(await message.mentionSelf())) return;
    if (room && !(await claimGroupMessage(message, now))) return;
    const reply = (line: string) => deps.replies.send(room ?? talker, line);
    // The same text twice within the window is one request (one need, one answer); the repeat hears, at most once
    // per window, that it was answered. Dialog turns are not requests: "1" may rightly answer two questions in a
    // row; nor is 更多, which asks for the next page each time.
    const repeatable = dialogOpen || command?.kind === 'more';
    if (!repeatable && (await deps.state.repeatedWithin(talker.id, text, now, settings.replayWindowMs))) {
      if (await deps.state.mayNoticeRepeat(talker.id, now, settings.replayWindowMs)) reply(REPEATED);
      else deps.log(`repeat from ${talker.id} not answered again`);
      return;
    }
    if (!command && !dialogOpen) {
      if (THANKS.test(text)) return reply(YOU_ARE_WELCOME);
      const example = closestCommand(text);
      return reply(example ? didYouMean(example) : HELP);
    }
    const replies = { reply, replyPrivately: (line: string) => deps.replies.send(talker, line) };
    const asked = { message, text, command, talker, room: room ?? undefined };
    const outcome = await dispatch(deps, asked, replies, dialogOpen);
    // A question the hub could not answer now is kept and answered when it can; a dialog turn keeps its own way.
    if (outcome === 'hubDown' && !dialogOpen && command) await keepQuestion(deps, { ...asked, command }, reply);
  }

  return function GatePlugin(bot: Wechaty) {
    bot.on('message', (message) => {
      // The bot's own messages come back here too; they are not messages it received.
      if (message.self()) return;
      deps.handling.track(
        onMessage(message).catch((error: unknown) => deps.log(`message failed: ${(error as Error)?.stack ?? error}`)),
      );
    });
  };
}
