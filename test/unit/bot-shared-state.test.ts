import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Occurrences } from '../../bots/resident/plugins/gate';
import { BotState } from '../../bots/resident/state';

/**
 * Two BotStates on one SQLite file stand for two bot processes sharing their state (the MySQL/MariaDB store is
 * exercised by test/bots/bot-replicas.test.ts in the MariaDB pass): every claim is won by exactly one of them.
 */
let file: string;
let a: BotState;
let b: BotState;
const LEASE_MS = 1000;

beforeEach(async () => {
  file = join(tmpdir(), `wushe-bot-shared-${randomBytes(4).toString('hex')}.sqlite`);
  a = await BotState.open(`sqlite:${file}`, LEASE_MS);
  b = await BotState.open(file, LEASE_MS);
  a.owner = 'account:a';
  b.owner = 'account:b';
});

afterEach(async () => {
  await a.close();
  await b.close();
  for (const extension of ['', '-wal', '-shm']) rmSync(file + extension, { force: true });
});

test('a message is claimed by one process only, and the n-th alike message is a claim of its own', async () => {
  const claims = await Promise.all([a.firstSight('room:k:1', 1000), b.firstSight('room:k:1', 1000)]);
  expect(claims.sort()).toEqual([false, true]);
  expect(await b.firstSight('room:k:2', 1000)).toBe(true);
  const occurrences = new Occurrences();
  expect([occurrences.next('k', 0), occurrences.next('k', 10), occurrences.next('j', 20)]).toEqual([1, 2, 1]);
  // Two minutes on, the same key counts from one again (those messages are stale anyway).
  expect(occurrences.next('k', 200_000)).toBe(1);
});

test('a notification is leased by one process; the other takes it over only after the lease', async () => {
  await a.addNotification('contact', 'resident-1', '您的需求有新进展', 0);
  const [owed] = await b.nextNotifications();
  expect(await a.leaseNotification(owed.id, 0)).toBe(true);
  expect(await b.leaseNotification(owed.id, LEASE_MS - 1)).toBe(false);
  // The holder renews it right before saying it.
  expect(await a.leaseNotification(owed.id, LEASE_MS - 1)).toBe(true);
  expect(await b.leaseNotification(owed.id, 2 * LEASE_MS - 2)).toBe(false);
  expect(await b.leaseNotification(owed.id, 2 * LEASE_MS)).toBe(true);
  // The first holder, slow, finds it taken over and withdraws it.
  expect(await a.leaseNotification(owed.id, 2 * LEASE_MS + 1)).toBe(false);
  await b.notificationDone(owed.id, 'sent', 2 * LEASE_MS + 1);
  expect(await a.pendingNotifications()).toBe(0);
  expect(await a.leaseNotification(owed.id, 10 * LEASE_MS)).toBe(false);
});

test('an outbox entry and a kept question are taken by one process, and again once the lease is over', async () => {
  await a.enqueueOutbox({ description: '上门探访' }, 'resident-1', 'room-1', 0);
  const [entryForA] = await a.dueOutbox(0);
  const [entryForB] = await b.dueOutbox(0);
  const taken = await Promise.all([a.takeOutbox(entryForA, 0), b.takeOutbox(entryForB, 0)]);
  expect(taken.sort()).toEqual([false, true]);
  expect(await b.dueOutbox(LEASE_MS - 1)).toEqual([]);
  const [again] = await b.dueOutbox(LEASE_MS);
  expect(await b.takeOutbox(again, LEASE_MS)).toBe(true);

  await a.deferred.keep({ talkerId: 'resident-1', roomId: '', text: '活动', command: { kind: 'activities' } }, 0);
  const [question] = await b.deferred.due(0);
  expect(await a.deferred.take(question, 0)).toBe(true);
  expect(await b.deferred.take(question, 0)).toBe(false);
  expect(await b.deferred.due(LEASE_MS - 1)).toEqual([]);
  expect(await b.deferred.due(LEASE_MS)).toHaveLength(1);
});

