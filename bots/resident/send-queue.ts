import type { SendLimits } from './config';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/**
 * When the next message may leave, so the account is never sent too fast: at most one per room per interval,
 * at most N per account per minute, plus jitter, and nothing during a back-off. Pure timing, no sleeping.
 */
export class SendThrottle {
  private readonly lastByRoom = new Map<string, number>();
  private recent: number[] = [];
  private pausedUntil = 0;

  constructor(
    private readonly limits: SendLimits,
    private readonly random: () => number = Math.random,
  ) {}

  /** Reserves a slot for `key` (a room or contact id) no earlier than `now`; returns its time. */
  reserve(key: string, now: number): number {
    this.recent = this.recent.filter((t) => t > now - 60_000);
    let at = Math.max(now, this.pausedUntil, (this.lastByRoom.get(key) ?? -Infinity) + this.limits.perRoomIntervalMs);
    const windowed = [...this.recent].sort((a, b) => a - b);
    while (windowed.filter((t) => t > at - 60_000).length >= this.limits.perAccountPerMinute) {
      at = windowed.filter((t) => t > at - 60_000)[0] + 60_000;
    }
    at += Math.floor(this.random() * this.limits.jitterMs);
    this.lastByRoom.set(key, at);
    this.recent.push(at);
    return at;
  }

  /** WeChat said 操作过于频繁: send nothing until `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

export interface Sayable {
  id: string;
  say(text: string): Promise<unknown>;
}

/** Told when a message has left (said) or will never leave (WeChat refused it), for senders that keep a record. */

interface Outgoing {
  target: Sayable;
  text: string;
  queuedAt: number;
  /** Told once the message left (true) or was dropped (false). */
  done?: (sent: boolean) => void;
  /** Asked right before the message is said: false withdraws it (another bot process has taken it over). */
  stillOurs?: () => Promise<boolean>;
}

const TOO_FREQUENT = /操作过于频繁|too frequent/i;

/**
 * What every send queue of this process has done and holds, read by the bot's /metrics (metrics.ts): plain numbers
 * kept as messages move, so sending pays nothing for them.
 */
export const sendStats = { queued: 0, sent: 0, dropped: 0, pauses: 0, pausedUntil: 0 };

/** The one outgoing queue: every reply goes through it, one at a time, paced by the throttle. */
export class SendQueue {
  private readonly items: Outgoing[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly throttle: SendThrottle,
    private readonly limits: SendLimits,
    private readonly clock: Clock = systemClock,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  send(target: Sayable, text: string, done?: (sent: boolean) => void, stillOurs?: () => Promise<boolean>): void {
    const queuedAt = this.clock.now();
    this.items.push({ target, text, queuedAt, done, stillOurs });
    sendStats.queued += 1;
    this.kick();
  }

  /**
   * Starts draining unless a drain runs. A message queued just as a drain ended (its loop done, its `finally` not
   * yet run) would otherwise wait for the next message: the ending drain starts another when items are left.
   */
  private kick(): void {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.items.length) this.kick();
    });
  }

  /**
   * Like `send`, for messages kept durably by the caller: resolves true once WeChat took the message, false when it
   * was dropped (or withdrawn by `stillOurs`), so the caller marks it done only when it really left.
   */
  sendConfirmed(target: Sayable, text: string, stillOurs?: () => Promise<boolean>): Promise<boolean> {
    return new Promise((resolve) => this.send(target, text, resolve, stillOurs));
  }

  /** A reply is queued (kept in this process) the moment it is given. */
  async kept(): Promise<void> {}

  /** Resolves when everything queued so far has been sent. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  get length(): number {
    return this.items.length;
  }

  /** A sender's record-keeping failing (e.g. its state closed at shutdown) must not disturb the queue. */
  private tell(done: ((sent: boolean) => void) | undefined, sent: boolean): void {
    try {
      done?.(sent);
    } catch (error) {
      this.log(`after sending: ${(error as Error)?.message ?? error}`);
    }
  }

  private async drain(): Promise<void> {
    while (this.items.length) {
      const item = this.items[0];
      const at = this.throttle.reserve(item.target.id, this.clock.now());
      const wait = at - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      if (item.stillOurs && !(await item.stillOurs().catch(() => false))) {
        this.items.shift();
        sendStats.queued -= 1;
        this.tell(item.done, false);
        continue;
      }
      try {
        await item.target.say(item.text);
        this.items.shift();
        sendStats.queued -= 1;
        sendStats.sent += 1;
        this.tell(item.done, true);
      } catch (error) {
        if (TOO_FREQUENT.test(String((error as Error)?.message ?? error))) {
          this.log(`WeChat asks to slow down; pausing ${this.limits.backoffMs} ms`);
          this.throttle.pause(this.clock.now() + this.limits.backoffMs);
          sendStats.pauses += 1;
          sendStats.pausedUntil = Math.max(sendStats.pausedUntil, this.clock.now() + this.limits.backoffMs);
        } else {
          this.log(`send failed, dropped: ${(error as Error)?.message ?? error}`);
          this.items.shift();
          sendStats.queued -= 1;
          sendStats.dropped += 1;
          this.tell(item.done, false);
        }
      }
    }
  }
}
