import type { Identity } from '../../src/auth/identity';
import * as Op from '../helpers/admin-operations';
import * as H from '../helpers/hours-operations';
import { IDENTITIES, JIANGCHUAN_COMMUNITY, XIAHE, orgIdentity } from '../helpers/identities';
import * as L from '../helpers/linkage-operations';
import { BUSY_CLIENT_ENV, codeOf, startTestHub, type GraphQLResult, type TestHub } from '../helpers/test-hub';
import type {
  ActivityRosterQuery,
  AuditLogQuery,
  CheckOutMutation,
  CreateActivityMutation,
  HoursQueueQuery,
  RegisterVolunteerMutation,
  RejectHoursMutation,
  RostersQuery,
  VerifyHoursBatchMutation,
  VerifyLedgerQuery,
} from '../helpers/generated/operations';

// The volunteer-hours queue of the console: pending check-outs of a region, verified one by one or in bulk, or
// rejected with a reason; and an activity's roster (issue 12). On MariaDB the races run with real row locks.
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
});
afterAll(() => t?.close());

/** A new activity in `regionId` with `count` new volunteers who served 3 hours each; the pending record ids. */
async function served(count: number, regionId = XIAHE, actor: Identity = staff) {
  const activity = (await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId }, actor))
    .createVolunteerActivity.id;
  const volunteers: string[] = [];
  const records: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const volunteer = (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId }, actor))
      .registerVolunteer.id;
    await t.query(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, actor);
    await t.query(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-20T01:00:00Z' }, actor);
    const { checkOut } = await t.query<CheckOutMutation>(
      Op.CHECK_OUT,
      { a: activity, v: volunteer, at: '2026-11-20T04:00:00Z' },
      actor,
    );
    volunteers.push(volunteer);
    records.push(checkOut.id);
  }
  return { activity, volunteers, records };
}

const queue = async (filter: Record<string, unknown>, identity: Identity = staff) =>
  (await t.query<HoursQueueQuery>(H.HOURS_QUEUE, { filter }, identity)).serviceHoursQueue;

/** Ledger entries that earned the record `id` (its EARN reference is hours:<id>:<fingerprint>). */
async function earnings(id: string): Promise<number> {
  const [row] = await t.database.dataSource.query(
    "SELECT COUNT(*) AS n FROM hour_ledger_entry WHERE kind = 'EARN' AND reference LIKE ?",
    [`hours:${id}:%`],
  );
  return Number(row.n);
}

const ledgerOk = async () => (await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger.ok;

describe('the queue', () => {
  test('lists a region’s pending records with volunteer, activity, hours and check-out time, for its staff', async () => {
    const { activity, records } = await served(2);
    const pending = await queue({ activityId: activity });
    expect(pending).toEqual({
      totalCount: 2,
      nodes: records.map((id) => ({
        id,
        hours: 3,
        servedOn: '2026-11-20',
        status: 'PENDING',
        checkedOutAt: '2026-11-20T04:00:00.000Z',
        rejectReason: null,
        volunteer: { displayName: '李**' },
        activity: { title: '垃圾分类宣传' },
      })),
    });
    // ADMIN sees them too; staff of 江川区 see their own region, where these are not; naming 下赫社区 is refused.
    expect((await queue({ activityId: activity }, admin)).totalCount).toBe(2);
    expect((await queue({ activityId: activity }, IDENTITIES.STAFF_OUT)).totalCount).toBe(0);
    const named = await t.execute(H.HOURS_QUEUE, { filter: { regionId: XIAHE } }, IDENTITIES.STAFF_OUT);
    expect(codeOf(named)).toBe('FORBIDDEN');
    for (const identity of [IDENTITIES.PUBLIC, IDENTITIES.BOT_IN, orgIdentity(3)]) {
      expect(codeOf(await t.execute(H.HOURS_QUEUE, { filter: { activityId: activity } }, identity))).toBe('FORBIDDEN');
    }
  });

  test('costs the same statements for 5 records and 50', async () => {
    const statements = async (first: number) => {
      t.database.queries.reset();
      const data = await t.query<HoursQueueQuery>(H.HOURS_QUEUE, { filter: { status: 'VERIFIED' }, first }, admin);
      return { statements: t.database.queries.reset(), records: data.serviceHoursQueue.nodes.length };
    };
    const small = await statements(5);
    const large = await statements(50);
    expect([small.records, large.records]).toEqual([5, 50]);
    process.stdout.write(
      `SQL statements for HoursQueue: first 5 → ${small.statements}, first 50 → ${large.statements}\n`,
    );
    // The page, its count, then one batch each: the volunteers, the activities, the activities' sign-ups.
    expect(small.statements).toBe(5);
    expect(large.statements).toBe(5);
  });
});

describe('rejecting', () => {
  test('needs a reason; a rejected record is never verified, counted or earned', async () => {
    const { activity, volunteers, records } = await served(2);
    const [rejected, other] = records;
    expect(codeOf(await t.execute(H.REJECT_HOURS, { id: rejected, reason: '  ' }, staff))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.execute(H.REJECT_HOURS, { id: rejected, reason: '未到场' }, IDENTITIES.STAFF_OUT))).toBe(
      'FORBIDDEN',
    );
    const { rejectServiceHours } = await t.query<RejectHoursMutation>(
      H.REJECT_HOURS,
      { id: rejected, reason: '签到时间与活动不符' },
      staff,
    );
    expect(rejectServiceHours).toEqual({
      id: rejected,
      status: 'REJECTED',
      verified: false,
      rejectReason: '签到时间与活动不符',
    });
    expect(codeOf(await t.execute(H.REJECT_HOURS, { id: rejected, reason: '再次驳回' }, staff))).toBe(
      'ALREADY_REJECTED',
    );
    expect(codeOf(await t.execute(Op.VERIFY_HOURS, { id: rejected }, staff))).toBe('ALREADY_REJECTED');
    // All or nothing: the batch that holds it verifies none of its records.
    expect(codeOf(await t.execute(H.VERIFY_HOURS_BATCH, { ids: [other, rejected] }, staff))).toBe('ALREADY_REJECTED');
    expect((await queue({ activityId: activity })).nodes.map((n) => n.id)).toEqual([other]);
    expect((await queue({ activityId: activity, status: 'REJECTED' })).nodes.map((n) => n.rejectReason)).toEqual([
      '签到时间与活动不符',
    ]);
    const volunteer = await t.query(H.HOURS_STATUS, { v: volunteers[0] }, staff);
    expect(volunteer).toEqual({
      volunteer: { serviceHours: 0, timeBankBalance: 0, serviceHourRecords: [{ id: rejected, status: 'REJECTED' }] },
    });
    expect(await earnings(rejected)).toBe(0);
    expect(await ledgerOk()).toBe(true);
  });
});

