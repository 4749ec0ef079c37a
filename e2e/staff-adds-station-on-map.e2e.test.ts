import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('staff add a station by clicking the map', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

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

      // Without tiles the map still shows where things are: find a known road by the stations on it.
      await dialog.getByLabel('查找街道、道路或阵地').fill('五红路');
      const option = page.getByTestId('place-option').filter({ hasText: '五红路工会户外劳动者服务站' });
      await option.waitFor({ timeout: 15_000 });
      await option.click();
      await expect.poll(() => dialog.getByTestId('address-moved').innerText()).toContain('五红路工会户外劳动者服务站');
      // The street name finds the street (the bundled division names).
      await dialog.getByLabel('查找街道、道路或阵地').fill('观音桥');
      await page.getByTestId('place-option').filter({ hasText: '观音桥街道' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Escape');
      // A point typed far from every street of the imported network is questioned.
      expect(await dialog.getByTestId('far-from-street').count()).toBe(0);
      await dialog.getByLabel('坐标系').click();
      await page.getByTitle('WGS-84（GPS）').click();
      await dialog.getByLabel('经度').fill('106.600000');
      await dialog.getByLabel('纬度').fill('29.760000');
      await dialog.getByRole('button', { name: cjk('定位到地图') }).click();
      await expect.poll(() => dialog.getByTestId('far-from-street').innerText(), { timeout: 10_000 }).toMatch(/约 \d+ 米/);
      await page.screenshot({ path: 'test-results/positions-new-far-1366-screen.png' });

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

  it('draws the district for a district admin and the street for a street admin, with named, clustered stations', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'maps-without-tiles', async () => {
      await page.goto('/admin/positions?view=map');
      const map = page.getByTestId('positions-map');
      await map.locator('.nj-boundary').waitFor();
      await expect.poll(() => map.getAttribute('data-boundary-name')).toBe('江北区');
      await map.locator('.nj-cluster').first().waitFor();
      // The legend names the network once its layer has loaded, which may be after the clusters.
      await expect.poll(() => map.locator('.nj-map-legend').innerText()).toContain('合成路网');
      await saveScreenshot(page, 'positions-map-district-1366');

      await page.context().clearCookies();
      await signInToAdmin(page, 'gyq.admin', '/admin/positions?view=map');
      const streetMap = page.getByTestId('positions-map');
      await streetMap.locator('.nj-boundary').waitFor();
      // The street admin's map is their street, not the district.
      await expect.poll(() => streetMap.getAttribute('data-boundary-name'), { timeout: 15_000 }).toBe('观音桥街道');
      expect(await streetMap.getAttribute('data-boundary-kind')).toBe('street');
      await expect.poll(() => streetMap.locator('.nj-map-legend').innerText()).toContain('示意范围');
      // Its stations fill the map, each with its name.
      await expect.poll(() => streetMap.locator('.nj-map-label').count(), { timeout: 10_000 }).toBeGreaterThan(3);
      await saveScreenshot(page, 'positions-map-street-1366');

      // The drawer's mini-map shows the neighbourhood: the street, its streets and the stations around.
      await streetMap.locator('.nj-map-label').first().waitFor();
      await page.goto('/admin/positions');
      await page.locator('.ant-table-row').first().locator('a').first().click();
      const mini = page.getByTestId('position-mini-map');
      await mini.locator('.nj-boundary').waitFor();
      await expect.poll(() => mini.locator('.nj-point').count(), { timeout: 15_000 }).toBeGreaterThan(1);
      await saveScreenshot(page, 'position-drawer-map-street-1366');
    });
  });
});
