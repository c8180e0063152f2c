import type { Identity } from '../../src/auth/identity';
import { verifyFigures } from '../../src/commands/figures';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import * as Op from '../helpers/admin-operations';
import * as F from '../helpers/figures-operations';
import type {
  CheckOutMutation,
  CreateActivityMutation,
  CreateStationActivityMutation,
  RegionFiguresQuery,
  RegisterVolunteerMutation,
  SignUpMutation,
  StationFiguresQuery,
  SubmitNeedMutation,
} from '../helpers/generated/operations';
import { VERIFY_HOURS_BATCH, REJECT_HOURS } from '../helpers/hours-operations';
import { IDENTITIES, JIANGCHUAN_COMMUNITY, LIQI, XIAHE } from '../helpers/identities';
import { UPDATE_SOCIAL_WORKER } from '../helpers/registry-operations';
import { BUSY_CLIENT_ENV, startTestHub, type GraphQLResult, type TestHub } from '../helpers/test-hub';

// Region and station figures are tallies kept by the writes (src/db/figure-tally.ts). Here they are compared with
// counts written by hand, and with a fresh COUNT/SUM after bursts of parallel writes of every kind that changes a
// counted row (on MariaDB: row locks, REPEATABLE READ, deadlock retries).
let t: TestHub;
const admin = IDENTITIES.ADMIN;
const CITY = '530400000000';
const HONGTA = '530402000000';

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
});
afterAll(() => t?.close());

async function expectMaintainedEqualsFresh() {
  const { checked, differences } = await verifyFigures(t.database.dataSource);
  expect(differences).toEqual([]);
  // Every figure of every region and station holding something: thousands even in the small city.
  expect(checked).toBeGreaterThan(2000);
}

/** One number from SQL written out here, independently of the tallies and of the code that fills them. */
async function count(sql: string, parameters: unknown[]): Promise<number> {
  const [row] = await t.database.dataSource.query(sql.replace(/\s+/g, ' '), parameters);
  return Number(Object.values(row as Record<string, unknown>)[0] ?? 0);
}

/** The figures of the region whose codes start with `prefix`, counted by hand over the source tables. */
async function countedByHand(prefix: string) {
  const like = [`${prefix}%`];
  const needs = (statuses: string) =>
    count(`SELECT COUNT(*) FROM need WHERE community_id LIKE ? AND status IN (${statuses})`, like);
  const population = await count('SELECT SUM(own_population) FROM region WHERE id LIKE ?', like);
  const organizationCount = await count(
    "SELECT COUNT(*) FROM social_organization WHERE region_id LIKE ? AND status = 'ACTIVE'",
    like,
  );
  return {
    population,
    organizationCount,
    organizationsPer10k: population ? Math.round((organizationCount * 10000 * 100) / population) / 100 : null,
    volunteerCount: await count('SELECT COUNT(*) FROM volunteer WHERE region_id LIKE ?', like),
    volunteerTeamCount: await count('SELECT COUNT(*) FROM volunteer_team WHERE region_id LIKE ?', like),
    volunteerActivityCount: await count('SELECT COUNT(*) FROM volunteer_activity WHERE region_id LIKE ?', like),
    volunteerHours:
      (await count('SELECT SUM(half_hours) FROM service_hours WHERE region_id LIKE ? AND verified = TRUE', like)) / 2,
    socialWorkerCount: await count('SELECT COUNT(*) FROM social_worker WHERE region_id LIKE ?', like),
    servedPersonTimes: await count(
      `SELECT SUM(r.person_times) FROM station_service_record r
         JOIN service_station s ON s.id = r.station_id WHERE s.region_id LIKE ?`,
      like,
    ),
    needStats: {
      total: await count('SELECT COUNT(*) FROM need WHERE community_id LIKE ?', like),
      open: await needs("'SUBMITTED', 'ACCEPTED', 'MATCHED', 'IN_SERVICE'"),
      resolved: await needs("'RESOLVED', 'CLOSED'"),
      rejected: await needs("'REJECTED'"),
    },
  };
}

const figuresOf = async (id: string) => (await t.query<RegionFiguresQuery>(F.REGION_FIGURES, { id }, admin)).region!;

test('after the seed every maintained figure equals a fresh COUNT/SUM, and the graph serves the counts', async () => {
  await expectMaintainedEqualsFresh();
  for (const [id, prefix] of [
    [CITY, '5304'],
    [HONGTA, '530402'],
    [LIQI, '530402006'],
    [XIAHE, '530402006005'],
  ]) {
    expect(await figuresOf(id)).toEqual({ id, ...(await countedByHand(prefix)) });
  }
  // The seed's named facts (test/integration/yuxi-facts.test.ts checks them too): 2,249,502 residents at full
  // scale are the census and do not shrink with the small city.
  expect((await figuresOf(CITY)).population).toBe(2249502);
});

