import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import type { NeedStatusQuery } from '../generated/operations';
import { HubUnavailableError } from '../hub-client';
import { STATUS_NAMES } from '../replies';

/** Sends `text` to the staff room, if one is bound. */
export async function tellStaff(deps: BotDeps, bot: Wechaty, text: string): Promise<void> {
  const roomId = deps.state.staffRoom();
  const room = roomId ? await bot.Room.find({ id: roomId }) : undefined;
  if (room) deps.queue.send(room, text);
}

/**
 * Tells residents when their needs move: privately with the details, in the group with the number and status
 * only. Polls the hub for the needs this bot registered; returns how many changed.
 */
export async function checkNeedUpdates(deps: BotDeps, bot: Wechaty): Promise<number> {
  let changed = 0;
  for (const need of deps.state.openNeeds()) {
    let current: NeedStatusQuery['needByNumber'];
    try {
      current = (
        await deps.hub.request('NeedStatus', { number: need.number, reporterRef: deps.reporterRef(need.residentId) })
      ).needByNumber;
    } catch (error) {
      if (error instanceof HubUnavailableError) return changed;
      continue;
    }
    if (!current || current.status === need.lastStatus) continue;
    deps.state.updateNeedStatus(need.number, current.status);
    changed += 1;
    const status = STATUS_NAMES[current.status] ?? current.status;
    const resident = await bot.Contact.find({ id: need.residentId });
    if (resident) {
      const rate = current.status === 'RESOLVED' ? `\n满意吗?回复「评价 ${need.number} 1-5」告诉我们。` : '';
      deps.queue.send(resident, `您的需求 ${need.number} 有新进展:${status}。${rate}`);
    }
    const room = need.roomId ? await bot.Room.find({ id: need.roomId }) : undefined;
    if (room) deps.queue.send(room, `需求 ${need.number}:${status}`);
  }
  return changed;
}

/** 绑定工作群 makes a room the staff room; needs are then watched while the bot runs. */
export function NotificationsPlugin(deps: BotDeps, intervalMs = 60_000) {
  return function NotificationsPlugin(bot: Wechaty) {
    deps.events.on('command', (event) => {
      if (event.command?.kind !== 'bindStaffRoom' || !event.room) return;
      deps.state.setStaffRoom(event.room.id, deps.clock.now());
      event.reply('本群已设为工作群:新需求和刷屏提醒会发到这里。');
    });
    let timer: NodeJS.Timeout | undefined;
    bot.on('login', () => {
      timer ??= setInterval(
        () =>
          void checkNeedUpdates(deps, bot).catch((e: unknown) => deps.log(`notifications: ${(e as Error).message}`)),
        intervalMs,
      );
    });
    bot.on('stop', () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    });
  };
}
