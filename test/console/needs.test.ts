import type { Page } from 'playwright-core';
import { IDENTITIES, LIQI, XIAHE } from '../helpers/identities';
import { capture, createTestAccount, seriousViolations, signIn, startConsole, type ConsoleHarness } from './harness';

/** 玉兴街道, another township of 红塔区: its staff must see nothing of 李棋街道's needs. */
const YUXING = '530402001000';
const STAFF_LIQI = { username: 'chen.liqi', role: 'STAFF', regionId: LIQI, password: 'Liqi-Workbench-2026' } as const;
const STAFF_YUXING = {
  username: 'he.yuxing',
  role: 'STAFF',
  regionId: YUXING,
  password: 'Yuxing-Workbench-2026',
} as const;
/** A colleague at the 街道 a need can be handed to as 工作人员. */
const HANDLER_LIQI = {
  username: 'wang.liqi',
  role: 'STAFF',
  regionId: LIQI,
  displayName: '王建华',
  password: 'Liqi-Handler-2026',
} as const;
const REPORTER = 'c3'.repeat(32);

const SUBMIT_AS_BOT = /* GraphQL */ `
  mutation ConsoleSubmitNeed($input: SubmitNeedInput!) {
    submitNeed(input: $input) {
      id
      number
      status
    }
  }
`;
/** The seed's social workers near 下赫社区 belong to neighbouring 街道, which a need of 李棋街道 may not be linked to. */
const REGISTER_SOCIAL_WORKER = /* GraphQL */ `
  mutation ConsoleRegisterSocialWorker($input: RegisterSocialWorkerInput!) {
    registerSocialWorker(input: $input) {
      id
    }
  }
`;
const SOCIAL_WORKER = '李秀兰';
const ACCEPT = /* GraphQL */ `
  mutation ConsoleAcceptNeed($id: ID!) {
    acceptNeed(id: $id) {
      id
    }
  }
`;
const HANDLER_ACCOUNT = /* GraphQL */ `
  query ConsoleNeedHandlerAccount($id: ID!) {
    need(id: $id) {
      assignment {
        handlerAccount {
          username
        }
      }
    }
  }
`;

let harness: ConsoleHarness;
let need: { id: string; number: string; status: string };
async function submitNeed(description: string) {
  const result = await harness.hub.query<{ submitNeed: typeof need }>(
    SUBMIT_AS_BOT,
    { input: { category: 'ELDERLY_CARE', urgency: 'URGENT', description, communityId: XIAHE, reporterRef: REPORTER } },
    IDENTITIES.BOT_IN,
  );
  return result.submitNeed;
}
beforeAll(async () => {
  harness = await startConsole();
  await createTestAccount(harness, STAFF_LIQI);
  await createTestAccount(harness, STAFF_YUXING);
  need = await submitNeed('独居老人行动不便,需要上门助浴和陪同就医');
  await harness.hub.query(
    REGISTER_SOCIAL_WORKER,
    {
      input: {
        name: SOCIAL_WORKER,
        level: 'INTERMEDIATE',
        certifiedYear: 2021,
        regionId: XIAHE,
        specialties: ['ELDERLY_CARE'],
      },
    },
    IDENTITIES.STAFF_IN,
  );
});
afterAll(() => harness?.close());

/** 联动指数 as the dashboard shows it: resolved needs and the share with three or more societies (%, 1 decimal). */
async function dashboardIndex(page: Page) {
  await page.goto('/console/dashboard');
  const index = page.getByRole('region', { name: '联动指数' });
  const figure = (name: string) => index.getByRole('group', { name }).locator('.ant-statistic-content-value');
  await figure('已解决需求').waitFor();
  const share = await figure('三方以上联动占比').innerText();
  return {
    needsResolved: Number((await figure('已解决需求').innerText()).replace(/,/g, '')),
    sharePercent: share === '—' ? 0 : Number(share),
  };
}

/** Clicks a status change and confirms it, then waits for the need to reach `status`. */
async function transition(page: Page, button: string, status: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
  await page.locator('.ant-descriptions').getByText(status, { exact: true }).waitFor();
}

/** Picks `option` (or the first) in the Select labelled `label`: click, then an option of the list it opens. */
async function choose(page: Page, label: string, option?: string) {
  await page.getByLabel(label, { exact: true }).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const item = option
    ? dropdown.locator(`.ant-select-item-option[title="${option}"]`)
    : dropdown.locator('.ant-select-item-option').first();
  await item.click();
  await dropdown.waitFor({ state: 'hidden' });
}

async function contribute(page: Page, society: string, contributor: string | undefined, description: string) {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: '记录贡献' }) });
  await choose(page, '参与方类型', society);
  await choose(page, '参与方', contributor);
  await form.getByLabel('贡献内容').fill(description);
  await form.getByLabel('投入时长(小时)').fill('2');
  await form.getByRole('button', { name: '记录贡献' }).click();
  await page.getByText(`已记录${society}的贡献`).waitFor();
  await page.getByRole('table', { name: '联动贡献' }).getByText(description).waitFor();
}

