/// <reference lib="dom" />
import { idNumberCheckChar } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi, signInWorkerApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('劳模工匠: district staff record a member’s honour and a care visit', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('goes from 登记荣誉 to the care record at 1366 px, with a typed name shown as text', { timeout: 240_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const tag = Date.now().toString(36).slice(-5);
    const name = `王${tag}<img src=x onerror=__pwned=1>`;

    // A worker joins 观音桥's joint union with that name; the street admin approves them.
    const gyq = await signInStaffApi(server.baseURL, 'gyq.admin');
    const gyqOrg = (await gyq.get<{ items: { id: string; code: string }[] }>('/orgs?q=JB-GYQ&pageSize=5')).items.find((o) => o.code === 'JB-GYQ')!;
    const worker = await signInWorkerApi(server, '13700006601');
    const unions = await worker.get<{ id: string }[]>(`/members/union-suggestions?street=${gyqOrg.id}&employmentForm=delivery_rider`);
    const first17 = '50010519800415123';
    const applied = await worker.send<{ membership: { id: string; version: number } }>('POST', '/members/applications', {
      realName: name,
      idNumber: first17 + idNumberCheckChar(first17),
      employmentForm: 'delivery_rider',
      orgId: unions[0]!.id,
    });
    await gyq.send('POST', `/members/${applied.membership.id}/approve`, { version: applied.membership.version });

    await withScreenshotOnFailure(journey.session, 'staff-records-a-model-worker', async () => {
      await signInToAdmin(page, 'jb.staff', '/admin/honours');
      await page.getByTestId('honours-new').click();
      const member = page.getByTestId('honours-form-member');
      await member.click();
      await page.keyboard.type(`王${tag}`);
      await page.locator('.ant-select-item-option').filter({ hasText: tag }).first().click();
      await page.getByTestId('honours-form-body').fill('重庆市江北区人民政府');
      await saveScreenshot(page, 'staff-honour-drawer-1366');
      await page.getByTestId('honours-save').click();
      await page.getByTestId('honours-save').waitFor({ state: 'detached' });

      await page.getByTestId('honours-search').locator('input').fill(tag);
      await page.getByTestId('honours-search').locator('input').press('Enter');
      const row = page.locator('tr', { hasText: tag });
      await expect.poll(async () => (await row.first().textContent()) ?? '').toContain('<img src=x');
      expect(await row.first().textContent()).toContain('劳动模范');

      await row.first().getByTestId('honours-care').click();
      await page.getByTestId('honours-care-notes').fill(`春节前走访慰问 ${tag}`);
      await page.getByTestId('honours-care-save').click();
      await page.getByTestId('honours-care-save').waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: '关爱记录' }).click();
      const care = page.locator('tr', { hasText: `春节前走访慰问 ${tag}` });
      await expect.poll(async () => (await care.first().textContent()) ?? '').toContain('走访慰问');
      expect(await care.first().textContent()).toContain('<img src=x');
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await saveScreenshot(page, 'staff-honour-care-1366');

      await page.goto('/admin/honours/studios');
      // The demo's sixteen district studios (a row saying 创新工作室 would also match the empty list's text).
      await expect.poll(async () => (await page.locator('.ant-pagination').textContent().catch(() => '')) ?? '').toContain('共 16 条');
      await saveScreenshot(page, 'staff-honour-studios-1366');
    });
  });
});
