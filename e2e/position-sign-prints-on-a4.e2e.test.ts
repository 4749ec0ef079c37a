import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('staff print a station’s A4 door sign', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });

  it('opens 打印门牌 from the drawer; the sign has the QR code to the public page and prints on one A4 page', { timeout: 90_000 }, async () => {
    const { page, context } = journey.session;
    await withScreenshotOnFailure(journey.session, 'position-sign', async () => {
      await signInToAdmin(page, 'jb.admin', '/admin/positions');
      await page.getByRole('textbox', { name: '搜索' }).fill('JB-RS-WHL');
      await page.keyboard.press('Enter');
      // The code column gives way at this width; the row is found by the station's name.
      await page.locator('tr', { hasText: '五红路工会户外劳动者服务站' }).getByText('五红路工会户外劳动者服务站').click();
      const [sign] = await Promise.all([context.waitForEvent('page'), page.getByTestId('print-sign').click()]);
      await sign.waitForURL(/\/p\/JB-RS-WHL\/sign$/);
      await sign.getByTestId('sign-qr').locator('svg').waitFor();
      expect(await sign.getByTestId('sign-name').innerText()).toBe('五红路工会户外劳动者服务站');
      expect(await sign.getByTestId('sign-hours').innerText()).toContain('08:00–18:00');
      expect(await sign.locator('.nj-sign-url').innerText()).toMatch(/\/p\/JB-RS-WHL$/);
      // The QR code is a real matrix: finder squares plus many modules.
      const viewBox = (await sign.getByTestId('sign-qr').locator('svg').getAttribute('viewBox')) ?? '';
      expect(Number(viewBox.split(' ')[2])).toBeGreaterThanOrEqual(25);
      const modules = (await sign.getByTestId('sign-qr').locator('svg path').last().getAttribute('d')) ?? '';
      expect(modules.length).toBeGreaterThan(500);

      await sign.emulateMedia({ media: 'print' });
      await sign.screenshot({
        path: 'test-results/position-sign-print.png',
        fullPage: true,
      });
      const pdf = await sign.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages).toHaveLength(1);
      // A4 portrait in points.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/);
      await sign.close();
    });
  });
});
