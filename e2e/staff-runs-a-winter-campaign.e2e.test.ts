/// <reference lib="dom" />
import { idNumberCheckChar } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { freshPhone, signInOnPhone } from './support/market';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('冬送温暖: a street nominates, the district approves above the threshold with a second approver, hands it over, and the worker acknowledges on a 375 px phone', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('goes from nomination to 已签收', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const phone = freshPhone();
    const first17 = `1101011975${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}1${String(Math.floor(Math.random() * 1000)).padStart(4, '0')}`.slice(0, 17);
    const idNumber = first17 + idNumberCheckChar(first17);
    const [gyq, jb, jbAdmin] = await Promise.all([signInStaffApi(server.baseURL, 'gyq.admin'), signInStaffApi(server.baseURL, 'jb.staff'), signInStaffApi(server.baseURL, 'jb.admin')]);
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'staff-runs-a-winter-campaign', async () => {
        await page.goto('/m/assistance/benefits');
        await signInOnPhone(page, server, phone);
        // Arranged over the API: the worker joins a union of 观音桥, the district sets up the campaign and gives 观音桥 a share, 观音桥 nominates.
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        const union = (await gyq.get<{ items: { id: string; code: string }[] }>('/orgs?q=JB-GYQ-01&pageSize=5')).items.find((o) => o.code === 'JB-GYQ-01')!;
        const applied = await page.request.post('/api/v1/members/applications', { headers: { 'x-csrf-token': csrf }, data: { realName: '温暖测试员', idNumber, employmentForm: 'courier', orgId: union.id } });
        expect(applied.status()).toBe(201);
        const { membership } = (await applied.json()) as { membership: { id: string; version: number } };
        await gyq.send('POST', `/members/${membership.id}/approve`, { version: membership.version });
        const jbOrg = (await jb.get<{ scopeRoots: { id: string }[] }>('/auth/me')).scopeRoots[0]!;
        const gyqOrg = (await gyq.get<{ scopeRoots: { id: string }[] }>('/auth/me')).scopeRoots[0]!;
        const draft = await jb.send<{ id: string; version: number }>('POST', '/assistance/campaigns', {
          orgId: jbOrg.id,
          kind: 'winter',
          name: '端到端冬送温暖',
          startsOn: '2026-01-05',
          endsOn: '2026-02-10',
          budgetFen: 1_000_000,
          fundingSources: [{ source: '区总工会经费', amountFen: 1_000_000 }],
          benefits: [{ key: 'cash', kind: 'cash', name: '慰问金', amountFen: 50_000 }],
          secondApprovalFen: 10_000,
        });
        const campaign = await jb.send<{ id: string }>('POST', `/assistance/campaigns/${draft.id}/status`, { status: 'open', version: draft.version });
        await jb.send('POST', `/assistance/campaigns/${campaign.id}/allocations`, { orgId: gyqOrg.id, amountFen: 200_000 });
        const n = await gyq.send<{ id: string; status: string }>('POST', `/assistance/campaigns/${campaign.id}/nominations`, { membershipId: membership.id, benefitKey: 'cash' });
        expect(n.status).toBe('pending');

        // The district's staff approve in the console at 1366 × 768: 500 元 is above the 100 元 threshold.
        const admin = desk.page;
        await signInToAdmin(admin, 'jb.staff', `/admin/assistance/campaigns?campaign=${campaign.id}`);
        const detail = admin.getByTestId('campaign-detail');
        await detail.waitFor();
        await detail.getByTestId('nomination-approve').click();
        await expect.poll(async () => (await detail.textContent()) ?? '').toContain('待复核');
        // The same person cannot confirm: another one does.
        const tryOwn = await admin.request.post(`/api/v1/assistance/campaign-nominations/${n.id}/second`, {
          headers: { 'x-csrf-token': ((await (await admin.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken },
          data: { decision: 'approve', version: 2 },
        });
        expect(tryOwn.status()).toBe(409);
        const waiting = await jbAdmin.get<{ version: number }>(`/assistance/campaign-nominations/${n.id}`);
        await jbAdmin.send('POST', `/assistance/campaign-nominations/${n.id}/second`, { decision: 'approve', version: waiting.version });
        await admin.reload();
        await detail.waitFor();
        await detail.getByTestId('nomination-disburse').click();
        await admin.getByTestId('disburse-reference').fill('建行转账 E2E0001');
        await saveScreenshot(admin, 'staff-campaign-disburse-1366');
        await admin.locator('.ant-modal .ant-btn-primary').click();
        await expect.poll(async () => (await detail.textContent()) ?? '').toContain('待签收');
        expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

        // The worker sees it on the phone and confirms receipt.
        await page.goto('/m/assistance/benefits');
        await page.getByTestId('benefit-to-sign').waitFor();
        expect((await page.getByTestId('benefit-to-sign').textContent()) ?? '').toContain('¥500.00');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-benefit-to-sign-375');
        await page.getByTestId('benefit-confirm').click();
        await page.getByTestId('benefit-done').waitFor();
        expect((await page.getByTestId('benefit-done').textContent()) ?? '').toContain('已签收');
        const final = await jb.get<{ status: string; ackVia: string }>(`/assistance/campaign-nominations/${n.id}`);
        expect(final).toMatchObject({ status: 'acknowledged', ackVia: 'phone' });

        // The district raises 观音桥's share to 3,000 元 and extends the campaign; its benefits stay fixed while open.
        await detail.getByRole('tab', { name: '额度分配' }).click();
        // (The hidden 提名审批 pane also has a row naming 观音桥: the share's row reads "district ▸ street".)
        const share = detail.locator('tr', { hasText: '江北区总工会 ▸ 观音桥' });
        await share.waitFor();
        await saveScreenshot(admin, 'staff-campaign-shares-1366');
        await share.getByTestId('campaign-share-change').click();
        await admin.getByTestId('campaign-share-amount').fill('3000');
        await admin.locator('.ant-modal .ant-btn-primary').click();
        await expect.poll(async () => (await share.textContent()) ?? '').toContain('¥3,000.00');
        await admin.locator('.ant-drawer-close').click();
        await admin.locator('tr', { hasText: '端到端冬送温暖' }).getByTestId('campaign-edit').click();
        await admin.getByTestId('campaign-fixed-when-open').waitFor();
        await admin.getByTestId('campaign-name').fill('端到端冬送温暖（延长）');
        await saveScreenshot(admin, 'staff-campaign-edit-1366');
        await admin.locator('.ant-modal .ant-btn-primary').click();
        await admin.locator('tr', { hasText: '端到端冬送温暖（延长）' }).waitFor();
        const changed = await jb.get<{ name: string; allocations: { orgId: string; amountFen: number }[] }>(`/assistance/campaigns/${campaign.id}`);
        expect(changed.name).toBe('端到端冬送温暖（延长）');
        expect(changed.allocations.find((a) => a.orgId === gyqOrg.id)!.amountFen).toBe(300_000);
      });
    } finally {
      await desk.close();
    }
  });
});
