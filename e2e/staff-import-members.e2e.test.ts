import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idNumberCheckChar } from '@niangjia/contracts/id-number';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure, type BrowserSession } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const { canRun } = checkBrowser();
const id = (first17: string) => first17 + idNumberCheckChar(first17);

/** A 集中入会 sheet with two good rows and two bad ones (wrong check character, unknown union). */
async function writeSheet(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员');
  sheet.addRow(['姓名', '身份证号', '手机号', '工会编码', '用工形式', '工作单位']);
  sheet.addRow(['赵导入', id('50010519880512231'), '13700001001', 'JB-GYQ-LH', '外卖骑手', '饿了么']);
  sheet.addRow(['钱导入', id('50010519920704342'), '13700001002', 'JB-GYQ-LH', '快递员', '顺丰']);
  const good = '50010519910101453';
  sheet.addRow(['孙有误', good + (idNumberCheckChar(good) === '1' ? '2' : '1'), '13700001003', 'JB-GYQ-LH', '外卖骑手', '']);
  sheet.addRow(['李有误', id('50010519900202564'), '13700001004', 'NO-SUCH-UNION', '快递员', '']);
  // Cells typed as text, as staff fill them.
  sheet.getColumn(2).numFmt = '@';
  await book.xlsx.writeFile(file);
}

describe.skipIf(!canRun)('staff import a collective join drive with bad rows', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let file: string;

  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-import-')), '观音桥集中入会.xlsx');
    await writeSheet(file);
    server = await startServer();
    session = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('reads the per-row report, then imports only the valid rows', { timeout: 90_000 }, async () => {
    const { page } = session;
    await withScreenshotOnFailure(session, 'staff-import-members', async () => {
      await signInToAdmin(page, 'gyq.admin', '/admin/members/imports');
      await page.locator('input[type=file]').setInputFiles(file);
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 60_000 });
      await expect.poll(() => report.textContent(), { timeout: 60_000 }).toContain('身份证号校验位错误');
      const text = (await report.textContent()) ?? '';
      expect(text).toContain('NO-SUCH-UNION');
      // Row numbers are the spreadsheet's: the header is row 1, so the bad rows are 4 and 5.
      const rows = report.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(2);
      expect((await rows.nth(0).locator('td').first().textContent())?.trim()).toBe('4');
      expect((await rows.nth(1).locator('td').first().textContent())?.trim()).toBe('5');

      await page.getByRole('button', { name: '确认导入' }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认导入' }).click();
      await page.getByText('已导入 2 人').first().waitFor({ timeout: 60_000 });
    });
  });

  it('lists the batch in 导入记录, opens it and downloads its report', { timeout: 90_000 }, async () => {
    const { page } = session;
    await withScreenshotOnFailure(session, 'staff-import-members-history', async () => {
      // A fresh visit: the history is what is left of the drive.
      await page.goto('/admin/members/imports');
      const history = page.getByTestId('import-history');
      const row = history.locator('.ant-table-tbody tr.ant-table-row', { hasText: '观音桥集中入会.xlsx' });
      await row.waitFor({ timeout: 30_000 });
      await expect.poll(() => row.textContent()).toContain('已导入');
      expect(await row.textContent()).toContain('gyq.admin');
      await saveScreenshot(page, 'staff-import-members-history-1366');
      const [download] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: '下载检查结果' }).first().click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      await history.getByRole('button', { name: '查看' }).first().click();
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 30_000 });
      await expect.poll(() => report.textContent()).toContain('观音桥集中入会.xlsx');
    });
  });
});
