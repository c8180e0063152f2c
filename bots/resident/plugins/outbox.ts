import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import type { SubmitNeedInput } from '../generated/operations';
import { HubUnavailableError } from '../hub-client';
import { announceNeed } from './register-need';

const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Delivers queued needs whose time has come; returns how many were delivered. Each is taken with a lease first, so
 * of several bot processes sharing the state one submits it; if that one dies before it is marked delivered, another
 * takes it once the lease is over (a process killed between the hub's answer and the mark may leave it submitted
 * twice: the window is one database write).
 */
export async function deliverOutbox(deps: BotDeps, bot: Wechaty): Promise<number> {
  let delivered = 0;
  for (const item of await deps.state.dueOutbox(deps.clock.now())) {
    if (!(await deps.state.takeOutbox(item, deps.clock.now()))) continue;
    try {
      // Needs queued before the bot sent reporter references get the resident's now.
      const input = { reporterRef: deps.reporterRef(item.residentId), ...item.payload } as unknown as SubmitNeedInput;
      const { submitNeed } = await deps.hub.request('SubmitNeed', { input });
      await deps.state.outboxDelivered(item.id, submitNeed.number);
      delivered += 1;
      await announceNeed(deps, bot, submitNeed.number, submitNeed.status, item.residentId, item.roomId);
      const resident = await bot.Contact.find({ id: item.residentId });
      if (resident) {
        deps.replies.send(
          resident,
          `您暂存的需求 #${item.id} 已提交,编号 ${submitNeed.number}。需求编号在下一条,长按可复制:`,
        );
        deps.replies.send(resident, submitNeed.number);
      }
    } catch (error) {
      if (error instanceof HubUnavailableError) {
        const delay = Math.min(MAX_BACKOFF_MS, 5000 * 2 ** item.attempts);
        await deps.state.outboxRetryLater(item.id, deps.clock.now() + delay);
        return delivered;
      }
      // The hub refused it (e.g. bad input): keep the record, tell the resident, stop retrying.
      await deps.state.outboxDelivered(item.id, `REFUSED:${(error as Error).message}`.slice(0, 200));
      deps.log(`outbox #${item.id} refused by the hub: ${(error as Error).message}`);
    }
  }
  return delivered;
}

/** Never lose a need: retries the outbox with back-off while the bot runs. */
export function OutboxPlugin(deps: BotDeps, intervalMs = 5000) {
  return function OutboxPlugin(bot: Wechaty) {
    let timer: NodeJS.Timeout | undefined;
    bot.on('login', () => {
      if (intervalMs <= 0) return;
      timer ??= setInterval(
        () => void deliverOutbox(deps, bot).catch((e: unknown) => deps.log(`outbox: ${(e as Error).message}`)),
        intervalMs,
      );
    });
    bot.on('stop', () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    });
  };
}
