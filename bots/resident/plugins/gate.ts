import { createHash } from 'node:crypto';
import { types, type Contact, type Message, type Room, type Wechaty } from 'wechaty';
import { parseCommand } from '../commands';
import type { BotDeps } from '../context';
import type { ClaimedMessage } from '../state';
import { didYouMean, HELP, lateAnswer, REPEATED, SEND_TEXT, THANKS, YOU_ARE_WELCOME } from '../replies';
import type { Sayable } from '../send-queue';
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

/** A text message that passed the claim: received now, or taken over from a process that died handling it. */
interface Received {
  talker: Contact;
  room?: Room;
  raw: string;
  /** Whether a group message @-mentions the bot (asked of WeChat's message, or kept with its claim). */
  mentioned: () => Promise<boolean>;
  message?: Message;
  /** Taken over: the process that claimed it already let it through the repeat and flooding checks. */
  takenOver?: boolean;
  /** How its replies are said (by default, as they are). */
  say?: (target: Sayable, line: string) => void;
}

/**
 * Every message passes here first: the bot's own, other bots', stale, duplicate, spam and flooding messages stop
 * here; voice and pictures sent privately, repeats and text that is no command get their answer here; the rest are
 * normalized and handed to the feature plugins as commands or dialog turns, and a command the hub could not answer
 * is kept to be answered later. A group message is claimed with what handling it needs, until it is handled: when
 * its process dies before, another takes it over once the claim's lease is over and handles it as if received.
 */
