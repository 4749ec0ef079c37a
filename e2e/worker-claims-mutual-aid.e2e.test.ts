/// <reference lib="dom" />
import { idNumberCheckChar } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { freshPhone, PNG, signInOnPhone } from './support/market';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('职工互助保障: a member claims on a 375 px phone, the union reviews and pays in the console, the cap applies', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('files a hospital claim with a photo, is paid 3,000 元 (the hospital cap) not 3,500 元, and follows each step', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const phone = freshPhone();
    const first17 = `1101011990${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}1${String(Math.floor(Math.random() * 1000)).padStart(4, '0')}`.slice(0, 17);
    const idNumber = first17 + idNumberCheckChar(first17);
    const gyq = await signInStaffApi(server.baseURL, 'gyq.admin');
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'worker-claims-mutual-aid', async () => {
        await page.goto('/m/mutualaid');
        await signInOnPhone(page, server, phone);
        // Arranged over the API (one sign-in code per phone): the worker joins 北城天街's union, its admin approves and enrols them in Jiangbei's plan for this year.
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        const unions = await gyq.get<{ items: { id: string; code: string }[] }>('/orgs?q=JB-GYQ-01&pageSize=5');
        const union = unions.items.find((o) => o.code === 'JB-GYQ-01')!;
        const applied = await page.request.post('/api/v1/members/applications', { headers: { 'x-csrf-token': csrf }, data: { realName: '互助测试员', idNumber, employmentForm: 'delivery_rider', orgId: union.id } });
        expect(applied.status()).toBe(201);
        const { membership } = (await applied.json()) as { membership: { id: string; version: number } };
        await gyq.send('POST', `/members/${membership.id}/approve`, { version: membership.version });
        const plans = await gyq.get<{ id: string; status: string }[]>('/assistance/mutualaid/plans');
        await gyq.send('POST', `/assistance/mutualaid/plans/${plans.find((p) => p.status === 'open')!.id}/enrolments`, { idNumber });
        await page.goto('/m/mutualaid');
        await expect.poll(async () => (await page.getByTestId('mutualaid-left').textContent()) ?? '').toContain('¥15,000.00');
        await page.getByTestId('mutualaid-new').click();
        await page.waitForURL(/\/m\/mutualaid\/new/);
        await page.locator('.adm-selector-item', { hasText: '住院津贴' }).click();
        await page.getByTestId('mutualaid-days').locator('input').fill('70');
        await page.getByTestId('mutualaid-text').locator('textarea').fill('肺炎住院 70 天（端到端）');
        await page.getByTestId('mutualaid-photo').setInputFiles({ name: 'discharge.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(async () => (await page.getByTestId('mutualaid-photo-count').textContent()) ?? '').toContain('1 / 6');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-mutualaid-claim-375');
        await page.getByTestId('mutualaid-submit').click();
        await page.waitForURL(/\/m\/mutualaid\/claims\//);
        const claimId = page.url().split('/').pop()!;
        await expect.poll(async () => (await page.getByTestId('mutualaid-claim-status').textContent()) ?? '').toContain('待审核');

        // The street admin reviews in the console: 70 days × 50 元 = 3,500 元, the hospital cap is 3,000 元.
        const admin = desk.page;
        await signInToAdmin(admin, 'gyq.admin', `/admin/assistance/mutualaid?claim=${claimId}`);
        const drawer = admin.getByTestId('mutualaid-claim-drawer');
        await drawer.waitFor();
        await drawer.getByTestId('mutualaid-approve').click();
        await expect.poll(async () => (await drawer.getByTestId('mutualaid-payout').textContent()) ?? '').toContain('¥3,000.00');
        // A sampled claim (a tenth of them, chosen at filing) waits for a second person.
        if (((await drawer.getByTestId('mutualaid-claim-status').textContent()) ?? '').includes('待复核')) {
          const jb = await signInStaffApi(server.baseURL, 'jb.admin');
          const c = await jb.get<{ version: number }>(`/assistance/mutualaid/claims/${claimId}`);
          await jb.send('POST', `/assistance/mutualaid/claims/${claimId}/second`, { decision: 'approve', version: c.version });
          await admin.reload();
          await drawer.waitFor();
        }
        await expect.poll(async () => (await drawer.getByTestId('mutualaid-claim-status').textContent()) ?? '').toContain('待支付');
        await drawer.getByTestId('mutualaid-pay-reference').fill('工行转账 E2E0001');
        await saveScreenshot(admin, 'staff-mutualaid-drawer-1366');
        await drawer.getByTestId('mutualaid-pay').click();
        await expect.poll(async () => (await drawer.getByTestId('mutualaid-claim-status').textContent()) ?? '').toContain('已支付');

        // The worker follows it on the phone, and was told at each step.
        await page.reload();
        await expect.poll(async () => (await page.getByTestId('mutualaid-claim-status').textContent()) ?? '').toContain('已支付');
        expect(await page.getByTestId('mutualaid-claim-payout').textContent()).toContain('¥3,000.00');
        await expect.poll(async () => (await page.getByTestId('mutualaid-claim').textContent()) ?? '').toContain('按规则应付 ¥3,500.00');
        const inbox = (await (await page.request.get('/api/v1/me/notifications?pageSize=20')).json()) as { items: { title: string }[] };
        expect(inbox.items.filter((n) => n.title.includes('互助金')).length).toBeGreaterThanOrEqual(3);
        await page.goto('/m/mutualaid');
        await expect.poll(async () => (await page.getByTestId('mutualaid-left').textContent()) ?? '').toContain('¥12,000.00');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-mutualaid-paid-375');
      });
    } finally {
      await desk.close();
    }
  });
});
