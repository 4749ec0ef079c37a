/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { demoTerminal, postSales } from './support/pos';

const { canRun } = checkBrowser();
// A string expression: e2e/ is typed without the DOM library.
const OVERFLOW = '({ x: document.documentElement.scrollWidth > window.innerWidth, y: document.documentElement.scrollHeight > window.innerHeight })';

describe.skipIf(!canRun)('the charity fund screen, without signing in', () => {
  const journey = useJourney({ viewport: { width: 1920, height: 1080 } });

  it('rises live when a shop terminal sells, on the wall and on the shop display, never scrolling', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    const { baseURL } = journey.server;
    await withScreenshotOnFailure(journey.session, 'fund-screen-live', async () => {
      await page.goto('/screen/fund');
      await page.getByText('江北区以商养站爱心基金 · 实时').waitFor();
      const total = page.getByTestId('fund-total');
      await total.waitFor();
      const fenOf = async () => Number(await total.getAttribute('data-fen'));
      const before = await fenOf();
      const salesToday = async () => Number(((await page.getByTestId('fund-today-sales').textContent()) ?? '').replace(/\D/g, ''));
      const salesBefore = await salesToday();
      // The demo year of sales: near the real 240,000 yuan.
      expect(before).toBeGreaterThan(100_000_00);
      await expect.poll(() => page.getByTestId('fund-connection').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
      expect(await page.evaluate(OVERFLOW)).toEqual({ x: false, y: false });
      // A reload would clear this marker: the figures must change in place.
      await page.evaluate('window.__noReload = true');

      // Three sales, one alone and two in a batch, signed as the demo terminal of SHOP-01 (10 fen each).
      const results = [
        ...(await postSales(baseURL, demoTerminal('SHOP-01'), [{ amountFen: 1200 }])),
        ...(await postSales(baseURL, demoTerminal('SHOP-01'), [{ amountFen: 800 }, { amountFen: 1500 }])),
      ];
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const added = results.reduce((sum, r) => sum + (r.contributionFen ?? 0), 0);
      expect(added).toBe(30);

      await expect.poll(fenOf, { timeout: 5_000 }).toBe(before + added);
      expect(await page.evaluate('window.__noReload === true')).toBe(true);
      await expect.poll(salesToday).toBe(salesBefore + 3);
      await page.getByTestId('fund-recent').locator('li').first().waitFor();
      // Let the numerals finish rolling before the picture.
      await page.waitForTimeout(1200);
      expect((await total.textContent())?.replace(/[¥,\s]/g, '')).toBe(((before + added) / 100).toFixed(2));
      await saveScreenshot(page, 'fund-screen-1920x1080');

      // The shop's 1280×720 display: the compact layout, still without scrollbars, still live.
      await page.setViewportSize({ width: 1280, height: 720 });
      await expect.poll(() => page.getByTestId('fund-screen').getAttribute('data-layout')).toBe('shop');
      expect(await page.evaluate(OVERFLOW)).toEqual({ x: false, y: false });
      const [more] = await postSales(baseURL, demoTerminal('SHOP-02'), [{ amountFen: 600 }]);
      expect(more?.status).toBe('accepted');
      await expect.poll(fenOf, { timeout: 5_000 }).toBe(before + added + (more?.contributionFen ?? 0));
      await page.waitForTimeout(1200);
      await saveScreenshot(page, 'fund-screen-1280x720');

      // The network drops: the screen says so, reconnects by itself and catches up on what it missed.
      await journey.session.context.setOffline(true);
      await expect.poll(() => page.getByTestId('fund-connection').getAttribute('data-state'), { timeout: 20_000 }).toBe('reconnecting');
      const beforeDrop = await fenOf();
      const [missed] = await postSales(baseURL, demoTerminal('SHOP-03'), [{ amountFen: 700 }]);
      expect(missed?.status).toBe('accepted');
      await journey.session.context.setOffline(false);
      await expect.poll(() => page.getByTestId('fund-connection').getAttribute('data-state'), { timeout: 40_000 }).toBe('live');
      await expect.poll(fenOf, { timeout: 10_000 }).toBe(beforeDrop + (missed?.contributionFen ?? 0));
      expect(await page.evaluate('window.__noReload === true')).toBe(true);
    });
  });
});
