import type { Identity } from '../../src/auth/identity';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import * as L from '../helpers/linkage-operations';
import { startTestHub, type GraphQLResult, type TestHub } from '../helpers/test-hub';
import type {
  CheckInMutation,
  CheckOutMutation,
  CreateActivityMutation,
  OpenRoundMutation,
  RecordResourceMutation,
  RegisterVolunteerMutation,
  ReviewApplicationMutation,
  SignUpMutation,
  SubmitApplicationMutation,
  SubmitNeedMutation,
  VerifyLedgerQuery,
} from '../helpers/generated/operations';

// Parallel bursts through the real gateway and subgraphs. On MariaDB (REPEATABLE READ, row locks, deadlock
// detection) they prove the invariants are held by the database; on SQLite they prove the same answers.
let t: TestHub;
const admin = IDENTITIES.ADMIN;
const staff = IDENTITIES.STAFF_IN;

beforeAll(async () => {
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '100000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000' },
  });
});
afterAll(() => t?.close());

/** Sends `count` requests at once and tallies the outcome of each: 'ok' or its error code. */
async function burst<T = Record<string, unknown>>(
  count: number,
  request: (index: number) => { query: string; variables: Record<string, unknown>; identity: Identity },
): Promise<{ results: GraphQLResult<T>[]; outcomes: Record<string, number> }> {
  const results = await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const { query, variables, identity } = request(index);
      return t.execute<T>(query, variables, identity);
    }),
  );
  const outcomes: Record<string, number> = {};
  for (const result of results) {
    const outcome = result.errors?.length ? String(result.errors[0].extensions?.code) : 'ok';
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return { results, outcomes };
}

async function registerVolunteers(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push(
      (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, staff)).registerVolunteer
        .id,
    );
  }
  return ids;
}

async function createActivity(capacity: number | null): Promise<string> {
  return (await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE, capacity }, staff))
    .createVolunteerActivity.id;
}

/** Signs each volunteer up, checks them in and out (3 h), and returns the unverified service-hours ids. */
async function recordThreeHours(volunteers: string[]): Promise<string[]> {
  const activity = await createActivity(null);
  const ids: string[] = [];
  for (const volunteer of volunteers) {
    await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, staff);
    await t.query<CheckInMutation>(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-20T01:00:00Z' }, staff);
    const { checkOut } = await t.query<CheckOutMutation>(
      Op.CHECK_OUT,
      { a: activity, v: volunteer, at: '2026-11-20T04:00:00Z' },
      staff,
    );
    ids.push(checkOut.id);
  }
  return ids;
}

const balanceOf = async (volunteer: string) =>
  (await t.query(`query($id: ID!) { volunteer(id: $id) { timeBankBalance serviceHours } }`, { id: volunteer }, staff))
    .volunteer;

test('20 parallel approvals on a round with quota 3 fund exactly 3', async () => {
  const round = (await t.query<OpenRoundMutation>(Op.OPEN_ROUND, { quota: 3 }, admin)).openProjectRound.id;
  const applications: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    const { submitProjectApplication } = await t.query<SubmitApplicationMutation>(
      Op.SUBMIT_APPLICATION,
      { roundId: round, applicantId: '3', regionId: XIAHE },
      staff,
    );
    await t.query<ReviewApplicationMutation>(
      Op.REVIEW_APPLICATION,
      { id: submitProjectApplication.id, score: 80 + (i % 10) },
      staff,
    );
    applications.push(submitProjectApplication.id);
  }

  const { outcomes } = await burst(20, (i) => ({
    query: Op.PROJECT_STEP('approveProjectApplication'),
    variables: { id: applications[i] },
    identity: admin,
  }));

  expect(outcomes).toEqual({ ok: 3, QUOTA_EXCEEDED: 17 });
  const figures = await t.query(`query($id: ID!) { projectRound(id: $id) { applicationCount fundedCount } }`, {
    id: round,
  });
  expect(figures.projectRound).toEqual({ applicationCount: 20, fundedCount: 3 });
});

test('50 parallel submitNeed take 50 distinct numbers of the day', async () => {
  const { results, outcomes } = await burst<SubmitNeedMutation>(50, () => ({
    query: Op.SUBMIT_NEED,
    variables: { communityId: XIAHE },
    identity: staff,
  }));

  expect(outcomes).toEqual({ ok: 50 });
  const numbers = results.map((r) => r.data!.submitNeed.number);
  expect(new Set(numbers).size).toBe(50);
  for (const number of numbers) expect(number).toMatch(/^XQ\d{8}-\d{4}$/);
  // One day's numbers run 0001, 0002, … without gaps (this test is the first to submit today).
  const sequence = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
  expect(sequence).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
});