test('the station figures are served from their tallies, equal to the station logs and hours counted by hand', async () => {
  const { serviceStations } = await t.query<StationFiguresQuery>(F.STATION_FIGURES, { regionId: CITY, first: 100 });
  expect(serviceStations.nodes.length).toBeGreaterThan(50);
  let nonZero = 0;
  for (const station of serviceStations.nodes) {
    const id = Number(station.id);
    expect(station).toEqual({
      id: station.id,
      regionId: station.regionId,
      servedPersonTimes: await count('SELECT SUM(person_times) FROM station_service_record WHERE station_id = ?', [id]),
      volunteerCount: await count('SELECT COUNT(*) FROM volunteer WHERE station_id = ?', [id]),
      volunteerHours:
        (await count('SELECT SUM(half_hours) FROM service_hours WHERE station_id = ? AND verified = TRUE', [id])) / 2,
    });
    if (station.servedPersonTimes || station.volunteerCount || station.volunteerHours) nonZero += 1;
  }
  expect(nonZero).toBeGreaterThan(0);
});

/** Sends every request at once; answers each request's outcome: 'ok' or its error code. */
async function parallel(
  requests: { query: string; variables: Record<string, unknown>; identity?: Identity }[],
): Promise<{ results: GraphQLResult[]; outcomes: string[] }> {
  const results = await Promise.all(requests.map((r) => t.execute(r.query, r.variables, r.identity ?? admin)));
  return {
    results,
    outcomes: results.map((result) => (result.errors?.length ? String(result.errors[0].extensions?.code) : 'ok')),
  };
}

const oks = (outcomes: string[], from = 0, to = outcomes.length) =>
  outcomes.slice(from, to).filter((o) => o === 'ok').length;

/** A tiny deterministic random sequence, so a failing run can be repeated. */
function randomSequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

