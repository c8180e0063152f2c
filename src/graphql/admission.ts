import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Seconds a client is told to wait when the service is busy. */
export const BUSY_RETRY_SECONDS = 1;

/**
 * Apollo's `extensions.http` for an answer the client should retry: the status and a Retry-After header. Typed
 * loosely because graphql-yoga (in the program through the Hive Gateway test) declares these headers as a plain
 * record, while Apollo Server reads a HeaderMap.
 */
export function retryAfter(status: number, seconds: number) {
  return { status, headers: new HeaderMap([['retry-after', String(seconds)]]) as unknown as Record<string, string> };
}

export function serviceBusy(): GraphQLError {
  return new GraphQLError(
    `服务繁忙,请 ${BUSY_RETRY_SECONDS} 秒后再试 (the service is busy; retry in ${BUSY_RETRY_SECONDS} s)`,
    {
      extensions: {
        code: 'SERVICE_BUSY',
        retryAfterSeconds: BUSY_RETRY_SECONDS,
        http: retryAfter(503, BUSY_RETRY_SECONDS),
      },
    },
  );
}

/**
 * What every admission line of this process holds right now, read by /metrics (src/server/metrics.ts): estimated
 * statements admitted and in flight, and requests waiting in line. Plain numbers kept as the lines change, so a
 * request pays nothing for them.
 */
export const admissionLoad = { statementsInFlight: 0, requestsWaiting: 0 };

interface Waiter {
  weight: number;
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Admission by the database work requests in flight are expected to cause: each request holds its estimated SQL
 * statements until it answers, and the total never exceeds the capacity (by default the pool's connections plus
 * its queue), so admitted work cannot overflow the pool's queue. A request that finds no room waits in line for a
 * bounded time, then is told the service is busy; a line already holding a full capacity turns new requests away
 * at once.
 */
export class Admission {
  private inFlight = 0;
  private waiting: Waiter[] = [];
  private waitingWeight = 0;

  constructor(
    private readonly capacity: number,
    private readonly waitMs: number,
  ) {}

  /** Resolves with the release function once admitted; rejects with SERVICE_BUSY when there is no room in time. */
  acquire(estimatedStatements: number): Promise<() => void> {
    const weight = Math.min(Math.max(1, estimatedStatements), this.capacity);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight -= weight;
      admissionLoad.statementsInFlight -= weight;
      this.drain();
    };
    if (this.waiting.length === 0 && this.inFlight + weight <= this.capacity) {
      this.inFlight += weight;
      admissionLoad.statementsInFlight += weight;
      return Promise.resolve(release);
    }
    if (this.waitingWeight + weight > this.capacity) return Promise.reject(serviceBusy());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        weight,
        admit: () => resolve(release),
        timer: setTimeout(() => {
          this.remove(waiter);
          reject(serviceBusy());
        }, this.waitMs),
      };
      this.waiting.push(waiter);
      this.waitingWeight += weight;
      admissionLoad.requestsWaiting += 1;
    });
  }

  private remove(waiter: Waiter): void {
    const index = this.waiting.indexOf(waiter);
    if (index < 0) return;
    this.waiting.splice(index, 1);
    this.waitingWeight -= waiter.weight;
    admissionLoad.requestsWaiting -= 1;
    clearTimeout(waiter.timer);
  }

  private drain(): void {
    while (this.waiting.length && this.inFlight + this.waiting[0].weight <= this.capacity) {
      const next = this.waiting[0];
      this.remove(next);
      this.inFlight += next.weight;
      admissionLoad.statementsInFlight += next.weight;
      next.admit();
    }
  }
}
