/**
 * Messages the bot is still handling (the gate, then every feature plugin's listener). Lets a caller wait until the
 * bot has finished with every message it received, so that any reply they caused is already queued.
 */
export class Handling {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  track(work: Promise<void>): void {
    this.inFlight += 1;
    void work.finally(() => {
      this.inFlight -= 1;
      this.wake();
    });
  }

  /** Resolves once no message is being handled. */
  async settled(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
