import { idNumberCheckChar } from '@niangjia/contracts/id-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, withScreenshotOnFailure, type BrowserSession } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const { canRun } = checkBrowser();
const WORKER_PHONE = '13800000031';
const WORKER_NAME = '骑手李明';
const UNION = '观音桥街道片区联合工会';

/** A fictitious but valid resident ID: Jiangbei (500105), born 1990-03-15, odd sequence (male). */
function fictitiousId(): string {
  const first17 = `50010519900315${String(101 + 2 * Math.floor(Math.random() * 400))}`;
  return first17 + idNumberCheckChar(first17);
}

describe.skipIf(!canRun)('a delivery rider joins the union on a phone and staff approve it', () => {
  let server: RunningServer;
  let worker: BrowserSession;
  let staff: BrowserSession;

  beforeAll(async () => {
    server = await startServer();
    worker = await openBrowser({ baseURL: server.baseURL, viewport: { width: 375, height: 667 }, isMobile: true });
    staff = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 } });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await staff?.close();
    await server?.stop();
  });

  it('applies to the street’s joint union, gets approved in the console, and shows the card with a QR', { timeout: 120_000 }, async () => {
    const idNumber = fictitiousId();
    const m = worker.page;

    await withScreenshotOnFailure(worker, 'worker-joins-union-apply', async () => {
      // 首页 → 申请入会 needs a sign-in first, and comes back to the form after it.
      await m.goto('/m/');
      await m.getByRole('button', { name: '申请入会' }).click();
      await m.waitForURL(/\/m\/login\?next=/);
      await m.getByRole('textbox', { name: '手机号' }).fill(WORKER_PHONE);
      const since = server.output().length;
      // PIPL: the privacy policy is accepted before the first code is sent.
      await m.getByTestId('privacy-consent').check();
      await m.getByRole('button', { name: '获取验证码' }).click();
      const code = await server.waitForSmsCode({ since });
      await m.getByRole('textbox', { name: '短信验证码' }).fill(code);
      await m.waitForURL(/\/m\/join$/);

      await m.getByLabel('姓名').fill(WORKER_NAME);
      // A wrong check character is caught as soon as the 18th character is typed.
      const wrong = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
      await m.getByLabel('身份证号').fill(wrong);
      await m.getByText('身份证号校验位错误').waitFor();
      await m.getByLabel('身份证号').fill(idNumber);
      await m.getByText('身份证号校验位错误').waitFor({ state: 'detached' });
      await expect.poll(() => m.getByTestId('join-phone').innerText()).toContain('138****0031');

      await m.getByText('外卖骑手', { exact: true }).click();
      await m.getByTestId('street-picker').click();
      await m.locator('.adm-popup').getByText('观音桥街道', { exact: true }).click();
      await m.getByRole('button', { name: '下一步：选择工会' }).click();

      // The street's joint union is suggested and already chosen.
      await m.getByTestId('union-option').filter({ hasText: UNION }).waitFor();
      await expect.poll(() => m.getByTestId('join-chosen').innerText()).toContain(UNION);
      await m.getByRole('button', { name: '提交入会申请' }).click();
      await m.waitForURL(/\/m\/me\/membership$/);
      await expect.poll(() => m.getByTestId('membership-status').innerText()).toBe('审核中');
      await m.getByText(UNION).first().waitFor();
    });

    await withScreenshotOnFailure(staff, 'worker-joins-union-approve', async () => {
      const a = staff.page;
      await signInToAdmin(a, 'gyq.admin', '/admin/members/applications');
      const row = a.locator('tr', { hasText: WORKER_NAME });
      await row.waitFor();
      // Masked in the list: region and last four only.
      await row.getByText(`500105********${idNumber.slice(-4)}`).waitFor();
      await row.getByTestId('approve-member').click();
      await a.locator('.ant-modal-confirm').getByRole('button', { name: cjk('通过') }).click();
      await a.getByText(/已通过，会员号 \d+/).waitFor();
      await row.waitFor({ state: 'detached' });
    });

    await withScreenshotOnFailure(worker, 'worker-joins-union-card', async () => {
      await m.goto('/m/me');
      await expect.poll(() => m.getByTestId('me-membership-status').innerText()).toBe('正常');
      await m.getByText('我的会员卡').click();
      await m.waitForURL(/\/m\/me\/card$/);
      await expect.poll(() => m.getByTestId('card-name').innerText()).toBe(WORKER_NAME);
      await expect.poll(() => m.getByTestId('card-member-number').innerText()).toMatch(/^\d{6,}$/);
      await m.getByTestId('member-card').getByText(UNION).waitFor();

      // The QR is drawn (dark modules on the canvas) and points at the public check page.
      const qr = m.getByTestId('card-qr');
      await expect.poll(() => qr.evaluate((c) => {
        // e2e/ is typed without the DOM library: describe the little of a canvas used here.
        const canvas = c as unknown as { width: number; height: number; getContext: (k: '2d') => { getImageData: (x: number, y: number, w: number, h: number) => { data: ArrayLike<number> } } | null };
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 64) dark++;
        return dark;
      })).toBeGreaterThan(1000);
      const verifyUrl = await qr.getAttribute('data-verify-url');
      expect(verifyUrl).toMatch(/\/m\/verify\?token=/);
      expect(verifyUrl).not.toContain(idNumber);

      // Scanned by someone not signed in: valid, name and union only.
      const scanner = await openBrowser({ baseURL: server.baseURL, viewport: { width: 375, height: 667 }, isMobile: true });
      try {
        const s = scanner.page;
        await s.goto(new URL(verifyUrl ?? '').pathname + new URL(verifyUrl ?? '').search);
        await expect.poll(() => s.getByTestId('verify-result').getAttribute('data-valid')).toBe('true');
        await s.getByText('有效会员').waitFor();
        expect(await s.getByTestId('verify-name').innerText()).toBe(WORKER_NAME);
        expect(await s.getByTestId('verify-union').innerText()).toBe(UNION);
        const text = await s.locator('body').innerText();
        expect(text).not.toContain(idNumber.slice(-4) + ' ');
        expect(text).not.toContain('0031');
      } finally {
        await scanner.close();
      }
    });
  });
});
