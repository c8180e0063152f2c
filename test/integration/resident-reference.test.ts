import { Role } from '../../src/auth/identity';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  CreateActivityMutation,
  NeedDescriptionQuery,
  RateNeedMutation,
  RegisterVolunteerMutation,
  SubmitNeedMutation,
} from '../helpers/generated/operations';

// A BOT token acts for a whole region, but a need or a volunteer record is one resident's: the bot registers it
// with the resident's opaque reference and must present the same reference to rate or read it (or sign it up).
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

const bot = IDENTITIES.BOT_IN;
const staff = { role: Role.STAFF, subject: 'staff-xiahe', regionId: XIAHE };
const needRow = async (id: string) =>
  (await t.database.dataSource.query('SELECT status, rating, reporter_ref FROM need WHERE id = ?', [Number(id)]))[0];

async function resolvedNeed(reporterRef?: string): Promise<string> {
  const id = (
    await t.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef }, reporterRef ? bot : staff)
  ).submitNeed.id as string;
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
    await t.query(Op.NEED_TRANSITION(step), { id }, staff);
  return id;
}

test('a BOT registers a need only with a well-formed reporter reference, which is stored and never shown', async () => {
  const [{ n: before }] = await t.database.dataSource.query('SELECT COUNT(*) AS n FROM need');
  expect(codeOf(await t.execute(Op.SUBMIT_NEED, { communityId: XIAHE }, bot))).toBe('BAD_USER_INPUT');
  expect(codeOf(await t.execute(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef: 'wxid_abc123' }, bot))).toBe(
    'BAD_USER_INPUT',
  );
  const [{ n: after }] = await t.database.dataSource.query('SELECT COUNT(*) AS n FROM need');
  expect(Number(after)).toBe(Number(before));
  const id = (
    await t.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef: Op.REPORTER_A }, bot)
  ).submitNeed.id;
  expect((await needRow(id)).reporter_ref).toBe(Op.REPORTER_A);
  const asField = await t.execute(`query($id: ID!) { need(id: $id) { reporterRef } }`, { id }, IDENTITIES.ADMIN);
  expect(codeOf(asField)).toBe('GRAPHQL_VALIDATION_FAILED');
});

test('a BOT rateNeed with another resident’s reference, or none, is FORBIDDEN and changes nothing', async () => {
  const id = await resolvedNeed(Op.REPORTER_A);
  const untouched = await needRow(id);
  expect(untouched).toEqual({ status: 'RESOLVED', rating: null, reporter_ref: Op.REPORTER_A });
  expect(codeOf(await t.execute(Op.RATE_NEED, { id, rating: 1, reporterRef: Op.REPORTER_B }, bot))).toBe('FORBIDDEN');
  expect(codeOf(await t.execute(Op.RATE_NEED, { id, rating: 1 }, bot))).toBe('FORBIDDEN');
  expect(await needRow(id)).toEqual(untouched);
  // The resident is not locked out by the attempts above.
  expect(
    (await t.query<RateNeedMutation>(Op.RATE_NEED, { id, rating: 5, reporterRef: Op.REPORTER_A }, bot)).rateNeed.rating,
  ).toBe(5);
  expect((await needRow(id)).rating).toBe(5);
});

test('a need staff registered has no reporter: the BOT cannot rate it, staff can without a reference', async () => {
  const id = await resolvedNeed();
  expect(codeOf(await t.execute(Op.RATE_NEED, { id, rating: 2, reporterRef: Op.REPORTER_A }, bot))).toBe('FORBIDDEN');
  expect((await needRow(id)).rating).toBeNull();
  expect((await t.query<RateNeedMutation>(Op.RATE_NEED, { id, rating: 3 }, staff)).rateNeed.rating).toBe(3);
});

test('a BOT reads a description only with its resident’s reference, and cannot search descriptions', async () => {
  const id = (
    await t.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef: Op.REPORTER_A }, bot)
  ).submitNeed.id;
  const read = async (reporterRef?: string) =>
    (await t.query<NeedDescriptionQuery>(Op.NEED_DESCRIPTION, { id, reporterRef }, bot)).need!.description;
  expect(await read(Op.REPORTER_B)).toBeNull();
  expect(await read()).toBeNull();
  expect(await read(Op.REPORTER_A)).toBe('独居老人需要每周上门探访');
  expect((await t.query<NeedDescriptionQuery>(Op.NEED_DESCRIPTION, { id }, staff)).need!.description).toBe(
    '独居老人需要每周上门探访',
  );
  const search = `{ needs(filter: { search: "独居" }) { totalCount nodes { number } } }`;
  expect(codeOf(await t.execute(search, {}, bot))).toBe('FORBIDDEN');
  expect((await t.query<{ needs: { totalCount: number } }>(search, {}, staff)).needs.totalCount).toBeGreaterThan(0);
});

test('a volunteer the BOT registered: it reads the record and signs it up only with that resident’s reference', async () => {
  const volunteer = (
    await t.query<RegisterVolunteerMutation>(
      Op.REGISTER_VOLUNTEER,
      { regionId: XIAHE, reporterRef: Op.REPORTER_A },
      bot,
    )
  ).registerVolunteer.id;
  expect(codeOf(await t.execute(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, bot))).toBe('BAD_USER_INPUT');
  const record = `query($id: ID!, $reporterRef: String) { volunteer(id: $id, reporterRef: $reporterRef) { serviceHours } }`;
  expect(codeOf(await t.execute(record, { id: volunteer, reporterRef: Op.REPORTER_B }, bot))).toBe('FORBIDDEN');
  expect(codeOf(await t.execute(record, { id: volunteer }, bot))).toBe('FORBIDDEN');
  expect((await t.query(record, { id: volunteer, reporterRef: Op.REPORTER_A }, bot)).volunteer).toEqual({
    serviceHours: 0,
  });
  expect((await t.query(record, { id: volunteer }, staff)).volunteer).toEqual({ serviceHours: 0 });
  const activity = (
    await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE, capacity: 10 }, IDENTITIES.ADMIN)
  ).createVolunteerActivity.id;
  const signups = async () =>
    Number(
      (
        await t.database.dataSource.query('SELECT COUNT(*) AS n FROM activity_signup WHERE activity_id = ?', [
          Number(activity),
        ])
      )[0].n,
    );
  const signUp = (reporterRef?: string) =>
    t.execute(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer, reporterRef }, bot);
  expect(codeOf(await signUp(Op.REPORTER_B))).toBe('FORBIDDEN');
  expect(codeOf(await signUp())).toBe('FORBIDDEN');
  expect(await signups()).toBe(0);
  expect((await signUp(Op.REPORTER_A)).errors).toBeUndefined();
  expect(await signups()).toBe(1);
});
