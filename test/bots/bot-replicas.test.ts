import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Role } from '../../src/auth/identity';
import type { ReplicaCommand, ReplicaEvent } from '../helpers/bot-replica-process';
import { startTestHub, type TestHub } from '../helpers/test-hub';

/**
 * Two bot processes on two WeChat accounts in one group chat, sharing one state database: on MariaDB when the suite
 * runs on MySQL/MariaDB (DATABASE_URL), otherwise on one SQLite file both processes open. WeChat gives every member
 * of a group its own copy of a message (its own id, the same timestamp), so the test delivers each group message to
 * both; a private message goes to the one account it is written to.
 */
const SCRIPT = join(__dirname, '..', '..', 'dist', 'test', 'helpers', 'bot-replica-process.js');
// Room ids carry an @, as WeChat's do (…@chatroom): puppet-mock tells rooms from contacts by it.
const ROOM = 'replica-room@chatroom';
const RESIDENTS = Array.from({ length: 12 }, (_, i) => `replica-resident-${i}`);
const [R1, R2] = RESIDENTS;
const LEASE_MS = 2000;

type Account = 'bot-a' | 'bot-b';

interface Replica {
  account: Account;
  child: ChildProcess;
  proxy: HubProxy;
  request(command: { kind: 'settle' | 'deliverOutbox' }): Promise<number | undefined>;
  deliver(message: Omit<Extract<ReplicaCommand, { kind: 'deliver' }>, 'kind'>): void;
}

/** The hub as one bot process reaches it: up, down (503), or holding every request unanswered. */
interface HubProxy {
  url: string;
  mode: 'up' | 'down' | 'hold';
  /** Resolves when a held request is a SubmitNeed. */
  heldSubmit: Promise<void>;
  /** Resolves once a request naming `operation` is held. */
  nextHeld(operation: string): Promise<void>;
  close(): Promise<void>;
}

