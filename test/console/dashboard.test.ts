import type { Locator, Page } from 'playwright-core';
import { Role } from '../../src/auth/identity';
import { REGION_FACTS } from '../helpers/dashboard-facts-operations';
import type { RegionFactsQuery } from '../helpers/generated/operations';
import { IDENTITIES, LIQI } from '../helpers/identities';
import { capture, downloadedRows, seriousViolations, startConsole, type ConsoleHarness } from './harness';

// The dashboard (console/src/pages/dashboard): a region's own figures, linkage index and lists, scoped to the
// account; charts with their data in tables; every table exported to a workbook.
let harness: ConsoleHarness;
beforeAll(async () => {
  harness = await startConsole();
});
afterAll(() => harness?.close());

/** 星云街道 of 江川区: a 街道 of another county, whose staff must see nothing of 李棋街道's. */
const XINGYUN = '530403001000';
const STAFF_XINGYUN = { role: Role.STAFF, subject: 'staff-xingyun', regionId: XINGYUN };

/** What the API itself says of a region, asked without the console. */
const factsOf = async (id: string) =>
  (await harness.hub.query<RegionFactsQuery>(REGION_FACTS, { id }, IDENTITIES.STAFF_IN)).region!;

/** The value a figure card (or a 联动指数 figure) shows, e.g. "56,254". */
const figure = (scope: Page | Locator, name: string) =>
  scope.getByRole('group', { name, exact: true }).locator('.ant-statistic-content-value').innerText();

/** Thousands grouped as the page writes them (zh-CN uses commas). */
const grouped = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Both charts drawn and no wider than their boxes (they follow the window down to a phone's width). */
async function chartsDrawn(page: Page) {
  await page.getByRole('heading', { level: 2 }).waitFor();
  const charts = page.locator('[role="img"][aria-label$="数据见下表"]');
  await charts.nth(1).locator('canvas').waitFor();
  const fit = () =>
    charts.evaluateAll((boxes) =>
      boxes.every((box) => {
        const canvas = box.querySelector('canvas');
        return !!canvas && canvas.clientWidth > 0 && canvas.clientWidth <= box.clientWidth;
      }),
    );
  // A chart takes its box's new width in an animation frame after the resize: wait frame by frame for it.
  for (let frame = 0; frame < 600 && !(await fit()); frame++) {
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
  }
}

async function openDashboard(token: Parameters<ConsoleHarness['newPage']>[0]) {
  const page = await harness.newPage(token);
  const variables: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql')) variables.push(JSON.stringify(request.postDataJSON()?.variables ?? {}));
  });
  await page.goto('/console/dashboard');
  return { page, variables };
}

