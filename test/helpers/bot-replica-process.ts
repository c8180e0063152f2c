import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { buildResidentBot } from '../../bots/resident';
import { loadBotConfig } from '../../bots/resident/config';
import { deliverOutbox } from '../../bots/resident/plugins/outbox';

/**
 * One bot process of test/bots/bot-replicas.test.ts: the resident bot on its own WeChat account (a puppet-mock of
 * its own), in the one room with the residents the test names; its state where BOT_STATE_URL / BOT_STATE_FILE say.
 * Driven over IPC: the test delivers each resident message as WeChat would deliver it to this account; every message
 * the bot says is reported back.
 *
 * Environment beside the bot's own settings: REPLICA_ACCOUNT (this account's contact id), REPLICA_RESIDENTS (ids,
 * comma-separated), REPLICA_OTHER_ACCOUNT (the other bot in the room), REPLICA_ROOM (room id) and REPLICA_TOPIC.
 */
export type ReplicaCommand =
  | {
      kind: 'deliver';
      id: string;
      talkerId: string;
      roomId?: string;
      text: string;
      /** WeChat's timestamp: the same on every account's copy of a group message. */
      timestamp: number;
      /** Whom the message @-mentions (contact ids). */
      mentionIdList?: string[];
    }
  | { kind: 'settle'; ref: number }
  /** From now on WeChat takes nothing this account says: every send hangs unanswered. */
  | { kind: 'mute' }
  | { kind: 'deliverOutbox'; ref: number };

export type ReplicaEvent =
  | { kind: 'ready' }
  | { kind: 'said'; conversation: string; text: string }
  /** The bot tried to say this while muted (it hangs there). */
  | { kind: 'muted'; conversation: string; text: string }
  | { kind: 'done'; ref: number; value?: number };

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  const send = (event: ReplicaEvent) => process.send?.(event);
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  let muted = false;
  const sendText = puppet.messageSendText.bind(puppet);
  puppet.messageSendText = (conversationId: string, text: string) => {
    if (!muted) return sendText(conversationId, text);
    send({ kind: 'muted', conversation: conversationId, text });
    return new Promise<void>(() => undefined);
  };
  // The test decides when the outbox is tried (deliverOutbox), so it knows which process takes an entry.
  const resident = await buildResidentBot({
    config: loadBotConfig(),
    puppet,
    // REPLICA_LOG=1 shows the bot's log lines (on the test's stderr).
    log: process.env.REPLICA_LOG
      ? (line) => process.stderr.write(`${env('REPLICA_ACCOUNT')}: ${line}\n`)
      : () => undefined,
    deferredRetryMs: 0,
    outboxRetryMs: 0,
  });
  // Messages delivered by the test, and those the bot has received (its 'message' event): handling begins there.
  let delivered = 0;
  let received = 0;
  const wakeReceived: (() => void)[] = [];
  resident.bot.on('message', (message) => {
    if (message.self()) return;
    received += 1;
    for (const wake of wakeReceived.splice(0)) wake();
  });
  await resident.bot.start();
  const account = mocker.createContact({ id: env('REPLICA_ACCOUNT'), name: env('REPLICA_ACCOUNT') });
  const other = mocker.createContact({ id: env('REPLICA_OTHER_ACCOUNT'), name: env('REPLICA_OTHER_ACCOUNT') });
  const residents = env('REPLICA_RESIDENTS')
    .split(',')
    .map((id) => mocker.createContact({ id, name: id }));
  mocker.login(account);
  mocker.createRoom({
    id: env('REPLICA_ROOM'),
    topic: env('REPLICA_TOPIC'),
    memberIdList: [account.id, other.id, ...residents.map((r) => r.id)],
  });
  account.on('message', ((message: {
    payload: { talkerId: string; roomId?: string; listenerId?: string; text?: string };
  }) => {
    const { talkerId, roomId, listenerId, text } = message.payload;
    if (talkerId === account.id) send({ kind: 'said', conversation: roomId ?? listenerId ?? '', text: text ?? '' });
  }) as never);

  /**
   * This process has handled all it received and said all it queued, and nothing is owed in the shared state: a
   * reply one process kept may be said by the other, so both wait until none is left.
   */
  const quiet = async () => {
    for (;;) {
      while (received < delivered) await new Promise<void>((resolve) => wakeReceived.push(resolve));
      await resident.deps.handling.settled();
      await resident.deps.replies.idle();
      await resident.deps.queue.idle();
      if ((await resident.deps.state.pendingNotifications()) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  process.on('message', (command: ReplicaCommand) => {
    if (command.kind === 'deliver') {
      const { kind: _kind, roomId, ...payload } = command;
      mocker.MessageMock.create({
        type: types.Message.Text,
        mentionIdList: [],
        ...payload,
        ...(roomId ? { roomId } : { listenerId: account.id }),
      } as never);
      delivered += 1;
      mocker.puppet.emit('message', { messageId: command.id });
    } else if (command.kind === 'mute') {
      muted = true;
    } else if (command.kind === 'settle') {
      void quiet().then(() => send({ kind: 'done', ref: command.ref }));
    } else if (command.kind === 'deliverOutbox') {
      void deliverOutbox(resident.deps, resident.bot).then(async (value) => {
        await quiet();
        send({ kind: 'done', ref: command.ref, value });
      });
    }
  });
  send({ kind: 'ready' });
}

main().catch((error: unknown) => {
  process.stderr.write(`bot replica: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