describe('the needs workbench', () => {
  it('takes a submitted need to resolved by clicking, with three societies, and moves the 联动指数', async () => {
    expect(need.status).toBe('SUBMITTED');
    const page = await harness.newPage();
    await signIn(page, STAFF_LIQI);
    const before = await dashboardIndex(page);
    await page.goto('/console/needs');
    const queueRow = page.getByRole('link', { name: need.number });
    await queueRow.waitFor();
    // An urgent need submitted just now is not overdue yet; the queue is on the 已提交 tab.
    await expect(page.getByRole('tab', { name: /^已提交 \d+$/ }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'needs-queue', () => queueRow.waitFor())).toBe(0);

    await queueRow.click();
    await page.waitForURL(`**/console/needs/${need.id}`);
    await page.getByRole('heading', { name: `需求 ${need.number}` }).waitFor();
    await expect(page.getByRole('button', { name: '匹配', exact: true }).count()).resolves.toBe(0);
    await transition(page, '受理', '已受理');
    await transition(page, '匹配', '已匹配');
    await contribute(page, '社区', '下赫社区(社区)', '社区网格员上门核实情况并协调助浴');
    await contribute(page, '社会工作者', SOCIAL_WORKER, '社工评估需求并制定个案服务计划');
    await contribute(page, '社会组织', undefined, '公益协会派员提供助浴服务');
    await choose(page, '承接方类型', '社会工作者');
    await choose(page, '承接方', SOCIAL_WORKER);
    await page.getByRole('button', { name: '指派', exact: true }).click();
    await page.getByText('已指派').waitFor();
    await transition(page, '开始服务', '服务中');
    await transition(page, '解决', '已解决');
    const history = page.locator('.ant-timeline');
    for (const step of ['提交需求', '已提交 → 已受理', '已受理 → 已匹配', '已匹配 → 服务中', '服务中 → 已解决']) {
      await history.getByText(step).waitFor();
    }
    await history.getByText(`指派给 社会工作者 ${SOCIAL_WORKER}`).waitFor();
    await page.locator('.ant-descriptions').getByText(`社会工作者 ${SOCIAL_WORKER}`).waitFor();
    await expect(history.getByText(/chen\.liqi/).count()).resolves.toBe(5);
    // axe judges what is on screen: a success message fading out would read as low contrast.
    const notices = page.locator('.ant-message-notice');
    while ((await notices.count()) > 0) await notices.first().waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'need-detail', () => page.getByText('服务中 → 已解决').waitFor())).toBe(0);

    const after = await dashboardIndex(page);
    expect(after.needsResolved).toBe(before.needsResolved + 1);
    const withThree = Math.round((before.sharePercent / 100) * before.needsResolved);
    const expectedShare = Math.round(((withThree + 1) / (before.needsResolved + 1)) * 1000) / 10;
    expect(after.sharePercent).toBe(expectedShare);
    expect(after.sharePercent).not.toBe(before.sharePercent);
  });

  it('assigns an accepted need to a STAFF account of the 街道 by clicking', async () => {
    await createTestAccount(harness, HANDLER_LIQI);
    const accepted = await submitNeed('老人家中水管漏水,需要街道协调维修');
    await harness.hub.query(ACCEPT, { id: accepted.id }, IDENTITIES.STAFF_IN);
    const page = await harness.newPage();
    await signIn(page, STAFF_LIQI);
    await page.goto(`/console/needs/${accepted.id}`);
    await page.getByRole('heading', { name: `需求 ${accepted.number}` }).waitFor();
    const handler = `王建华(李棋街道 ${HANDLER_LIQI.username})`;
    await choose(page, '承接方类型', '工作人员');
    await choose(page, '承接方', handler);
    await page.getByRole('button', { name: '指派', exact: true }).click();
    await page.getByText('已指派').waitFor();
    await page.locator('.ant-timeline').getByText(`指派给 工作人员 ${handler}`).waitFor();
    await page.locator('.ant-descriptions').getByText(`工作人员 ${handler}`).waitFor();
    const read = await harness.hub.query<{ need: { assignment: { handlerAccount: { username: string } } } }>(
      HANDLER_ACCOUNT,
      { id: accepted.id },
      IDENTITIES.STAFF_IN,
    );
    expect(read.need.assignment.handlerAccount).toEqual({ username: 'wang.liqi' });
  });

  it('shows a STAFF of another 街道 none of it', async () => {
    const page = await harness.newPage();
    await signIn(page, STAFF_YUXING);
    await page.goto('/console/needs');
    await page.getByRole('tab', { name: /^全部 \d+$/ }).click();
    await page.getByRole('tab', { name: /^全部 \d+$/, selected: true }).waitFor();
    // The pager shows once the page of needs has arrived.
    await page.getByText(/^共 \d+ 条/).waitFor();
    await expect(page.getByRole('link', { name: need.number }).count()).resolves.toBe(0);
    await page.goto(`/console/needs/${need.id}`);
    await page.getByText('无权查看该需求').waitFor();
    await expect(page.getByText('独居老人行动不便').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '受理' }).count()).resolves.toBe(0);
  });
});
