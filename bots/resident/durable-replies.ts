import type { Clock, Sayable } from './send-queue';
import type { BotState } from './state';

/** Where the bot's replies go: straight to the send queue, or first into the shared state (DurableReplies). */
export interface Replies {
  send(target: Sayable, text: string): void;
  /** Resolves once every reply given so far has been handed on (and, when kept, sent or failed for now). */
  idle(): Promise<void>;
  /** Resolves once every reply given so far is kept: written to the shared state, or queued in this process. */
  kept(): Promise<void>;
}

/** A Wechaty Room has a topic; a Contact does not. */
const isRoom = (target: Sayable): boolean => typeof (target as { topic?: unknown }).topic === 'function';

/**
 * Replies of bot processes that share their state (BOT_STATE_URL): each reply is written to the state's
 * notifications, in the order given, and sent from there like a need notification — leased by one process, said
 * once WeChat takes it, marked sent only then. A process killed with replies still waiting in its send pacing
 * loses none: once their lease is over another process sends them.
 */
export class DurableReplies implements Replies {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: BotState,
    private readonly clock: Clock,
    /** Sends what was written: the notification delivery. */
    private readonly delivery: { deliver(): Promise<void>; idle(): Promise<void> },
    private readonly log: (line: string) => void,
  ) {}

  send(target: Sayable, text: string): void {
    // One write after the other, so a conversation's replies keep their order in the state.
    this.writing = this.writing
      .then(() => this.state.addNotification(isRoom(target) ? 'room' : 'contact', target.id, text, this.clock.now()))
      .then(() => void this.delivery.deliver().catch((e: unknown) => this.log(`replies: ${(e as Error)?.message}`)))
      .catch((error: unknown) => this.log(`reply not kept: ${(error as Error)?.message ?? error}`));
  }

  async kept(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.writing) {
      seen = this.writing;
      await seen;
    }
  }

  async idle(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.writing) {
      seen = this.writing;
      await seen;
      await this.delivery.deliver();
      await this.delivery.idle();
    }
  }
}