export function GatePlugin(deps: BotDeps, config: Partial<GateConfig> = {}) {
  const settings = { ...DEFAULT_GATE_CONFIG, ...config };
  const flood = new FloodGuard(settings.floodLimit, settings.floodWindowMs);
  const occurrences = new Occurrences();
  /** Claims this process is handling: never taken over by itself, whatever its clock says of their lease. */
  const handlingHere = new Set<string>();

  /**
   * Runs the handling of a claimed group message, keeping the claim's lease while it runs; once it has finished and
   * its replies are kept, the claim (and the text kept with it) is deleted. A process killed before leaves it.
   */
  async function whileClaimed(key: string, handle: () => Promise<void>): Promise<void> {
    const renew = setInterval(
      () => void deps.state.renewClaim(key, deps.clock.now()).catch((e: unknown) => deps.log(`claim: ${e}`)),
      Math.max(50, deps.state.leaseMs / 3),
    );
    renew.unref();
    handlingHere.add(key);
    try {
      await handle();
    } finally {
      clearInterval(renew);
      try {
        await deps.replies.kept();
        await deps.state.finishClaim(key);
      } finally {
        handlingHere.delete(key);
      }
    }
  }

  async function onMessage(message: Message) {
    if (message.self()) return;
    if (message.age() > settings.maxAgeSeconds) return;
    const talker = message.talker();
    if (talker.type() !== types.Contact.Individual) return;
    const now = deps.clock.now();
    // A copy this account received before (a replay) is not handled again.
    const account = message.wechaty.isLoggedIn ? message.wechaty.currentUser.id : '';
    if (!(await deps.state.firstSight(`id:${account}:${message.id}`, now))) return;
    const room = message.room() ?? undefined;
    const isText = message.type() === types.Message.Text;
    const received: Received = { talker, room, raw: message.text(), mentioned: () => message.mentionSelf(), message };
    if (!room) {
      if (isText) return handleText(message.wechaty, received);
      // Voice and pictures sent privately are meant for us.
      if (SPOKEN_OR_PICTURED.includes(message.type())) deps.replies.send(talker, SEND_TEXT);
      return;
    }
    // Of the copies the accounts in a group received, the first process to record the message's name in the shared
    // state handles it; the others leave it. Counted on WeChat's time, which every copy shares, not on this clock.
    const key = groupMessageKey(message);
    const claimKey = `room:${key}:${occurrences.next(key, message.date().getTime())}`;
    // Only text is handled in a group (voice and pictures are the members talking to each other): only its claim
    // keeps what handling it again needs.
    const mentioned = isText && (await message.mentionSelf());
    // A message @-mentioning others but not this account, and no command, is not for this process: claiming it
    // would take it from the bot account it mentions (whose process would then find it claimed and stay silent).
    if (isText && !mentioned && (await message.mentionList()).length > 0 && !parseCommand(normalize(received.raw)))
      return;
    const handling = isText ? { roomId: room.id, talkerId: talker.id, text: received.raw, mentioned } : undefined;
    if (!(await deps.state.claimGroupMessage(claimKey, handling, now))) return;
    if (handling) await whileClaimed(claimKey, () => handleText(message.wechaty, received));
  }

  async function handleText(bot: Wechaty, { talker, room, raw, mentioned, message, takenOver, say }: Received) {
    const now = deps.clock.now();
    const send = say ?? ((target: Sayable, line: string) => deps.replies.send(target, line));
    // Flooding is a group problem; a resident answering the dialog quickly in private is not one.
    if (isSpam(raw) || (room && !takenOver && flood.isFlooding(talker.id, now))) {
      deps.log(`ignored spam or flooding from ${talker.id}`);
      if (room && (await deps.state.reportSpammer(talker.id, now))) {
        await tellStaff(deps, bot, `提醒:${talker.name()} 在「${await room.topic()}」发送广告或刷屏,消息已忽略。`);
      }
      return;
    }
    const text = normalize(raw);
    if (!text) return;
    const command = parseCommand(text);
    const dialogOpen = !room && (await deps.state.dialog(talker.id)) !== undefined;
    // In a group, a message is for the bot when it is a command or @-mentions the bot; other chatter is not.
    if (!command && !dialogOpen && room && !(await mentioned())) return;
    const reply = (line: string) => send(room ?? talker, line);
    // The same text twice within the window is one request (one need, one answer); the repeat hears, at most once
    // per window, that it was answered. Dialog turns are not requests: "1" may rightly answer two questions in a
    // row; nor is 更多, which asks for the next page each time.
    const repeatable = dialogOpen || command?.kind === 'more' || takenOver;
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
    const replies = { reply, replyPrivately: (line: string) => send(talker, line) };
    const asked = { message, text, command, talker, room };
    const outcome = await dispatch(deps, asked, replies, dialogOpen);
    // A question the hub could not answer now is kept and answered when it can; a dialog turn keeps its own way.
    if (outcome === 'hubDown' && !dialogOpen && command) await keepQuestion(deps, { ...asked, command }, reply);
  }

  /** Handles, as if received, a claimed group message whose process died before it finished (its lease is over). */
  async function takeOver(bot: Wechaty, claim: ClaimedMessage): Promise<void> {
    if (handlingHere.has(claim.key)) return;
    const room = await bot.Room.find({ id: claim.roomId });
    const talker = await bot.Contact.find({ id: claim.talkerId });
    // An account not in that room leaves it to one that is.
    if (!room || !talker) return;
    if (!(await deps.state.takeClaim(claim, deps.clock.now()))) return;
    deps.log(`taking over a group message from ${claim.talkerId} another process did not finish handling`);
    const mentioned = async () => claim.mentioned;
    // Answered a lease late: the first line each conversation gets repeats the question, as a kept question's does.
    const headed = new Set<string>();
    const say = (target: Sayable, line: string) => {
      deps.replies.send(target, headed.has(target.id) ? line : `${lateAnswer(claim.text)}${line}`);
      headed.add(target.id);
    };
    await whileClaimed(claim.key, () =>
      handleText(bot, { talker, room, raw: claim.text, mentioned, takenOver: true, say }),
    );
  }

  /** Looks for claims whose lease is over, as often as the need feed is read (and its notifications taken over). */
  async function sweep(bot: Wechaty): Promise<void> {
    for (const claim of await deps.state.expiredClaims(deps.clock.now())) await takeOver(bot, claim);
  }

  const failed = (error: unknown) => deps.log(`message failed: ${(error as Error)?.stack ?? error}`);

  return function GatePlugin(bot: Wechaty) {
    bot.on('message', (message) => {
      // The bot's own messages come back here too; they are not messages it received.
      if (message.self()) return;
      deps.handling.track(onMessage(message).catch(failed));
    });
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    const loop = () => {
      const round = sweep(bot).catch(failed);
      deps.handling.track(round);
      void round.then(() => {
        if (running) timer = setTimeout(loop, deps.config.feedIntervalMs);
      });
    };
    bot.on('login', () => {
      if (running) return;
      running = true;
      timer = setTimeout(loop, deps.config.feedIntervalMs);
    });
    bot.on('stop', () => {
      running = false;
      if (timer) clearTimeout(timer);
    });
  };
}
