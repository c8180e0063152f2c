import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ActivityCountQuery,
  DemoRegisterVolunteerMutation,
  OpenNeedsInQuery,
  UpcomingInQuery,
} from '../helpers/generated/operations';
import { IDENTITIES } from '../helpers/identities';
import * as L from '../helpers/living-operations';
import { SMALL_SCALE, startTestHub, type TestHub } from '../helpers/test-hub';

// The small city seeded today, read through the public graph: the weeks ahead hold open activities (the bot's
// 活动 finds them), the named communities have open needs, and the report's totals hold as before.
const CITY = '530400000000';
const FENGHUANG = '530402002000'; // 凤凰街道, 葫田社区's township: what the demo group's 活动 asks about
const LIQI = '530402006000'; // 李棋街道, 下赫社区's township
const HUTIAN = '530402002004';
const XIAHE = '530402006005';
const ADMIN = IDENTITIES.ADMIN;
const chinaDay = (moment: Date) => new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

let t: TestHub;
let seededAt: Date;
beforeAll(async () => {
  seededAt = new Date();
  t = await startTestHub();
});
afterAll(() => t?.close());

test('the bot’s own 活动 document finds open activities ahead in 凤凰街道 and 李棋街道', async () => {
  const document = readFileSync(join(__dirname, '../../schema/operations/bot/upcoming-activities.graphql'), 'utf8');
  const today = chinaDay(seededAt);
  for (const township of [FENGHUANG, LIQI]) {
    const data = await t.query<{ volunteerActivities: { nodes: { startsOn: string }[] } }>(
      document,
      { regionId: township, from: today },
      IDENTITIES.BOT_IN,
    );
    expect(data.volunteerActivities.nodes.length).toBeGreaterThanOrEqual(3);
    expect(data.volunteerActivities.nodes.every((a) => a.startsOn > today)).toBe(true);
  }
});

test('every county has activities in the four weeks ahead; 葫田社区 and 下赫社区 have their own', async () => {
  const today = chinaDay(seededAt);
  const data = await t.query<UpcomingInQuery>(L.UPCOMING_IN, { regionId: CITY, from: today });
  const lastDay = chinaDay(new Date(seededAt.getTime() + 29 * 86_400_000));
  expect(data.volunteerActivities.nodes.every((a) => a.startsOn > today && a.startsOn <= lastDay)).toBe(true);
  const names = (regionId: string) =>
    t
      .query<UpcomingInQuery>(L.UPCOMING_IN, { regionId, from: today })
      .then((d) => d.volunteerActivities.nodes.map((a) => a.region?.name));
  expect(await names(HUTIAN)).toEqual(['葫田社区', '葫田社区', '葫田社区']);
  expect(await names(XIAHE)).toEqual(['下赫社区', '下赫社区', '下赫社区']);
  for (const county of ['530402', '530403', '530481', '530423', '530424', '530425', '530426', '530427', '530428']) {
    const upcoming = await t.query<UpcomingInQuery>(L.UPCOMING_IN, { regionId: `${county}000000`, from: today });
    expect({ county, some: upcoming.volunteerActivities.totalCount > 0 }).toEqual({ county, some: true });
  }
});

test('the city still counts the report’s activities and volunteers (scaled)', async () => {
  const data = await t.query<ActivityCountQuery>(L.ACTIVITY_COUNT, { id: CITY });
  // At scale S the generated bulk is the report's figure × S (never under the generator's floor).
  expect(data.region!.volunteerActivityCount).toBe(Math.round(32305 * SMALL_SCALE));
  expect(data.region!.volunteerCount).toBe(Math.round(331859 * SMALL_SCALE));
});

test('no hours recorded for an activity that has not happened; some residents already signed up', async () => {
  const today = chinaDay(seededAt);
  const dataSource = t.database.dataSource;
  const [hours] = await dataSource.query(
    'SELECT COUNT(*) AS n FROM service_hours h JOIN volunteer_activity a ON a.id = h.activity_id WHERE a.starts_on > ?',
    [today],
  );
  expect(Number(hours.n)).toBe(0);
  const [signups] = await dataSource.query(
    'SELECT COUNT(*) AS n, SUM(CASE WHEN s.checked_in_at IS NULL THEN 0 ELSE 1 END) AS checked FROM activity_signup s JOIN volunteer_activity a ON a.id = s.activity_id WHERE a.starts_on > ?',
    [today],
  );
  expect(Number(signups.n)).toBeGreaterThan(0);
  expect(Number(signups.checked)).toBe(0);
});

test('a new volunteer signs up for an upcoming activity of 葫田社区 like any other', async () => {
  const today = chinaDay(seededAt);
  const upcoming = await t.query<UpcomingInQuery>(L.UPCOMING_IN, { regionId: HUTIAN, from: today });
  const activity = upcoming.volunteerActivities.nodes[0];
  const volunteer = await t.query<DemoRegisterVolunteerMutation>(
    L.DEMO_REGISTER_VOLUNTEER,
    { regionId: HUTIAN },
    ADMIN,
  );
  const result = await t.execute(
    L.DEMO_SIGN_UP,
    { activityId: activity.id, volunteerId: volunteer.registerVolunteer.id },
    ADMIN,
  );
  expect(result.errors).toBeUndefined();
});

test('葫田社区 and 下赫社区 have open needs in each open state; matched ones have a linkage case', async () => {
  const today = chinaDay(seededAt);
  for (const status of ['SUBMITTED', 'ACCEPTED', 'MATCHED'] as const) {
    const nodes = [
      ...(await t.query<OpenNeedsInQuery>(L.OPEN_NEEDS_IN, { regionId: HUTIAN, status }, ADMIN)).needs.nodes,
      ...(await t.query<OpenNeedsInQuery>(L.OPEN_NEEDS_IN, { regionId: XIAHE, status }, ADMIN)).needs.nodes,
    ];
    expect(nodes.map((n) => n.community?.name).sort()).toEqual(['下赫社区', '葫田社区']);
    for (const need of nodes) {
      expect(need.description!.length).toBeGreaterThan(10);
      expect(need.number).toMatch(/^XQ\d{8}-\d{4}$/);
      expect(chinaDay(new Date(need.submittedAt as string)) < today).toBe(true);
      expect(need.linkageCase !== null).toBe(status === 'MATCHED');
    }
  }
});
