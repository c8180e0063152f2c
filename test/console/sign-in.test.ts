import type { Page } from 'playwright-core';
import { LIQI } from '../helpers/identities';
import {
  capture,
  createTestAccount,
  freshTotpCode,
  overflowWidth,
  PHONE,
  seriousViolations,
  shownTotpSecret,
  signIn,
  startConsole,
  type ConsoleHarness,
} from './harness';

// Signing in through the console as a person does: password, lockout, TOTP, sign-out.

let harness: ConsoleHarness;
const PASSWORD = 'Hongta-Liqi-2026';

beforeAll(async () => {
  harness = await startConsole();
});
afterAll(() => harness?.close());

const staff = (username: string) =>
  createTestAccount(harness, { username, role: 'STAFF', regionId: LIQI, password: PASSWORD });

/** What scripts on the page can read of the browser's storage, as text (the test project has no DOM types). */
const scriptReadableStorage = async (page: Page) =>
  JSON.parse(
    (await page.evaluate(
      'JSON.stringify({ local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie })',
    )) as string,
  ) as unknown;

/** Submits the sign-in form once and waits for the hub's answer to it. */
async function submitPassword(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const answered = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '登 录' }).click();
  await answered;
}

const alertSaying = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text }).waitFor();

const openAccountMenu = (page: Page, name: string) => page.getByRole('button', { name: `${name} 的账号菜单` }).click();

