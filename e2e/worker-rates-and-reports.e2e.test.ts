import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();
const STATION = 'JB-RS-WHL';
const PHONE = '13800000042';
/** A 1×1 PNG, as a phone's camera would give a JPEG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!canRun)('a worker rates a station and reports a problem from its door sign; staff resolve it', () => {
  const journey = useJourney({
    viewport: { width: 375, height: 740 },
    isMobile: true,
  });

  it('signs in from the public page, rates, reports with a photo; staff resolve; the worker reads the note', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-rates-and-reports', async () => {
      await page.goto(`/p/${STATION}`);
      await expect.poll(() => page.getByTestId('public-name').innerText()).toBe('五红路工会户外劳动者服务站');
      expect(await page.getByTestId('public-week').innerText()).toContain('周一至周日 08:00–18:00');
      expect(await page.getByTestId('public-call').getAttribute('href')).toMatch(/^tel:023-/);
      expect(await page.getByTestId('public-navigate').getAttribute('href')).toContain('uri.amap.com/marker');

      await page.getByTestId('public-sign-in').click();
      await page.waitForURL(/\/m\/login\?next=%2Fp%2F/);
      await page.getByRole('textbox', { name: '手机号' }).fill(PHONE);
      const since = journey.server.output().length;
      // PIPL: the privacy policy is accepted before the first code is sent.
      await page.getByTestId('privacy-consent').check();
      await page.getByRole('button', { name: '获取验证码' }).click();
      const code = await journey.server.waitForSmsCode({ since });
      const codeField = page.getByRole('textbox', { name: '短信验证码' });
      await codeField.waitFor();
      await expect.poll(() => codeField.evaluate((el) => el.matches(':focus'))).toBe(true);
      await page.keyboard.type(code);
      // Back on the station's page, signed in.
      await page.waitForURL(new RegExp(`/p/${STATION}$`));

      const rate = page.getByTestId('rate-block');
      await rate.getByRole('radio', { name: '4 星' }).click();
      await page.getByTestId('rate-submit').click();
      await expect.poll(() => rate.innerText()).toContain('你本月的评分：4 星');

      const report = page.getByTestId('report-block');
      await report.getByText('设施损坏').click();
      await report.getByRole('textbox').fill('微波炉坏了，饭热不了');
      await page.getByTestId('report-photo').setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.getByTestId('report-submit').click();
      await expect.poll(() => page.getByTestId('report-done').innerText()).toMatch(/已提交，编号 FK\d{8}/);
      await page.screenshot({
        path: 'test-results/worker-report-375.png',
        fullPage: true,
      });

      // Staff of the owning street (五里店) resolve it in the console at 1280 px.
      const staff = await openBrowser({
        baseURL: journey.server.baseURL,
        viewport: { width: 1280, height: 800 },
      });
      try {
        await signInToAdmin(staff.page, 'wld.admin', '/admin/positions/feedback');
        const row = staff.page.locator('tr', {
          hasText: '微波炉坏了，饭热不了',
        });
        await row.waitFor();
        expect(await row.locator('img').count()).toBe(1);
        await row.getByRole('button', { name: /处理完成/ }).click();
        await staff.page.getByRole('textbox', { name: '处理说明' }).fill('已更换新的微波炉，欢迎使用');
        await staff.page.getByRole('button', { name: /确\s*定/ }).click();
        await staff.page.getByText('已处理，职工可以看到处理说明').waitFor();
        await staff.page.screenshot({
          path: 'test-results/staff-feedback-1280.png',
        });
      } finally {
        await staff.close();
      }

      await page.goto('/m/me');
      await page.getByTestId('me-feedback').click();
      await page.waitForURL(/\/m\/me\/feedback$/);
      const mine = page.getByTestId('my-issue').first();
      await expect.poll(() => mine.getByTestId('my-issue-status').innerText()).toBe('已处理');
      expect(await mine.getByTestId('my-issue-note').innerText()).toContain('已更换新的微波炉，欢迎使用');
      await page.screenshot({
        path: 'test-results/worker-my-feedback-375.png',
        fullPage: true,
      });
      expect(journey.session.problems.filter((p) => !p.includes('401'))).toEqual([]);
    });
  });
});
