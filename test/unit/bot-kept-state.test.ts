import { BotState } from '../../bots/resident/state';

const question = (text: string, roomId = 'room-1') => ({
  talkerId: 'resident-1',
  roomId,
  text,
  command: { kind: 'activities' as const },
});

test('a question is kept once per person, place and text, and at most ten per person', async () => {
  const state = await BotState.open(':memory:');
  expect(await state.deferred.keep(question('活动'), 1000)).toBe(true);
  expect(await state.deferred.keep(question('活动'), 2000)).toBe(true);
  expect(await state.deferred.pending()).toBe(1);
  expect(await state.deferred.keep(question('活动', ''), 2000)).toBe(true);
  for (let i = 0; i < 8; i += 1) expect(await state.deferred.keep(question(`查服务 ${i}`), 3000)).toBe(true);
  expect(await state.deferred.pending()).toBe(10);
  expect(await state.deferred.keep(question('查服务 养老'), 4000)).toBe(false);
  // The same question again is still "kept" (it is), the cap notwithstanding.
  expect(await state.deferred.keep(question('活动'), 4000)).toBe(true);
  expect(await state.deferred.keep({ ...question('查服务 养老'), talkerId: 'resident-2' }, 4000)).toBe(true);
  expect((await state.deferred.due(1000)).map((q) => [q.text, q.roomId, q.askedAt])).toEqual([
    ['活动', 'room-1', 1000],
  ]);
  await state.close();
});

test('a question tried in vain waits for its next attempt; answered, it is forgotten', async () => {
  const state = await BotState.open(':memory:');
  await state.deferred.keep(question('活动'), 1000);
  const [kept] = await state.deferred.due(1000);
  expect(kept.command).toEqual({ kind: 'activities' });
  await state.deferred.retryLater(kept.id, 6000);
  expect(await state.deferred.due(5999)).toEqual([]);
  expect((await state.deferred.due(6000)).map((q) => q.attempts)).toEqual([1]);
  await state.deferred.forget(kept.id);
  expect(await state.deferred.pending()).toBe(0);
  await state.close();
});

test('a list is continued per person and conversation, and forgotten after a day', async () => {
  const state = await BotState.open(':memory:');
  const list = { kind: 'services' as const, query: { keyword: '养老' }, shown: 5, total: 12, cursor: 'c5' };
  await state.lists.save('resident-1', 'room-1', list, 0);
  expect(await state.lists.last('resident-1', 'room-1', 1000)).toEqual(list);
  expect(await state.lists.last('resident-1', '', 1000)).toBeUndefined();
  expect(await state.lists.last('resident-2', 'room-1', 1000)).toBeUndefined();
  expect(await state.lists.last('resident-1', 'room-1', 24 * 3_600_000 + 1)).toBeUndefined();
  await state.close();
});
