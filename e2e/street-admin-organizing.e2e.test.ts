import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { makeCreditCode } from './support/uscc';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('建会入会 as a street admin at 1366×768', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('reads targets against progress, filters the register, imports a bureau list and exports', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'street-admin-organizing', async () => {
      await signInToAdmin(page, 'gyq.admin', '/admin/organizing');
      await page.getByText('年度目标完成情况').waitFor();
      await page.getByRole('cell', { name: /观音桥街道总工会（本级合计）/ }).waitFor();
      await page.getByTestId('targets-chart').waitFor();
      await page.getByText('企业名录', { exact: true }).waitFor();
      // Only the street's own enterprises: every area cell is 观音桥's.
      await page
        .getByRole('cell', { name: /有限公司|站点/ })
        .first()
        .waitFor();
      const areas = await page.locator('[data-testid=enterprises-table] .ant-table-row td:nth-child(3)').allTextContents();
      for (const area of areas.filter(Boolean)) expect(area).toMatch(/观音桥|桃源|建东/);
      await saveScreenshot(page, 'organizing-street-1366x768');

      // A bureau's list with one good and one bad row: the per-row report says which.
      const code = makeCreditCode();
      const csv = `企业名称,统一社会信用代码,规模\n重庆浏览器测试科技有限公司,${code},小型\n错码公司,91500105MA00000000,小型\n`;
      await page.locator('input[type=file]').setInputFiles({ name: 'bureau.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const summary = page.getByTestId('import-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toBe('导入完成：新增 1，更新 0，未变 0，有误 1');
      await page.getByText('统一社会信用代码校验位错误（GB 32100）').waitFor();
      await page.keyboard.press('Escape');
      // The report closes (its rows name the same company as the register's).
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      await page.getByPlaceholder('企业名称或信用代码').fill(code);
      await page.getByPlaceholder('企业名称或信用代码').press('Enter');
      const register = page.getByTestId('enterprises-table');
      await register.getByRole('cell', { name: '重庆浏览器测试科技有限公司' }).waitFor();
      await register.getByRole('cell', { name: '未建会' }).waitFor();

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出 Excel/ }).click();
      expect((await download).suggestedFilename()).toMatch(/^建会入会_观音桥.*\.xlsx$/);
    });
  });
});
