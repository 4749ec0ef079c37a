import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { makeCreditCode } from './support/uscc';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('建会入会 as a street admin at 1366×768', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('reads targets against progress, filters the register, imports a bureau list and exports', { timeout: 180_000 }, async () => {
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
      // The list reloaded after the import shows the new company too: wait for the filtered one-row answer.
      await expect.poll(async () => register.locator('.ant-table-row').count()).toBe(1);
      await register.getByRole('cell', { name: '重庆浏览器测试科技有限公司' }).waitFor();
      await register.getByRole('cell', { name: '未建会' }).waitFor();

      // The work on it: a cadre, a meeting, a next step, then the union founded under the street.
      await register.getByRole('link', { name: '重庆浏览器测试科技有限公司' }).click();
      const drawer = page.getByTestId('enterprise-drawer');
      await drawer.getByTestId('enterprise-union-status').filter({ hasText: '未建会' }).waitFor();
      // Under load a click can land while the dropdown is still opening: pick again until the cadre shows as chosen.
      const cadre = drawer.locator('.ant-select').filter({ hasText: '观音桥街道工会管理员' });
      await expect
        .poll(
          async () => {
            if (await cadre.isVisible()) return true;
            if (!(await page.locator('.ant-select-dropdown:visible').count()))
              await drawer
                .getByLabel('联系干部')
                .click({ timeout: 3_000 })
                .catch(() => undefined);
            await page
              .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '观音桥街道工会管理员' })
              .click({ timeout: 3_000 })
              .catch(() => undefined);
            return cadre.isVisible();
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
      await drawer.getByRole('button', { name: '记录沟通会' }).click();
      let dialog = page.getByRole('dialog', { name: '记录沟通会' });
      // Under load the click can land while the dialog is still zooming in (Playwright: "did not change its state"): try again until it holds.
      const kind = dialog.getByLabel('职工沟通会');
      await expect.poll(async () => (await kind.check({ timeout: 3_000 }).catch(() => undefined), kind.isChecked()), { timeout: 20_000 }).toBe(true);
      await dialog.getByLabel('记录').fill('介绍入会权益，<b>三十</b>人有意向');
      await dialog.getByRole('button', { name: cjk('保存') }).click();
      await drawer.getByTestId('enterprise-meeting').filter({ hasText: '职工沟通会' }).waitFor();
      // Typed text stays text.
      await drawer.getByText('介绍入会权益，<b>三十</b>人有意向').waitFor();
      await drawer.getByRole('button', { name: '添加下一步' }).click();
      dialog = page.getByRole('dialog', { name: '添加下一步' });
      await dialog.getByLabel('事项').fill('报送建会申请');
      await dialog.getByRole('button', { name: cjk('保存') }).click();
      await drawer.getByRole('cell', { name: '报送建会申请' }).waitFor();
      await drawer.getByRole('button', { name: '标记完成' }).click();
      await drawer.getByText(/完成$/).first().waitFor();
      await drawer.getByRole('button', { name: cjk('建会') }).click();
      dialog = page.getByRole('dialog', { name: '建会' });
      await dialog.getByRole('button', { name: '确认建会' }).click();
      await drawer.getByTestId('enterprise-union-status').filter({ hasText: '已建会' }).waitFor();
      await drawer.getByText('重庆浏览器测试科技有限公司工会委员会', { exact: false }).waitFor();
      await saveScreenshot(page, 'organizing-enterprise-drawer-1366x768');
      await page.keyboard.press('Escape');
      await register.getByRole('cell', { name: '已建会' }).first().waitFor();

      // The map of union status draws the street's enterprises that have a point.
      await page.getByText('地图', { exact: true }).click();
      await page.getByTestId('enterprises-map').waitFor();
      await expect.poll(async () => page.getByTestId('enterprises-map-count').textContent(), { timeout: 30_000 }).toMatch(/^地图上 [1-9]\d* 家/);
      await page.getByText('列表', { exact: true }).click();

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出 Excel/ }).click();
      expect((await download).suggestedFilename()).toMatch(/^建会入会_观音桥.*\.xlsx$/);
    });
  });
});
