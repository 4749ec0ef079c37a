import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { makeCreditCode } from './support/uscc';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('a district admin builds part of the org tree', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });

  it('creates a street union and a grassroots union under it, and finds both in the audit log', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    const suffix = Date.now().toString(36).toUpperCase().slice(-5);
    const streetName = `测试街道总工会${suffix}`;
    const unionName = `重庆测试科技有限公司工会${suffix}`;

    await withScreenshotOnFailure(journey.session, 'district-admin-creates-orgs', async () => {
      await signInToAdmin(page, 'jb.admin', '/admin/orgs');
      await page.getByTestId('org-title').filter({ hasText: '江北区总工会' }).waitFor();

      // A street union under the district, with its 9-digit division code picked from the list.
      await page.getByRole('button', { name: /新增下级/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('类型').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '街道/镇工会' }).click();
      await dialog.getByLabel('编码').fill(`E2E-ST-${suffix}`);
      await dialog.getByLabel('名称').fill(streetName);
      // fill focuses the search box before it types (typed keys can land before the focus does).
      await dialog.getByLabel('行政区划').fill('鱼嘴');
      await page.locator('.ant-cascader-menu-item').filter({ hasText: '鱼嘴镇' }).first().click();
      await expect.poll(() => dialog.getByText('区划代码：500105100').count()).toBe(1);
      await dialog.getByRole('button', { name: cjk('保存') }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Open it from the tree and add a grassroots union with a valid credit code.
      await page.getByTestId('org-tree').getByText(streetName).click();
      await page.getByTestId('org-title').filter({ hasText: streetName }).waitFor();
      await page.getByRole('button', { name: /新增下级/ }).click();
      await dialog.getByLabel('类型').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '基层工会' }).click();
      await dialog.getByLabel('编码').fill(`E2E-GR-${suffix}`);
      await dialog.getByLabel('名称').fill(unionName);
      await dialog.getByLabel('统一社会信用代码').fill(makeCreditCode());
      await dialog.getByRole('button', { name: cjk('保存') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('tab', { name: /下级组织/ }).click();
      await page.getByRole('tabpanel').getByText(unionName).waitFor();

      // Both creations are in the audit log, newest first.
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      await page.waitForURL(/\/admin\/audit/);
      const table = page.locator('.ant-table-tbody');
      await table.getByText(unionName).first().waitFor();
      await table.getByText(streetName).first().waitFor();
      expect(await table.locator('tr', { hasText: unionName }).first().innerText()).toContain('新增组织');
      expect(await table.locator('tr', { hasText: streetName }).first().innerText()).toContain('新增组织');
    });
  });
});
