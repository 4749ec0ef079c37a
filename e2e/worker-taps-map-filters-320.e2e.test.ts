import { describe, expect, it } from 'vitest';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('a worker on a 320 px phone taps the map instead of sharing the location', () => {
  const journey = useJourney({ viewport: { width: 320, height: 640 }, isMobile: true });

  it('lists the nearest with open/closed, today’s hours and 导航, filters by type, and nothing overflows', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-taps-map-320', async () => {
      await page.goto('/m/stations');
      const map = page.getByTestId('stations-map');
      // The district outline is drawn from our own data: tap on it, not on a tile.
      const outline = map.locator('path').first();
      await outline.waitFor();
      const box = (await outline.boundingBox())!;
      // Tap a spot inside the district that no (clustered) station marker covers: a tap on a marker zooms in.
      await map.locator('.nj-cluster, .nj-point').first().waitFor();
      const spot = await page.evaluate((b) => {
        for (const [fx, fy] of [[0.2, 0.6], [0.3, 0.5], [0.5, 0.5], [0.6, 0.6], [0.7, 0.5], [0.4, 0.7], [0.8, 0.6]] as const) {
          const x = b.x + b.width * fx;
          const y = b.y + b.height * fy;
          const el = document.elementFromPoint(x, y);
          if (el && !el.closest('.nj-cluster') && !el.classList.contains('nj-point') && !el.closest('.leaflet-tooltip')) return { x, y };
        }
        return { x: b.x + b.width * 0.2, y: b.y + b.height * 0.6 };
      }, box);
      await page.mouse.click(spot.x, spot.y);
      await page.getByText('按地图上点选的位置查找').waitFor();
      const cards = page.getByTestId('nearest-list').getByTestId('station-card');
      await cards.first().waitFor();
      const text = await cards.first().innerText();
      expect(text).toMatch(/营业中|休息中/);
      expect(text).toMatch(/今日 \d{2}:\d{2}–\d{2}:\d{2}|今日不开放/);
      expect(await cards.first().getByTestId('navigate-amap').getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/marker/);

      // All kinds, open or not, then only the service centres.
      await page.getByLabel('只看现在开放').uncheck();
      await page.getByLabel('类型').selectOption('service_center');
      await expect.poll(async () => (await cards.allInnerTexts()).every((t) => t.includes('服务中心'))).toBe(true);
      expect(await cards.count()).toBeGreaterThan(0);
      await page.getByLabel('设施').selectOption('microwave');
      await expect.poll(async () => (await cards.allInnerTexts()).every((t) => t.includes('微波炉'))).toBe(true);

      // Nothing wider than the phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const buttons = await cards.first().locator('.nj-nav-button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...buttons)).toBeGreaterThanOrEqual(44);
      await saveScreenshot(page, 'worker-stations-320');
    });
  });
});
