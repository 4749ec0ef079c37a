/// <reference lib="dom" />
import { idNumberCheckChar } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, openBrowser, saveScreenshot, waitForQuietNetwork, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { findLayoutProblems } from './support/layout-checks';
import { freshPhone, PNG, signInOnPhone } from './support/market';
import { findChineseChrome, findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();
const shDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!canRun)('秋送助学: a worker applies for their child’s study aid on a 375 px phone, the district’s staff approve it at 1366 px', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('applies with the admission letter, sees 审批中, and the district approves in the drawer with the ID masked until 显示', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const phone = freshPhone();
    const staffApi = await signInStaffApi(server.baseURL, 'jb.admin');
    const jb = (await staffApi.get<{ items: { id: string; name: string }[] }>(`/orgs?q=${encodeURIComponent('江北区总工会')}&pageSize=5`)).items.find((o) => o.name === '江北区总工会')!;
    const union = (await staffApi.get<{ items: { id: string; name: string }[] }>(`/orgs?q=${encodeURIComponent('观音桥街道片区联合工会')}&pageSize=5`)).items.find((o) => o.name === '观音桥街道片区联合工会')!;
    // The district opens this autumn's campaign and sets the amounts by level (the demo's is closed).
    const campaign = await staffApi.send<{ id: string; version: number }>('POST', '/assistance/campaigns', {
      orgId: jb.id,
      kind: 'autumn',
      name: '金秋助学（补充申请）',
      startsOn: shDay(0),
      endsOn: shDay(30),
      budgetFen: 20_000_000,
      fundingSources: [{ source: '区总工会经费', amountFen: 20_000_000 }],
      benefits: [{ key: 'study', kind: 'cash', name: '助学金', amountFen: 500_000 }],
      eligibility: {},
      secondApprovalFen: 5_000_000,
    });
    await staffApi.send('POST', `/assistance/campaigns/${campaign.id}/status`, { status: 'open', version: campaign.version });
    await staffApi.send('PUT', `/assistance/studyaid/campaigns/${campaign.id}/settings`, { amounts: { undergraduate: 500_000, junior_college: 300_000, high_school: 200_000 } });
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'worker-applies-for-study-aid', async () => {
        await page.goto('/m/services');
        await page.getByTestId('service-studyaid').click();
        await signInOnPhone(page, server, phone);
        await page.waitForURL(/\/m\/assistance\/studyaid/);
        await page.getByTestId('studyaid-none').waitFor();
        // Becoming a member, over HTTP: the worker applies to 观音桥's joint union and the district approves.
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        const first17 = `50010519790615${String(Math.floor(Math.random() * 90) + 10)}1`;
        const res = await page.request.post('/api/v1/members/applications', { headers: { 'x-csrf-token': csrf }, data: { realName: '郑助学', idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'courier', orgId: union.id } });
        expect(res.status()).toBe(201);
        const applied = (await res.json()) as { membership: { id: string; version: number } };
        await staffApi.send('POST', `/members/${applied.membership.id}/approve`, { version: applied.membership.version });
        await page.reload();
        const card = page.getByTestId('studyaid-campaign').filter({ hasText: '金秋助学' });
        await card.waitFor();
        await card.getByTestId('studyaid-apply').click();
        const child17 = `500105${Number(shDay(0).slice(0, 4)) - 18}0302${String(Math.floor(Math.random() * 90) + 10)}2`;
        await page.getByTestId('studyaid-child-name').locator('input').fill('郑小雨');
        await page.getByTestId('studyaid-child-id').locator('input').fill(child17 + idNumberCheckChar(child17));
        await page.getByTestId('studyaid-school').locator('input').fill('西南大学');
        await page.getByTestId('studyaid-letter').setInputFiles({ name: '录取通知书.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(async () => (await page.getByTestId('studyaid-letter-count').textContent()) ?? '').toContain('1 / 1');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-studyaid-form-375');
        await page.getByTestId('studyaid-submit').click();
        const mine = page.getByTestId('studyaid-mine');
        await mine.waitFor();
        await expect.poll(async () => (await mine.getByTestId('studyaid-mine-status').first().textContent()) ?? '').toContain('审批中');
        expect(await mine.textContent()).toContain('郑小雨');
        expect(await findTextProblems(page, '#root')).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-studyaid-applied-375');
        // The same page in English: no key or code, and the interface's own words in English.
        await page.evaluate(() => localStorage.setItem('niangjia.language', 'en'));
        await page.reload();
        await waitForQuietNetwork(page);
        await page.getByTestId('studyaid-mine').waitFor();
        const words = [...(await findTextProblems(page, '#root')), ...(await findChineseChrome(page, '#root')).map((w) => `Chinese in English: “${w}”`)];
        if (words.length) await saveScreenshot(page, 'worker-studyaid-en-375');
        expect(words).toEqual([]);
        await page.evaluate(() => localStorage.removeItem('niangjia.language'));

        // The district's staff: the application in the open campaign, the student's ID masked until 显示, approved in the drawer.
        const admin = desk.page;
        await signInToAdmin(admin, 'jb.admin', '/admin/assistance/studyaid');
        await expect.poll(async () => (await admin.getByTestId('studyaid-campaign-select').textContent()) ?? '').toContain('金秋助学');
        await admin.getByTestId('studyaid-amounts').waitFor();
        const row = admin.locator('.ant-table-row').filter({ has: admin.getByTestId('studyaid-row-child').filter({ hasText: '郑小雨' }) }).first();
        await row.waitFor();
        expect(await findLayoutProblems(admin)).toEqual([]);
        await saveScreenshot(admin, 'staff-studyaid-list-1366');
        await row.getByTestId('studyaid-open').click();
        const drawer = admin.getByTestId('studyaid-drawer');
        await drawer.getByTestId('studyaid-id').waitFor();
        expect(await drawer.getByTestId('studyaid-id').textContent()).toContain('********');
        await drawer.getByTestId('studyaid-reveal').click();
        await expect.poll(async () => (await drawer.getByTestId('studyaid-id').textContent()) ?? '').not.toContain('*');
        await drawer.getByTestId('studyaid-approve').click();
        await expect.poll(async () => (await drawer.getByTestId('studyaid-drawer-status').textContent()) ?? '').toContain('待发放');
        expect(await findTextProblems(admin, '#root')).toEqual([]);
        await saveScreenshot(admin, 'staff-studyaid-approved-1366');

        // Back on the phone: approved.
        await page.reload();
        await expect.poll(async () => (await page.getByTestId('studyaid-mine-status').first().textContent()) ?? '').toContain('已批准');
      });
    } finally {
      await desk.close();
    }
  });
});
