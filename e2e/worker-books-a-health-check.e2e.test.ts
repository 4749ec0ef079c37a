/// <reference lib="dom" />
import { idNumberCheckChar } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, openBrowser, saveScreenshot, waitForQuietNetwork, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { findLayoutProblems } from './support/layout-checks';
import { freshPhone, signInOnPhone } from './support/market';
import { findChineseChrome, findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('送健康: a sanitation worker books a free health check on a 375 px phone, the district’s staff see it and mark attendance at 1366 px', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('books a slot of the demo campaign, sees it in 我的体检预约, and staff mark 到场/未到', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const phone = freshPhone();
    const staffApi = await signInStaffApi(server.baseURL, 'jb.admin');
    const orgs = await staffApi.get<{ items: { id: string; name: string }[] }>(`/orgs?q=${encodeURIComponent('观音桥街道片区联合工会')}&pageSize=5`);
    const union = orgs.items.find((o) => o.name === '观音桥街道片区联合工会')!;
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'worker-books-a-health-check', async () => {
        await page.goto('/m/services');
        await page.getByTestId('service-health').click();
        await signInOnPhone(page, server, phone);
        await page.waitForURL(/\/m\/assistance\/health/);
        // Not a member yet: nothing to book. Arranged over HTTP: the worker applies to 观音桥's joint union as a
        // sanitation worker (居民服务) and the district approves.
        await page.getByTestId('health-none').waitFor();
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        const first17 = `50010519800312${String(Math.floor(Math.random() * 90) + 10)}2`;
        const res = await page.request.post('/api/v1/members/applications', {
          headers: { 'x-csrf-token': csrf },
          data: { realName: '周体检', idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'standard', industry: '居民服务', orgId: union.id },
        });
        expect(res.status()).toBe(201);
        const applied = (await res.json()) as { membership: { id: string; version: number } };
        await staffApi.send('POST', `/members/${applied.membership.id}/approve`, { version: applied.membership.version });
        await page.reload();
        const campaign = page.getByTestId('health-campaign').filter({ hasText: '环卫工人' });
        await campaign.waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        expect(await findTextProblems(page, '#root')).toEqual([]);
        await saveScreenshot(page, 'worker-health-slots-375');
        const slot = campaign.getByTestId('health-slot').first();
        const slotText = ((await slot.textContent()) ?? '').slice(0, 16);
        await slot.getByTestId('health-book').click();
        await page.locator('.adm-dialog').getByRole('button', { name: '预约' }).click();
        await campaign.getByTestId('health-my-booking').waitFor();
        const mine = page.getByTestId('health-mine-item').first();
        await expect.poll(async () => (await mine.getByTestId('health-mine-status').textContent()) ?? '').toContain('已预约');
        expect(await mine.textContent()).toContain(slotText);
        // Once per campaign: every 预约 of the campaign is now off.
        expect(await campaign.getByTestId('health-book').first().isDisabled()).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-health-booked-375');
        // The same page in English: no key or code, and the interface's own words in English.
        await page.evaluate(() => localStorage.setItem('niangjia.language', 'en'));
        await page.reload();
        await waitForQuietNetwork(page);
        await page.getByTestId('health-mine-item').first().waitFor();
        const words = [...(await findTextProblems(page, '#root')), ...(await findChineseChrome(page, '#root')).map((w) => `Chinese in English: “${w}”`)];
        if (words.length) await saveScreenshot(page, 'worker-health-en-375');
        expect(words).toEqual([]);
        await page.evaluate(() => localStorage.removeItem('niangjia.language'));

        // The district's staff: the booking is in the campaign's list; a past slot's member is marked 未到 then 到场.
        const admin = desk.page;
        await signInToAdmin(admin, 'jb.admin', '/admin/assistance/health');
        await admin.getByTestId('health-campaign-select').waitFor();
        await expect.poll(async () => (await admin.getByTestId('health-campaign-select').textContent()) ?? '').toContain('环卫工人');
        await admin.getByRole('tab', { name: '体检时段' }).click();
        await admin.getByTestId('health-slot-booked').first().waitFor();
        await admin.getByRole('tab', { name: '预约与到场' }).click();
        const bookings = admin.getByTestId('health-bookings');
        await saveScreenshot(admin, 'staff-health-bookings-tab-1366');
        await bookings.locator('.ant-table-row').first().waitFor();
        const attendedRow = bookings.locator('.ant-table-row').filter({ has: admin.getByTestId('health-booking-status').filter({ hasText: '已到场' }) }).first();
        await attendedRow.waitFor();
        const name = (await attendedRow.getByTestId('health-booking-name').textContent())!;
        await attendedRow.getByTestId('health-mark-no-show').click();
        const row = bookings.locator('.ant-table-row').filter({ has: admin.getByTestId('health-booking-name').filter({ hasText: name }) }).first();
        await expect.poll(async () => (await row.getByTestId('health-booking-status').textContent()) ?? '').toContain('未到场');
        await row.getByTestId('health-mark-attended').click();
        await expect.poll(async () => (await row.getByTestId('health-booking-status').textContent()) ?? '').toContain('已到场');
        expect(await findLayoutProblems(admin)).toEqual([]);
        expect(await findTextProblems(admin, '#root')).toEqual([]);
        await saveScreenshot(admin, 'staff-health-bookings-1366');
      });
    } finally {
      await desk.close();
    }
  });
});