test('a page of the need feed is taken in by one process: its notices are owed once', async () => {
  await a.rememberNeed('XQ20261127-0001', 'resident-1', '', 'SUBMITTED', 0);
  const owed = {
    notices: [{ targetKind: 'contact' as const, targetId: 'resident-1', text: '已受理' }],
    statuses: [['XQ20261127-0001', 'ACCEPTED']] as [string, string][],
  };
  // One after the other: two connections of one process would wait on each other's SQLite lock.
  expect(await a.takeFeedPage('need-events', undefined, '7', owed, 0)).toBe(true);
  expect(await b.takeFeedPage('need-events', undefined, '7', owed, 0)).toBe(false);
  expect(await b.pendingNotifications()).toBe(1);
  expect(await b.takeFeedPage('need-events', '6', '9', owed, 0)).toBe(false);
  expect(await b.takeFeedPage('need-events', '7', '9', owed, 0)).toBe(true);
  expect(await a.feedCursor('need-events')).toBe('9');
  expect(await a.needsOf('resident-1')).toEqual([{ number: 'XQ20261127-0001', lastStatus: 'ACCEPTED' }]);
});

test('the same words from one resident: one process answers, the other hears a repeat; after the window, anew', async () => {
  const decided = await Promise.all([
    a.repeatedWithin('resident-1', '活动', 0, 60_000),
    b.repeatedWithin('resident-1', '活动', 0, 60_000),
  ]);
  expect(decided.sort()).toEqual([false, true]);
  expect(await a.repeatedWithin('resident-1', '活动', 60_000, 60_000)).toBe(true);
  expect(await b.repeatedWithin('resident-1', '活动', 60_001, 60_000)).toBe(false);
});

test('a group message claimed with a lease: taken over by one process once the lease is over, deleted once handled', async () => {
  const handling = { roomId: 'room-1@chatroom', talkerId: 'resident-1', text: '活动', mentioned: false };
  // One after the other: a claim is a transaction, and two connections of one process would wait on each other's
  // SQLite lock (processes racing are test/bots/bot-replicas.test.ts).
  expect(await a.claimGroupMessage('room:k:1', handling, 0)).toBe(true);
  expect(await b.claimGroupMessage('room:k:1', handling, 0)).toBe(false);
  const [holder, other] = [a, b];
  // Its holder renews the lease while handling: not expired then.
  await holder.renewClaim('room:k:1', LEASE_MS - 1);
  expect(await other.expiredClaims(LEASE_MS)).toEqual([]);
  // The holder dies: once the lease is over, one of the processes finding it takes it over.
  const expired = await other.expiredClaims(2 * LEASE_MS);
  expect(expired).toEqual([{ key: 'room:k:1', ...handling, leaseUntil: 2 * LEASE_MS - 1 }]);
  const [forA] = await a.expiredClaims(2 * LEASE_MS);
  const [forB] = await b.expiredClaims(2 * LEASE_MS);
  const taken = await Promise.all([a.takeClaim(forA, 2 * LEASE_MS), b.takeClaim(forB, 2 * LEASE_MS)]);
  expect([...taken].sort()).toEqual([false, true]);
  const taker = taken[0] ? a : b;
  const loser = taker === a ? b : a;
  expect(await loser.expiredClaims(3 * LEASE_MS - 1)).toEqual([]);
  // Only its holder finishes it; then nothing of the message is kept.
  await loser.finishClaim('room:k:1');
  expect(await loser.expiredClaims(10 * LEASE_MS)).toHaveLength(1);
  await taker.finishClaim('room:k:1');
  expect(await loser.expiredClaims(10 * LEASE_MS)).toEqual([]);
  // A message that is no text keeps nothing.
  expect(await a.claimGroupMessage('room:k:2', undefined, 0)).toBe(true);
  expect(await a.expiredClaims(10 * LEASE_MS)).toEqual([]);
});