describe('the sign-in page', () => {
  it('lets a STAFF in with username and password to the dashboard, keeping the session out of script reach', async () => {
    await staff('zhang.liqi');
    const page = await harness.newPage();
    await page.goto('/console/');
    await page.waitForURL('**/console/sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'sign-in', () => page.getByLabel('用户名').waitFor())).toBe(0);

    await signIn(page, { username: 'zhang.liqi', password: PASSWORD });
    await page.waitForURL('**/console/dashboard');
    await page.getByRole('button', { name: 'zhang.liqi 的账号菜单' }).waitFor();
    expect(await scriptReadableStorage(page)).toEqual({ local: [], session: [], cookie: '' });
    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, httpOnly, sameSite, path }) => ({ name, httpOnly, sameSite, path }))).toEqual([
      { name: 'wushe_session', httpOnly: true, sameSite: 'Strict', path: '/' },
    ]);
  });

  it('says a wrong password is wrong, then that the account is locked and for how long, refusing the right one too', async () => {
    await staff('li.locked');
    const page = await harness.newPage();
    await page.goto('/console/sign-in');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitPassword(page, 'li.locked', `Wrong-Password-${attempt}`);
      await alertSaying(page, '用户名或密码错误,请检查后重新输入(连续输错 5 次账号将被暂时锁定)。');
    }
    await submitPassword(page, 'li.locked', 'Wrong-Password-5');
    await alertSaying(page, '连续失败次数过多,账号已暂时锁定,请 1 分钟后再试。');
    await submitPassword(page, 'li.locked', PASSWORD);
    await alertSaying(page, '连续失败次数过多,账号已暂时锁定,请 1 分钟后再试。');
    expect(page.url()).toMatch(/\/console\/sign-in$/);
    expect(await page.context().cookies()).toEqual([]);
  });

  it('has an ADMIN bind an authenticator at first sign-in, then asks for its code at the next', async () => {
    await createTestAccount(harness, { username: 'admin.city', role: 'ADMIN', password: PASSWORD });
    const page = await harness.newPage();
    await page.goto('/console/admin/accounts');
    await page.waitForURL('**/console/sign-in');
    await submitPassword(page, 'admin.city', PASSWORD);
    await page.getByText('管理员账号须先绑定动态验证码(两步验证)才能登录。').waitFor();
    expect(await page.getByTestId('totp-secret').innerText()).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await expect(page.getByRole('img', { name: '身份验证器绑定二维码' }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    const secret = await shownTotpSecret(page);
    await page.getByLabel('动态验证码').fill(freshTotpCode(secret));
    await page.getByRole('button', { name: '绑定并登录' }).click();
    await page.waitForURL('**/console/admin/accounts');

    await openAccountMenu(page, 'admin.city');
    await page.getByText('两步验证已开启').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/console/sign-in?signedOut=here');
    await submitPassword(page, 'admin.city', PASSWORD);
    await page.getByText('请输入身份验证器 App 中显示的 6 位动态验证码。').waitFor();
    await page.getByLabel('动态验证码').fill(freshTotpCode(secret));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL('**/console/dashboard');
  });

  it('ends the session on sign-out from the phone-sized account menu: the old cookie no longer works', async () => {
    await staff('wang.out');
    const page = await harness.newPage({ viewport: PHONE });
    await page.goto('/console/needs');
    await page.waitForURL('**/console/sign-in');
    await signIn(page, { username: 'wang.out', password: PASSWORD });
    await page.waitForURL('**/console/needs');
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).toEqual(['wushe_session']);

    await openAccountMenu(page, 'wang.out');
    const menu = page.locator('.ant-popover');
    await menu.getByText('街道/社区工作人员').waitFor();
    await menu.getByText('李棋街道').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflowWidth(page)).toBe(0);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('已退出登录。').waitFor();
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    expect(await page.context().cookies()).toEqual([]);

    const replay = await harness.newPage();
    await replay.context().addCookies(cookies);
    await replay.goto('/console/dashboard');
    await replay.waitForURL('**/console/sign-in');
  });

  it('signs out everywhere after a confirmation, and changes a password with the rule shown first', async () => {
    await staff('zhao.all');
    const [first, second] = [await harness.newPage(), await harness.newPage()];
    for (const page of [first, second]) await signIn(page, { username: 'zhao.all', password: PASSWORD });

    await openAccountMenu(first, 'zhao.all');
    await first.getByRole('button', { name: '修改密码' }).click();
    await first.getByText('新密码至少 10 位').waitFor();
    await first.getByLabel('当前密码').fill(PASSWORD);
    await first.getByLabel('新密码', { exact: true }).fill('short');
    await first.getByLabel('再次输入新密码').fill('short');
    await first.getByRole('button', { name: '保存新密码' }).click();
    await first.getByText('密码强度不足:至少 10 位并包含三类字符,或至少 16 位').waitFor();
    await first.getByLabel('新密码', { exact: true }).fill('Zhao-New-Pass-2026');
    await first.getByLabel('再次输入新密码').fill('Zhao-New-Pass-2026');
    await first.getByRole('button', { name: '保存新密码' }).click();
    await first.getByText('密码已修改,其他设备上的登录已失效。').waitFor();
    await second.reload();
    await second.waitForURL('**/console/sign-in');

    await signIn(second, { username: 'zhao.all', password: 'Zhao-New-Pass-2026' });
    await openAccountMenu(second, 'zhao.all');
    await second.getByRole('button', { name: '退出所有设备' }).click();
    await second.getByRole('button', { name: '全部退出' }).click();
    await second.getByText('已在所有设备上退出登录。').waitFor();
    await first.reload();
    await first.waitForURL('**/console/sign-in');
  });

  it('lets a STAFF turn on TOTP from the account menu, after which sign-in asks for a code', async () => {
    await staff('sun.totp');
    const page = await harness.newPage();
    await signIn(page, { username: 'sun.totp', password: PASSWORD });
    await openAccountMenu(page, 'sun.totp');
    await page.getByRole('button', { name: '两步验证' }).click();
    const dialog = page.getByRole('dialog', { name: '开启两步验证' });
    await dialog.getByRole('img', { name: '身份验证器绑定二维码' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const secret = await shownTotpSecret(page);
    await dialog.getByLabel('动态验证码').fill(freshTotpCode(secret));
    await dialog.getByRole('button', { name: '确认开启' }).click();
    await page.getByText('两步验证已开启,以后登录时需输入动态验证码。').waitFor();

    const again = await harness.newPage();
    await again.goto('/console/sign-in');
    await submitPassword(again, 'sun.totp', PASSWORD);
    await again.getByText('请输入身份验证器 App 中显示的 6 位动态验证码。').waitFor();
    await again.getByLabel('动态验证码').fill(freshTotpCode(secret));
    await again.getByRole('button', { name: '验证并登录' }).click();
    await again.waitForURL('**/console/dashboard');
  });
});
