import { reminderDue, remindersFor } from '../../bots/resident/plugins/reminders';
import { SendQueue, SendThrottle, type Clock } from '../../bots/resident/send-queue';

/** A moment given in China time (UTC+8). */
const china = (local: string) => Date.parse(`${local}+08:00`);

test('an activity on 3月12日 is reminded of on the 11th from 08:00 to 21:00, and on the day until noon', () => {
  const cases: [string, ReturnType<typeof reminderDue>][] = [
    ['2030-03-10T12:00:00', undefined],
    ['2030-03-11T07:59:59', undefined],
    ['2030-03-11T08:00:00', 'tomorrow'],
    ['2030-03-11T20:59:59', 'tomorrow'],
    ['2030-03-11T21:00:00', undefined],
    ['2030-03-12T07:30:00', undefined],
    ['2030-03-12T08:00:00', 'today'],
    ['2030-03-12T11:59:59', 'today'],
    ['2030-03-12T12:00:00', undefined],
    ['2030-03-13T09:00:00', undefined],
  ];
  for (const [at, expected] of cases) expect([at, reminderDue('2030-03-12', china(at))]).toEqual([at, expected]);
  // Across a month and a year: the day before 1 March, and 1 January.
  expect(reminderDue('2030-03-01', china('2030-02-28T09:00:00'))).toBe('tomorrow');
  expect(reminderDue('2031-01-01', china('2030-12-31T09:00:00'))).toBe('tomorrow');
  // 01:00 UTC on the 11th is already 09:00 on the 11th in China.
  expect(reminderDue('2030-03-12', Date.parse('2030-03-11T01:00:00Z'))).toBe('tomorrow');
});

test('cancelled and finished activities and unverified hours are not told; verified ones oldest first', () => {
  const activity = (id: string, status: string) => ({
    activity: { id, title: `活动${id}`, startsOn: '2030-03-12', status, station: null, region: { name: '葫田社区' } },
  });
  const record = (id: string, verified: boolean) => ({
    id,
    hours: 2,
    verified,
    servedOn: '2030-03-01',
    activity: null,
  });
  const due = remindersFor(
    {
      id: '1',
      serviceHours: 4,
      signUps: [activity('1', 'OPEN'), activity('2', 'CANCELLED'), activity('3', 'FINISHED'), activity('4', 'PLANNED')],
      serviceHourRecords: [record('9', true), record('8', false), record('7', true)],
    } as never,
    china('2030-03-11T10:00:00'),
  );
  expect(due.map((item) => item.key)).toEqual(['activity:1', 'activity:4', 'hours:7', 'hours:9']);
  expect(due[2].text).toBe(
    '您3月1日(星期五)的志愿服务 2 小时已由社区审核认证,累计认证 4 小时。感谢您的付出!发送「志愿时长」可随时查看。',
  );
});

test('a sender whose record-keeping fails does not stop the queue', async () => {
  const clock: Clock = { now: () => 0, sleep: async () => undefined, random: () => 0 };
  const limits = { perRoomIntervalMs: 0, perAccountPerMinute: 1000, jitterMs: 0, backoffMs: 0 };
  const logged: string[] = [];
  const queue = new SendQueue(new SendThrottle(limits, clock.random), limits, clock, (line) => logged.push(line));
  const said: string[] = [];
  const contact = { id: 'c', say: async (text: string) => void said.push(text) };
  queue.send(contact, 'first', () => {
    throw new Error('state closed');
  });
  queue.send(contact, 'second');
  await queue.idle();
  expect(said).toEqual(['first', 'second']);
  expect(logged).toEqual(['after sending: state closed']);
});
