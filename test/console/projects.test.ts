import type { Page } from 'playwright-core';
import * as Op from '../helpers/admin-operations';
import * as C from '../helpers/console-pages-operations';
import * as X from '../helpers/cross-scope-operations';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import * as L from '../helpers/linkage-operations';
import * as R from '../helpers/rounds-operations';
import { BUSY_CLIENT_ENV } from '../helpers/test-hub';
import type {
  OpenRoundMutation,
  RoundApplicationsQuery,
  ScopedSubmitApplicationMutation,
  ServicesInRegionQuery,
  SubmitNeedMutation,
} from '../helpers/generated/operations';
import {
  animationsSettled,
  capture,
  createTestAccount,
  freshTotpCode,
  seriousViolations,
  shownTotpSecret,
  signIn,
  startConsole,
  type ConsoleHarness,
} from './harness';

// The project-rounds page (issue 12): ADMIN approves a round's applications up to its quota in the browser and is
// refused the next; staff start and complete a project; a project's trace from need to feedback.
let harness: ConsoleHarness;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;
let round: string;
/** The applications by their review score. */
let app: Record<90 | 80 | 70, string>;
let needNumber: string;
let serviceName: string;

const PASSWORD = 'Hongta-Rounds-2026';
/** The city ADMIN's authenticator, bound at the first sign-in. */
let adminTotp: string | undefined;

beforeAll(async () => {
  harness = await startConsole({ env: BUSY_CLIENT_ENV });
  await createTestAccount(harness, { username: 'chen.city', role: 'ADMIN', password: PASSWORD });
  await createTestAccount(harness, { username: 'li.liqi', role: 'STAFF', regionId: LIQI, password: PASSWORD });
  await createTestAccount(harness, { username: 'yigong.city', role: 'ORG', organizationId: '3', password: PASSWORD });
  const { hub } = harness;
  round = (await hub.query<OpenRoundMutation>(Op.OPEN_ROUND, { quota: 2 }, admin)).openProjectRound.id;
  const submit = async (title: string, score: number) => {
    const input = { roundId: round, title, category: 'ELDERLY_HARDSHIP', applicantId: '3', regionId: XIAHE };
    const { submitProjectApplication } = await hub.query<ScopedSubmitApplicationMutation>(
      X.SUBMIT_APPLICATION,
      { input },
      staff,
    );
    await hub.query(Op.REVIEW_APPLICATION, { id: submitProjectApplication.id, score }, staff);
    return submitProjectApplication.id;
  };
  app = { 90: await submit('长者饭堂', 90), 80: await submit('邻里互助', 80), 70: await submit('助老探访', 70) };

  // The trace: a need of 下赫社区 resolved and rated 5, cited by the best application, which delivers a service.
  const { submitNeed } = await hub.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE }, staff);
  needNumber = submitNeed.number;
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
    await hub.query(Op.NEED_TRANSITION(step), { id: submitNeed.id }, staff);
  await hub.query(Op.RATE_NEED, { id: submitNeed.id, rating: 5 }, staff);
  await hub.query(L.CITE_NEEDS, { p: app[90], needs: [submitNeed.id] }, staff);
  const [service] = (await hub.query<ServicesInRegionQuery>(C.SERVICES_IN_REGION, { regionId: XIAHE }, staff)).services
    .nodes;
  serviceName = service.name;
  await hub.query(L.LINK_SERVICE, { p: app[90], s: service.id }, staff);
});
afterAll(() => harness?.close());

/** A browser page signed in through the console as the STAFF or ORG `username`. */
async function signedIn(username: string): Promise<Page> {
  const page = await harness.newPage();
  await signIn(page, { username, password: PASSWORD });
  return page;
}

/**
 * A browser page signed in as the city ADMIN: the first time binding the authenticator the page shows, then with
 * its code. Done step by step because the page explains the TOTP step in an alert, which `signIn` reads as a refusal.
 */
async function signedInAsAdmin(): Promise<Page> {
  const page = await harness.newPage();
  await page.goto('/console/sign-in');
  await page.getByLabel('用户名').fill('chen.city');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: button('登录') }).click();
  await page.getByLabel('动态验证码').waitFor();
  const binding = !adminTotp;
  adminTotp ??= await shownTotpSecret(page);
  await page.getByLabel('动态验证码').fill(freshTotpCode(adminTotp));
  await page.getByRole('button', { name: binding ? '绑定并登录' : '验证并登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/console/sign-in'));
  return page;
}

const row = (page: Page, id: string) => page.locator(`tr[data-row-key="${id}"]`);
/** antd spaces out two-character button labels (确 认), so buttons are found by a pattern. */
const button = (name: string) => new RegExp(`^${[...name].join('\\s*')}$`);
const remaining = (page: Page) =>
  page.locator('.ant-statistic', { hasText: '剩余名额' }).locator('.ant-statistic-content').textContent();

async function confirm(page: Page, id: string, action: string) {
  await row(page, id)
    .getByRole('button', { name: button(action) })
    .click();
  await page.getByRole('button', { name: button('确认') }).click();
}

const applications = async () =>
  await harness.hub.query<RoundApplicationsQuery>(R.ROUND_APPLICATIONS, { roundId: round }, admin);

