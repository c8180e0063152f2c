import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { Role } from '../../src/auth/identity';
import { buildResidentBot, type ResidentBot } from '../../bots/resident';
import type { BotConfig } from '../../bots/resident/config';
import type { GateConfig } from '../../bots/resident/plugins/gate';
import type { Clock } from '../../bots/resident/send-queue';
import { startTestHub, type TestHub } from './test-hub';

type MockContact = ReturnType<mock.Mocker['createContact']>;
type MockRoom = ReturnType<mock.Mocker['createRoom']>;
type MockMessage = { payload: { talkerId: string; text?: string; roomId?: string; listenerId?: string } };

/**
 * A real Wechaty with wechaty-puppet-mock against a real hub on a random port: a resident says a line in a
 * room (or privately), the test awaits the bot's reply. `stop()` always stops the bot and the hub.
 */
export interface BotFixture {
  t: TestHub;
  resident: ResidentBot;
  mocker: mock.Mocker;
  botUser: MockContact;
  person: MockContact;
  room: MockRoom;
  hubUrl: string;
  /** The person says `text` in the room (or another, with `in`) and the bot's next reply there (or privately, with `private`) is returned. */
  say(
    text: string,
    options?: { privately?: boolean; awaitPrivate?: boolean; from?: MockContact; in?: MockRoom },
  ): Promise<string>;
  /** The bot's next message to a conversation (a room id, or a contact id for the private chat). */
  nextReply(conversationId: string): Promise<string>;
  /** Makes the hub unreachable (connections refused with 503) or reachable again. */
  setHubDown(down: boolean): void;
  /** Delivers a hand-made message to the bot (to replay an id, age a message, or speak as another bot). */
  deliver(payload: {
    id: string;
    talkerId: string;
    roomId?: string;
    listenerId?: string;
    text: string;
    timestamp?: number;
    /** Text unless said otherwise (voice, a picture, a sticker). */
    type?: types.Message;
    /** Who the message @-mentions, as WeChat lists them. */
    mentionIdList?: string[];
  }): void;
  /** Messages the bot has received from others so far (its own come back to it too, and are not counted). */
  received(): number;
  /**
   * Resolves when the bot has received `received` messages in all, handled every one and sent every reply they
   * caused; fails after 10 s.
   */
  settled(received: number): Promise<void>;
  /** Replies the bot sent to a conversation (room id or contact id), in order. */
  sent(conversationId: string): string[];
  /**
   * Reads the hub's need feed once (the bot also reads it on its own every `feedIntervalMs`, by default only at
   * login) and resolves when every notification it owes has been sent; returns how many changes were read.
   */
  pollFeed(): Promise<number>;
  /**
   * Stops the bot and starts a new one on the same account, hub and state file (give the fixture a `stateFile`),
   * with `changes` to its settings if given: a restart. `whileStopped` runs in between (e.g. staff move a need while
   * no bot runs). `resident` is the new bot afterwards.
   */
  restartBot(options?: { changes?: Partial<BotConfig>; whileStopped?: () => Promise<unknown> }): Promise<void>;
  stop(): Promise<void>;
}

