import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('staff add a station by clicking the map', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });

  it('places it on the map in 新增阵地, saves, and finds it in the list', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    const suffix = Date.now().toString(36).toUpperCase().slice(-5);
    const name = `测试地图驿站${suffix}`;

    await withScreenshotOnFailure(journey.session, 'staff-adds-station-on-map', async () => {
      await signInToAdmin(page, 'jb.admin', '/admin/positions');
      await page.locator('.ant-table-row').first().waitFor();

      await page.getByRole('button', { name: /新增阵地/ }).click();
      const dialog = page.getByRole('dialog');
      const map = dialog.getByTestId('location-map');
      await map.locator('.leaflet-interactive, path').first().waitFor();
      await expect.poll(() => dialog.getByTestId('picked-location').innerText()).toContain('还没有选择位置');
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => dialog.getByTestId('picked-location').innerText()).toMatch(/经度 10[67]\.\d{6}，纬度 (29|30)\.\d{6}（WGS-84）/);
      await map.locator('.leaflet-marker-icon').waitFor();

      await dialog.getByLabel('编码').fill(`E2E-RS-${suffix}`);
      await dialog.getByLabel('名称').fill(name);
      await dialog.getByLabel('地址').fill('重庆市江北区观音桥建新北路 1 号');
      await dialog.getByLabel('周一开放时间').fill('08:00-22:00');
      await dialog.getByRole('checkbox', { name: '微波炉' }).check();
      await dialog.getByRole('checkbox', { name: '热水壶' }).check();
      await saveScreenshot(page, 'positions-new-1280');
      await dialog.getByRole('button', { name: cjk('保存') }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByLabel('搜索').fill(name);
      await page.getByRole('button', { name: cjk('查询') }).click();
      const row = page.locator('.ant-table-row', { hasText: name });
      await row.waitFor();
      expect(await row.innerText()).toContain('工会驿站');
      expect(await row.innerText()).toContain('2/7');

      // The detail shows what the "七个一" standard still lacks.
      await row.getByText(name).click();
      await page.getByTestId('position-title').filter({ hasText: name }).waitFor();
      await page.getByRole('tab', { name: '设施' }).click();
      await expect.poll(() => page.getByTestId('standard-missing').innerText()).toContain('缺 5 项');
    });
  });
});
