import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { Role } from '../../src/auth/identity';
import type { TokenClaims } from '../../src/auth/tokens';
import { CREATE_ACCOUNT, RESET_PASSWORD } from '../helpers/account-operations';
import type { CreateAccountMutation } from '../helpers/generated/operations';
import { post } from '../helpers/session-client';
import { startTestHub, type TestHub, type TestHubOptions } from '../helpers/test-hub';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH points elsewhere where it lives elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without these, Chromium keeps trying to reach Google's hosts, which this closed network refuses. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's Chromium, headless, for every browser test (the console's and the cross-origin page's). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs', 'console');

export interface ConsoleHarness {
  hub: TestHub;
  /** e.g. http://127.0.0.1:41234 — the console is at `${baseUrl}/console/`. */
  baseUrl: string;
  browser: Browser;
  /**
   * A fresh browser context (own cookies) and page. With `token`, every request carries it as a bearer token, as
   * an identity provider's front end would; without, the page signs in through the console like a person.
   */
  newPage(options?: { token?: TokenClaims; viewport?: typeof DESKTOP }): Promise<Page>;
  close(): Promise<void>;
}

/** A seeded hub serving the built console (npm run build:console) on a free port, and Chromium. */
export async function startConsole(options: TestHubOptions = {}): Promise<ConsoleHarness> {
  const hub = await startTestHub(options);
  const baseUrl = await hub.listen();
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    hub,
    baseUrl,
    browser,
    async newPage({ token, viewport = DESKTOP } = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        acceptDownloads: true,
        extraHTTPHeaders: token ? { authorization: `Bearer ${await hub.token(token)}` } : undefined,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`));
      return page;
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close();
      await hub.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Polls `expression` in the page until it is true (→ true) or `timeoutMs` pass (→ false). Not waitForFunction: that
 * evaluates its text with eval, which the console's Content-Security-Policy forbids, as it should.
 */
async function becomesTrue(page: Page, expression: string, timeoutMs = 5_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True once every animation that ends (not a spinner's endless one) has ended. */
const ANIMATIONS_DONE = `document.getAnimations().every((animation) =>
  animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)`;

/** Waits for antd's opening and closing animations (a dialog zooming in) to end: a click meanwhile may miss. */
export async function animationsSettled(page: Page): Promise<void> {
  if (!(await becomesTrue(page, ANIMATIONS_DONE))) throw new Error('animations still running after 5 s');
}

/** axe-core's serious and critical violations on the page as it is now (none is the bar). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // A dialog fading in is judged by its half-transparent colours: wait until antd's animations have finished.
  await animationsSettled(page);
  // Evaluated through the DevTools protocol, which the console's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  // Expressions as text: the test project is compiled without the browser's DOM types.
  const violations = (await page.evaluate(`axe.run().then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((node) => ({ target: node.target })),
  })))`)) as AxeViolation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

const FITS_SIDEWAYS = 'document.documentElement.scrollWidth <= document.documentElement.clientWidth';

/** How far the page is wider than its viewport (0 when nothing needs sideways scrolling of the whole page). */
export const overflowWidth = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

/**
 * Looks at the page as a desktop and as a 390-px phone: returns the phone's sideways overflow (0 = usable) after
 * `ready` has waited for the page to settle at each size. With UPDATE_SCREENSHOTS=1 the pictures are written to
 * docs/console/<name>-desktop.png and <name>-phone.png (they show dates, so they are not rewritten on every run).
 */
export async function capture(page: Page, name: string, ready: () => Promise<void>): Promise<number> {
  const write = process.env.UPDATE_SCREENSHOTS === '1';
  if (write) await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize(DESKTOP);
  await ready();
  if (write) await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await ready();
  // antd switches to its phone layout (the menu drawer, stacked columns) on the resize event, a render later:
  // wait for the page to fit, then measure — a page that never fits still shows its overflow.
  await becomesTrue(page, FITS_SIDEWAYS);
  const overflow = await overflowWidth(page);
  if (write) await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  return overflow;
}

const TOTP_PERIOD_MS = 30_000;
/** The last TOTP step handed out per secret: the hub accepts a step once, and the one after it too (clock drift). */
const lastTotpStep = new Map<string, number>();

/**
 * A TOTP code of `secret` the hub has not seen yet: the current step's, or — when that one was used by an earlier
 * sign-in in this file — the next step's, which the hub accepts as clock drift.
 */
export function freshTotpCode(secret: string, now = Date.now()): string {
  const step = Math.max(Math.floor(now / TOTP_PERIOD_MS), (lastTotpStep.get(secret) ?? -1) + 1);
  lastTotpStep.set(secret, step);
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * TOTP_PERIOD_MS });
}

/** Reads the enrolment secret the sign-in page shows (grouped in fours) as the base32 an authenticator takes. */
export const shownTotpSecret = async (page: Page) =>
  (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');

export interface SignInOptions {
  username: string;
  password: string;
  /** The account's TOTP secret; an ADMIN without one enrols with the secret the page shows. */
  totpSecret?: string;
}

/**
 * Signs in through the console's sign-in page like a person: username and password, then the TOTP code when the
 * page asks for one (binding the authenticator first for an ADMIN without one). Resolves once the page has left
 * the sign-in page, with the TOTP secret the account now has (if any); rejects with the page's error text.
 */
export async function signIn(page: Page, { username, password, totpSecret }: SignInOptions) {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/console/sign-in')) await page.goto('/console/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  // Signing in loads the console afresh: done once that page shows the signed-in account's menu.
  const signedIn = () =>
    page
      .waitForURL((url) => !url.pathname.startsWith('/console/sign-in'))
      .then(() => page.getByRole('button', { name: /的账号菜单$/ }).waitFor());
  // Every antd Alert has role=alert, the page's hints too: a refusal is the error one.
  const error = page.locator('.ant-alert-error');
  const refused = async () => {
    await error.waitFor();
    throw new Error(`sign-in refused: ${await error.innerText()}`);
  };
  const askedForCode = () =>
    page
      .getByLabel('动态验证码')
      .waitFor()
      .then(() => 'code' as const);
  if ((await Promise.race([signedIn(), askedForCode(), refused()])) !== 'code') return { totpSecret };
  const enrolling = await page.getByTestId('totp-secret').isVisible();
  const secret = enrolling ? await shownTotpSecret(page) : totpSecret;
  if (!secret) throw new Error(`sign-in of ${username} asks for a TOTP code and no secret was given`);
  await page.getByLabel('动态验证码').fill(freshTotpCode(secret));
  await page.getByRole('button', { name: enrolling ? '绑定并登录' : '验证并登录' }).click();
  await Promise.race([signedIn(), refused()]);
  return { totpSecret: secret };
}

export interface TestAccount {
  username: string;
  role: 'ADMIN' | 'STAFF' | 'ORG';
  regionId?: string;
  organizationId?: string;
  password: string;
  displayName?: string;
}

/**
 * An account made through the public GraphQL API as an ADMIN's token would make it: createAccount, then its
 * setup code turned into `password` with resetPassword. Returns the account's id.
 */
export async function createTestAccount(harness: ConsoleHarness, account: TestAccount): Promise<{ id: string }> {
  const { password, ...input } = account;
  const token = await harness.hub.token({ role: Role.ADMIN, subject: 'admin' });
  const created = await post<CreateAccountMutation>(harness.baseUrl, CREATE_ACCOUNT, { input }, { token });
  const answer = created.body.data?.createAccount;
  if (!answer) throw new Error(`createAccount failed: ${JSON.stringify(created.body.errors)}`);
  const reset = await post(harness.baseUrl, RESET_PASSWORD, {
    username: account.username,
    code: answer.setupCode,
    newPassword: password,
  });
  if (reset.body.errors) throw new Error(`resetPassword failed: ${JSON.stringify(reset.body.errors)}`);
  return { id: answer.account.id };
}

/** The first sheet of a workbook the page downloaded (an 导出 Excel button), as rows of cells, header first. */
export async function downloadedRows(download: Download) {
  // An ES module package: imported when needed, as CommonJS test files cannot import it statically.
  const { readSheet } = await import('read-excel-file/node');
  return readSheet(await download.path());
}
