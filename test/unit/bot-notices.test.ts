import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotDeps } from '../../bots/resident/context';
import { HubClient } from '../../bots/resident/hub-client';
import { NEED_FEED, noticesFor, readNeedFeed, type FeedPage } from '../../bots/resident/need-feed';
import { assignmentNotice, plainTime } from '../../bots/resident/replies';
import { SendQueue, SendThrottle } from '../../bots/resident/send-queue';
import { BotState } from '../../bots/resident/state';

test.each([
  ['2027-03-01T01:30:00Z', '3月1日(星期一)上午9:30'],
  ['2026-12-31T04:05:00Z', '12月31日(星期四)中午12:05'],
  ['2026-12-31T07:00:00Z', '12月31日(星期四)下午3:00'],
  ['2026-12-31T16:30:00Z', '1月1日(星期五)凌晨0:30'],
  ['2026-12-31T11:15:00Z', '12月31日(星期四)晚上7:15'],
])('%s is said %s in China', (iso, said) => {
  expect(plainTime(new Date(iso))).toBe(said);
});

test('an assignment names who and when, with a public phone when there is one', () => {
  const at = new Date('2027-03-01T01:30:00Z');
  expect(assignmentNotice('XQ20261127-0001', { name: '社工甲', phone: '0877-2021234' }, at)).toBe(
    '您的需求 XQ20261127-0001 已安排:社工甲将于3月1日(星期一)上午9:30为您服务,联系电话 0877-2021234。',
  );
  expect(assignmentNotice('XQ20261127-0001', { name: '下赫社区服务站' }, undefined)).toBe(
    '您的需求 XQ20261127-0001 已安排:由下赫社区服务站为您服务,对方会与您联系时间。',
  );
  expect(assignmentNotice('XQ20261127-0001', undefined, at)).toBe(
    '您的需求 XQ20261127-0001 已约好服务时间:3月1日(星期一)上午9:30。',
  );
});

test('a status the resident already has is not told again; a new one goes privately and, as number and status, to the group', () => {
  const need = { residentId: 'resident', roomId: 'room', lastStatus: 'ACCEPTED' };
  const change = (toStatus: string) => ({ number: 'XQ20261127-0002', kind: 'STATUS' as const, toStatus });
  expect(noticesFor(change('SUBMITTED'), need)).toEqual([]);
  expect(noticesFor(change('ACCEPTED'), need)).toEqual([]);
  expect(noticesFor(change('MATCHED'), need)).toEqual([
    {
      targetKind: 'contact',
      targetId: 'resident',
      text: '您的需求 XQ20261127-0002 有新进展:已匹配服务。已为您找到提供服务的人员或机构。',
    },
    { targetKind: 'room', targetId: 'room', text: '需求 XQ20261127-0002:已匹配服务' },
  ]);
  // Registered in the private chat: no group to tell.
  expect(noticesFor(change('REJECTED'), { ...need, roomId: '' }).map((n) => n.targetKind)).toEqual(['contact']);
});

test('a durable sender learns whether a message really left', async () => {
  const limits = { perRoomIntervalMs: 0, perAccountPerMinute: 1000, jitterMs: 0, backoffMs: 0 };
  const queue = new SendQueue(new SendThrottle(limits, () => 0), limits);
  const said: string[] = [];
  const contact = {
    id: 'resident',
    say: async (text: string) => {
      if (text === 'refused') throw new Error('contact not found');
      said.push(text);
    },
  };
  const outcomes = await Promise.all(['one', 'refused', 'two'].map((text) => queue.sendConfirmed(contact, text)));
  expect(outcomes).toEqual([true, false, true]);
  expect(said).toEqual(['one', 'two']);
});

describe('reading the need feed', () => {
  let state: BotState;
  let submitting: boolean;
  let deps: BotDeps;
  const page = (endCursor: string, ...numbers: string[]): FeedPage => ({
    changes: numbers.map((number) => ({ number, kind: 'STATUS', toStatus: 'ACCEPTED' })),
    endCursor,
    hasNextPage: false,
  });
  beforeEach(async () => {
    state = await BotState.open(':memory:');
    submitting = false;
    deps = { state, hub: { busy: () => submitting }, clock: { now: () => 1000 } } as unknown as BotDeps;
  });
  afterEach(() => state.close());

  test("another bot's needs only move the cursor", async () => {
    expect(await readNeedFeed(deps, async () => page('7', 'XQ20261127-0003'))).toBe(1);
    expect(await state.feedCursor(NEED_FEED)).toBe('7');
    expect(await state.pendingNotifications()).toBe(0);
  });

  test('while a need is being submitted, the page is read again later instead of passed by', async () => {
    // The feed already shows the need accepted, but the bot learns its number only with SubmitNeed's answer.
    submitting = true;
    const read = async () => page('7', 'XQ20261127-0003');
    expect(await readNeedFeed(deps, read)).toBe(0);
    expect(await state.feedCursor(NEED_FEED)).toBeUndefined();
    await state.rememberNeed('XQ20261127-0003', 'resident', '', 'SUBMITTED', 1000);
    submitting = false;
    expect(await readNeedFeed(deps, read)).toBe(1);
    expect(await state.feedCursor(NEED_FEED)).toBe('7');
    expect((await state.nextNotifications()).map((n) => [n.targetId, n.text])).toEqual([
      ['resident', '您的需求 XQ20261127-0003 有新进展:已受理。社区已受理,正在为您安排。'],
    ]);
    expect(await state.needsOf('resident')).toEqual([{ number: 'XQ20261127-0003', lastStatus: 'ACCEPTED' }]);
  });
});

test('a request counts as busy until the code right after its await has run', async () => {
  const server = createServer((_, response) =>
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { submitNeed: { id: '1', number: 'XQ20261127-0004', status: 'SUBMITTED' } } })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const hub = new HubClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, token: 't' });
    expect(hub.busy('SubmitNeed')).toBe(false);
    const answer = hub.request('SubmitNeed', { input: {} as never });
    expect(hub.busy('SubmitNeed')).toBe(true);
    expect((await answer).submitNeed.number).toBe('XQ20261127-0004');
    // Here the caller remembers the need; a feed read that finds the hub not busy comes after this.
    expect(hub.busy('SubmitNeed')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect([hub.busy('SubmitNeed'), hub.busy('NeedEvents')]).toEqual([false, false]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
