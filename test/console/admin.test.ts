import type { Page } from 'playwright-core';
import { capture, createTestAccount, seriousViolations, signIn, startConsole, type ConsoleHarness } from './harness';

// The ADMIN pages: accounts made, handed over and used; the audit log read, filtered and exported.

let harness: ConsoleHarness;
let admin: Page;
const PASSWORD = 'Yuxi-Admin-2026!';

beforeAll(async () => {
  harness = await startConsole();
  await createTestAccount(harness, { username: 'admin.yuxi', role: 'ADMIN', password: PASSWORD });
  admin = await harness.newPage();
  await signIn(admin, { username: 'admin.yuxi', password: PASSWORD });
});
afterAll(() => harness?.close());

/** Picks `label` from an antd select (opened by clicking it), typing `search` to find it. */
async function choose(page: Page, field: string, search: string, label: string) {
  await page.getByLabel(field).click();
  await page.getByLabel(field).fill(search);
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
}

describe('the accounts page', () => {
  it('creates a STAFF account whose setup code lets its owner set a password and sign in', async () => {
    await admin.goto('/console/admin/accounts');
    await admin.getByRole('cell', { name: 'admin.yuxi', exact: true }).first().waitFor();
    await admin.getByRole('button', { name: '新建账号' }).click();
    const dialog = admin.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill('wang.new');
    await dialog.getByLabel('姓名').fill('王新');
    await choose(admin, '负责区域', '李棋', '李棋街道(红塔区)');
    await admin.getByRole('button', { name: '创建账号' }).click();
    await admin.getByText('此码只显示这一次').waitFor();
    const setupCode = await admin.getByTestId('one-time-code').innerText();
    expect(setupCode).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: '我已记下并将交给本人' }).click();
    const row = admin.locator('tr.ant-table-row').filter({ hasText: 'wang.new' });
    await row.getByText('待设置密码').waitFor();
    expect(await row.innerText()).toContain('李棋街道');

    const owner = await harness.newPage();
    await owner.goto('/console/sign-in/reset');
    await owner.getByText('新密码至少 10 位,且包含小写字母、大写字母、数字、符号中的至少三类').waitFor();
    await owner.getByLabel('用户名').fill('wang.new');
    await owner.getByLabel('一次性设置码/重置码').fill(setupCode);
    await owner.getByLabel('新密码', { exact: true }).fill('Wang.New-Hongta-1');
    await owner.getByLabel('再次输入新密码').fill('Wang.New-Hongta-1');
    await owner.getByRole('button', { name: '设置密码' }).click();
    await owner.getByRole('alert').filter({ hasText: '密码不能包含用户名' }).waitFor();
    await owner.getByLabel('新密码', { exact: true }).fill('Hongta-Liqi-Jiedao-9');
    await owner.getByLabel('再次输入新密码').fill('Hongta-Liqi-Jiedao-9');
    await owner.getByRole('button', { name: '设置密码' }).click();
    await owner.getByText('已为 wang.new 设置新密码,请用新密码登录。').waitFor();
    await owner.waitForURL('**/console/sign-in');
    await signIn(owner, { username: 'wang.new', password: 'Hongta-Liqi-Jiedao-9' });
    await owner.waitForURL('**/console/dashboard');
  });

  it('offers on the viewer’s own row only editing, with the role fixed', async () => {
    await admin.goto('/console/admin/accounts');
    const own = admin
      .locator('tr.ant-table-row')
      .filter({ has: admin.getByRole('cell', { name: 'admin.yuxi', exact: true }) });
    await own.getByRole('button', { name: '编 辑' }).waitFor();
    for (const action of ['停 用', '重置密码', '重置两步验证'])
      expect([action, await own.getByRole('button', { name: action }).count()]).toEqual([action, 0]);
    await own.getByRole('button', { name: '编 辑' }).click();
    const dialog = admin.getByRole('dialog', { name: '编辑账号:admin.yuxi' });
    await dialog.getByText('不能更改自己账号的角色,请由另一位管理员操作').waitFor();
    expect(await dialog.getByLabel('角色').isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '取 消' }).click();
  });

  it('filters, re-scopes, disables and re-enables an account, and issues a reset code', async () => {
    await createTestAccount(harness, {
      username: 'chen.org',
      role: 'STAFF',
      regionId: '530402006000',
      password: PASSWORD,
    });
    await admin.goto('/console/admin/accounts');
    await admin.getByLabel('搜索用户名或姓名').fill('chen');
    await admin.getByLabel('搜索用户名或姓名').press('Enter');
    await admin.getByRole('cell', { name: 'chen.org', exact: true }).first().waitFor();
    await expect(admin.getByRole('cell', { name: 'admin.yuxi', exact: true }).count()).resolves.toBe(0);

    const row = admin.locator('tr.ant-table-row').filter({ hasText: 'chen.org' });
    await row.getByRole('button', { name: '停 用' }).click();
    await admin.getByRole('button', { name: '停 用' }).last().click();
    await row.getByText('已停用').waitFor();
    await row.getByRole('button', { name: '启 用' }).click();
    await admin.getByRole('tooltip').getByRole('button', { name: '启 用' }).click();
    await row.getByText('正常').waitFor();

    await row.getByRole('button', { name: '编 辑' }).click();
    const dialog = admin.getByRole('dialog', { name: '编辑账号:chen.org' });
    await choose(admin, '负责区域', '江川', '江川区(玉溪市)');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await row.getByText('江川区').waitFor();

    await row.getByRole('button', { name: '重置密码' }).click();
    await admin.getByRole('button', { name: '生 成' }).click();
    await admin.getByRole('dialog', { name: '密码重置码' }).getByTestId('one-time-code').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: '我已记下并将交给本人' }).click();
    expect(await capture(admin, 'admin-accounts', () => row.waitFor())).toBe(0);
  });
});

describe('the audit page', () => {
  it('lists a refused sign-in, filters by who, and exports the rows to Excel', async () => {
    const stranger = await harness.newPage();
    await stranger.goto('/console/sign-in');
    await stranger.getByLabel('用户名').fill('wang.new');
    await stranger.getByLabel('密码', { exact: true }).fill('Not-The-Password-1');
    await stranger.getByRole('button', { name: '登 录' }).click();
    await stranger.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await admin.goto('/console/admin/audit');
    await admin.getByLabel('操作人').fill('wang.new');
    await admin.getByRole('button', { name: '查 询' }).click();
    const refused = admin.locator('tr.ant-table-row').filter({ hasText: '用户名或密码错误(INVALID_CREDENTIALS)' });
    await refused.waitFor();
    expect(await refused.innerText()).toContain('signIn');
    const subjects = await admin.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(new Set(subjects)).toEqual(new Set(['wang.new']));
    expect(await seriousViolations(admin)).toEqual([]);
    expect(await capture(admin, 'admin-audit', () => refused.waitFor())).toBe(0);

    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: '导出 Excel' }).click();
    const file = await (await download).path();
    const { readSheet } = await import('read-excel-file/node');
    const rows = await readSheet(file);
    expect(rows[0]).toEqual([
      '时间',
      '类别',
      '操作人',
      '角色',
      '区域',
      '操作',
      '对象',
      '个人记录',
      '结果',
      '次数',
      '来源地址',
    ]);
    expect(rows.slice(1).map((row) => row[2])).toEqual(subjects);
    expect(rows.slice(1).map((row) => row[8])).toContain('INVALID_CREDENTIALS');
  });
});