test('parallel writes of every kind that changes a counted row leave every figure equal to a fresh COUNT/SUM', async () => {
  const random = randomSequence(13);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const before = await figuresOf(CITY);

  // A station of 李棋街道 with an activity there, and volunteers with hours waiting for verification.
  const { serviceStations } = await t.query<StationFiguresQuery>(F.STATION_FIGURES, { regionId: LIQI, first: 1 });
  const station = serviceStations.nodes[0];
  const stationActivity = (
    await t.query<CreateStationActivityMutation>(
      F.CREATE_STATION_ACTIVITY,
      { regionId: station.regionId, stationId: station.id },
      admin,
    )
  ).createVolunteerActivity.id;
  const plainActivity = (await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE }, admin))
    .createVolunteerActivity.id;
  const pending: { id: string; hours: number }[] = [];
  for (let i = 0; i < 8; i += 1) {
    const [activity, regionId] = i % 2 ? [stationActivity, station.regionId] : [plainActivity, XIAHE];
    const volunteer = (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId }, admin))
      .registerVolunteer.id;
    await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, admin);
    await t.query(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-20T01:00:00Z' }, admin);
    const { checkOut } = await t.query<CheckOutMutation>(
      Op.CHECK_OUT,
      { a: activity, v: volunteer, at: `2026-11-20T0${2 + (i % 4)}:10:00Z` },
      admin,
    );
    pending.push({ id: checkOut.id, hours: checkOut.hours });
  }
  const seededOrganizations: string[] = (
    await t.database.dataSource.query('SELECT id FROM social_organization ORDER BY id LIMIT 4')
  ).map((row: { id: number }) => String(row.id));
  const seededWorkers: string[] = (
    await t.database.dataSource.query('SELECT id FROM social_worker ORDER BY id LIMIT 3')
  ).map((row: { id: number }) => String(row.id));
  const places = [XIAHE, JIANGCHUAN_COMMUNITY];

  // Burst 1: registrations, new activities, organisations and their statuses racing each other on the same rows,
  // social workers, needs, and every pending hour record verified twice at once (once alone, once in a batch) or
  // rejected while it is being verified.
  const first: { query: string; variables: Record<string, unknown> }[] = [
    ...Array.from({ length: 10 }, (_, i) => ({ query: Op.REGISTER_VOLUNTEER, variables: { regionId: places[i % 2] } })),
    ...Array.from({ length: 6 }, (_, i) => ({ query: Op.CREATE_ACTIVITY, variables: { regionId: places[i % 2] } })),
    ...Array.from({ length: 6 }, (_, i) => ({
      query: Op.REGISTER_ORGANIZATION,
      variables: {
        input: {
          name: `图表测试社会组织${i}`,
          kind: 'COMMUNITY_ORG',
          creditCode: makeCreditCode('1', '530402', `FG${String(i).padStart(6, '0')}`),
          regionId: places[i % 2],
          category: 'ELDERLY_CARE',
        },
      },
    })),
    ...Array.from({ length: 12 }, () => ({
      query: F.SET_STATUS,
      variables: { id: pick(seededOrganizations), status: pick(['ACTIVE', 'SUSPENDED', 'DEREGISTERED']) },
    })),
    ...Array.from({ length: 6 }, (_, i) => ({
      query: Op.REGISTER_SOCIAL_WORKER,
      variables: { regionId: places[i % 2] },
    })),
    ...seededWorkers.map((id) => ({ query: UPDATE_SOCIAL_WORKER, variables: { id, input: { name: '社工乙' } } })),
    ...seededWorkers.map((id) => ({ query: Op.RECORD_CERTIFICATE, variables: { id, level: 'SENIOR' } })),
    ...Array.from({ length: 12 }, (_, i) => ({ query: Op.SUBMIT_NEED, variables: { communityId: places[i % 2] } })),
    ...pending.flatMap((record, i) => [
      { query: Op.VERIFY_HOURS, variables: { id: record.id } },
      i % 4 === 3
        ? { query: REJECT_HOURS, variables: { id: record.id, reason: '记录有误' } }
        : { query: VERIFY_HOURS_BATCH, variables: { ids: [record.id] } },
    ]),
  ];
  const burst1 = await parallel(first);
  const at = (query: string) => first.flatMap((r, i) => (r.query === query ? [burst1.outcomes[i]] : []));
  // Nothing but the races the test sets up may fail: each pending record is decided once, by one of its two.
  expect(at(Op.REGISTER_VOLUNTEER)).toEqual(Array(10).fill('ok'));
  expect(at(Op.CREATE_ACTIVITY)).toEqual(Array(6).fill('ok'));
  expect(at(Op.REGISTER_ORGANIZATION)).toEqual(Array(6).fill('ok'));
  expect(at(F.SET_STATUS)).toEqual(Array(12).fill('ok'));
  expect(at(Op.REGISTER_SOCIAL_WORKER)).toEqual(Array(6).fill('ok'));
  expect(at(Op.SUBMIT_NEED)).toEqual(Array(12).fill('ok'));
  const verified = pending.filter((record) => {
    const decisions = burst1.results.flatMap((result, i) =>
      first[i].variables.id === record.id || (first[i].variables.ids as string[] | undefined)?.[0] === record.id
        ? [result]
        : [],
    );
    expect(decisions.filter((d) => !d.errors?.length)).toHaveLength(1);
    const winner = decisions.find((d) => !d.errors?.length)!.data!;
    return 'verifyServiceHours' in winner || 'verifyServiceHoursBatch' in winner;
  });
  expect(verified.length).toBeGreaterThanOrEqual(6);

  // Bursts 2-6: every need moved along its workflow by two racing requests per step: one wins, the other is
  // refused as a transition from the state the winner left. A third of them are rejected, the rest resolved, half of
  // those closed.
  const needs = burst1.results
    .filter((_, i) => first[i].query === Op.SUBMIT_NEED)
    .map((result) => (result.data as unknown as SubmitNeedMutation).submitNeed.id);
  const race = async (ids: string[], name: string) => {
    const { outcomes } = await parallel(
      ids.flatMap((id) =>
        Array.from({ length: 2 }, () =>
          name === 'rejectNeed'
            ? { query: Op.REJECT_NEED, variables: { id, reason: '不在服务范围' } }
            : { query: Op.NEED_TRANSITION(name), variables: { id } },
        ),
      ),
    );
    for (let i = 0; i < ids.length; i += 1) expect(oks(outcomes, 2 * i, 2 * i + 2)).toBe(1);
  };
  const rejected = needs.filter((_, i) => i % 3 === 0);
  const served = needs.filter((_, i) => i % 3 !== 0);
  await race(needs, 'acceptNeed');
  await Promise.all([race(rejected, 'rejectNeed'), race(served, 'matchNeed')]);
  await race(served, 'startNeedService');
  await race(served, 'resolveNeed');
  await race(
    served.filter((_, i) => i % 2 === 0),
    'closeNeed',
  );

  await expectMaintainedEqualsFresh();
  // And the city's figures moved by what the writes did, counted here from the answers.
  const after = await figuresOf(CITY);
  expect(after.volunteerCount - before.volunteerCount).toBe(8 + 10);
  expect(after.volunteerActivityCount - before.volunteerActivityCount).toBe(2 + 6);
  expect(after.socialWorkerCount - before.socialWorkerCount).toBe(6);
  expect(after.volunteerHours - before.volunteerHours).toBe(verified.reduce((sum, r) => sum + r.hours, 0));
  expect(after.needStats).toEqual({
    total: before.needStats.total + 12,
    open: before.needStats.open,
    resolved: before.needStats.resolved + 8,
    rejected: before.needStats.rejected + 4,
  });
  expect(await figuresOf(CITY)).toEqual({ id: CITY, ...(await countedByHand('5304')) });
});

test('the figures of one region or of ~80 regions over three levels cost a small constant number of statements', async () => {
  const statements = async (query: string, variables: Record<string, unknown>) => {
    t.database.queries.reset();
    await t.query(query, variables);
    return t.database.queries.reset();
  };
  // The region; then one indexed read per tally: community (population, servedPersonTimes), organisation,
  // social work, volunteer, needs — whatever the size of the city.
  expect(await statements(F.REGION_FIGURES, { id: CITY })).toBe(6);
  // Two more levels of children: one statement each for the regions, and the community subgraph reads its tally
  // once per level (it resolves the tree level by level); the other subgraphs get every region in one batch.
  expect(await statements(F.REGION_FIGURE_TREE, { id: CITY })).toBe(10);
  expect(await statements(F.STATION_FIGURES, { regionId: CITY, first: 100 })).toBe(3);
});
