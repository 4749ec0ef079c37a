import { idNumberCheckChar } from '@niangjia/contracts/id-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBrowser, openBrowser, withScreenshotOnFailure, type BrowserSession } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const { canRun } = checkBrowser();
const WORKER_PHONE = '13800000041';
// The demo's ceremony at SF Express (db/seed/demo-organizing.ts): its QR opens /m/join?ceremony=SFJOIN2026.
const UNION = '顺丰速运重庆有限公司工会';

describe.skipIf(!canRun)('a courier scans a joining ceremony’s QR and applies to its union', () => {
  let server: RunningServer;
  let worker: BrowserSession;

  beforeAll(async () => {
    server = await startServer();
    worker = await openBrowser({ baseURL: server.baseURL, viewport: { width: 375, height: 667 }, isMobile: true });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await server?.stop();
  });

  it('lands on /m/join with the ceremony’s union chosen, after signing in', { timeout: 120_000 }, async () => {
    const m = worker.page;
    const first17 = `50010519920608${String(101 + 2 * Math.floor(Math.random() * 400))}`;
    await withScreenshotOnFailure(worker, 'worker-joins-at-ceremony', async () => {
      await m.goto('/m/join?ceremony=SFJOIN2026');
      await m.waitForURL(/\/m\/login\?next=/);
      await m.getByRole('textbox', { name: '手机号' }).fill(WORKER_PHONE);
      const since = server.output().length;
      await m.getByTestId('privacy-consent').check();
      await m.getByRole('button', { name: '获取验证码' }).click();
      const code = await server.waitForSmsCode({ since });
      await m.getByRole('textbox', { name: '短信验证码' }).fill(code);
      await m.waitForURL(/\/m\/join\?ceremony=SFJOIN2026$/);
      await expect.poll(() => m.getByTestId('join-ceremony').innerText()).toContain(UNION);
      // A joining point's QR (the demo's 入会点 at SF's hub in 观音桥) presets the street's joint union instead.
      await m.goto('/m/join?point=JB-JP-SF');
      await expect.poll(() => m.getByTestId('join-ceremony').innerText()).toContain('观音桥街道片区联合工会');
      await m.goto('/m/join?ceremony=SFJOIN2026');
      await expect.poll(() => m.getByTestId('join-ceremony').innerText()).toContain(UNION);

      await m.getByLabel('姓名').fill('快递员赵刚');
      await m.getByLabel('身份证号').fill(first17 + idNumberCheckChar(first17));
      await m.getByText('快递员', { exact: true }).click();
      await m.getByTestId('street-picker').click();
      await m.locator('.adm-popup').getByText('观音桥街道', { exact: true }).click();
      await m.getByRole('button', { name: '下一步：选择工会' }).click();

      await m.getByTestId('union-option').filter({ hasText: UNION }).first().waitFor();
      await expect.poll(() => m.getByTestId('join-chosen').innerText()).toContain(UNION);
      await m.getByRole('button', { name: '提交入会申请' }).click();
      await m.waitForURL(/\/m\/me\/membership$/);
      await expect.poll(() => m.getByTestId('membership-status').innerText()).toBe('审核中');
      await m.getByText(UNION).first().waitFor();
    });
  });
});