async function startProxy(hubBase: string): Promise<HubProxy> {
  let resolveHeld: () => void = () => undefined;
  const heldSubmit = new Promise<void>((resolve) => (resolveHeld = resolve));
  const held: import('node:http').ServerResponse[] = [];
  const heldWaiters: { operation: string; wake: () => void }[] = [];
  const proxy = {} as HubProxy;
  const server: Server = createServer((incoming, outgoing) => {
    if (proxy.mode === 'down') return void outgoing.writeHead(503).end();
    if (proxy.mode === 'hold') {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => {
        held.push(outgoing);
        for (const waiter of heldWaiters) if (body.includes(`"${waiter.operation}"`)) waiter.wake();
        if (body.includes('"SubmitNeed"')) resolveHeld();
      });
      return;
    }
    const forward = httpRequest(
      new URL(incoming.url ?? '/', hubBase),
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    mode: 'up' as const,
    heldSubmit,
    nextHeld: (operation: string) => new Promise<void>((wake) => heldWaiters.push({ operation, wake })),
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

let t: TestHub;
let state: { env: Record<string, string>; drop(): Promise<void> };
const replicas = new Map<Account, Replica>();
let botToken: string;
let hubBase: string;

/** Where the shared state lives: a fresh `wushe_bot_*` database on the MariaDB server of DATABASE_URL, or a file. */
async function sharedState(): Promise<typeof state> {
  const base = process.env.DATABASE_URL ?? '';
  const suffix = randomBytes(4).toString('hex');
  if (!/^(mysql|mariadb):/.test(base)) {
    const file = join(tmpdir(), `wushe-bot-replicas-${suffix}.sqlite`);
    return {
      env: { BOT_STATE_URL: `sqlite:${file}` },
      drop: async () => {
        for (const extension of ['', '-wal', '-shm']) rmSync(file + extension, { force: true });
      },
    };
  }
  const server = new URL(base.replace(/^mariadb:/, 'mysql:'));
  const name = `wushe_bot_${suffix}`;
  const admin = async (sql: string) => {
    const connection = await createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
    });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  server.pathname = `/${name}`;
  return { env: { BOT_STATE_URL: server.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``) };
}

async function startReplica(account: Account, other: Account, token: string, hubBase: string): Promise<Replica> {
  const proxy = await startProxy(hubBase);
  const child = fork(SCRIPT, [], {
    env: {
      PATH: process.env.PATH ?? '',
      ...state.env,
      HUB_URL: proxy.url,
      BOT_TOKEN: token,
      BOT_LEASE_MS: String(LEASE_MS),
      BOT_ROOM_INTERVAL_MS: '0',
      BOT_MESSAGES_PER_MINUTE: '100000',
      BOT_JITTER_MS: '0',
      // The need feed is read, and what is owed (replies included) delivered, this often.
      BOT_FEED_INTERVAL_MS: '300',
      BOT_REMINDER_INTERVAL_MS: '0',
      // Both processes must name residents alike to the hub (their needs and ratings).
      BOT_REPORTER_SECRET: 'replica-test-reporter-secret',
      REPLICA_ACCOUNT: account,
      REPLICA_OTHER_ACCOUNT: other,
      REPLICA_RESIDENTS: RESIDENTS.join(','),
      REPLICA_ROOM: ROOM,
      REPLICA_TOPIC: '葫田社区居民群',
      ...(process.env.REPLICA_LOG ? { REPLICA_LOG: '1' } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (value: number | undefined) => void>();
  let ref = 0;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${account} exited with ${code} before it was ready`)));
    child.on('message', (event: ReplicaEvent) => {
      if (event.kind === 'ready') resolve();
      else if (event.kind === 'said') {
        said.push({ account, conversation: event.conversation, text: event.text });
      } else if (event.kind === 'done') waiting.get(event.ref)?.(event.value);
    });
  });
  await ready;
  return {
    account,
    child,
    proxy,
    request: (command) =>
      new Promise((resolve) => {
        ref += 1;
        waiting.set(ref, resolve);
        child.send({ ...command, ref } satisfies ReplicaCommand);
      }),
    deliver: (message) => child.send({ kind: 'deliver', ...message } satisfies ReplicaCommand),
  };
}

const both = () => [...replicas.values()];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What the bot accounts said (a killed process's too), in the order the test heard it. */
const said: { account: Account; conversation: string; text: string }[] = [];
/** What was said to a conversation (room id, or contact id for the private chat), by one account or by any. */
const saidTo = (conversation: string, replica?: Replica) =>
  said.filter((s) => s.conversation === conversation && (!replica || s.account === replica.account)).map((s) => s.text);

/**
 * Waits until every live process has handled all it received and every reply that caused was said. Twice: a reply
 * one process kept may be said by the other, whose report of it can reach the test after the first process said it
 * is done; the other's second answer comes after that report.
 */
async function settle(): Promise<void> {
  for (const _round of [1, 2]) await Promise.all(both().map((r) => r.request({ kind: 'settle' })));
}

let messageNumber = 0;
/** A resident says `text` in the group: each account gets its own copy (own id), with WeChat's one timestamp. */
async function sayInRoom(talkerId: string, text: string, timestamp = Date.now()): Promise<void> {
  messageNumber += 1;
  for (const replica of both())
    replica.deliver({ id: `${replica.account}-${messageNumber}`, talkerId, roomId: ROOM, text, timestamp });
  await settle();
}

/** A resident writes privately to one bot account; returns what that account answered them. */
async function sayPrivately(replica: Replica, talkerId: string, text: string): Promise<string[]> {
  messageNumber += 1;
  const before = saidTo(talkerId).length;
  replica.deliver({ id: `${replica.account}-${messageNumber}`, talkerId, text, timestamp: Date.now() });
  await settle();
  return saidTo(talkerId).slice(before);
}

/** Which process answered a resident privately (the one that won the group message opening the dialog). */
const partnerOf = (talkerId: string): Replica => {
  const [partner, ...others] = both().filter((r) => saidTo(talkerId, r).length > 0);
  expect(others).toEqual([]);
  return partner;
};

/** How many needs the hub holds with this description (read without parameters: the same SQL on every backend). */
const needsDescribed = async (description: string) =>
  ((await t.database.dataSource.query('SELECT description FROM need')) as { description: string }[]).filter(
    (need) => need.description === description,
  ).length;

beforeAll(async () => {
  state = await sharedState();
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '100000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000' },
  });
  hubBase = await t.listen();
  botToken = await t.token({ role: Role.BOT, subject: 'wushe-resident-bot', regionId: '530400000000' });
  // One after the other: the first creates the state's tables.
  replicas.set('bot-a', await startReplica('bot-a', 'bot-b', botToken, hubBase));
  replicas.set('bot-b', await startReplica('bot-b', 'bot-a', botToken, hubBase));
}, 120_000);

afterAll(async () => {
  for (const replica of replicas.values()) {
    replica.child.kill('SIGKILL');
    await replica.proxy.close();
  }
  await t?.close();
  await state?.drop();
});

test('every group message is answered once in all, by one of the two processes', async () => {
  // The room binds itself from its topic on the first command; both processes share that binding.
  await sayInRoom(R1, '帮助');
  expect(saidTo(ROOM)).toHaveLength(1);
  expect(saidTo(ROOM)[0]).toContain('查服务');
  // Ten residents at once, every copy racing in both processes.
  const at = Date.now();
  messageNumber += 1;
  const askers = RESIDENTS.slice(2);
  for (const [i, resident] of askers.entries())
    for (const replica of both())
      replica.deliver({
        id: `${replica.account}-${messageNumber}-${i}`,
        talkerId: resident,
        roomId: ROOM,
        text: '查服务 养老',
        timestamp: at,
      });
  await settle();
  const answers = saidTo(ROOM).slice(1);
  expect(answers).toHaveLength(askers.length);
  for (const answer of answers) expect(answer).toContain('乐老汇为老服务');
  // The same words twice in one second from one resident are two messages (each account gets two copies): one
  // answer, and the second hears it was answered.
  const twiceAt = Date.now();
  messageNumber += 1;
  for (const copy of [1, 2])
    for (const replica of both())
      replica.deliver({
        id: `${replica.account}-${messageNumber}-${copy}`,
        talkerId: R2,
        roomId: ROOM,
        text: '活动',
        timestamp: twiceAt,
      });
  await settle();
  const twice = saidTo(ROOM).slice(1 + askers.length);
  expect(twice).toHaveLength(2);
  expect(twice).toContain('刚才已回复,请看上面。');
  expect(twice.filter((text) => text.includes('志愿活动'))).toHaveLength(1);
  // Words that are no command, @-mentioning bot-b: bot-b answers, even when bot-a's copy is handled first.
  const before = { a: saidTo(ROOM, replicas.get('bot-a')).length, b: saidTo(ROOM, replicas.get('bot-b')).length };
  messageNumber += 1;
  const mentionAt = Date.now();
  for (const replica of [replicas.get('bot-a')!, replicas.get('bot-b')!]) {
    replica.deliver({
      id: `${replica.account}-${messageNumber}`,
      talkerId: R1,
      roomId: ROOM,
      text: '@bot-b 你好',
      timestamp: mentionAt,
      mentionIdList: ['bot-b'],
    });
    await replica.request({ kind: 'settle' });
  }
  await settle();
  expect(saidTo(ROOM, replicas.get('bot-a')).length - before.a).toBe(0);
  expect(saidTo(ROOM, replicas.get('bot-b')).length - before.b).toBe(1);
});

test('a process killed mid-turn, holding a reply and an outbox entry: the other sends the reply, finishes the dialog and submits the entry, each once', async () => {
  const r1Description = '独居老人需要每周上门探访';
  const r2Description = '需要有人陪同去医院复查';
  const URGENCY = '是否紧急?回复 1 一般,2 紧急。';
  // R1 opens the dialog in the group; one process writes to them privately, and they answer that account.
  const roomBefore = saidTo(ROOM).length;
  await sayInRoom(R1, '登记需求');
  expect(saidTo(ROOM).slice(roomBefore)).toEqual(['已私信您登记需求,个人信息不会发到群里。']);
  const first = partnerOf(R1);
  expect(await sayPrivately(first, R1, '1')).toEqual(['请简单描述您的需要(例如:独居老人需要每周上门探访):']);

  // R2 registers while their process cannot reach the hub: the need waits in the shared outbox.
  await sayInRoom(R2, '登记需求');
  const second = partnerOf(R2);
  await sayPrivately(second, R2, '1');
  await sayPrivately(second, R2, r2Description);
  await sayPrivately(second, R2, '1');
  await sayPrivately(second, R2, '跳过');
  // From here R1's process reaches a hub that never answers (unless it is R2's too: then it first finds none).
  first.proxy.mode = 'hold';
  second.proxy.mode = 'down';
  const [stored] = await sayPrivately(second, R2, '确认');
  second.proxy.mode = first === second ? 'hold' : 'up';
  expect(stored).toMatch(/^您的需求已记录\(暂存号 #\d+\)/);

  // R1's process takes the outbox entry; its SubmitNeed is held unanswered.
  void first.request({ kind: 'deliverOutbox' });
  await first.proxy.heldSubmit;
  // WeChat stops taking what R1's process says; R1 answers the next question, the process takes the turn in and its
  // reply hangs in the send. Then the process is killed.
  const muted = new Promise<{ conversation: string; text: string }>((resolve) =>
    first.child.on('message', (event: ReplicaEvent) => event.kind === 'muted' && resolve(event)),
  );
  first.child.send({ kind: 'mute' } satisfies ReplicaCommand);
  messageNumber += 1;
  first.deliver({ id: `${first.account}-${messageNumber}`, talkerId: R1, text: r1Description, timestamp: Date.now() });
  expect(await muted).toEqual({ kind: 'muted', conversation: R1, text: URGENCY });
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  replicas.delete(first.account);
  const survivor = both()[0];

  // Once the dead process's lease is over, the survivor sends the reply it held: R1 hears the question once.
  while (!saidTo(R1, survivor).includes(URGENCY)) await pause(LEASE_MS / 4);
  await settle();
  expect(saidTo(R1).filter((text) => text === URGENCY)).toHaveLength(1);
  // R1 goes on with the account still served: the dialog continues where the killed process left it.
  expect(await sayPrivately(survivor, R1, '1')).toEqual(['如需工作人员电话联系,请回复手机号;不需要请回复「跳过」。']);
  await sayPrivately(survivor, R1, '跳过');
  const [registered, number] = await sayPrivately(survivor, R1, '确认');
  expect(registered).toMatch(/^需求已登记,编号 XQ\d{8}-\d{4}/);
  expect(number).toMatch(/^XQ\d{8}-\d{4}$/);

  // The outbox entry the dead process held is submitted by the survivor once its lease is over (tried until then).
  let delivered = 0;
  while (delivered === 0) {
    delivered = (await survivor.request({ kind: 'deliverOutbox' })) ?? 0;
    if (!delivered) await pause(LEASE_MS / 4);
  }
  expect(delivered).toBe(1);
  expect(await survivor.request({ kind: 'deliverOutbox' })).toBe(0);
  await settle();
  const told = saidTo(R2).filter((text) => text.startsWith('您暂存的需求'));
  expect(told).toHaveLength(1);
  expect(told[0]).toMatch(/^您暂存的需求 #\d+ 已提交,编号 XQ\d{8}-\d{4}/);
  expect(await needsDescribed(r1Description)).toBe(1);
  expect(await needsDescribed(r2Description)).toBe(1);
});

test('a group message whose process was killed while handling it is answered by the other, once, after the lease', async () => {
  // The account killed in the test before comes back as a new process: that one claims the message and dies.
  const survivor = both()[0];
  const dead: Account = survivor.account === 'bot-a' ? 'bot-b' : 'bot-a';
  const doomed = await startReplica(dead, survivor.account, botToken, hubBase);
  replicas.set(dead, doomed);
  const resident = RESIDENTS[3];
  const roomBefore = saidTo(ROOM).length;

  // Its copy arrives first: it claims the message, asks the hub, and the hub never answers.
  doomed.proxy.mode = 'hold';
  const asked = doomed.proxy.nextHeld('UpcomingActivities');
  const at = Date.now();
  messageNumber += 1;
  doomed.deliver({ id: `${dead}-${messageNumber}`, talkerId: resident, roomId: ROOM, text: '活动', timestamp: at });
  await asked;
  // The other account's copy finds the message claimed and leaves it.
  survivor.deliver({
    id: `${survivor.account}-${messageNumber}`,
    talkerId: resident,
    roomId: ROOM,
    text: '活动',
    timestamp: at,
  });
  await survivor.request({ kind: 'settle' });
  expect(saidTo(ROOM).slice(roomBefore)).toEqual([]);
  doomed.child.kill('SIGKILL');
  await new Promise((resolve) => doomed.child.once('exit', resolve));
  replicas.delete(dead);

  // Once the claim's lease is over, the survivor takes the message over and answers it (waited for ten leases).
  for (let wait = 0; wait < 40 && saidTo(ROOM).length === roomBefore; wait += 1) await pause(LEASE_MS / 4);
  await settle();
  // Two more leases: nothing answers it again.
  await pause(2 * LEASE_MS);
  await settle();
  const answers = said.filter((s) => s.conversation === ROOM).slice(roomBefore);
  expect(answers).toHaveLength(1);
  expect(answers[0].account).toBe(survivor.account);
  // Said a lease late, it repeats what it answers.
  expect(answers[0].text).toMatch(/^您之前问「活动」,现在回复您:\n/);
  expect(answers[0].text).toContain('志愿活动');
});
