import type { Locator, Page } from 'playwright-core';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import {
  REGISTRIES_CREATE_SERVICE,
  REGISTRIES_FIRST_ORGANIZATION,
  REGISTRIES_RECORD_RESOURCE,
  REGISTRIES_SUBMIT_NEED,
} from '../helpers/registries-console-operations';
import { capture, createTestAccount, seriousViolations, signIn, startConsole, type ConsoleHarness } from './harness';

/** 红塔区, where the seed registers organisations. */
const HONGTA = '530402000000';
/** 星云街道, a 街道 of 江川区: its staff see none of 李棋街道's records. */
const XINGYUN = '530403001000';

/**
 * 统一社会信用代码 (GB 32100-2015): the 18th character is chosen so that the weighted sum of all 18 characters'
 * values in the alphabet below is divisible by 31; the weight of position i (from 0) is 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function withCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + ALPHABET.indexOf(char) * (3 ** i % 31), 0);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}

const VALID_CODE = withCheckCharacter('52530402MA0R2Q7W1');
const WRONG_CHECK = VALID_CODE.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(VALID_CODE[17]) + 1) % 31];
const ORGANIZATION = '李棋街道邻里互助促进会';

let harness: ConsoleHarness;
let needNumber: string;
beforeAll(async () => {
  harness = await startConsole();
  const { submitNeed } = await harness.hub.query<{ submitNeed: { number: string } }>(
    REGISTRIES_SUBMIT_NEED,
    { input: { category: 'ELDERLY_CARE', description: '独居老人需要助餐', communityId: XIAHE } },
    IDENTITIES.STAFF_IN,
  );
  needNumber = submitNeed.number;
  await createTestAccount(harness, { username: 'li.liqi', role: 'STAFF', regionId: LIQI, password: PASSWORD });
  await createTestAccount(harness, { username: 'xu.xingyun', role: 'STAFF', regionId: XINGYUN, password: PASSWORD });
});
afterAll(() => harness?.close());

const PASSWORD = 'Liqi-Registry-2026';

/** A page signed in through the console as `username`. */
async function signedIn(username: string) {
  const page = await harness.newPage();
  await signIn(page, { username, password: PASSWORD });
  return page;
}

