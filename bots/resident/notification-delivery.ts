import type { Wechaty } from 'wechaty';
import type { BotDeps } from './context';
import type { Notification } from './state';

/** A notification that keeps failing to send (its conversation gone, WeChat refusing) this long is given up, logged. */
const GIVE_UP_AFTER_MS = 24 * 3_600_000;

const conversationOf = (n: Notification) => `${n.targetKind}:${n.targetId}`;

/**
 * Sends the notifications kept in the bot's state, in order per conversation: one at a time for each, the next only
 * once WeChat took the one before, and each marked sent only then. What was not sent when the bot stopped is sent
 * after it starts again (at least once: a message that left just as the bot died may come twice, never not at all).
 */
export class NotificationDelivery {
  private readonly serving = new Map<string, Promise<void>>();
  /** Asked to deliver while a conversation was being served: look again once it is done, so nothing new waits. */
  private again = false;
  private stopped = false;

  constructor(
    private readonly deps: BotDeps,
    private readonly bot: Wechaty,
  ) {}

  /** Starts on every conversation that is owed something and not being served; resolves when those are done. */
  async deliver(): Promise<void> {
    if (this.stopped) return;
    const owed = await this.deps.state.nextNotifications();
    if (owed.some((n) => this.serving.has(conversationOf(n))) || this.serving.size) this.again = true;
    const started = owed.filter((n) => !this.serving.has(conversationOf(n))).map((n) => this.serve(n));
    await Promise.all(started);
  }

  /** Resolves when nothing is being sent. */
  async idle(): Promise<void> {
    while (this.serving.size) await Promise.all(this.serving.values());
  }

  /** The bot stops (and closes its state): nothing more is started or marked. */
  stop(): void {
    this.stopped = true;
  }

  private serve(first: Notification): Promise<void> {
    const conversation = conversationOf(first);
    const work = (async () => {
      let next: Notification | undefined = first;
      while (next && !this.stopped && (await this.sendOne(next)))
        next = this.stopped ? undefined : await this.deps.state.nextNotificationFor(next.targetKind, next.targetId);
    })()
      .catch((error: unknown) => this.deps.log(`notification failed: ${(error as Error)?.message ?? error}`))
      .finally(() => {
        this.serving.delete(conversation);
        if (this.again && !this.serving.size) {
          this.again = false;
          void this.deliver().catch((error: unknown) => this.deps.log(`notifications: ${(error as Error)?.message}`));
        }
      });
    this.serving.set(conversation, work);
    return work;
  }

  /** The room or contact; a puppet that no longer knows the id may say so by failing. */
  private async find(notification: Notification) {
    const { targetKind, targetId } = notification;
    return targetKind === 'room'
      ? await this.bot.Room.find({ id: targetId })
      : await this.bot.Contact.find({ id: targetId });
  }

  /**
   * True when the notification is done with (sent, or given up), so the conversation's next may follow. It is
   * leased first and the lease renewed right before it is said: of several bot processes sharing the state, one says
   * it, and another takes it over once the lease of a dead one is over. False when another process holds it.
   */
  private async sendOne(notification: Notification): Promise<boolean> {
    const { state, clock } = this.deps;
    if (!(await state.leaseNotification(notification.id, clock.now()))) return false;
    let withdrawn = false;
    const stillOurs = async () => {
      withdrawn = !(await state.leaseNotification(notification.id, clock.now()));
      return !withdrawn;
    };
    const target = await this.find(notification).catch(() => undefined);
    const sent = target ? await this.deps.queue.sendConfirmed(target, notification.text, stillOurs) : false;
    if (this.stopped || withdrawn) return false;
    const now = this.deps.clock.now();
    if (sent) {
      await this.deps.state.notificationDone(notification.id, 'sent', now);
      return true;
    }
    if (now - (notification.failingSince ?? now) < GIVE_UP_AFTER_MS) {
      // Tried again on every poll; said once.
      if (notification.failingSince === null)
        this.deps.log(`notification #${notification.id} to ${conversationOf(notification)} not sent; trying again`);
      await this.deps.state.notificationFailed(notification.id, now);
      return false;
    }
    this.deps.log(`notification #${notification.id} to ${conversationOf(notification)} undeliverable; given up`);
    await this.deps.state.notificationDone(notification.id, 'undeliverable', now);
    return true;
  }
}
