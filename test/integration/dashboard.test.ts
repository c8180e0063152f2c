import { Need } from '../../src/subgraphs/linkage/need.entity';
import * as D from '../helpers/dashboard-operations';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import * as W from '../helpers/workbench-operations';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  DashboardQuery,
  NeedTrendQuery,
  ServedPersonTimesQuery,
  SubmitUrgentNeedMutation,
} from '../helpers/generated/operations';

// The dashboard of issue 12: a region's figures, coverage, linkage index and three lists, its children's, and the
// trend of needs per month in China time.
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
/** 康井社区 (李棋街道): no seeded needs, so its trend is the test's own. */
const KANGJING = '530402006007';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestHub({ env: { QUERY_COST_LIMIT: '100000000' } });
});
afterAll(() => t?.close());

/** The first instant of the current calendar month in China (UTC+8), and that month's and the last one's names. */
function chinaMonth(now = new Date()) {
  const china = new Date(now.getTime() + 8 * HOUR);
  const start = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), 1) - 8 * HOUR;
  const name = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 7);
  return { start, current: name(start), previous: name(start - HOUR) };
}

async function need(submittedAt: number, resolvedAt: number | null) {
  const { submitNeed } = await t.query<SubmitUrgentNeedMutation>(
    W.SUBMIT_URGENT_NEED,
    { communityId: KANGJING, urgency: 'NORMAL', description: '趋势测试' },
    staff,
  );
  await t.database.dataSource.getRepository(Need).update(Number(submitNeed.id), {
    submittedAt: new Date(submittedAt),
    resolvedAt: resolvedAt && new Date(resolvedAt),
  });
}

test('needTrend counts needs submitted and resolved per China-time month, oldest first', async () => {
  const { start, current, previous } = chinaMonth();
  // Half an hour before the month began in China (still last month there, though already this month's date in UTC
  // only 8 hours later) and half an hour after.
  await need(start - HOUR / 2, start + HOUR / 2);
  await need(start + HOUR / 2, null);
  await need(start - 40 * 24 * HOUR, start - HOUR);
  const trend = async (id: string, months?: number) =>
    (await t.query<NeedTrendQuery>(D.NEED_TREND, { id, months })).region!.needTrend;
  const twoMonths = await trend(KANGJING, 2);
  expect(twoMonths).toEqual([
    { month: previous, submitted: 1, resolved: 1 },
    { month: current, submitted: 1, resolved: 1 },
  ]);
  const year = await trend(KANGJING);
  expect(year).toHaveLength(12);
  expect(year.slice(-2)).toEqual(twoMonths);
  expect(year.reduce((sum, m) => sum + m.submitted, 0)).toBe(3);
  // The township's trend holds the community's.
  const township = (await trend(LIQI, 2)).map((m) => m.submitted);
  expect(township[0]).toBeGreaterThanOrEqual(1);
  expect(township[1]).toBeGreaterThanOrEqual(1);
  expect(codeOf(await t.execute(D.NEED_TREND, { id: KANGJING, months: 37 }))).toBe('BAD_USER_INPUT');
  expect(codeOf(await t.execute(D.NEED_TREND, { id: KANGJING, months: 0 }))).toBe('BAD_USER_INPUT');
});

test('servedPersonTimes sums the service logs of the stations in the subtree', async () => {
  const sum = async (low: string, high: string) => {
    const [row] = await t.database.dataSource.query(
      'SELECT SUM(r.person_times) AS n FROM station_service_record r JOIN service_station s ON s.id = r.station_id WHERE s.region_id BETWEEN ? AND ?',
      [low, high],
    );
    return Number(row.n ?? 0);
  };
  const served = async (id: string) =>
    (await t.query<ServedPersonTimesQuery>(D.SERVED_PERSON_TIMES, { id })).region!.servedPersonTimes;
  // 下赫社区 holds the children's station of the report (7,450 person-times).
  expect(await served(XIAHE)).toBe(await sum(XIAHE, XIAHE));
  expect(await served(XIAHE)).toBeGreaterThanOrEqual(7450);
  expect(await served('530400000000')).toBe(await sum('530400000000', '530499999999'));
});

test('the whole dashboard of a 街道 and its communities is one request, its statements independent of the children', async () => {
  const statements = async (id: string) => {
    t.database.queries.reset();
    const data = await t.query<DashboardQuery>(D.DASHBOARD, { id }, staff);
    return { statements: t.database.queries.reset(), children: data.region!.children.length, data };
  };
  const township = await statements(LIQI);
  const city = await statements('530400000000');
  const hongta = await statements('530402000000');
  expect(township.children).toBe(9);
  expect(township.data.region!.name).toBe('李棋街道');
  expect(township.data.region!.needTrend).toHaveLength(12);
  expect(township.data.region!.resourceList).toHaveLength(11);
  process.stdout.write(
    `SQL statements for Dashboard: 李棋街道 (9 communities) → ${township.statements}, 玉溪市 (9 counties) → ${city.statements}\n`,
  );
  expect(city.children).toBe(9);
  expect(hongta.children).toBe(10);
  // One statement per list for the region, one per figure tally (all of a subgraph's figures at once: 27 before the
  // tallies, when each figure was its own aggregate) and one per figure for all its children together.
  expect([township.statements, city.statements, hongta.statements]).toEqual([22, 22, 22]);
});