describe('the dashboard', () => {
  it("shows STAFF of 李棋街道 their 街道's own figures, linkage index, lists and charts", async () => {
    const { page } = await openDashboard({ token: IDENTITIES.STAFF_IN });
    await page.getByRole('heading', { name: '李棋街道数据看板' }).waitFor();
    // Facts of the report and the census: 下赫社区's children's station served 7,450 person-times with 3,640.5
    // verified volunteer hours; 李棋街道 had 56,254 residents in 2020.
    expect(await figure(page, '常住人口')).toBe('56,254');
    expect(await figure(page, '站点服务人次')).toBe('7,450');
    expect(await figure(page, '已核实志愿服务时长')).toBe('3,640.5');
    const facts = await factsOf(LIQI);
    expect(await figure(page, '社会组织')).toBe(grouped(facts.organizationCount));
    expect(await figure(page, '每万人拥有社会组织数')).toBe(grouped(facts.organizationsPer10k ?? 0));
    expect(await figure(page, '注册志愿者')).toBe(grouped(facts.volunteerCount));
    expect(await figure(page, '志愿服务队伍')).toBe(grouped(facts.volunteerTeamCount));
    expect(await figure(page, '志愿服务项目')).toBe(grouped(facts.volunteerActivityCount));
    expect(await figure(page, '持证社会工作者')).toBe(grouped(facts.socialWorkerCount));

    // No need of 李棋街道 is resolved yet in the seed: the index counts none and has no share to show.
    const linkage = page.getByRole('region', { name: '联动指数' });
    expect(await figure(linkage, '已解决需求')).toBe('0');
    expect(await figure(linkage, '三方以上联动占比')).toBe('—');

    const coverage = page.getByRole('region', { name: '一中心一站一室覆盖' });
    await expect(coverage.getByText('一站 · 街道(乡镇)社会工作服务站:1 / 1').isVisible()).resolves.toBe(true);
    await expect(coverage.getByText('尚未全覆盖').isVisible()).resolves.toBe(true);

    // 需求清单: one row per category with open needs, as the API counts them.
    const needRows = page.getByRole('region', { name: '需求清单' }).locator('tbody tr.ant-table-row');
    await expect(needRows.count()).resolves.toBe(facts.needList.length);
    expect(facts.needList.map((row) => row.category)).toEqual(['ELDERLY_CARE', 'CHILD_CARE', 'DISABILITY']);
    expect(await needRows.first().locator('td').allInnerTexts()).toEqual(['养老服务', '1', '0', '0']);
    // 项目清单: the round's funded project at 下赫社区, completed.
    const projectRows = page.getByRole('region', { name: '项目清单' }).locator('tbody tr.ant-table-row');
    expect(await projectRows.first().locator('td').allInnerTexts()).toEqual(['党群同心 共建美好家园', '已结项', '1']);

    // The comparison lists 李棋街道's nine communities; its chart and the trend's carry their names for screen readers.
    const comparison = page.getByRole('region', { name: '下级区域对比' });
    await expect(comparison.locator('tbody tr.ant-table-row').count()).resolves.toBe(9);
    await chartsDrawn(page);
    await comparison.getByLabel('对比指标').click();
    await page.locator('.ant-select-item-option', { hasText: '常住人口' }).click();
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await comparison.getByRole('img', { name: '李棋街道各下级区域常住人口柱状图,数据见下表' }).waitFor();
    await page.getByRole('img', { name: '李棋街道近12个月每月新增和已解决需求折线图,数据见下表' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'dashboard', () => chartsDrawn(page))).toBe(0);
  });

  it('exports a table to a workbook with the same header and rows', async () => {
    const { page } = await openDashboard({ token: IDENTITIES.STAFF_IN });
    const resources = page.getByRole('region', { name: '资源清单' });
    await resources.locator('tbody tr.ant-table-row').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      resources.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('资源清单-李棋街道.xlsx');
    const rows = await downloadedRows(download);
    expect(rows[0]).toEqual(['服务类别', '社会组织服务', '服务站点', '有此专长的志愿者', '待分配慈善资金(元)']);
    expect(rows).toHaveLength(12);
    const childCare = (await factsOf(LIQI)).resourceList.find((row) => row.category === 'CHILD_CARE')!;
    expect(rows.find((row) => row[0] === '儿童关爱')).toEqual([
      '儿童关爱',
      childCare.services,
      childCare.stations,
      childCare.volunteers,
      childCare.funds,
    ]);
    await page.getByText('已导出资源清单').waitFor();
  });

  it('shows STAFF of another 街道 its own region and nothing of 李棋街道', async () => {
    const { page, variables } = await openDashboard({ token: STAFF_XINGYUN });
    await page.getByRole('heading', { name: '星云街道数据看板' }).waitFor();
    const facts = await factsOf(XINGYUN);
    expect(await figure(page, '注册志愿者')).toBe(grouped(facts.volunteerCount));
    expect(facts.needList).toEqual([]);
    const needs = page.getByRole('region', { name: '需求清单' });
    await needs.getByText('本区域暂无居民需求').waitFor();
    const projects = page.getByRole('region', { name: '项目清单' });
    await expect(projects.getByText('已结项').count()).resolves.toBe(0);
    // The region picker offers 星云街道's communities only.
    await page.getByLabel('查看区域').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '上营社区' }).waitFor();
    await page.getByRole('region', { name: '下级区域对比' }).locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('李棋');
    expect(variables.some((sent) => sent.includes(LIQI.slice(0, 9)))).toBe(false);
  });

  it('starts ADMIN at the city and drills down to a county and a 街道', async () => {
    const { page } = await openDashboard({ token: IDENTITIES.ADMIN });
    await page.getByRole('heading', { name: '玉溪市数据看板' }).waitFor();
    // The 7th census: 2,249,502 residents in Yuxi.
    expect(await figure(page, '常住人口')).toBe('2,249,502');
    const counties = page.getByRole('region', { name: '下级区域对比' }).locator('tbody tr.ant-table-row');
    await expect(counties.count()).resolves.toBe(9);
    await page.getByLabel('查看区域').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '红塔区' }).click();
    await page.getByRole('heading', { name: '红塔区数据看板' }).waitFor();
    await page.locator('.ant-cascader-menu-item', { hasText: '李棋街道' }).click();
    await page.getByRole('heading', { name: '李棋街道数据看板' }).waitFor();
    expect(await figure(page, '常住人口')).toBe('56,254');
  });
});
