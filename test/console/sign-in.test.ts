import type { Page } from 'playwright-core';
import { LIQI } from '../helpers/identities';
import { capture, createTestAccount, seriousViolations, signIn, startConsole, type ConsoleHarness } from './harness';

// Signing in through the console as a person does: password, lockout, TOTP, one-time codes, sign-out.

let harness: ConsoleHarness;
const PASSWORD = 'Hongta-Liqi-2026';

beforeAll(async () => {
  harness = await startConsole();
});
afterAll(() => harness?.close());

const staff = (username: string) =>
  createTestAccount(harness, { username, role: 'STAFF', regionId: LIQI, password: PASSWORD });

/** What scripts on the page can read of the browser's storage, as text (the test project has no DOM types). */
const scriptReadableStorage = (page: Page) =>
  page.evaluate(
    'JSON.stringify({ local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookie: document.cookie })',
  ) as Promise<string>;

describe('the sign-in page', () => {
  it('lets a STAFF in with username and password and keeps the session out of script reach', async () => {
    await staff('zhang.liqi');
    const page = await harness.newPage();
    await page.goto('/console/needs');
    await page.waitForURL('**/console/sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await capture(page, 'sign-in', () => page.getByLabel('用户名').waitFor())).toBe(0);
    await signIn(page, { username: 'zhang.liqi', password: PASSWORD });
    await page.waitForURL('**/console/needs');
    await page.getByText('zhang.liqi').first().waitFor();

    const storage = JSON.parse(await scriptReadableStorage(page)) as {
      local: unknown[];
      session: unknown[];
      cookie: string;
    };
    expect(storage).toEqual({ local: [], session: [], cookie: '' });
    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, httpOnly, sameSite, path }) => ({ name, httpOnly, sameSite, path }))).toEqual([
      { name: 'wushe_session', httpOnly: true, sameSite: 'Strict', path: '/' },
    ]);
  });
});
