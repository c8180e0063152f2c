import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import { HubUnavailableError } from '../hub-client';
import { hubFeedReader, readNeedFeed, type FeedReader } from '../need-feed';
import { NotificationDelivery } from '../notification-delivery';

/** Sends `text` to the staff room, if one is bound. */
export async function tellStaff(deps: BotDeps, bot: Wechaty, text: string): Promise<void> {
  const roomId = await deps.state.staffRoom();
  const room = roomId ? await bot.Room.find({ id: roomId }) : undefined;
  if (room) deps.replies.send(room, text);
}

class Stopped extends Error {}

/**
 * Tells residents every change of the needs they registered: reads the hub's need feed into durable
 * notifications (need-feed.ts) and sends them (notification-delivery.ts). Polls never overlap.
 */
export class NeedNotifier {
  /** Sends the notifications kept in the state (and, with a shared state, the replies). */
  readonly delivery: NotificationDelivery;
  private readonly read: FeedReader;
  private polling: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private hubWasDown = false;

  constructor(
    private readonly deps: BotDeps,
    bot: Wechaty,
  ) {
    this.delivery = new NotificationDelivery(deps, bot);
    const fromHub = hubFeedReader(deps);
    // A page that arrives after the bot stopped is not taken in: its state is closed, and the cursor stays.
    this.read = async (after, first) => {
      const page = await fromHub(after, first);
      if (this.stopped) throw new Stopped();
      return page;
    };
  }

  /**
   * Reads the feed once, after any read under way, and starts sending what it owes; returns how many changes it
   * read. Never fails: an unreachable hub is logged once per outage and tried again on the next poll.
   */
  poll(): Promise<number> {
    const run = this.polling.then(() => this.pollOnce());
    this.polling = run;
    return run;
  }

  /** Resolves once every poll asked for has read the feed and what they owe has been sent (or failed for now). */
  async idle(): Promise<void> {
    await this.polling;
    await this.delivery.idle();
  }

  stop(): void {
    this.stopped = true;
    this.delivery.stop();
  }

  private async pollOnce(): Promise<number> {
    if (this.stopped) return 0;
    let taken = 0;
    try {
      taken = await readNeedFeed(this.deps, this.read);
      if (this.hubWasDown) this.deps.log('need feed: the hub answers again; continuing from the cursor');
      this.hubWasDown = false;
    } catch (error) {
      if (error instanceof Stopped) return 0;
      if (!(error instanceof HubUnavailableError)) this.deps.log(`need feed: ${(error as Error)?.message ?? error}`);
      else if (!this.hubWasDown) this.deps.log(`need feed: ${error.message}; the cursor waits`);
      this.hubWasDown = error instanceof HubUnavailableError;
    }
    // Owed notifications are sent whether or not the hub answered this time.
    void this.delivery
      .deliver()
      .catch((error: unknown) => this.deps.log(`notifications: ${(error as Error)?.message ?? error}`));
    return taken;
  }
}

/**
 * 绑定工作群 makes a room the staff room. Once logged in, the need feed is read every BOT_FEED_INTERVAL_MS (the
 * first time at once) for as long as the bot runs.
 */
export function NotificationsPlugin(deps: BotDeps, notifier: NeedNotifier) {
  return function NotificationsPlugin(bot: Wechaty) {
    deps.events.on('command', async (event) => {
      if (event.command?.kind !== 'bindStaffRoom' || !event.room) return;
      await deps.state.setStaffRoom(event.room.id, deps.clock.now());
      event.reply('本群已设为工作群:新需求和刷屏提醒会发到这里。');
    });
    let running = false;
    let timer: NodeJS.Timeout | undefined;
    const loop = () =>
      void notifier.poll().then(() => {
        if (running) timer = setTimeout(loop, deps.config.feedIntervalMs);
      });
    bot.on('login', () => {
      if (running) return;
      running = true;
      loop();
    });
    bot.on('stop', () => {
      running = false;
      if (timer) clearTimeout(timer);
      notifier.stop();
    });
  };
}
