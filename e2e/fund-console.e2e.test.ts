/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { signInStaffApi } from './support/api';
import { listMenuPages } from './support/console-sweep';
import { useJourney } from './support/journey';
import { postSales } from './support/pos';

const { canRun } = checkBrowser();

/** A card list: two good rows and, on spreadsheet row 3, a phone number that is not one. */
async function writeCardSheet(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('早餐卡');
  sheet.addRow(['姓名', '手机号', '单位', '有效期至']);
  sheet.addRow(['周环卫', '13700002001', '区城管局 观音桥环卫所', '2027-12-31']);
  sheet.addRow(['吴有误', '1370000', '区城管局 观音桥环卫所', '2027-12-31']);
  sheet.addRow(['郑环卫', '13700002003', '区城管局 五里店环卫所', '2027-12-31']);
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(4).numFmt = '@';
  await book.xlsx.writeFile(file);
}

describe.skipIf(!canRun)('staff run the charity fund in the console', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });
  let file: string;

  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-cards-')), '环卫早餐卡.xlsx');
    await writeCardSheet(file);
  });
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  it('registers a terminal, sees its secret once, signs a sale with it, and rotates it', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    const { baseURL } = journey.server;
    await withScreenshotOnFailure(journey.session, 'fund-console-terminal', async () => {
      await signInToAdmin(page, 'jb.admin', '/admin/fund/shops');
      // From the first shop's row to its terminals: the shop is picked already in the form.
      await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: '收银终端' }).click();
      await page.waitForURL(/\/admin\/fund\/terminals\?shopId=/);
      await page.getByRole('button', { name: '登记终端' }).click();
      const form = page.locator('.ant-modal').filter({ hasText: '终端名称' });
      await form.getByLabel('终端名称').fill('E2E 收银台');
      await form.getByRole('button', { name: '登记终端' }).click();

      const secretBox = page.getByTestId('terminal-secret');
      await secretBox.waitFor();
      await page.getByText('密钥只显示这一次').waitFor();
      const keyId = ((await page.getByTestId('terminal-key-id').textContent()) ?? '').trim();
      const secret = ((await page.getByTestId('terminal-secret-value').textContent()) ?? '').trim();
      expect(keyId).toMatch(/^pk_/);
      expect(secret).toMatch(/^psk_/);
      await saveScreenshot(page, 'fund-console-terminal-secret');

      // The key works: a sale signed with it counts.
      const [sale] = await postSales(baseURL, { keyId, secret }, [{ amountFen: 900 }]);
      expect(sale?.status).toBe('accepted');

      // Closed, the secret is nowhere on the page any more; the list shows the key id only.
      await page.getByRole('button', { name: '我已保存，关闭' }).click();
      await secretBox.waitFor({ state: 'detached' });
      const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'E2E 收银台' });
      await row.waitFor();
      expect(await row.textContent()).toContain(keyId);
      expect(await page.content()).not.toContain(secret);

      // Rotating shows a new pair once; the old key is refused at once.
      await row.getByRole('button', { name: '更换密钥' }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: '更换密钥' }).click();
      await page.getByTestId('terminal-secret').waitFor();
      const newSecret = ((await page.getByTestId('terminal-secret-value').textContent()) ?? '').trim();
      const newKeyId = ((await page.getByTestId('terminal-key-id').textContent()) ?? '').trim();
      expect(newSecret).not.toBe(secret);
      await expect(postSales(baseURL, { keyId, secret }, [{ amountFen: 900 }])).rejects.toThrow(/401/);
      const [again] = await postSales(baseURL, { keyId: newKeyId, secret: newSecret }, [{ amountFen: 900 }]);
      expect(again?.status).toBe('accepted');
      await page.getByRole('button', { name: '我已保存，关闭' }).click();
    });
  });

  it('imports breakfast cards from Excel, reports the bad row by its spreadsheet number, and issues the good ones', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'fund-console-card-import', async () => {
      await page.goto('/admin/fund/cards/imports');
      await page.locator('input[type=file]').setInputFiles(file);
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 60_000 });
      const rows = report.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
      // The header is row 1, so the bad phone is on row 3.
      expect((await rows.first().locator('td').first().textContent())?.trim()).toBe('3');
      expect(await rows.first().textContent()).toContain('手机号');
      await saveScreenshot(page, 'fund-console-card-import-report');

      await page.getByRole('button', { name: cjk('确认发卡') }).click();
      await page
        .locator('.ant-modal-confirm')
        .getByRole('button', { name: cjk('确认发卡') })
        .click();
      await page.getByText('已发卡 2 张').first().waitFor({ timeout: 60_000 });

      await page.goto('/admin/fund/cards');
      await page.getByText('周环卫').waitFor();
      await page.getByText('郑环卫').waitFor();
      expect(await page.getByText('吴有误').count()).toBe(0);
    });
  });

  it('opens 对账 on the latest statement, every transfer of it matched', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'fund-console-reconciliation', async () => {
      await page.context().clearCookies();
      await signInToAdmin(page, 'jb.admin', '/admin/fund/custodian');
      await page.getByRole('tab', { name: '对账', exact: true }).click();
      // The demo's statements run to last month; this month's comes next month.
      const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number) as [number, number];
      const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      await expect.poll(() => page.locator('.ant-picker-range input').first().inputValue(), { timeout: 30_000 }).toBe(`${lastMonth}-01`);
      await page.getByText('账本与对账单一致，没有差异。').waitFor({ timeout: 30_000 });
      const matched = page.locator('th.ant-descriptions-item-label:has-text("已匹配") + td.ant-descriptions-item-content');
      expect(Number(await matched.textContent())).toBeGreaterThan(0);
      await saveScreenshot(page, 'fund-console-reconciliation');
    });
  });

  it('reads the contributions report and downloads it as .xlsx', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'fund-console-reports', async () => {
      await page.goto('/admin/fund/reports');
      const total = page.getByTestId('report-contribution-total');
      await total.waitFor();
      expect(await total.textContent()).toMatch(/^¥[\d,]+\.\d{2}$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = await download.path();
      // An .xlsx is a zip: it starts with PK.
      expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    });
  });
  it('gives a street admin their street’s slice at 1366×768: their cards, their shops’ figures, the public statement, no custodian', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'fund-console-street', async () => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.context().clearCookies();
      await signInToAdmin(page, 'gyq.admin');
      const menu = (await listMenuPages(page)).map((m) => m.path);
      expect(menu).toEqual(expect.arrayContaining(['/fund/cards', '/fund/reports', '/fund/shops']));
      // 托管账户 is the district's: not offered, rather than offered and refused.
      expect(menu).not.toContain('/fund/custodian');

      await page.goto('/admin/fund/cards');
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      // The street's own cards, all of them: what the page counts is what the API gives this
      // street admin, and every one of those is held by the street's union.
      const api = await signInStaffApi(journey.server.baseURL, 'gyq.admin');
      const cards = await api.get<{ items: { org: { name: string } }[]; total: number }>('/breakfast-cards?pageSize=100');
      expect(cards.total).toBeGreaterThan(0);
      expect(new Set(cards.items.map((c) => c.org.name))).toEqual(new Set(['观音桥街道总工会']));
      await page.locator('.ant-pagination-total-text').filter({ hasText: `共 ${cards.total} 条` }).waitFor();
      await saveScreenshot(page, 'fund-console-street-cards');

      await page.goto('/admin/fund/reports');
      await page.getByText('只含观音桥街道总工会的商铺和驿站', { exact: false }).waitFor();
      expect(await page.getByTestId('report-contribution-total').textContent()).toMatch(/^¥[\d,]+\.\d{2}$/);
      const shown = { 爱心早餐: '[role=tabpanel]:not([aria-hidden=true]) .ant-table-tbody tr.ant-table-row', 基金收支表: '[role=tabpanel]:not([aria-hidden=true]) :text("期末余额")' };
      for (const [name, content] of Object.entries(shown)) {
        const tab = page.getByRole('tab', { name, exact: true });
        // A click during the tab bar's ink animation can miss: click until the tab is the open one.
        await expect
          .poll(async () => {
            if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
            return tab.getAttribute('aria-selected');
          }, { timeout: 30_000 })
          .toBe('true');
        await page.locator(content).first().waitFor({ timeout: 30_000 });
      }
      expect(await page.locator('.ant-layout-content .ant-alert-error, .ant-layout-content .ant-result').count()).toBe(0);
      await saveScreenshot(page, 'fund-console-street-statement');
    });
  });
});
