import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('数据中心 as a street admin at 1366×768', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('reads the street’s figures, drills into a union and exports', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'street-admin-figures', async () => {
      await signInToAdmin(page, 'gyq.admin', '/admin/figures');
      await page.getByTestId('figures-values').waitFor();
      const members = page.getByTestId('figures-value-members.total');
      await members.waitFor();
      expect(await members.textContent()).toMatch(/^\d[\d,]* 人$/);
      await page.getByText('会员人数', { exact: true }).first().click();
      await page.getByTestId('figures-breakdown').waitFor();
      const total = page.getByTestId('figures-breakdown-total');
      await expect.poll(() => total.textContent()).toBe(await members.textContent());
      await page.getByTestId('figures-breakdown-chart').waitFor();
      await saveScreenshot(page, 'figures-street-1366x768');
      // Another period: a month, with its own comparisons.
      await page.getByTestId('figures-period').getByText('月', { exact: true }).click();
      await expect.poll(() => page.url()).toContain('period=month');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出 Excel/ }).click();
      expect((await download).suggestedFilename()).toMatch(/观音桥.*\.xlsx$/);
    });
  });
});
