import type { Page } from 'playwright-core';
import * as Op from '../helpers/admin-operations';
import * as C from '../helpers/console-pages-operations';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import * as L from '../helpers/linkage-operations';
import { BUSY_CLIENT_ENV } from '../helpers/test-hub';
import type {
  CheckOutMutation,
  CreateActivityMutation,
  HoursRecordStatesQuery,
  RegisterVolunteerMutation,
  VerifyLedgerQuery,
} from '../helpers/generated/operations';
import { capture, createTestAccount, seriousViolations, signIn, startConsole, type ConsoleHarness } from './harness';

// The volunteer-hours page (issue 12): STAFF of 李棋街道 review the check-outs of 下赫社区's activity in the
// browser; the hub's records and hour ledger are checked through GraphQL afterwards.
let harness: ConsoleHarness;
const staff = IDENTITIES.STAFF_IN;
/** 玉兴街道, another township of 红塔区. */
const OTHER_TOWNSHIP = '530402001000';

const PASSWORD = 'Hongta-Hours-2026';

beforeAll(async () => {
  harness = await startConsole({ env: BUSY_CLIENT_ENV });
  await createTestAccount(harness, { username: 'li.liqi', role: 'STAFF', regionId: LIQI, password: PASSWORD });
  await createTestAccount(harness, {
    username: 'wu.yuxing',
    role: 'STAFF',
    regionId: OTHER_TOWNSHIP,
    password: PASSWORD,
  });
});
afterAll(() => harness?.close());

/** An activity in 下赫社区 where `count` new volunteers served 3 hours each: its id and the pending record ids. */
async function served(count: number) {
  const { hub } = harness;
  const activity = (await hub.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE }, staff))
    .createVolunteerActivity.id;
  const records: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const volunteer = (await hub.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, staff))
      .registerVolunteer.id;
    await hub.query(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, staff);
    await hub.query(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-20T01:00:00Z' }, staff);
    const out = await hub.query<CheckOutMutation>(
      Op.CHECK_OUT,
      { a: activity, v: volunteer, at: '2026-11-20T04:00:00Z' },
      staff,
    );
    records.push(out.checkOut.id);
  }
  return { activity, records };
}

const recordsIn = async (activityId: string, status: string) =>
  (await harness.hub.query<HoursRecordStatesQuery>(C.HOURS_RECORD_STATES, { activityId, status }, staff))
    .serviceHoursQueue.nodes;

const ledgerOk = async () =>
  (await harness.hub.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, IDENTITIES.ADMIN)).verifyHourLedger.ok;

/** A browser page signed in through the console as `username`. */
async function signedIn(username: string): Promise<Page> {
  const page = await harness.newPage();
  await signIn(page, { username, password: PASSWORD });
  return page;
}

const row = (page: Page, id: string) => page.locator(`tr[data-row-key="${id}"]`);
/** antd spaces out two-character button labels (通 过), so buttons are found by a pattern. */
const button = (name: string) => new RegExp(`^${[...name].join('\\s*')}$`);

describe('the volunteer-hours page', () => {
  let activity: string;
  let records: string[];
  beforeAll(async () => {
    ({ activity, records } = await served(4));
  });

  test('STAFF of 李棋街道 verify one record, reject one with a reason and verify two at once', async () => {
    const [one, refused, ...both] = records;
    const page = await signedIn('li.liqi');
    await page.goto('/console/hours');
    await row(page, one).waitFor();
    for (const id of records) await expect(row(page, id).textContent()).resolves.toContain('垃圾分类宣传');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'hours', () => row(page, one).waitFor())).toBe(0);

    await row(page, one)
      .getByRole('button', { name: button('通过') })
      .click();
    await page.getByRole('button', { name: '确认通过' }).click();
    await page.getByText('的 3 小时').waitFor();
    await row(page, one).waitFor({ state: 'detached' });
    expect(await recordsIn(activity, 'VERIFIED')).toEqual([
      { id: one, status: 'VERIFIED', verified: true, rejectReason: null },
    ]);
    expect(await ledgerOk()).toBe(true);

    await row(page, refused)
      .getByRole('button', { name: button('驳回') })
      .click();
    const dialog = page.getByRole('dialog', { name: '驳回时长记录' });
    await dialog.getByRole('button', { name: '确认驳回' }).click();
    await dialog.getByText('请填写驳回理由').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('驳回理由').fill('当天未到场签到');
    await dialog.getByRole('button', { name: '确认驳回' }).click();
    await page.getByText('已驳回该时长记录').waitFor();
    await row(page, refused).waitFor({ state: 'detached' });
    expect(await recordsIn(activity, 'REJECTED')).toEqual([
      { id: refused, status: 'REJECTED', verified: false, rejectReason: '当天未到场签到' },
    ]);

    for (const id of both) await page.getByRole('checkbox', { name: `选择记录 ${id}` }).check();
    await page.getByRole('button', { name: '批量通过(2)' }).click();
    await page.getByText('确认通过选中的 2 条时长记录?').waitFor();
    await page.getByRole('button', { name: '确认通过' }).click();
    await page.getByText('已通过 2 条时长记录').waitFor();
    for (const id of both) await row(page, id).waitFor({ state: 'detached' });
    expect(await recordsIn(activity, 'PENDING')).toEqual([]);
    expect((await recordsIn(activity, 'VERIFIED')).map((record) => record.id)).toEqual([one, ...both]);
    expect(await ledgerOk()).toBe(true);
  });

  test('the roster shows who signed up, checked in and out, and where their hours stand', async () => {
    const page = await signedIn('li.liqi');
    await page.goto('/console/hours/activities');
    await page.getByRole('searchbox', { name: '搜索活动' }).fill('垃圾分类');
    await page.getByRole('searchbox', { name: '搜索活动' }).press('Enter');
    await row(page, activity).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row(page, activity).getByRole('link', { name: '报名名单' }).click();
    await page.waitForURL(`**/console/hours/activities/${activity}`);
    const roster = page.locator('tbody tr.ant-table-row');
    await page.getByRole('heading', { name: '垃圾分类宣传' }).waitFor();
    await expect(roster.count()).resolves.toBe(4);
    const states = await roster.evaluateAll((rows) => rows.map((tr) => tr.textContent ?? ''));
    expect(states.every((text) => text.includes('李**') && text.includes('已签退'))).toBe(true);
    expect(states.filter((text) => text.includes('3 小时 · 已通过'))).toHaveLength(3);
    expect(states.filter((text) => text.includes('3 小时 · 已驳回'))).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a STAFF of another 街道 sees none of 李棋’s records', async () => {
    const { records: waiting, activity: other } = await served(1);
    const page = await signedIn('wu.yuxing');
    await page.goto('/console/hours');
    await page.getByText('暂无待审核的时长').waitFor();
    await expect(row(page, waiting[0]).count()).resolves.toBe(0);
    await page.goto(`/console/hours?status=VERIFIED&activityId=${activity}`);
    await page.getByText('暂无已通过的时长记录').waitFor();
    await page.goto(`/console/hours/activities/${other}`);
    await page.getByText('还没有志愿者报名').waitFor();
    await expect(page.getByText('李**').count()).resolves.toBe(0);
    // The same records are still waiting in 李棋街道.
    expect((await recordsIn(other, 'PENDING')).map((record) => record.id)).toEqual(waiting);
  });
});