/** Opens an antd select by its label and picks the option showing `option`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

/** antd puts a space between the two characters of a two-character button (登 记): the name allows for it. */
const button = (scope: Page | Locator, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^${[...text].join('\\s?')}$`) });
const drawer = (page: Page) => page.getByRole('dialog');
const row = (page: Page, text: string) => page.locator('tr.ant-table-row').filter({ hasText: text });

async function openTab(page: Page, tab: string, path: string) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.waitForURL(`**/console/registries/${path}`);
  await page.locator('.ant-table').first().waitFor();
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
}

describe('the registries page', () => {
  it('lets STAFF of 李棋街道 register, correct and suspend an organisation, refusing a wrong check character', async () => {
    const page = await signedIn('li.liqi');
    await page.goto('/console/registries');
    await page.waitForURL('**/console/registries/organizations');
    await page.getByRole('button', { name: '登记社会组织' }).waitFor();

    await page.getByRole('button', { name: '登记社会组织' }).click();
    const form = drawer(page);
    await form.getByLabel('组织名称').fill(ORGANIZATION);
    await choose(page, '组织类型', '社区社会组织');
    await choose(page, '主要服务领域', '养老服务');
    await form.getByLabel('统一社会信用代码').fill('52530402ABC');
    await button(form, '登记').click();
    await form.getByText('统一社会信用代码应为 18 位').waitFor();

    await form.getByLabel('统一社会信用代码').fill(WRONG_CHECK);
    await button(form, '登记').click();
    await form.getByText('统一社会信用代码校验失败').waitFor();

    await form.getByLabel('统一社会信用代码').fill(VALID_CODE);
    await button(form, '登记').click();
    await page.getByText(`已登记“${ORGANIZATION}”`).waitFor();
    await row(page, VALID_CODE).waitFor();
    await expect(row(page, VALID_CODE).innerText()).resolves.toContain('正常');

    await page.getByRole('button', { name: `编辑:${ORGANIZATION}` }).click();
    // The registration drawer may still be closing: the edit drawer by its own name.
    const edit = page.getByRole('dialog', { name: `编辑 ${ORGANIZATION}` });
    await edit.getByLabel('对外公开电话').fill('0877-2061234');
    await edit.getByLabel('办公地址').fill('李棋街道下赫社区服务中心二楼');
    await button(edit, '保存').click();
    await page.getByText(`已保存“${ORGANIZATION}”`).waitFor();
    await row(page, '0877-2061234').waitFor();

    await page.getByRole('button', { name: `变更状态:${ORGANIZATION}` }).click();
    await page.getByRole('menuitem', { name: '改为暂停' }).click();
    await page.getByRole('button', { name: '确认变更' }).click();
    await page.getByText('登记状态已变更').waitFor();
    await row(page, VALID_CODE).filter({ hasText: '暂停' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'registries-organizations', () => row(page, VALID_CODE).waitFor())).toBe(0);
  });

  it("keeps 李棋街道's new organisation out of 星云街道's list", async () => {
    const page = await signedIn('xu.xingyun');
    await page.goto('/console/registries/organizations');
    await page.getByLabel('搜索社会组织').fill(ORGANIZATION);
    await page.getByLabel('搜索社会组织').press('Enter');
    await page.getByText('本辖区暂无符合条件的社会组织').waitFor();
    await expect(page.getByText(VALID_CODE).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows an ORG account its own organisation to correct, and nothing to register', async () => {
    const { organizations } = await harness.hub.query<{
      organizations: { nodes: { id: string; name: string; creditCode: string; region: { name: string } }[] };
    }>(REGISTRIES_FIRST_ORGANIZATION, { regionId: HONGTA }, IDENTITIES.ADMIN);
    const [own] = organizations.nodes;
    await createTestAccount(harness, {
      username: 'org.officer',
      role: 'ORG',
      organizationId: own.id,
      password: PASSWORD,
    });
    const page = await signedIn('org.officer');
    await page.goto('/console/registries/organizations');
    await row(page, own.creditCode).waitFor();
    await expect(page.locator('tr.ant-table-row').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '登记社会组织' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: `变更状态:${own.name}` }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: `编辑:${own.name}` }).click();
    await drawer(page).getByLabel('对外公开电话').fill('0877-2069999');
    await button(drawer(page), '保存').click();
    await row(page, '0877-2069999').waitFor();

    await openTab(page, '服务', 'services');
    await page.getByRole('button', { name: '新增服务' }).click();
    await drawer(page).getByLabel('服务名称').fill('周末助老陪伴');
    await choose(page, '服务类别', '养老服务');
    await choose(page, '服务区域', own.region.name);
    await drawer(page).getByLabel('时间安排').fill('周六 9:00-11:00');
    await button(drawer(page), '保存').click();
    await page.getByText('已新增“周末助老陪伴”').waitFor();
    const service = row(page, '周末助老陪伴');
    await service.filter({ hasText: own.name }).filter({ hasText: '在办' }).waitFor();
    const providers = await page.locator('tr.ant-table-row').allInnerTexts();
    expect(providers.every((text) => text.includes(own.name))).toBe(true);
    await page.getByRole('button', { name: '停办:周末助老陪伴' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^停\s?办$/ })
      .click();
    await page.getByText('已停办“周末助老陪伴”').waitFor();
    await service.waitFor({ state: 'detached' });
    await openTab(page, '慈善资源', 'charity');
    await expect(page.getByRole('button', { name: '登记慈善资源' }).count()).resolves.toBe(0);
  });

  it('records a charity resource and allocates part of it to a need', async () => {
    const page = await signedIn('li.liqi');
    await page.goto('/console/registries/charity');
    await page.getByRole('button', { name: '登记慈善资源' }).click();
    const form = drawer(page);
    await form.getByLabel('资源名称').fill('重阳节助老基金');
    await form.getByLabel('捐赠方').fill('玉溪市某爱心企业');
    await form.getByLabel('数量').fill('5000');
    await button(form, '登记').click();
    await page.getByText('已登记“重阳节助老基金”').waitFor();
    await row(page, '重阳节助老基金').filter({ hasText: '5000 元' }).waitFor();

    await page.getByRole('button', { name: '分配:重阳节助老基金' }).click();
    await page.getByLabel('居民需求').fill(needNumber);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: needNumber })
      .click();
    await drawer(page).getByLabel('数量(元)').fill('2000');
    await drawer(page).getByLabel('说明').fill('助餐补贴');
    await button(drawer(page), '分配').click();
    await page.getByText('已分配 2000 元').waitFor();
    const resource = row(page, '重阳节助老基金');
    await resource.filter({ hasText: '3000 元' }).waitFor();
    await resource.getByRole('button', { name: /展开/ }).click();
    await page.getByText(`需求 ${needNumber}`).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'registries-charity', () => page.getByText(`需求 ${needNumber}`).waitFor())).toBe(0);
  });

  it('registers a social worker and records a higher certificate with its reward', async () => {
    const page = await signedIn('li.liqi');
    await page.goto('/console/registries/social-workers');
    await page.getByText('持证奖励政策').waitFor();
    await page.getByRole('button', { name: '登记社会工作者' }).click();
    const form = drawer(page);
    await form.getByLabel('姓名').fill('李棋社工张明');
    await choose(page, '持证等级', '助理社会工作师');
    await form.getByLabel('取证年份').fill('2023');
    await button(form, '登记').click();
    await page.getByText('已登记社会工作者“李棋社工张明”').waitFor();

    await page.getByLabel('搜索社会工作者').fill('张明');
    await page.getByLabel('搜索社会工作者').press('Enter');
    await row(page, '李棋社工张明').waitFor();
    await page.getByRole('button', { name: '登记证书:李棋社工张明' }).click();
    await choose(page, '证书等级(须高于现有等级)', '社会工作师');
    await drawer(page).getByLabel('取证年份').fill('2025');
    await button(drawer(page), '登记').click();
    await page.getByText('证书已登记,持证奖励按政策计入').waitFor();
    const worker = row(page, '李棋社工张明');
    await worker.filter({ hasText: '2025' }).waitFor();
    await worker.getByRole('button', { name: /展开/ }).click();
    const certificate = page.locator('tr').filter({ hasText: '3000' }).filter({ hasText: '社会工作师' });
    await certificate.first().waitFor();
    expect(await certificate.first().innerText()).toContain('2025');

    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'registries-social-workers', () => worker.waitFor())).toBe(0);
  });

  it('pages through a list by its cursors, 20 rows at a time', async () => {
    for (let n = 1; n <= 21; n += 1) {
      await harness.hub.query(
        REGISTRIES_RECORD_RESOURCE,
        {
          input: {
            name: `助学物资第${n}批`,
            kind: 'GOODS',
            donor: '李棋街道商会',
            regionId: LIQI,
            amount: 10,
            unit: '件',
            receivedOn: '2026-09-01',
          },
        },
        IDENTITIES.STAFF_IN,
      );
    }
    const page = await signedIn('li.liqi');
    await page.goto('/console/registries/charity');
    await page.getByLabel('搜索慈善资源').fill('助学物资');
    await page.getByLabel('搜索慈善资源').press('Enter');
    await page.getByText('共 21 条 · 第 1/2 页').waitFor();
    await expect(page.locator('tr.ant-table-row').count()).resolves.toBe(20);
    await button(page, '下一页').click();
    await page.getByText('共 21 条 · 第 2/2 页').waitFor();
    await row(page, '助学物资第21批').waitFor();
    await expect(page.locator('tr.ant-table-row').count()).resolves.toBe(1);
    await expect(button(page, '下一页').isDisabled()).resolves.toBe(true);
    await button(page, '上一页').click();
    await page.getByText('共 21 条 · 第 1/2 页').waitFor();
    await expect(page.locator('tr.ant-table-row').first().innerText()).resolves.toContain('助学物资第1批');
  });

  it('offers STAFF no 编辑 or 停办 for a service in their 街道 whose provider is registered above it', async () => {
    const { organizations } = await harness.hub.query<{ organizations: { nodes: { id: string }[] } }>(
      REGISTRIES_FIRST_ORGANIZATION,
      { regionId: HONGTA },
      IDENTITIES.ADMIN,
    );
    const service = '红塔区上门理发';
    await harness.hub.query(
      REGISTRIES_CREATE_SERVICE,
      { input: { name: service, category: 'ELDERLY_CARE', providerId: organizations.nodes[0].id, regionId: LIQI } },
      IDENTITIES.ADMIN,
    );
    const page = await signedIn('li.liqi');
    await page.goto('/console/registries/services');
    await page.getByLabel('搜索服务').fill(service);
    await page.getByLabel('搜索服务').press('Enter');
    await row(page, service).waitFor();
    await expect(page.getByRole('button', { name: `编辑:${service}` }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: `停办:${service}` }).count()).resolves.toBe(0);
  });

  it('lists services and stations usably on a phone', async () => {
    const page = await signedIn('li.liqi');
    await page.goto('/console/registries/organizations');
    await openTab(page, '服务', 'services');
    await page.getByRole('button', { name: '新增服务' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'registries-services', () => page.locator('.ant-table').first().waitFor())).toBe(0);

    await openTab(page, '服务站点', 'stations');
    const station = row(page, '').first();
    const stationName = await station.locator('td').nth(0).innerText();
    await page.getByRole('button', { name: `改地址电话:${stationName}`, exact: true }).click();
    await drawer(page).getByLabel('对外公开电话').fill('0877-2068888');
    await button(drawer(page), '保存').click();
    await row(page, stationName).filter({ hasText: '0877-2068888' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'registries-stations', () => row(page, '').first().waitFor())).toBe(0);
  });
});