export async function startBotFixture(
  options: {
    config?: Partial<BotConfig>;
    clock?: Clock;
    roomTopic?: string;
    gate?: Partial<GateConfig>;
    /** Questions kept while the hub was down are answered only when the test calls answerDeferred, unless set. */
    deferredRetryMs?: number;
    /** Where the bot's log lines go (nowhere unless given). */
    log?: (line: string) => void;
  } = {},
): Promise<BotFixture> {
  const t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '100000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000' },
  });
  const hubBase = await t.listen();
  // The bot reaches the hub through this proxy, so a test can take the hub away and bring it back.
  let hubDown = false;
  const proxy: Server = createServer((incoming, outgoing) => {
    if (hubDown) return void outgoing.writeHead(503).end();
    const target = new URL(incoming.url ?? '/', hubBase);
    const forward = httpRequest(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const botToken = await t.token({ role: Role.BOT, subject: 'wushe-resident-bot', regionId: '530400000000' });
  const mocker = new mock.Mocker();
  let puppet = new PuppetMock({ mocker });
  let config: BotConfig = {
    hubUrl: `${base}/graphql`,
    botToken,
    stateFile: ':memory:',
    sending: { perRoomIntervalMs: 0, perAccountPerMinute: 100_000, jitterMs: 0, backoffMs: 1000 },
    dialogTimeoutMs: 10 * 60_000,
    // Tests drive the need feed with pollFeed(); the bot reads it by itself only when it logs in.
    feedIntervalMs: 3_600_000,
    reminderIntervalMs: 0,
    ...options.config,
  };
  // Counted as the bot's own message event fires: the gate starts handling each one in that same event.
  let received = 0;
  const receivedWaiters: (() => void)[] = [];
  const receivedAtLeast = async (count: number) => {
    while (received < count) await new Promise<void>((resolve) => receivedWaiters.push(resolve));
  };
  const build = async () => {
    const bot = await buildResidentBot({
      config,
      puppet,
      clock: options.clock,
      gate: options.gate,
      log: options.log ?? (() => undefined),
      deferredRetryMs: options.deferredRetryMs ?? 0,
      // Tests deliver the outbox themselves (deliverOutbox): a timer's round would take entries under their feet.
      outboxRetryMs: 0,
    });
    bot.bot.on('message', (message) => {
      if (message.self()) return;
      received += 1;
      for (const wake of receivedWaiters.splice(0)) wake();
    });
    return bot;
  };
  let resident = await build();
  await resident.bot.start();
  const [botUser, person] = mocker.createContacts(2);
  mocker.login(botUser);
  const room = mocker.createRoom({
    topic: options.roomTopic ?? '葫田社区居民群',
    memberIdList: [botUser.id, person.id],
  });
  const log = new Map<string, string[]>();
  const delivered = new Set<string>();
  const waiters: { conversation: string; resolve: (text: string) => void }[] = [];
  const record = (message: MockMessage) => {
    if (message.payload.talkerId !== botUser.id) return;
    const conversation = message.payload.roomId ?? message.payload.listenerId ?? '';
    const text = message.payload.text ?? '';
    log.set(conversation, [...(log.get(conversation) ?? []), text]);
    const index = waiters.findIndex((w) => w.conversation === conversation);
    if (index >= 0) waiters.splice(index, 1)[0].resolve(text);
  };
  // Every message the bot sends has the bot's account as talker, whatever the conversation.
  botUser.on('message', record as never);
  const next = (conversation: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply in ${conversation}`)), 10_000);
      waiters.push({ conversation, resolve: (text) => (clearTimeout(timer), resolve(text)) });
    });
  return {
    t,
    get resident() {
      return resident;
    },
    mocker,
    botUser,
    person,
    room,
    hubUrl: config.hubUrl,
    async say(text, { privately = false, awaitPrivate = privately, from = person, in: where = room } = {}) {
      const reply = next(awaitPrivate ? from.id : where.id);
      if (privately) from.say(text).to(botUser);
      else from.say(text).to(where);
      return reply;
    },
    nextReply: next,
    setHubDown: (down) => {
      hubDown = down;
    },
    deliver(payload) {
      // A known id is delivered again as it is: that is how a duplicate arrives from WeChat.
      if (!delivered.has(payload.id)) {
        mocker.MessageMock.create({
          type: types.Message.Text,
          mentionIdList: [],
          timestamp: Date.now(),
          ...payload,
        } as never);
        delivered.add(payload.id);
      }
      mocker.puppet.emit('message', { messageId: payload.id });
    },
    received: () => received,
    async settled(count) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the bot received ${received} of ${count} messages`)), 10_000);
      });
      try {
        await Promise.race([receivedAtLeast(count).then(() => resident.deps.handling.settled()), timeout]);
        await resident.deps.queue.idle();
      } finally {
        clearTimeout(timer);
      }
    },
    sent: (conversationId) => log.get(conversationId) ?? [],
    async pollFeed() {
      const read = await resident.notifier.poll();
      await resident.notifier.idle();
      await resident.deps.queue.idle();
      return read;
    },
    async restartBot({ changes = {}, whileStopped } = {}) {
      if (config.stateFile === ':memory:') throw new Error('restartBot() needs a stateFile that outlives the bot');
      await resident.bot.stop();
      await whileStopped?.();
      // A restarted bot is a new process: a new puppet on the same account (the mocker holds its contacts and
      // rooms). Wechaty binds a puppet to one bot for good, and the mocker takes one puppet, so it lets go of the old.
      (mocker as unknown as { _puppet?: PuppetMock })._puppet = undefined;
      puppet = new PuppetMock({ mocker });
      config = { ...config, ...changes };
      resident = await build();
      await resident.bot.start();
      mocker.login(botUser);
    },
    async stop() {
      await resident.bot.stop().catch(() => undefined);
      await new Promise((resolve) => proxy.close(resolve));
      await t.close();
    },
  };
}
