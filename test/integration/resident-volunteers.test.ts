import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, orgIdentity, XIAHE } from '../helpers/identities';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';

/** The bot's own document: the hub must answer it as the bot sends it. */
const REMINDERS = readFileSync(
  join(__dirname, '..', '..', 'schema', 'operations', 'bot', 'volunteer-reminders.graphql'),
  'utf8',
);
const CREATE_ACTIVITY = `mutation($title: String!, $startsOn: String!) { createVolunteerActivity(input: { title: $title, category: ELDERLY_CARE, regionId: "${XIAHE}", startsOn: $startsOn }) { id } }`;
const IDS_ONLY = `query($residents: [ResidentVolunteerInput!]!) { residentVolunteers(residents: $residents) { id } }`;

interface Reminded {
  residentVolunteers: ({
    id: string;
    serviceHours: number;
    signUps: { activity: { id: string; title: string; startsOn: string; status: string } }[];
    serviceHourRecords: { id: string; hours: number; verified: boolean; activity: { title: string } | null }[];
  } | null)[];
}

const { BOT_IN, BOT_OUT, STAFF_IN, STAFF_OUT, PUBLIC, ADMIN } = IDENTITIES;
const REF_A = Op.REPORTER_A;
const REF_B = Op.REPORTER_B;
let t: TestHub;
const f = { a: '', b: '', staffs: '', soon: '', later: '', past: '', verified: '', pending: '' };

async function volunteer(reporterRef?: string): Promise<string> {
  const data = await t.query<{ registerVolunteer: { id: string } }>(
    Op.REGISTER_VOLUNTEER,
    { regionId: XIAHE, reporterRef },
    reporterRef ? BOT_IN : STAFF_IN,
  );
  return data.registerVolunteer.id;
}

async function activity(title: string, startsOn: string): Promise<string> {
  return (await t.query<{ createVolunteerActivity: { id: string } }>(CREATE_ACTIVITY, { title, startsOn }, STAFF_IN))
    .createVolunteerActivity.id;
}

/** Served 90 minutes at `activityId`, three hours ago; returns the service-hours record. */
async function served(activityId: string, volunteerId: string): Promise<string> {
  const start = Date.now() - 3 * 3600_000;
  await t.query(Op.CHECK_IN, { a: activityId, v: volunteerId, at: new Date(start).toISOString() }, STAFF_IN);
  const out = await t.query<{ checkOut: { id: string } }>(
    Op.CHECK_OUT,
    { a: activityId, v: volunteerId, at: new Date(start + 90 * 60_000).toISOString() },
    STAFF_IN,
  );
  return out.checkOut.id;
}

beforeAll(async () => {
  t = await startTestHub();
  [f.a, f.b, f.staffs] = [await volunteer(REF_A), await volunteer(REF_B), await volunteer()];
  f.later = await activity('敬老院慰问', '2030-05-02');
  f.soon = await activity('社区义诊引导', '2030-05-01');
  f.past = await activity('旧物回收宣传', '2020-05-01');
  for (const id of [f.later, f.soon, f.past])
    await t.query(Op.SIGN_UP, { activityId: id, volunteerId: f.a, reporterRef: REF_A }, BOT_IN);
  f.verified = await served(f.past, f.a);
  await t.query(Op.VERIFY_HOURS, { id: f.verified }, STAFF_IN);
  f.pending = await served(f.soon, f.a);
}, 60_000);
afterAll(() => t?.close());

test('the BOT reads each resident’s upcoming sign-ups and hour records with their reference, in the order asked', async () => {
  const data = await t.query<Reminded>(
    REMINDERS,
    {
      residents: [
        { id: f.a, reporterRef: REF_A },
        { id: f.b, reporterRef: REF_B },
      ],
      from: '2026-01-01',
    },
    BOT_IN,
  );
  expect(data.residentVolunteers).toEqual([
    {
      id: f.a,
      serviceHours: 1.5,
      signUps: [
        expect.objectContaining({
          activity: expect.objectContaining({
            id: f.soon,
            title: '社区义诊引导',
            startsOn: '2030-05-01',
            status: 'OPEN',
          }),
        }),
        expect.objectContaining({
          activity: expect.objectContaining({ id: f.later, title: '敬老院慰问', startsOn: '2030-05-02' }),
        }),
      ],
      serviceHourRecords: [
        expect.objectContaining({ id: f.pending, hours: 1.5, verified: false, activity: { title: '社区义诊引导' } }),
        expect.objectContaining({ id: f.verified, hours: 1.5, verified: true, activity: { title: '旧物回收宣传' } }),
      ],
    },
    { id: f.b, serviceHours: 0, signUps: [], serviceHourRecords: [] },
  ]);
});

