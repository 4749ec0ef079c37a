import { describe, expect, it } from 'vitest';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();
const WORKER_PHONE = '13800000001';

describe.skipIf(!canRun)('a worker signs in with a text-message code on a phone', () => {
  const journey = useJourney({ viewport: { width: 375, height: 667 }, isMobile: true });

  it('goes from 我的 to sign-in and back to 我的, signed in', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-phone-sign-in', async () => {
      await page.goto('/m/me');
      await page.getByRole('button', { name: '手机号登录' }).click();
      await page.waitForURL(/\/m\/login\?next=/);

      await page.getByRole('textbox', { name: '手机号' }).fill(WORKER_PHONE);
      const since = journey.server.output().length;
      // PIPL: no code is sent before the privacy policy is accepted; the policy opens from the form.
      await page.getByRole('button', { name: '获取验证码' }).click();
      await page.getByText('请先阅读并勾选同意《隐私政策》').waitFor();
      await page.getByRole('link', { name: '《隐私政策》' }).click();
      await page.getByTestId('privacy-policy').getByText('身份证号加密保存', { exact: false }).waitFor();
      await page.goBack();
      expect(journey.server.output().slice(since)).not.toContain('短信验证码');
      await page.getByRole('textbox', { name: '手机号' }).fill(WORKER_PHONE);
      await page.getByTestId('privacy-consent').check();
      await page.getByRole('button', { name: '获取验证码' }).click();
      const code = await journey.server.waitForSmsCode({ since });

      // The code field has focus after the first step; typing six digits signs in.
      const codeField = page.getByRole('textbox', { name: '短信验证码' });
      await codeField.waitFor();
      await expect.poll(() => codeField.evaluate((el) => el.matches(':focus'))).toBe(true);
      await page.keyboard.type(code);

      await page.waitForURL(/\/m\/me$/);
      await expect.poll(() => page.getByTestId('me-phone').innerText()).toBe('138****0001');
      await page.getByText('我的会员卡').waitFor();
      await page.getByRole('button', { name: '退出登录' }).waitFor();
    });
  });
});
