import type { Wechaty } from 'wechaty';
import type { Command } from '../commands';
import type { BotDeps } from '../context';
import { HUB_DOWN, HUB_DOWN_NOT_KEPT, lateAnswer } from '../replies';
import type { Sayable } from '../send-queue';
import { dispatch, type Asked } from './dispatch';

/** A question older than this is not answered any more: the resident has asked again, or moved on. */
export const DEFERRED_MAX_AGE_MS = 24 * 3_600_000;
/** Questions are waited on by a person, so retries stay frequent: 5 s, doubling, at most a minute apart. */
const FIRST_RETRY_MS = 5000;
const MAX_BACKOFF_MS = 60_000;

/**
 * 「我的需求 1」 means the need first in the list when it was asked; answered later, after another need was
 * registered, it must still mean that one: the place is replaced by the number it stands for now.
 */
async function pinned(deps: BotDeps, talkerId: string, command: Command): Promise<Command> {
  if ((command.kind !== 'needStatus' && command.kind !== 'rate') || !('position' in command)) return command;
  const number = (await deps.state.needsOf(talkerId))[command.position - 1]?.number;
  if (!number) return command;
  const { position: _position, ...rest } = command;
  return { ...rest, number };
}

/**
 * The hub could not answer `asked` now: keeps it in the bot's state and tells the resident it will be answered
 * (or, when they already have as many questions kept as allowed, to ask again later).
 */
export async function keepQuestion(
  deps: BotDeps,
  asked: Omit<Asked, 'command'> & { command: Command },
  reply: (text: string) => void,
): Promise<void> {
  const question = {
    talkerId: asked.talker.id,
    roomId: asked.room?.id ?? '',
    text: asked.text,
    command: await pinned(deps, asked.talker.id, asked.command),
  };
  const kept = await deps.state.deferred.keep(question, deps.clock.now());
  deps.log(
    kept
      ? `hub unreachable; "${asked.text}" from ${asked.talker.id} kept to answer later`
      : `hub unreachable; ${asked.talker.id} has too many questions kept, "${asked.text}" not kept`,
  );
  reply(kept ? HUB_DOWN : HUB_DOWN_NOT_KEPT);
}

/** Runs one after another, so a timer's round and a caller's never answer the same question twice. */
const rounds = new WeakMap<BotDeps, Promise<unknown>>();

/**
 * Answers the kept questions that are due, oldest first, in the conversation they were asked in; the first message
 * each conversation gets repeats the question, so the resident knows what is answered. Stops at the first question
 * the hub still cannot answer (it is tried again with back-off). Returns how many were answered.
 */
export function answerDeferred(deps: BotDeps, bot: Wechaty): Promise<number> {
  const round = (rounds.get(deps) ?? Promise.resolve()).catch(() => undefined).then(() => answerDue(deps, bot));
  rounds.set(deps, round);
  return round;
}

async function answerDue(deps: BotDeps, bot: Wechaty): Promise<number> {
  let answered = 0;
  for (const question of await deps.state.deferred.due(deps.clock.now())) {
    const now = deps.clock.now();
    // Another bot process sharing the state may be answering it.
    if (!(await deps.state.deferred.take(question, now))) continue;
    if (now - question.askedAt > DEFERRED_MAX_AGE_MS) {
      await deps.state.deferred.forget(question.id);
      deps.log(`deferred question #${question.id} ("${question.text}") dropped unanswered after a day`);
      continue;
    }
    const talker = await bot.Contact.find({ id: question.talkerId });
    const room = question.roomId ? await bot.Room.find({ id: question.roomId }) : undefined;
    if (!talker || (question.roomId && !room)) {
      await deps.state.deferred.forget(question.id);
      deps.log(`deferred question #${question.id} dropped: its conversation is gone`);
      continue;
    }
    const headed = new Set<string>();
    const say = (target: Sayable, line: string) => {
      deps.replies.send(target, headed.has(target.id) ? line : `${lateAnswer(question.text)}${line}`);
      headed.add(target.id);
    };
    const outcome = await dispatch(
      deps,
      { talker, room, text: question.text, command: question.command },
      { reply: (line) => say(room ?? talker, line), replyPrivately: (line) => say(talker, line) },
    );
    if (outcome === 'hubDown') {
      const delay = Math.min(MAX_BACKOFF_MS, FIRST_RETRY_MS * 2 ** question.attempts);
      await deps.state.deferred.retryLater(question.id, now + delay);
      deps.log(`hub still unreachable; ${await deps.state.deferred.pending()} questions kept, next try in ${delay} ms`);
      return answered;
    }
    await deps.state.deferred.forget(question.id);
    answered += 1;
  }
  return answered;
}

/**
 * Answers kept questions once the hub can be reached again, checking every `intervalMs` while the bot runs (0: never
 * by itself; whoever built the bot calls answerDeferred).
 */
export function DeferredAnswersPlugin(deps: BotDeps, intervalMs = FIRST_RETRY_MS) {
  return function DeferredAnswersPlugin(bot: Wechaty) {
    let timer: NodeJS.Timeout | undefined;
    bot.on('login', () => {
      if (intervalMs <= 0) return;
      timer ??= setInterval(
        () =>
          void answerDeferred(deps, bot).catch((e: unknown) => deps.log(`deferred answers: ${(e as Error).message}`)),
        intervalMs,
      );
    });
    bot.on('stop', () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    });
  };
}
