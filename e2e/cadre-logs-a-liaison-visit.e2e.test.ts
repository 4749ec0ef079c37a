/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('对口联系: a district cadre logs a visit with a problem, the street resolves it, the cadre sees it closed', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('goes from a visit to 已解决 at 1366 px, with what people typed shown as text', { timeout: 240_000 }, async () => {
    const { page } = journey.session;
    const tag = Date.now().toString(36);
    const summary = `<img src=x onerror="window.__pwned=1">走访观音桥街道，查看驿站台账 ${tag}`;
    const problem = `驿站饮水机坏了 ${tag}`;
    const street = await openBrowser({ baseURL: journey.server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'cadre-logs-a-liaison-visit', async () => {
        // jb.staff 包片 观音桥街道 in the demo.
        await signInToAdmin(page, 'jb.staff', '/admin/voice/liaison');
        const row = page.locator('tr', { has: page.getByTestId('liaison-assignment-org').filter({ hasText: '观音桥街道总工会' }) });
        await row.getByTestId('liaison-log-visit').click();
        await page.getByTestId('liaison-form-summary').fill(summary);
        await page.getByTestId('liaison-form-add-problem').click();
        await page.getByTestId('liaison-form-problem').fill(problem);
        await saveScreenshot(page, 'cadre-liaison-visit-modal-1366');
        await page.getByTestId('liaison-visit-save').click();
        await page.getByTestId('liaison-visit-save').waitFor({ state: 'detached' });

        await page.getByRole('tab', { name: '走访记录' }).click();
        const visit = page.getByTestId('liaison-visit-summary').filter({ hasText: tag });
        await visit.waitFor();
        expect(await visit.textContent()).toContain('<img src=x');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

        // The street admin finds it in their 问题清单 and resolves it.
        await signInToAdmin(street.page, 'gyq.admin', '/admin/voice/liaison?tab=problems');
        const mine = street.page.locator('tr', { has: street.page.getByTestId('liaison-problem-text').filter({ hasText: problem }) });
        await mine.getByRole('button', { name: '详情' }).click();
        await expect.poll(async () => (await street.page.getByTestId('liaison-problem-status').last().textContent()) ?? '').toContain('待整改');
        await street.page.getByTestId('liaison-resolve').click();
        await street.page.getByTestId('liaison-step-save').click();
        // A note is required.
        await street.page.getByText('请填写说明').waitFor();
        await street.page.getByTestId('liaison-note').fill('已更换饮水机，复查正常');
        await street.page.getByTestId('liaison-step-save').click();
        await expect.poll(async () => (await street.page.locator('.ant-drawer').getByTestId('liaison-problem-status').textContent()) ?? '').toContain('已解决');
        await saveScreenshot(street.page, 'street-liaison-problem-resolved-1366');

        // The cadre sees it among the resolved ones.
        await page.getByRole('tab', { name: '问题清单' }).click();
        await page.getByTestId('liaison-problem-filter').getByText('已解决').click();
        const resolved = page.locator('tr', { has: page.getByTestId('liaison-problem-text').filter({ hasText: problem }) });
        await expect.poll(async () => (await resolved.getByTestId('liaison-problem-status').textContent()) ?? '').toContain('已解决');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
        await page.getByRole('tab', { name: '统计' }).click();
        await page.getByTestId('liaison-figures-cadres').getByText('江北区总工会干事').waitFor();
        await saveScreenshot(page, 'cadre-liaison-figures-1366');
      });
    } finally {
      await street.close();
    }
  });
});
