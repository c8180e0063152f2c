/**
 * Messages the bot has received and is still handling (the gate, then every feature plugin's listener). Lets a
 * caller wait until the bot has looked at a number of messages and finished with all of them, so that any reply
 * they caused is already queued.
 */
export class Handling {
  /** Messages received so far (from others: the bot's own come back too, and are not counted). */
  received = 0;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  track(work: Promise<void>): void {
    this.received += 1;
    this.inFlight += 1;
    void work.finally(() => {
      this.inFlight -= 1;
      this.wake();
    });
  }

  /** Resolves once at least `received` messages have arrived and none is being handled. */
  async settled(received = 0): Promise<void> {
    while (this.inFlight > 0 || this.received < received)
      await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
