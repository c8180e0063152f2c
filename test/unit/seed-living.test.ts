import { generateYuxi } from '../../src/seed/generate';

// The demo data that lives (upcoming activities, their sign-ups, open needs) is dated from the seed's `now`; the
// rest of the city must not depend on the day, and the same `now` must give the same rows.
const SCALE = 0.01;
const NOW = new Date('2026-11-27T02:00:00Z'); // 10:00 in Yuxi
const LATER = new Date('2027-03-15T14:30:00Z');
const DAY_MS = 86_400_000;
/** YYYY-MM-DD in China time (UTC+8), as the seed and the bot count days. */
const chinaDay = (moment: Date) => new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

type Rows = Record<string, Record<string, unknown>[]>;
const dataset = (now: Date): Rows =>
  Object.fromEntries(
    generateYuxi({ scale: SCALE, now }).map((t) => [t.entity.name, JSON.parse(JSON.stringify(t.rows)) as never]),
  );

const atNow = dataset(NOW);
const atLater = dataset(LATER);
const today = chinaDay(NOW);
const upcoming = atNow.VolunteerActivity.filter((a) => String(a.startsOn) > today);

test('the same now gives the same dataset', () => {
  expect(dataset(NOW)).toEqual(atNow);
});

test('another day changes only upcoming activities, their sign-ups and the open needs (with their history)', () => {
  const changed = Object.keys(atNow).filter((name) => JSON.stringify(atNow[name]) !== JSON.stringify(atLater[name]));
  expect(changed.sort()).toEqual(['ActivitySignup', 'LinkageCase', 'Need', 'NeedEvent', 'VolunteerActivity']);
  const differing = (name: string) =>
    atNow[name].filter((row, i) => JSON.stringify(row) !== JSON.stringify(atLater[name][i])).map((row) => row.id);
  expect(differing('VolunteerActivity')).toEqual(upcoming.map((a) => a.id));
  // Open needs come after the 308 resolved needs of 暖暖公益协会, which stay as the report has them.
  expect(differing('Need').every((id) => Number(id) > 308)).toBe(true);
  const changedEvents = atNow.NeedEvent.filter(
    (row, i) => JSON.stringify(row) !== JSON.stringify(atLater.NeedEvent[i]),
  );
  expect(changedEvents.length).toBeGreaterThan(0);
  expect(changedEvents.every((event) => Number(event.needId) > 308)).toBe(true);
});

test('the activity count is the report’s, scaled: upcoming ones took the places of past ones', () => {
  expect(atNow.VolunteerActivity).toHaveLength(Math.round(32305 * SCALE));
  expect(atLater.VolunteerActivity).toHaveLength(Math.round(32305 * SCALE));
});

test('upcoming activities: open, within four weeks after today, in every county and at the named places', () => {
  expect(upcoming.length).toBeGreaterThanOrEqual(9 + 6);
  const lastDay = chinaDay(new Date(NOW.getTime() + 28 * DAY_MS));
  for (const activity of upcoming) {
    expect(activity).toMatchObject({ status: 'OPEN' });
    expect(String(activity.startsOn) <= lastDay).toBe(true);
  }
  const counties = new Set(upcoming.map((a) => String(a.regionId).slice(0, 6)));
  expect([...counties].sort()).toEqual(
    ['530402', '530403', '530481', '530423', '530424', '530425', '530426', '530427', '530428'].sort(),
  );
  expect(upcoming.filter((a) => a.regionId === '530402002004').length).toBeGreaterThanOrEqual(2); // 葫田社区
  expect(upcoming.filter((a) => a.regionId === '530402006005').length).toBeGreaterThanOrEqual(2); // 下赫社区
  // Every past activity is finished; none of the upcoming was before the seed ran.
  const past = atNow.VolunteerActivity.filter((a) => String(a.startsOn) <= today);
  expect(past.every((a) => a.status === 'FINISHED')).toBe(true);
  expect(past.length + upcoming.length).toBe(atNow.VolunteerActivity.length);
});

test('nothing served yet: no hours and no ledger entries for upcoming activities; sign-ups made before now', () => {
  const upcomingIds = new Set(upcoming.map((a) => a.id));
  expect(atNow.ServiceHours.filter((h) => upcomingIds.has(h.activityId))).toEqual([]);
  expect(atNow.ServiceHours.every((h) => String(h.servedOn) <= today)).toBe(true);
  expect(atNow.HourLedgerEntry).toHaveLength(atNow.ServiceHours.length);
  const signups = atNow.ActivitySignup;
  expect(signups.length).toBeGreaterThan(0);
  for (const signup of signups) {
    expect(upcomingIds.has(signup.activityId)).toBe(true);
    expect(new Date(String(signup.signedUpAt)).getTime()).toBeLessThan(NOW.getTime());
    expect(signup).toMatchObject({ checkedInAt: null, checkedOutAt: null });
  }
  const pairs = signups.map((s) => `${s.activityId}/${s.volunteerId}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  for (const activity of upcoming) {
    const taken = signups.filter((s) => s.activityId === activity.id).length;
    expect(taken).toBeLessThanOrEqual(Number(activity.capacity));
  }
});

test('open needs in 葫田社区 and 下赫社区: submitted before today, numbered per day, matched ones with a case', () => {
  const open = atNow.Need.filter((n) => ['SUBMITTED', 'ACCEPTED', 'MATCHED'].includes(String(n.status)));
  expect(new Set(open.map((n) => n.status))).toEqual(new Set(['SUBMITTED', 'ACCEPTED', 'MATCHED']));
  expect(new Set(open.map((n) => n.communityId))).toEqual(new Set(['530402002004', '530402006005']));
  for (const need of open) {
    const submitted = new Date(String(need.submittedAt));
    expect(chinaDay(submitted) < today).toBe(true);
    expect(String(need.number)).toMatch(new RegExp(`^XQ${chinaDay(submitted).replace(/-/g, '')}-\\d{4}$`));
    expect(String(need.description).length).toBeGreaterThan(10);
  }
  // Per day the numbers run 0001, 0002, … so today's first submission is not taken.
  const byDay = new Map<string, string[]>();
  for (const need of open) {
    const day = String(need.number).slice(2, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), String(need.number).slice(-4)]);
  }
  for (const numbers of byDay.values())
    expect(numbers.sort()).toEqual(numbers.map((_, i) => String(i + 1).padStart(4, '0')));
  const cased = new Set(atNow.LinkageCase.map((c) => c.needId));
  expect(open.filter((n) => n.status === 'MATCHED').every((n) => cased.has(n.id))).toBe(true);
  expect(open.filter((n) => n.status !== 'MATCHED').some((n) => cased.has(n.id))).toBe(false);
});