describe('the hour ledger under parallel verify and redeem', () => {
  let volunteers: string[];
  let hours: string[];

  beforeAll(async () => {
    volunteers = await registerVolunteers(20);
    hours = await recordThreeHours(volunteers);
  });

  test('20 parallel verifications of different records all land, and the chain holds', async () => {
    const { outcomes } = await burst(20, (i) => ({
      query: Op.VERIFY_HOURS,
      variables: { id: hours[i] },
      identity: staff,
    }));

    expect(outcomes).toEqual({ ok: 20 });
    for (const volunteer of volunteers.slice(0, 3)) {
      expect(await balanceOf(volunteer)).toEqual({ timeBankBalance: 3, serviceHours: 3 });
    }
    expect((await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger).toMatchObject({
      ok: true,
      firstBrokenEntryId: null,
    });
  });

  test('20 parallel redemptions of 1 h from a balance of 3 h: 3 spent, never a negative balance', async () => {
    const volunteer = volunteers[0];
    const { outcomes } = await burst(20, () => ({
      query: L.REDEEM,
      variables: { v: volunteer, hours: 1 },
      identity: staff,
    }));

    expect(outcomes).toEqual({ ok: 3, INSUFFICIENT_BALANCE: 17 });
    expect(await balanceOf(volunteer)).toEqual({ timeBankBalance: 0, serviceHours: 3 });
    expect((await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger.ok).toBe(true);
  });

  test('20 parallel redemptions and verifications mixed: every one answers, balances stay exact', async () => {
    const [spender, ...earners] = volunteers.slice(1, 12);
    const fresh = await recordThreeHours(earners);
    const { outcomes } = await burst(20, (i) =>
      i % 2 === 0
        ? { query: L.REDEEM, variables: { v: spender, hours: 0.5 }, identity: staff }
        : { query: Op.VERIFY_HOURS, variables: { id: fresh[(i - 1) / 2] }, identity: staff },
    );

    // The spender had 3 h: six of the ten half-hour redemptions fit; all ten verifications land.
    expect(outcomes).toEqual({ ok: 6 + 10, INSUFFICIENT_BALANCE: 4 });
    expect(await balanceOf(spender)).toEqual({ timeBankBalance: 0, serviceHours: 3 });
    for (const earner of earners.slice(0, 3)) {
      expect(await balanceOf(earner)).toEqual({ timeBankBalance: 6, serviceHours: 6 });
    }
    expect((await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger.ok).toBe(true);
  });

  test('a ledger kept before it had a head: 20 parallel verifications race to create it and all land', async () => {
    const late = await registerVolunteers(20);
    const records = await recordThreeHours(late);
    await t.database.dataSource.query('DELETE FROM hour_ledger_head');
    const { outcomes } = await burst(20, (i) => ({
      query: Op.VERIFY_HOURS,
      variables: { id: records[i] },
      identity: staff,
    }));

    expect(outcomes).toEqual({ ok: 20 });
    expect((await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger.ok).toBe(true);
  });

  test('the same record verified 20 times at once is earned once', async () => {
    const [volunteer] = await registerVolunteers(1);
    const [record] = await recordThreeHours([volunteer]);
    const { outcomes } = await burst(20, () => ({
      query: Op.VERIFY_HOURS,
      variables: { id: record },
      identity: staff,
    }));

    expect(outcomes).toEqual({ ok: 1, ALREADY_VERIFIED: 19 });
    expect(await balanceOf(volunteer)).toEqual({ timeBankBalance: 3, serviceHours: 3 });
  });
});

describe('sign-ups and check-outs', () => {
  test('50 parallel sign-ups for an activity of capacity 5 take exactly 5 places', async () => {
    const volunteers = await registerVolunteers(50);
    const activity = await createActivity(5);
    const { outcomes } = await burst(50, (i) => ({
      query: Op.SIGN_UP,
      variables: { activityId: activity, volunteerId: volunteers[i] },
      identity: staff,
    }));

    expect(outcomes).toEqual({ ok: 5, ACTIVITY_FULL: 45 });
    const signups = await t.database.dataSource.query(
      'SELECT COUNT(*) AS n FROM activity_signup WHERE activity_id = ?',
      [Number(activity)],
    );
    expect(Number(signups[0].n)).toBe(5);
  });

  test('one volunteer signing up 20 times at once is signed up once', async () => {
    const [volunteer] = await registerVolunteers(1);
    const activity = await createActivity(null);
    const { outcomes } = await burst(20, () => ({
      query: Op.SIGN_UP,
      variables: { activityId: activity, volunteerId: volunteer },
      identity: staff,
    }));

    expect(outcomes).toEqual({ ok: 1, ALREADY_SIGNED_UP: 19 });
  });

  test('20 parallel check-outs of one sign-up record its hours once', async () => {
    const [volunteer] = await registerVolunteers(1);
    const activity = await createActivity(null);
    await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, staff);
    await t.query<CheckInMutation>(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-21T01:00:00Z' }, staff);
    const { outcomes } = await burst(20, () => ({
      query: Op.CHECK_OUT,
      variables: { a: activity, v: volunteer, at: '2026-11-21T03:00:00Z' },
      identity: staff,
    }));

    expect(outcomes).toEqual({ ok: 1, ALREADY_CHECKED_OUT: 19 });
    const rows = await t.database.dataSource.query('SELECT COUNT(*) AS n FROM service_hours WHERE volunteer_id = ?', [
      Number(volunteer),
    ]);
    expect(Number(rows[0].n)).toBe(1);
  });
});

test('20 parallel allocations of 7 from 100 give 14 of them and leave 2', async () => {
  const resource = (await t.query<RecordResourceMutation>(Op.RECORD_RESOURCE, { regionId: XIAHE, amount: 100 }, staff))
    .recordCharityResource.id;
  const need = (await t.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE }, staff)).submitNeed.id;
  const { outcomes } = await burst(20, () => ({
    query: Op.ALLOCATE,
    variables: { resourceId: resource, amount: 7, needId: need },
    identity: staff,
  }));

  expect(outcomes).toEqual({ ok: 14, INSUFFICIENT_RESOURCE: 6 });
  const after = await t.query(`query($id: ID!) { charityResource(id: $id) { remaining } }`, { id: resource });
  expect(after.charityResource).toEqual({ remaining: 2 });
});

test('a need rated 20 times at once keeps the first rating', async () => {
  const need = (await t.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE }, staff)).submitNeed.id;
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed']) {
    await t.query(Op.NEED_TRANSITION(step), { id: need }, staff);
  }
  const { outcomes } = await burst(20, (i) => ({
    query: Op.RATE_NEED,
    variables: { id: need, rating: 1 + (i % 5) },
    identity: staff,
  }));

  expect(outcomes).toEqual({ ok: 1, ALREADY_RATED: 19 });
});
