import { Role } from '../../src/auth/identity';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import { startTestHub, type GraphQLResult, type TestHub } from '../helpers/test-hub';

// A BOT token acts for a whole region, but a need is one resident's: the bot registers it with the resident's
// opaque reference and must present the same reference to rate it or read its description.
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

const bot = IDENTITIES.BOT_IN;
const staff = { role: Role.STAFF, subject: 'staff-xiahe', regionId: XIAHE };
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const needRow = async (id: string) =>
  (await t.database.dataSource.query('SELECT status, rating, reporter_ref FROM need WHERE id = ?', [Number(id)]))[0];

async function resolvedNeed(reporterRef?: string): Promise<string> {
  const id = (await t.query<any>(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef }, reporterRef ? bot : staff))
    .submitNeed.id as string;
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
  const id = (await t.query<any>(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef: Op.REPORTER_A }, bot)).submitNeed
    .id;
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
  expect((await t.query<any>(Op.RATE_NEED, { id, rating: 5, reporterRef: Op.REPORTER_A }, bot)).rateNeed.rating).toBe(
    5,
  );
  expect((await needRow(id)).rating).toBe(5);
});

test('a need staff registered has no reporter: the BOT cannot rate it, staff can without a reference', async () => {
  const id = await resolvedNeed();
  expect(codeOf(await t.execute(Op.RATE_NEED, { id, rating: 2, reporterRef: Op.REPORTER_A }, bot))).toBe('FORBIDDEN');
  expect((await needRow(id)).rating).toBeNull();
  expect((await t.query<any>(Op.RATE_NEED, { id, rating: 3 }, staff)).rateNeed.rating).toBe(3);
});

test('a BOT reads a description only with its resident’s reference, and cannot search descriptions', async () => {
  const id = (await t.query<any>(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef: Op.REPORTER_A }, bot)).submitNeed
    .id;
  const read = async (reporterRef?: string) =>
    (await t.query<any>(Op.NEED_DESCRIPTION, { id, reporterRef }, bot)).need.description;
  expect(await read(Op.REPORTER_B)).toBeNull();
  expect(await read()).toBeNull();
  expect(await read(Op.REPORTER_A)).toBe('独居老人需要每周上门探访');
  expect((await t.query<any>(Op.NEED_DESCRIPTION, { id }, staff)).need.description).toBe('独居老人需要每周上门探访');
  const search = `{ needs(filter: { search: "独居" }) { totalCount nodes { number } } }`;
  expect(codeOf(await t.execute(search, {}, bot))).toBe('FORBIDDEN');
  expect((await t.query<any>(search, {}, staff)).needs.totalCount).toBeGreaterThan(0);
});
