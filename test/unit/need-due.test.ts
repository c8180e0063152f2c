import { NeedStatus, NeedUrgency } from '../../src/subgraphs/linkage/need.entity';
import {
  dueOffsetSeconds,
  isOverdue,
  needDueAt,
  RESPONSE_DAYS,
  whereOverdue,
} from '../../src/subgraphs/linkage/need.due';
import { passes, requireStaffIn } from '../../src/auth/policy';
import { chinaMonthBounds, requireTrendMonths } from '../../src/subgraphs/linkage/need-trend';
import { Role } from '../../src/auth/identity';

// Due dates by urgency (docs/rules.md, "Due dates"): URGENT 1 day, HIGH 3, NORMAL 7, LOW 14, from submission.
const SUBMITTED = new Date('2026-11-20T08:00:00.000Z');
const need = (urgency: NeedUrgency, status = NeedStatus.SUBMITTED) => ({ submittedAt: SUBMITTED, urgency, status });

test('the limits by urgency', () => {
  expect(RESPONSE_DAYS).toEqual({ URGENT: 1, HIGH: 3, NORMAL: 7, LOW: 14 });
});

test.each([
  [NeedUrgency.URGENT, '2026-11-21T08:00:00.000Z'],
  [NeedUrgency.HIGH, '2026-11-23T08:00:00.000Z'],
  [NeedUrgency.NORMAL, '2026-11-27T08:00:00.000Z'],
  [NeedUrgency.LOW, '2026-12-04T08:00:00.000Z'],
])('a %s need is due at %s', (urgency, due) => {
  expect(needDueAt(need(urgency)).toISOString()).toBe(due);
});

test('overdue: open and strictly past the due time', () => {
  const due = new Date('2026-11-23T08:00:00.000Z');
  const after = new Date(due.getTime() + 1);
  expect(isOverdue(need(NeedUrgency.HIGH), due)).toBe(false);
  expect(isOverdue(need(NeedUrgency.HIGH), after)).toBe(true);
  for (const status of [NeedStatus.ACCEPTED, NeedStatus.MATCHED, NeedStatus.IN_SERVICE]) {
    expect(isOverdue(need(NeedUrgency.HIGH, status), after)).toBe(true);
  }
  for (const status of [NeedStatus.RESOLVED, NeedStatus.CLOSED, NeedStatus.REJECTED]) {
    expect(isOverdue(need(NeedUrgency.HIGH, status), after)).toBe(false);
  }
});

test('the due order adds each urgency’s limit in seconds', () => {
  expect(dueOffsetSeconds('n')).toBe(
    "CASE n.urgency WHEN 'URGENT' THEN 86400 WHEN 'HIGH' THEN 259200 WHEN 'NORMAL' THEN 604800 WHEN 'LOW' THEN 1209600 END",
  );
});

test('the overdue filter: open, and submitted before the cut-off of its urgency', () => {
  const calls: [string, Record<string, unknown>][] = [];
  const query = { andWhere: (sql: string, parameters: Record<string, unknown>) => calls.push([sql, parameters]) };
  const now = new Date('2026-11-27T08:00:00.000Z');
  whereOverdue(query as never, 'n', true, now);
  whereOverdue(query as never, 'n', false, now);
  const [[overdue, parameters], [onTime]] = calls;
  expect(overdue).toBe(
    '(n.status IN (:...overdueOpen) AND ((n.urgency = :urgency_URGENT AND n.submittedAt < :cutoff_URGENT) OR (n.urgency = :urgency_HIGH AND n.submittedAt < :cutoff_HIGH) OR (n.urgency = :urgency_NORMAL AND n.submittedAt < :cutoff_NORMAL) OR (n.urgency = :urgency_LOW AND n.submittedAt < :cutoff_LOW)))',
  );
  expect(onTime).toBe(`NOT ${overdue}`);
  expect(parameters).toEqual({
    overdueOpen: ['SUBMITTED', 'ACCEPTED', 'MATCHED', 'IN_SERVICE'],
    urgency_URGENT: 'URGENT',
    cutoff_URGENT: new Date('2026-11-26T08:00:00.000Z'),
    urgency_HIGH: 'HIGH',
    cutoff_HIGH: new Date('2026-11-24T08:00:00.000Z'),
    urgency_NORMAL: 'NORMAL',
    cutoff_NORMAL: new Date('2026-11-20T08:00:00.000Z'),
    urgency_LOW: 'LOW',
    cutoff_LOW: new Date('2026-11-13T08:00:00.000Z'),
  });
});

test('passes answers a policy check as a boolean and lets other errors through', () => {
  const staff = { role: Role.STAFF, subject: 's', regionId: '530402006000' };
  expect(passes(() => requireStaffIn(staff, '530402006005'))).toBe(true);
  expect(passes(() => requireStaffIn(staff, '530403000000'))).toBe(false);
  expect(passes(() => requireStaffIn({ role: Role.PUBLIC, subject: 'p' }, '530402006005'))).toBe(false);
  expect(() =>
    passes(() => {
      throw new Error('not a refusal');
    }),
  ).toThrow('not a refusal');
});

test('the months of a trend are China calendar months, the current one last', () => {
  // 2026-10-31T16:30Z is already 1 November, 00:30, in China.
  const { starts, names } = chinaMonthBounds(3, new Date('2026-10-31T16:30:00.000Z'));
  expect(names).toEqual(['2026-09', '2026-10', '2026-11']);
  expect(starts.map((start) => start.toISOString())).toEqual([
    '2026-08-31T16:00:00.000Z',
    '2026-09-30T16:00:00.000Z',
    '2026-10-31T16:00:00.000Z',
    '2026-11-30T16:00:00.000Z',
  ]);
  expect(chinaMonthBounds(2, new Date('2027-01-15T00:00:00.000Z')).names).toEqual(['2026-12', '2027-01']);
  expect(() => requireTrendMonths(0)).toThrow('months must be 1 to 36');
  expect(() => requireTrendMonths(37)).toThrow('months must be 1 to 36');
  expect(() => requireTrendMonths(36)).not.toThrow();
});
