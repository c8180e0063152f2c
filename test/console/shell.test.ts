import { Role } from '../../src/auth/identity';
import { LIQI } from '../helpers/identities';
import { capture, seriousViolations, startConsole, type ConsoleHarness } from './harness';

let harness: ConsoleHarness;
beforeAll(async () => {
  harness = await startConsole();
});
afterAll(() => harness?.close());

describe('the console shell', () => {
  it('is served from disk with a policy that lets only the hub script it', async () => {
    const page = await fetch(`${harness.baseUrl}/console/needs/12`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="root"></div>');
    expect((await fetch(`${harness.baseUrl}/console/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${harness.baseUrl}/console/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${harness.baseUrl}/console/%E0%A4%A`)).status).toBe(404);
  });

  it('shows a STAFF account the pages of its role, in Chinese, usable on a phone', async () => {
    const page = await harness.newPage({ token: { role: Role.STAFF, subject: 'staff-liqi', regionId: LIQI } });
    await page.goto('/console/');
    await page.waitForURL('**/console/dashboard');
    const menu = page.getByRole('navigation', { name: '主导航' });
    await expect(menu.getByText('需求工作台').isVisible()).resolves.toBe(true);
    await expect(menu.getByText('账号管理').count()).resolves.toBe(0);
    // Judged once the dashboard has its data: its export buttons wait, greyed, until their tables are loaded.
    await page.getByRole('cell', { name: '下赫社区', exact: true }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await capture(page, 'shell', () => page.getByText('staff-liqi').first().waitFor());
    expect(overflow).toBe(0);
  });

  it('sends anyone not signed in to the sign-in page', async () => {
    const page = await harness.newPage();
    await page.goto('/console/needs');
    await page.waitForURL('**/console/sign-in');
  });

  it('tells a BOT token that the console is not for it', async () => {
    const page = await harness.newPage({ token: { role: Role.BOT, subject: 'bot', regionId: LIQI } });
    await page.goto('/console/dashboard');
    await page.waitForURL('**/console/sign-in');
  });
});
