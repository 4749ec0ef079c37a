/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { demoTerminal, postSales } from './support/pos';

const { canRun } = checkBrowser();
// A string expression: e2e/ is typed without the DOM library.
const OVERFLOW = '({ x: document.documentElement.scrollWidth > window.innerWidth, y: document.documentElement.scrollHeight > window.innerHeight })';

describe.skipIf(!canRun)('the district big screen, without signing in', () => {
  const journey = useJourney({ viewport: { width: 1920, height: 1080 } });

  it('shows the union’s work and moves its counters when a shop sells and a member is approved', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    const { baseURL } = journey.server;
    await withScreenshotOnFailure(journey.session, 'big-screen', async () => {
      await page.goto('/screen?org=JB');
      await page.getByText('江北区总工会 · 工会工作数据大屏').waitFor();
      const fund = page.getByTestId('screen-counter-fund.raised_total');
      const members = page.getByTestId('screen-counter-members.total');
      await fund.waitFor();
      const valueOf = async (counter: typeof fund) => Number(await counter.getAttribute('data-value'));
      const fundBefore = await valueOf(fund);
      const membersBefore = await valueOf(members);
      expect(membersBefore).toBeGreaterThan(1000);
      await expect.poll(() => page.getByTestId('screen-status').getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
      await page.getByTestId('screen-map').waitFor();
      // Platform health left the wall for the admin system page.
      expect(await page.getByText('PGlite').count()).toBe(0);
      expect(await page.evaluate(OVERFLOW)).toEqual({ x: false, y: false });
      await page.evaluate('window.__noReload = true');

      const [sale] = await postSales(baseURL, demoTerminal('SHOP-03'), [{ amountFen: 1600 }]);
      expect(sale?.status).toBe('accepted');
      await expect.poll(() => valueOf(fund), { timeout: 10_000 }).toBe(fundBefore + (sale?.contributionFen ?? 0));
      await expect.poll(() => page.getByTestId('screen-activity').locator('li').first().textContent(), { timeout: 10_000 }).toContain('爱心基金 +¥0.10');

      const staff = await signInStaffApi(baseURL, 'jb.admin');
      const applications = await staff.get<{ items: { id: string; version: number }[] }>('/members/applications?pageSize=1');
      const applicant = applications.items[0]!;
      await staff.send('POST', `/members/${applicant.id}/approve`, { version: applicant.version });
      await expect.poll(() => valueOf(members), { timeout: 10_000 }).toBe(membersBefore + 1);
      await expect.poll(() => page.getByTestId('screen-activity').textContent(), { timeout: 10_000 }).toContain('新增会员 1 名');
      expect(await page.evaluate('window.__noReload === true')).toBe(true);
      await page.waitForTimeout(1200);
      await saveScreenshot(page, 'district-screen-1920x1080');
      // Another 16:9 wall: the stage scales, nothing scrolls.
      await page.setViewportSize({ width: 1280, height: 720 });
      expect(await page.evaluate(OVERFLOW)).toEqual({ x: false, y: false });
    });
  });

  it('says so when the org code is unknown, instead of waiting forever', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await page.goto('/screen?org=NOPE');
    await page.getByTestId('screen-unknown-org').waitFor();
    expect(await page.getByTestId('screen-unknown-org').textContent()).toContain('NOPE');
  });
});