test('a record that is gone, another resident’s or another region’s is null; the others are still answered', async () => {
  const ask = (identity: typeof BOT_IN | typeof BOT_OUT | typeof STAFF_IN | typeof STAFF_OUT | typeof ADMIN) =>
    t.query<{ residentVolunteers: ({ id: string } | null)[] }>(
      IDS_ONLY,
      {
        residents: [
          { id: f.a, reporterRef: REF_B },
          { id: f.a },
          { id: f.staffs, reporterRef: REF_A },
          { id: '999999999', reporterRef: REF_A },
          { id: f.b, reporterRef: REF_B },
        ],
      },
      identity,
    );
  expect((await ask(BOT_IN)).residentVolunteers).toEqual([null, null, null, null, { id: f.b }]);
  expect((await ask(BOT_OUT)).residentVolunteers).toEqual([null, null, null, null, null]);
  // Staff of the region need no reference; staff elsewhere see nothing.
  expect((await ask(STAFF_IN)).residentVolunteers).toEqual([
    { id: f.a },
    { id: f.a },
    { id: f.staffs },
    null,
    { id: f.b },
  ]);
  expect((await ask(STAFF_OUT)).residentVolunteers).toEqual([null, null, null, null, null]);
  expect((await ask(ADMIN)).residentVolunteers).toEqual([
    { id: f.a },
    { id: f.a },
    { id: f.staffs },
    null,
    { id: f.b },
  ]);
});

test('the public and organisations may not ask; bad arguments are refused', async () => {
  const residents = [{ id: f.a, reporterRef: REF_A }];
  expect(codeOf(await t.execute(IDS_ONLY, { residents }, PUBLIC))).toBe('FORBIDDEN');
  expect(codeOf(await t.execute(IDS_ONLY, { residents }, orgIdentity(1)))).toBe('FORBIDDEN');
  const many = Array.from({ length: 101 }, () => ({ id: f.a, reporterRef: REF_A }));
  expect(codeOf(await t.execute(IDS_ONLY, { residents: many }, BOT_IN))).toBe('BAD_USER_INPUT');
  expect(codeOf(await t.execute(IDS_ONLY, { residents: [{ id: f.a, reporterRef: 'wxid_raw' }] }, BOT_IN))).toBe(
    'BAD_USER_INPUT',
  );
  const list = (args: string) =>
    t.execute(
      `query($r: [ResidentVolunteerInput!]!) { residentVolunteers(residents: $r) { ${args} } }`,
      { r: residents },
      BOT_IN,
    );
  expect(codeOf(await list('signUps(from: "May 1") { signedUpAt }'))).toBe('BAD_USER_INPUT');
  expect(codeOf(await list('signUps(first: 51) { signedUpAt }'))).toBe('BAD_USER_INPUT');
  expect(codeOf(await list('serviceHourRecords(first: 0) { id }'))).toBe('BAD_USER_INPUT');
});

test('the lists are cut per volunteer: first, and from', async () => {
  const data = await t.query<Reminded>(
    `query($r: [ResidentVolunteerInput!]!) { residentVolunteers(residents: $r) { id signUps(from: "2030-05-02", first: 1) { activity { id } } serviceHourRecords(first: 1) { id } } }`,
    {
      r: [
        { id: f.a, reporterRef: REF_A },
        { id: f.b, reporterRef: REF_B },
      ],
    },
    BOT_IN,
  );
  expect(data.residentVolunteers).toEqual([
    { id: f.a, signUps: [{ activity: { id: f.later } }], serviceHourRecords: [{ id: f.pending }] },
    { id: f.b, signUps: [], serviceHourRecords: [] },
  ]);
});

