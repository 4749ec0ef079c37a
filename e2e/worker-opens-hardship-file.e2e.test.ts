/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure, type BrowserSession } from './support/browser';
import { useJourney } from './support/journey';
import { PNG, signInOnPhone } from './support/market';

const { canRun } = checkBrowser();
/** The demo's member with an account (13800000002): the demo gives them no hardship file. */
const MEMBER_PHONE = '13800000002';

describe.skipIf(!canRun)('困难职工档案: a worker opens a file on a 375 px phone and signs the consent; two staff verify it in the console', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('applies, adds the household and a document, signs with a finger, submits; jb.staff then jb.admin verify', { timeout: 240_000 }, async () => {
    const { page } = journey.session;
    const desks: BrowserSession[] = [];
    try {
      await withScreenshotOnFailure(journey.session, 'worker-opens-hardship-file', async () => {
        await page.goto('/m/services');
        await page.getByTestId('service-hardship').click();
        await signInOnPhone(page, journey.server, MEMBER_PHONE);
        await page.waitForURL(/\/m\/assistance\/hardship$/);

        await page.locator('.adm-selector-item', { hasText: '患病' }).click();
        await page.locator('.adm-selector-item', { hasText: '子女就学' }).click();
        await page.getByTestId('hardship-cause-note').locator('textarea').fill('爱人患病长期住院，孩子读高中');
        await page.getByTestId('hardship-apply').click();
        const number = page.getByTestId('hardship-number');
        await number.waitFor();
        const fileNumber = /KN\d{6}/.exec((await number.textContent()) ?? '')![0];
        await expect.poll(async () => (await page.getByTestId('hardship-status').textContent()) ?? '').toContain('填写中');

        // The household: the worker is already there; add the spouse (no income) with an ID number.
        await page.getByTestId('hardship-member-name').locator('input').fill('李秀兰');
        await page.getByTestId('hardship-member-relation').locator('.adm-selector-item', { hasText: '配偶' }).click();
        await page.getByTestId('hardship-member-id').locator('input').fill('500105198708150023');
        await page.getByTestId('hardship-member-income').locator('input').fill('0');
        await page.getByTestId('hardship-member-add').click();
        await expect.poll(async () => page.getByTestId('hardship-member').count()).toBe(2);
        // Masked on the phone too: region and last four only.
        await expect.poll(async () => (await page.getByTestId('hardship-member').nth(1).textContent()) ?? '').toContain('500105********0023');

        await page.getByTestId('hardship-doc').setInputFiles({ name: '住院发票.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(async () => (await page.getByTestId('hardship-doc-count').textContent().catch(() => '')) ?? '').toContain('收入证明');
        // A scanned PDF is a document too (证明材料 "photos/PDF"): the picker takes it.
        await page.getByTestId('hardship-doc').setInputFiles({ name: '低保证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1') });
        await expect.poll(async () => (await page.getByTestId('hardship-doc-count').textContent().catch(() => '')) ?? '').toBe('收入证明、收入证明');

        // The consent: read, then signed with a finger on the shared pad.
        await page.getByTestId('hardship-consent-text').waitFor();
        const pad = page.getByTestId('sign-pad');
        await pad.scrollIntoViewIfNeeded();
        const box = (await pad.boundingBox())!;
        await page.mouse.move(box.x + 30, box.y + 120);
        await page.mouse.down();
        for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 120 + (i % 2 ? -40 : 30), { steps: 3 });
        await page.mouse.up();
        await page.getByTestId('sign-submit').click();
        await page.getByTestId('hardship-consent-signed').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-hardship-file-375');

        await page.getByTestId('hardship-submit').click();
        await expect.poll(async () => (await page.getByTestId('hardship-status').textContent()) ?? '').toContain('待核实');

        // Two different staff of the district verify it in the console (1366×768).
        for (const [login, expected] of [
          ['jb.staff', '核实中'],
          ['jb.admin', '已核实'],
        ] as const) {
          const desk = await openBrowser({ baseURL: journey.server.baseURL, viewport: { width: 1366, height: 768 } });
          desks.push(desk);
          const admin = desk.page;
          await signInToAdmin(admin, login, '/admin/assistance/hardship');
          await admin.getByTestId('hardship-filter-q').fill(fileNumber);
          await admin.getByTestId('hardship-filter-q').press('Enter');
          await admin.getByTestId(`hardship-open-${fileNumber}`).click();
          // The photo is a thumbnail; the PDF a download link, not an image.
          await expect.poll(async () => admin.getByTestId('attachment-pdf').count()).toBe(1);
          expect(await admin.getByTestId('attachment-pdf').getAttribute('href')).toMatch(/^\/api\/v1\/photos\/[0-9a-f-]{36}$/);
          await admin.getByTestId('hardship-verify').click();
          await admin.locator('.ant-drawer').getByLabel('困难类别').click();
          await admin.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '相对困难' }).click();
          await admin.getByTestId('hardship-note').fill(`${login} 入户核实，情况属实`);
          await admin.getByTestId('hardship-submit').click();
          await expect.poll(async () => (await admin.getByTestId('hardship-detail-status').textContent()) ?? '').toContain(expected);
          // The table fits the 1366 screen: the page does not scroll sideways.
          expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
          await saveScreenshot(admin, `staff-hardship-verify-${login}-1366`);
        }
        await expect.poll(async () => desks[1]!.page.getByTestId('hardship-verification').count()).toBe(2);

        // The district's 困难标准: the one that applied (1,000 yuan in the demo) is raised, and reads back.
        const district = desks[1]!.page;
        await district.keyboard.press('Escape');
        await district.getByTestId('hardship-threshold').click();
        await expect.poll(async () => (await district.getByTestId('threshold-current').textContent()) ?? '').toContain('1,000.00');
        await district.getByTestId('threshold-input').fill('1100');
        await district.getByTestId('threshold-save').click();
        await expect.poll(async () => (await district.getByTestId('threshold-current').textContent()) ?? '').toContain('1,100.00');
        await saveScreenshot(district, 'staff-hardship-threshold-1366');

        // The worker follows it on the phone.
        await page.reload();
        await expect.poll(async () => (await page.getByTestId('hardship-status').textContent()) ?? '').toContain('已核实');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      });
    } finally {
      for (const d of desks) await d.close();
    }
  });
});
