import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure, type BrowserSession } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const { canRun } = checkBrowser();
const HQHG = '红旗河沟骑手之家工会驿站';

describe.skipIf(!canRun)('a worker on a phone finds the nearest open station', () => {
  let server: RunningServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer();
    // Where the demo station JB-RS-HQHG stands (WGS-84), from the public nearest API around Jiangbei.
    const res = await fetch(`${server.baseURL}/api/v1/positions/nearest?lat=29.59&lng=106.52&crs=wgs84&openNow=false&limit=50`);
    const body = (await res.json()) as { items: { position: { code: string; location: { lng: number; lat: number } } }[] };
    const station = body.items.find((i) => i.position.code === 'JB-RS-HQHG');
    if (!station) throw new Error('demo station JB-RS-HQHG not found near 红旗河沟');
    // A few metres away, as a phone would report it.
    session = await openBrowser({
      baseURL: server.baseURL,
      viewport: { width: 375, height: 667 },
      isMobile: true,
      geolocation: { latitude: station.position.location.lat + 0.00005, longitude: station.position.location.lng + 0.00005 },
    });
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('uses the phone location without signing in and gets a 导航 link to AMap', { timeout: 60_000 }, async () => {
    const { page } = session;
    await withScreenshotOnFailure(session, 'worker-finds-nearest-station', async () => {
      await page.goto('/m/');
      await page.getByRole('tab', { name: '驿站' }).or(page.getByText('驿站', { exact: true }).last()).first().click();
      await page.waitForURL(/\/m\/stations/);
      // Before locating: the stations of the whole district, clustered on the map, and a list.
      const map = page.getByTestId('stations-map');
      await map.locator('.nj-cluster').first().waitFor({ timeout: 15_000 });
      const before = page.getByTestId('near-centre-list').getByTestId('station-card');
      await before.first().waitFor();
      expect(await before.count()).toBeGreaterThanOrEqual(5);
      await saveScreenshot(page, 'worker-stations-before-locating-375');
      await page.screenshot({ path: 'test-results/worker-stations-before-locating-375-screen.png' });
      await page.getByRole('button', { name: /使用我的位置/ }).click();
      const first = page.getByTestId('station-card').first();
      await first.waitFor();
      expect(await first.locator('h3').innerText()).toBe(HQHG);
      const text = await first.innerText();
      expect(text).toMatch(/\d+ 米/);
      expect(text).toMatch(/步行约 \d+ 分钟/);
      const href = await first.getByTestId('navigate-amap').getAttribute('href');
      expect(href).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=106\.\d+,29\.\d+&name=/);
      expect(decodeURIComponent(href!)).toContain(HQHG);
      expect(href).toContain('coordinate=gaode');
      await expect.poll(() => first.getByText('导航').count()).toBe(1);
      // The map zooms to the worker and the nearest stations: the nearest one is named on it, beside the pin.
      await map.locator('.nj-map-label', { hasText: HQHG }).waitFor({ timeout: 15_000 });
      const mapBox = (await map.boundingBox())!;
      const pinBox = (await map.locator('img.leaflet-marker-icon').first().boundingBox())!;
      expect(pinBox.x).toBeGreaterThan(mapBox.x);
      expect(pinBox.x + pinBox.width).toBeLessThan(mapBox.x + mapBox.width);
      await saveScreenshot(page, 'worker-stations-375');
      await page.screenshot({ path: 'test-results/worker-stations-375-screen.png' });
    });
  });
});