test('the SQL does not grow with the volunteers asked for; the cost estimate does, and bounds a request', async () => {
  const others: { id: string; reporterRef: string }[] = [];
  for (let i = 0; i < 23; i += 1) {
    const reporterRef = (i + 1).toString(16).padStart(64, 'c');
    others.push({ id: await volunteer(reporterRef), reporterRef });
  }
  const statementsFor = async (count: number) => {
    const residents = [{ id: f.a, reporterRef: REF_A }, { id: f.b, reporterRef: REF_B }, ...others].slice(0, count);
    t.database.queries.reset();
    const data = await t.query<Reminded>(REMINDERS, { residents, from: '2026-01-01' }, BOT_IN);
    expect(data.residentVolunteers).toHaveLength(count);
    return t.database.queries.reset();
  };
  const two = await statementsFor(2);
  // The bot's requests hold 25 volunteers: well inside the default per-request limit.
  const twentyFive = await statementsFor(25);
  process.stdout.write(`SQL statements for VolunteerReminders: 2 volunteers → ${two}, 25 → ${twentyFive}\n`);
  expect(twentyFive).toBe(two);
  const hundred = Array.from({ length: 100 }, () => ({ id: f.a, reporterRef: REF_A }));
  expect(codeOf(await t.execute(REMINDERS, { residents: hundred, from: '2026-01-01' }, BOT_IN))).toBe(
    'COST_LIMIT_EXCEEDED',
  );
});

test('a volunteer reached any other way (a need’s public candidates) shows no sign-ups and no hour records', async () => {
  const CANDIDATES = `query { needs(first: 5, filter: { regionId: "530402000000" }) { nodes { candidateVolunteers { volunteer { id signUps { id } serviceHourRecords { id } } } } } }`;
  const seen = async (identity: typeof PUBLIC) =>
    (
      await t.query<{
        needs: {
          nodes: {
            candidateVolunteers: { volunteer: { id: string; signUps: unknown[]; serviceHourRecords: unknown[] } }[];
          }[];
        };
      }>(CANDIDATES, {}, identity)
    ).needs.nodes.flatMap((need) => need.candidateVolunteers.map((c) => c.volunteer));
  const candidates = await seen(PUBLIC);
  expect(candidates.length).toBeGreaterThan(0);
  expect(candidates.filter((v) => v.signUps.length || v.serviceHourRecords.length)).toEqual([]);
  // Staff reading the same people as their records see what the public does not: the test could fail.
  const ids = [...new Set(candidates.map((v) => v.id))].slice(0, 25);
  const { residentVolunteers } = await t.query<Reminded>(
    `query($residents: [ResidentVolunteerInput!]!) { residentVolunteers(residents: $residents) { id serviceHourRecords(first: 5) { id } } }`,
    { residents: ids.map((id) => ({ id })) },
    ADMIN,
  );
  expect(residentVolunteers.some((v) => (v?.serviceHourRecords.length ?? 0) > 0)).toBe(true);
});

test('a registration sent again with the same reference (a bot retrying a lost answer) finds the same volunteer, also when sent at once', async () => {
  const ref = 'c3'.repeat(32);
  const answers = await Promise.all(
    Array.from({ length: 8 }, () =>
      t.query<{ registerVolunteer: { id: string } }>(
        Op.REGISTER_VOLUNTEER,
        { regionId: XIAHE, reporterRef: ref },
        BOT_IN,
      ),
    ),
  );
  expect(new Set(answers.map((a) => a.registerVolunteer.id)).size).toBe(1);
  const [row] = await t.database.dataSource.query('SELECT COUNT(*) AS n FROM volunteer WHERE reporter_ref = ?', [ref]);
  expect(Number(row.n)).toBe(1);
  // Another resident is another volunteer.
  expect(await volunteer('d4'.repeat(32))).not.toBe(answers[0].registerVolunteer.id);
});