describe('the project-rounds page', () => {
  test('ADMIN approves up to the quota, sees the remaining quota reach 0 and the next approval refused', async () => {
    const page = await signedInAsAdmin();
    await page.goto('/console/projects');
    const roundRow = row(page, round);
    await roundRow.getByRole('link', { name: '2027 社区服务项目' }).waitFor();
    expect(await roundRow.textContent()).toContain('市民政局');
    expect(await seriousViolations(page)).toEqual([]);
    // A second ADMIN has the round open from before the places were taken.
    const late = await signedInAsAdmin();
    await late.goto(`/console/projects/rounds/${round}`);
    await row(late, app[70])
      .getByRole('button', { name: button('批准立项') })
      .waitFor();

    await roundRow.getByRole('link', { name: '2027 社区服务项目' }).click();
    await row(page, app[90]).waitFor();
    await expect(remaining(page)).resolves.toBe('2');
    expect(await seriousViolations(page)).toEqual([]);
    for (const score of [90, 80] as const) {
      await confirm(page, app[score], '批准立项');
      await row(page, app[score]).getByText('已立项').waitFor();
    }
    await page.locator('.ant-statistic', { hasText: '剩余名额' }).getByText('0').waitFor();
    await expect(remaining(page)).resolves.toBe('0');
    // The hub offers no approval once the round is full: the button is gone, rejection stays.
    await expect(
      row(page, app[70])
        .getByRole('button', { name: button('批准立项') })
        .count(),
    ).resolves.toBe(0);
    await row(page, app[70])
      .getByRole('button', { name: button('不予立项') })
      .waitFor();
    // The page as it stays, without the passing notices of the approvals.
    const settled = async () => {
      await row(page, app[70]).waitFor();
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    };
    expect(await capture(page, 'projects', settled)).toBe(0);

    await confirm(late, app[70], '批准立项');
    await late.getByText('本轮名额已满 (2)(QUOTA_EXCEEDED)').waitFor();
    // Refused, the page asks again: the quota shows full and the approval is no longer offered.
    await late.locator('.ant-statistic', { hasText: '剩余名额' }).getByText('0').waitFor();
    await expect(remaining(late)).resolves.toBe('0');
    await expect(
      row(late, app[70])
        .getByRole('button', { name: /批准立项/ })
        .count(),
    ).resolves.toBe(0);

    expect(await applications()).toEqual({
      projectRound: { quota: 2, fundedCount: 2, remainingQuota: 0 },
      serviceProjects: {
        nodes: [
          { id: app[90], score: 90, status: 'APPROVED' },
          { id: app[80], score: 80, status: 'APPROVED' },
          { id: app[70], score: 70, status: 'UNDER_REVIEW' },
        ],
      },
    });
  });

  test('STAFF of the region score, start and complete with an evaluation, and are offered no approval', async () => {
    const page = await signedIn('li.liqi');
    await page.goto(`/console/projects/rounds/${round}`);
    await row(page, app[70]).getByRole('button', { name: '重新打分' }).waitFor();
    for (const action of ['批准立项', '不予立项'])
      await expect(page.getByRole('button', { name: button(action) }).count()).resolves.toBe(0);

    await row(page, app[70]).getByRole('button', { name: '重新打分' }).click();
    const review = page.getByRole('dialog', { name: '评审打分:助老探访' });
    await review.getByLabel('评分(0–100)').fill('75');
    await review.getByRole('button', { name: '保存评分' }).click();
    await row(page, app[70]).getByText('75').waitFor();

    await confirm(page, app[80], '启动实施');
    await row(page, app[80]).getByText('实施中').waitFor();
    await row(page, app[80]).getByRole('button', { name: '结项评估' }).click();
    const completion = page.getByRole('dialog', { name: '结项评估:邻里互助' });
    await animationsSettled(page);
    await completion.getByRole('button', { name: '确认结项' }).click();
    await completion.getByText('请填写结项评估').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await completion.getByLabel('结项评估').fill('居民满意度 95%');
    await completion.getByRole('button', { name: '确认结项' }).click();
    await row(page, app[80]).getByText('已结项').waitFor();

    expect((await applications()).serviceProjects.nodes).toEqual([
      { id: app[90], score: 90, status: 'APPROVED' },
      { id: app[80], score: 80, status: 'COMPLETED' },
      { id: app[70], score: 75, status: 'UNDER_REVIEW' },
    ]);
  });

  test('the applying organisation may start its approved project and nothing else', async () => {
    const page = await signedIn('yigong.city');
    await page.goto(`/console/projects/rounds/${round}`);
    await row(page, app[90])
      .getByRole('button', { name: button('启动实施') })
      .waitFor();
    for (const action of ['批准立项', '不予立项', '结项评估'])
      await expect(page.getByRole('button', { name: button(action) }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /打分/ }).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a project traces the need it answers, the service it delivers through and the residents’ rating', async () => {
    const page = await signedIn('li.liqi');
    await page.goto(`/console/projects/rounds/${round}`);
    await row(page, app[90]).getByRole('link', { name: '长者饭堂' }).click();
    await page.getByRole('heading', { name: '长者饭堂' }).waitFor();
    await page.getByText(needNumber).waitFor();
    await page.getByText(serviceName).waitFor();
    await page.getByText('1 条评价,平均 5.0 星').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'projects-trace', () => page.getByText(needNumber).waitFor())).toBe(0);
  });
});
