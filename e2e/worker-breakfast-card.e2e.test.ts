/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('a sanitation worker and the charity fund on a phone', () => {
  const journey = useJourney({ viewport: { width: 390, height: 844 }, isMobile: true });

  it('reads the published accounts without signing in', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'fund-accounts', async () => {
      await page.goto('/m/fund/accounts');
      await page.getByTestId('fund-statement').waitFor();
      const fen = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-fen'));
      // Opening + in − out = closing, to the fen.
      expect((await fen('statement-opening')) + (await fen('statement-in')) - (await fen('statement-out'))).toBe(await fen('statement-closing'));
      const monthIn = await fen('statement-in');
      expect(monthIn).toBeGreaterThan(0);
      // 全部: the whole demo year and more, so more came in than this month.
      await page.getByText('全部').click();
      await expect.poll(() => fen('statement-in'), { timeout: 10_000 }).toBeGreaterThan(monthIn);
      expect((await fen('statement-opening')) + (await fen('statement-in')) - (await fen('statement-out'))).toBe(await fen('statement-closing'));
      await saveScreenshot(page, 'fund-accounts-390');
    });
  });

  it('signs in and shows the breakfast card with its number, today and a QR', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-breakfast-card', async () => {
      await page.goto('/m/me');
      await page.getByRole('button', { name: '手机号登录' }).click();
      // Typed the way people write it: the form and the server read it as 13800000001.
      await page.getByRole('textbox', { name: '手机号' }).fill('+86 138-0000-0001');
      const since = journey.server.output().length;
      // PIPL: the privacy policy is accepted before the first code is sent.
      await page.getByTestId('privacy-consent').check();
      await page.getByRole('button', { name: '获取验证码' }).click();
      const code = await journey.server.waitForSmsCode({ since });
      // fill, not keyboard typing: typed digits are lost when they come before the field has focus.
      await page.getByRole('textbox', { name: '短信验证码' }).fill(code);
      await page.waitForURL(/\/m\/me$/);

      await page.getByText('我的早餐卡').click();
      await page.waitForURL(/\/m\/me\/breakfast-card$/);
      const card = page.getByTestId('breakfast-card');
      await card.waitFor();
      expect((await page.getByTestId('breakfast-card-number').textContent())?.trim()).toMatch(/^[A-Z0-9-]{6,}$/);
      expect(await page.getByTestId('breakfast-today').textContent()).toMatch(/^\d+\/\d+$/);
      // The check code a shop types with the number when the QR cannot be scanned.
      expect((await page.getByTestId('breakfast-check-code').textContent())?.trim()).toMatch(/^\d{6}$/);
      const qr = page.getByTestId('breakfast-qr');
      expect((await qr.getAttribute('data-qr'))?.length).toBeGreaterThan(10);
      await saveScreenshot(page, 'worker-breakfast-card-390');
    });
  });
});
