import { verifyFigures } from '../../src/commands/figures';
import { fencedWrite } from '../../src/db/write-fence';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import * as L from '../helpers/linkage-operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  CheckInMutation,
  CheckOutMutation,
  ChildrenStationHoursQuery,
  CreateActivityMutation,
  RedeemMutation,
  RegisterVolunteerMutation,
  SignUpMutation,
  TimeBankBalanceQuery,
  VerifyHoursMutation,
  VerifyLedgerQuery,
  VerifyLedgerRecordQuery,
  VolunteerServiceHoursQuery,
} from '../helpers/generated/operations';

// Whoever can write to the database directly must not be able to move an hour figure or a balance without
// verifyHourLedger noticing: every row those figures count is covered by the hash-chained ledger (and the figures
// themselves are tallies that `wushe verify-figures` compares with the rows).
let t: TestHub;
const admin = IDENTITIES.ADMIN;
const staff = IDENTITIES.STAFF_IN;

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

// Tampering behind the API is a writer like any other: fenced, so the hub's public-read cache sees it.
const sql = (query: string, parameters: unknown[] = []) =>
  fencedWrite(t.database.dataSource, () => t.database.dataSource.query(query, parameters));
const verify = async () => (await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger;
const verifyWithRecord = async () =>
  (await t.query<VerifyLedgerRecordQuery>(L.VERIFY_LEDGER_RECORD, {}, admin)).verifyHourLedger;

/** A seeded, verified service-hours record of the children's station and the ledger entry it was earned by. */
async function seededRecord() {
  const [record] = await sql(
    'SELECT id, volunteer_id, half_hours, station_id FROM service_hours WHERE station_id IS NOT NULL ORDER BY id LIMIT 1 OFFSET 3',
  );
  const [entry] = await sql(
    "SELECT id FROM hour_ledger_entry WHERE kind = 'EARN' AND (reference = ? OR reference LIKE ?)",
    [`hours:${record.id}`, `hours:${record.id}:%`],
  );
  // snake_case names: PostgreSQL folds unquoted aliases to lower case.
  return {
    id: record.id,
    volunteerId: record.volunteer_id,
    halfHours: record.half_hours,
    stationId: record.station_id,
    entryId: String(entry.id),
  };
}

const stationHours = async () =>
  (await t.query<ChildrenStationHoursQuery>(L.CHILDREN_STATION_HOURS)).serviceStations.nodes[0].volunteerHours;

test('the seeded ledger covers the seeded hours', async () => {
  expect(await verify()).toMatchObject({ ok: true, firstBrokenEntryId: null, reason: null });
  expect(await stationHours()).toBe(3640.5);
});

test('UPDATE service_hours SET half_hours = 200 is found at the entry that earned the record', async () => {
  const record = await seededRecord();
  const volunteerHours = async () =>
    (await t.query<VolunteerServiceHoursQuery>(L.VOLUNTEER_SERVICE_HOURS, { id: record.volunteerId }, staff)).volunteer!
      .serviceHours;
  const before = await volunteerHours();
  await sql('UPDATE service_hours SET half_hours = 200 WHERE id = ?', [record.id]);
  expect(await volunteerHours()).toBe(before - record.halfHours / 2 + 100);

  const result = await verify();
  expect(result).toMatchObject({ ok: false, firstBrokenEntryId: record.entryId });
  expect(result.reason).toContain('changed after it was earned');

  await sql('UPDATE service_hours SET half_hours = ? WHERE id = ?', [record.halfHours, record.id]);
  expect((await verify()).ok).toBe(true);
});

test('moving a record to another station is found', async () => {
  const record = await seededRecord();
  await sql('UPDATE service_hours SET station_id = NULL WHERE id = ?', [record.id]);
  // The station's figure is a tally the writes keep: a row moved behind the API's back leaves it as it was, and the
  // figures check finds the difference (7,281 half hours are the station's 3,640.5 h).
  expect(await stationHours()).toBe(3640.5);
  expect((await verifyFigures(t.database.dataSource)).differences).toContainEqual({
    tally: 'volunteer.station',
    key: String(record.stationId),
    figure: 'halfHours',
    maintained: 7281,
    fresh: 7281 - record.halfHours,
  });

  expect(await verify()).toMatchObject({ ok: false, firstBrokenEntryId: record.entryId });

  await sql('UPDATE service_hours SET station_id = ? WHERE id = ?', [record.stationId, record.id]);
  expect((await verify()).ok).toBe(true);
  expect((await verifyFigures(t.database.dataSource)).differences).toEqual([]);
});

test('flipping verified off, or deleting the record, is found', async () => {
  const record = await seededRecord();
  await sql('UPDATE service_hours SET verified = ? WHERE id = ?', [false, record.id]);
  const unverified = await verify();
  expect(unverified).toMatchObject({ ok: false, firstBrokenEntryId: record.entryId });
  expect(unverified.reason).toContain('no longer verified');
  await sql('UPDATE service_hours SET verified = ? WHERE id = ?', [true, record.id]);

  const [row] = await sql(
    'SELECT id, volunteer_id, activity_id, station_id, region_id, half_hours, served_on, verified FROM service_hours WHERE id = ?',
    [record.id],
  );
  await sql('DELETE FROM service_hours WHERE id = ?', [record.id]);
  const deleted = await verify();
  expect(deleted).toMatchObject({ ok: false, firstBrokenEntryId: record.entryId });
  expect(deleted.reason).toContain('gone');

  await sql(
    'INSERT INTO service_hours (id, volunteer_id, activity_id, station_id, region_id, half_hours, served_on, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    Object.values(row),
  );
  expect((await verify()).ok).toBe(true);
});

describe('hours recorded through the API', () => {
  let volunteer: string;
  let record: string;

  beforeAll(async () => {
    volunteer = (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, staff))
      .registerVolunteer.id;
    const activity = (await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE }, staff))
      .createVolunteerActivity.id;
    await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, staff);
    await t.query<CheckInMutation>(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-20T01:00:00Z' }, staff);
    record = (
      await t.query<CheckOutMutation>(Op.CHECK_OUT, { a: activity, v: volunteer, at: '2026-11-20T04:00:00Z' }, staff)
    ).checkOut.id;
  });

  test('flipping verified on behind the ledger’s back is found, naming the record', async () => {
    await sql('UPDATE service_hours SET verified = ? WHERE id = ?', [true, Number(record)]);
    expect(await verifyWithRecord()).toMatchObject({ ok: false, firstBrokenEntryId: null, serviceHoursId: record });
    await sql('UPDATE service_hours SET verified = ? WHERE id = ?', [false, Number(record)]);
    expect((await verify()).ok).toBe(true);
  });

  test('a verified record edited afterwards is found; deleting the last redemption is found', async () => {
    await t.query<VerifyHoursMutation>(Op.VERIFY_HOURS, { id: record }, staff);
    const redemption = (await t.query<RedeemMutation>(L.REDEEM, { v: volunteer, hours: 1 }, staff)).redeemHours.id;
    const balance = async () =>
      (await t.query<TimeBankBalanceQuery>(L.TIME_BANK_BALANCE, { id: volunteer }, staff)).volunteer!.timeBankBalance;
    expect(await balance()).toBe(2);
    expect((await verify()).ok).toBe(true);

    await sql('UPDATE service_hours SET region_id = ? WHERE id = ?', ['530403001001', Number(record)]);
    expect((await verify()).ok).toBe(false);
    await sql('UPDATE service_hours SET region_id = ? WHERE id = ?', [XIAHE, Number(record)]);
    expect((await verify()).ok).toBe(true);

    await sql('DELETE FROM hour_ledger_entry WHERE id = ?', [Number(redemption)]);
    expect(await balance()).toBe(3);
    const truncated = await verify();
    expect(truncated).toMatchObject({ ok: false, firstBrokenEntryId: redemption });
    expect(truncated.reason).toContain('removed');
  });
});