describe('bulk verification', () => {
  test('verifies up to 100 distinct records of the caller’s region, all or none, each earned once', async () => {
    const { records, volunteers } = await served(3);
    const elsewhere = await served(1, JIANGCHUAN_COMMUNITY, admin);
    const tooMany = Array.from({ length: 101 }, (_, i) => String(i + 1));
    expect(codeOf(await t.execute(H.VERIFY_HOURS_BATCH, { ids: tooMany }, staff))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.execute(H.VERIFY_HOURS_BATCH, { ids: [] }, staff))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.execute(H.VERIFY_HOURS_BATCH, { ids: [records[0], records[0]] }, staff))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.execute(H.VERIFY_HOURS_BATCH, { ids: [...records, '99999999'] }, staff))).toBe('NOT_FOUND');
    const mixed = await t.execute(H.VERIFY_HOURS_BATCH, { ids: [...records, elsewhere.records[0]] }, staff);
    expect(codeOf(mixed)).toBe('FORBIDDEN');
    for (const id of [...records, elsewhere.records[0]]) expect(await earnings(id)).toBe(0);

    const asked = [records[2], records[0], records[1]];
    const { verifyServiceHoursBatch } = await t.query<VerifyHoursBatchMutation>(
      H.VERIFY_HOURS_BATCH,
      { ids: asked },
      staff,
    );
    expect(verifyServiceHoursBatch).toEqual(asked.map((id) => ({ id, status: 'VERIFIED', verified: true })));
    for (const id of records) expect(await earnings(id)).toBe(1);
    expect(await t.query(H.HOURS_STATUS, { v: volunteers[1] }, staff)).toMatchObject({
      volunteer: { serviceHours: 3, timeBankBalance: 3 },
    });
    expect(await ledgerOk()).toBe(true);
    const audit = await t.query<AuditLogQuery>(Op.AUDIT_LOG, { operation: 'verifyServiceHoursBatch' }, admin);
    // The verification and, newest first, each refusal before it, with the ids it named.
    expect(audit.auditLog.nodes.slice(0, 6).map((n) => [n.subject, n.outcome, n.target])).toEqual([
      ['staff-liqi', 'OK', `ids=${asked.join(',')}`],
      ['staff-liqi', 'FORBIDDEN', `ids=${[...records, elsewhere.records[0]].join(',')}`],
      ['staff-liqi', 'NOT_FOUND', `ids=${[...records, '99999999'].join(',')}`],
      ['staff-liqi', 'BAD_USER_INPUT', `ids=${records[0]},${records[0]}`],
      ['staff-liqi', 'BAD_USER_INPUT', 'ids='],
      ['staff-liqi', 'BAD_USER_INPUT', tooMany.join(',').slice(0, 251).replace(/^/, 'ids=').slice(0, 255)],
    ]);
  });
});

