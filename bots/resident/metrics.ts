import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { sendStats } from './send-queue';

/** Sets a counter to a running total kept elsewhere (the send queue's plain numbers). */
function total(counter: Counter, value: number): void {
  counter.reset();
  counter.inc(value);
}

/**
 * The bot's Prometheus metrics: its outgoing queue (depth, messages sent and dropped) and WeChat's "slow down"
 * pauses, plus Node's defaults. Read from the send queues' own counts at scrape time.
 */
export function botMetricsRegistry(now: () => number = Date.now): Registry {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: 'wushe_bot_send_queue_depth',
    help: 'Messages waiting in the send queue',
    registers,
    collect() {
      this.set(sendStats.queued);
    },
  });
  new Gauge({
    name: 'wushe_bot_send_paused',
    help: '1 while sending is paused after WeChat asked to slow down (BOT_BACKOFF_MS), else 0',
    registers,
    collect() {
      this.set(sendStats.pausedUntil > now() ? 1 : 0);
    },
  });
  new Counter({
    name: 'wushe_bot_send_pauses_total',
    help: 'Times WeChat answered 操作过于频繁 and sending paused',
    registers,
    collect() {
      total(this, sendStats.pauses);
    },
  });
  new Counter({
    name: 'wushe_bot_messages_sent_total',
    help: 'Messages WeChat took',
    registers,
    collect() {
      total(this, sendStats.sent);
    },
  });
  new Counter({
    name: 'wushe_bot_messages_dropped_total',
    help: 'Messages WeChat refused for good (not a pause)',
    registers,
    collect() {
      total(this, sendStats.dropped);
    },
  });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** GET /metrics on `port` (BOT_METRICS_PORT), on `host` (BOT_METRICS_HOST, loopback by default); nothing else. */
export function serveBotMetrics(port: number, host: string): Promise<{ server: Server; port: number }> {
  const registry = botMetricsRegistry();
  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/metrics') {
      return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
