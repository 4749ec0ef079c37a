import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();
const PHONE = '13800000051';
const QUESTION = '入职三个月公司还没签劳动合同，可以要求二倍工资吗？';

describe.skipIf(!canRun)('a worker asks a legal question on a 375 px phone; a lawyer answers in the console; the worker reads it under 我的', () => {
  const journey = useJourney({ viewport: { width: 375, height: 740 }, isMobile: true });

  it('asks, is answered with the law cited, and reads the answer marked new', { timeout: 180_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-asks-legal-question', async () => {
      await page.goto('/m/services');
      await page.getByTestId('service-legal').click();
      await page.waitForURL(/\/m\/legal$/);
      await page.getByText('劳动合同', { exact: true }).click();
      await page.getByTestId('ask-question').locator('textarea').fill(QUESTION);
      await page.getByTestId('ask-submit').click();
      // Not signed in: phone-code sign-in, then back to ask.
      await page.waitForURL(/\/m\/login/);
      await page.getByRole('textbox', { name: '手机号' }).fill(PHONE);
      await page.getByTestId('privacy-consent').check();
      const since = journey.server.output().length;
      await page.getByRole('button', { name: '获取验证码' }).click();
      const code = await journey.server.waitForSmsCode({ since });
      // fill, not keyboard typing: typed digits are lost when they come before the field has focus.
      await page.getByRole('textbox', { name: '短信验证码' }).fill(code);
      await page.waitForURL(/\/m\/legal$/);
      await page.getByText('劳动合同', { exact: true }).click();
      await page.getByTestId('ask-question').locator('textarea').fill(QUESTION);
      await page.getByTestId('ask-submit').click();
      await page.waitForURL(/\/m\/me\/legal\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByText(QUESTION).count(), { timeout: 20_000 }).toBe(1);
      await page.screenshot({ path: 'test-results/worker-legal-asked-375.png', fullPage: true });

      const staff = await openBrowser({ baseURL: journey.server.baseURL, viewport: { width: 1366, height: 768 } });
      try {
        await signInToAdmin(staff.page, 'jb.lawyer', '/admin/rights/consultations');
        const row = staff.page.locator('tr', { hasText: '入职三个月公司还没签劳动合同' });
        await row.first().click();
        await staff.page.getByTestId('answer-text').fill('超过一个月未签订书面劳动合同的，用人单位应当每月支付二倍工资。请保留工资流水和考勤记录。');
        await staff.page.getByTestId('add-citation').click();
        // The citation fields are autocompletes: named for screen readers, their placeholder is not an input's.
        // Tab leaves each field and closes its suggestions (Escape would close the drawer).
        await staff.page.getByRole('combobox', { name: '法律法规' }).fill('中华人民共和国劳动合同法');
        await staff.page.keyboard.press('Tab');
        await staff.page.getByRole('combobox', { name: '条款' }).fill('第八十二条');
        await staff.page.keyboard.press('Tab');
        await staff.page.getByTestId('send-answer').click();
        await staff.page.getByTestId('consultation-answer').waitFor();
        await staff.page.screenshot({ path: 'test-results/staff-legal-answered-1366.png' });
      } finally {
        await staff.close();
      }

      await page.goto('/m/me');
      await expect.poll(() => page.getByTestId('me-legal').innerText(), { timeout: 20_000 }).toContain('新答复');
      await page.getByTestId('me-legal').click();
      await page.getByTestId('my-consultation').first().click();
      await expect.poll(() => page.getByTestId('my-answer').innerText(), { timeout: 20_000 }).toContain('二倍工资');
      expect(await page.getByTestId('my-citations').innerText()).toContain('第八十二条');
      await page.screenshot({ path: 'test-results/worker-legal-answer-375.png', fullPage: true });
      // Opened: no longer new.
      // Read once the list has loaded: before it, no badge would prove nothing.
      const listed = page.waitForResponse((r) => r.url().includes('/api/v1/rights/my/consultations') && r.status() === 200);
      await page.goto('/m/me');
      await listed;
      await expect.poll(() => page.getByTestId('me-legal').innerText(), { timeout: 20_000 }).toBe('我的咨询');
    });
  });

  it('a district admin reads the district’s 维权参数 and the overview with the reports’ figures at 1366×768', { timeout: 180_000 }, async () => {
    const admin = await openBrowser({ baseURL: journey.server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(admin, 'district-admin-rights-settings', async () => {
        await signInToAdmin(admin.page, 'jb.admin', '/admin/rights/settings');
        await admin.page.getByText('受理审查期限').waitFor();
        await admin.page.getByText('红色预警').first().waitFor();
        expect(await admin.page.getByTestId('rights-settings-save').isEnabled()).toBe(true);
        await admin.page.screenshot({ path: 'test-results/admin-rights-settings-1366.png' });
        await admin.page.goto('/admin/rights');
        await admin.page.getByText('109').first().waitFor();
        await admin.page.screenshot({ path: 'test-results/admin-rights-overview-1366.png' });
      });
    } finally {
      await admin.close();
    }
  });
});