describe('the roster', () => {
  test('shows each sign-up with check-in, check-out and its hours to staff of the region only', async () => {
    const { activity, volunteers, records } = await served(2);
    await t.query(Op.VERIFY_HOURS, { id: records[1] }, staff);
    const late = (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, staff))
      .registerVolunteer.id;
    await t.query(Op.SIGN_UP, { activityId: activity, volunteerId: late }, staff);
    const roster = async (identity: Identity) =>
      (await t.query<ActivityRosterQuery>(H.ACTIVITY_ROSTER, { id: activity }, identity)).volunteerActivity!.roster;
    const served3 = { checkedInAt: '2026-11-20T01:00:00.000Z', checkedOutAt: '2026-11-20T04:00:00.000Z' };
    expect(await roster(staff)).toEqual([
      {
        ...served3,
        volunteer: { id: volunteers[0], displayName: '李**' },
        serviceHours: { hours: 3, status: 'PENDING' },
      },
      {
        ...served3,
        volunteer: { id: volunteers[1], displayName: '李**' },
        serviceHours: { hours: 3, status: 'VERIFIED' },
      },
      { checkedInAt: null, checkedOutAt: null, volunteer: { id: late, displayName: '李**' }, serviceHours: null },
    ]);
    expect(await roster(admin)).toHaveLength(3);
    for (const identity of [IDENTITIES.STAFF_OUT, IDENTITIES.PUBLIC, IDENTITIES.BOT_IN, orgIdentity(3)]) {
      expect(await roster(identity)).toEqual([]);
    }
  });

  test('rosters of 5 activities and of 50 cost the same statements', async () => {
    const statements = async (first: number) => {
      t.database.queries.reset();
      const data = await t.query<RostersQuery>(H.ROSTERS, { first }, admin);
      return { statements: t.database.queries.reset(), activities: data.volunteerActivities.nodes.length };
    };
    const small = await statements(5);
    const large = await statements(50);
    expect([small.activities, large.activities]).toEqual([5, 50]);
    process.stdout.write(`SQL statements for Rosters: first 5 → ${small.statements}, first 50 → ${large.statements}\n`);
    // The page, then one batch each: the sign-ups, their volunteers, the activities' hour records.
    expect(small.statements).toBe(4);
    expect(large.statements).toBe(4);
  });
});

/** Sends the requests at once and gives each one's outcome: 'ok' or its error code. */
async function race(requests: (() => Promise<GraphQLResult>)[]): Promise<string[]> {
  const results = await Promise.all(requests.map((send) => send()));
  return results.map((result) => (result.errors?.length ? String(result.errors[0].extensions?.code) : 'ok'));
}

describe('races', () => {
  test('bulk verifications and single ones sharing records earn each record exactly once', async () => {
    const { activity, records } = await served(6);
    const outcomes = await race([
      () => t.execute(H.VERIFY_HOURS_BATCH, { ids: records.slice(0, 4) }, staff),
      () => t.execute(H.VERIFY_HOURS_BATCH, { ids: records.slice(2, 6) }, staff),
      ...records.map((id) => () => t.execute(Op.VERIFY_HOURS, { id }, staff)),
      () => t.execute(Op.VERIFY_HOURS, { id: records[3] }, staff),
    ]);
    expect(outcomes.every((o) => o === 'ok' || o === 'ALREADY_VERIFIED')).toBe(true);
    for (const id of records) expect(await earnings(id)).toBe(1);
    expect((await queue({ activityId: activity })).totalCount).toBe(0);
    expect(await ledgerOk()).toBe(true);
  });

  test('a rejection racing a verification ends in exactly one of the two', async () => {
    const { activity, records } = await served(8);
    const outcomes = await Promise.all(
      records.map((id, index) =>
        race(
          index % 2 === 0
            ? [
                () => t.execute(H.REJECT_HOURS, { id, reason: '重复记录' }, staff),
                () => t.execute(Op.VERIFY_HOURS, { id }, staff),
              ]
            : [
                () => t.execute(H.VERIFY_HOURS_BATCH, { ids: [id] }, staff),
                () => t.execute(H.REJECT_HOURS, { id, reason: '重复记录' }, staff),
              ],
        ),
      ),
    );
    const rejected = await queue({ activityId: activity, status: 'REJECTED' });
    const verified = await queue({ activityId: activity, status: 'VERIFIED' });
    expect(rejected.totalCount + verified.totalCount).toBe(8);
    for (const [index, id] of records.entries()) {
      const pair = outcomes[index];
      expect(pair.filter((o) => o === 'ok')).toHaveLength(1);
      const verifiedFirst = index % 2 === 0 ? pair[1] === 'ok' : pair[0] === 'ok';
      expect(pair.filter((o) => o !== 'ok')).toEqual([verifiedFirst ? 'ALREADY_VERIFIED' : 'ALREADY_REJECTED']);
      expect(verified.nodes.some((n) => n.id === id)).toBe(verifiedFirst);
      expect(await earnings(id)).toBe(verifiedFirst ? 1 : 0);
    }
    expect(await ledgerOk()).toBe(true);
  });
});
