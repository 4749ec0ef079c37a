/// <reference lib="dom" />
import { idNumberCheckChar } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, openBrowser, saveScreenshot, waitForQuietNetwork, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { freshPhone, signInOnPhone } from './support/market';
import { findChineseChrome, findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('合理化建议: a member makes a suggestion on a 375 px phone, the district adopts it at 1366 px, the worker reads the note', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('goes from the phone to 已采纳 with the benefit, and what the worker typed stays text', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const tag = Date.now().toString(36);
    const title = `<img src=x onerror="window.__pwned=1">分拣线加导流挡板 ${tag}`;
    const staffApi = await signInStaffApi(server.baseURL, 'jb.admin');
    const orgs = await staffApi.get<{ items: { id: string; name: string }[] }>(`/orgs?q=${encodeURIComponent('观音桥街道片区联合工会')}&pageSize=5`);
    const union = orgs.items.find((o) => o.name === '观音桥街道片区联合工会')!;
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'worker-makes-a-suggestion', async () => {
        await page.goto('/m/suggestions');
        await signInOnPhone(page, server, freshPhone());
        await page.waitForURL(/\/m\/suggestions/);
        // Not a member: asked to join first. Arranged over HTTP: the worker applies to 观音桥's joint union and the district approves.
        await page.getByTestId('suggest-join').waitFor();
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        const first17 = `50010519880615${String(Math.floor(Math.random() * 90) + 10)}3`;
        const res = await page.request.post('/api/v1/members/applications', {
          headers: { 'x-csrf-token': csrf },
          data: { realName: '吴建议', idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'courier', orgId: union.id },
        });
        expect(res.status()).toBe(201);
        const applied = (await res.json()) as { membership: { id: string; version: number } };
        await staffApi.send('POST', `/members/${applied.membership.id}/approve`, { version: applied.membership.version });
        await page.reload();
        await expect.poll(async () => (await page.getByTestId('suggest-to').textContent()) ?? '').toContain('观音桥街道片区联合工会');
        // Sending without a category is stopped on the phone.
        await page.getByTestId('suggest-submit').click();
        await page.getByText('请选择类别').waitFor();
        await page.getByTestId('suggest-category').getByText('工艺改进').click();
        await page.getByTestId('suggest-title').locator('input').fill(title);
        await page.getByTestId('suggest-body').locator('textarea').fill('现状：包裹在转弯处卡滞，每班停线十几次。建议：加两块导流挡板。');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-suggestion-form-375');
        await page.getByTestId('suggest-submit').click();
        const mine = page.getByTestId('suggest-mine').filter({ hasText: tag });
        await mine.waitFor();
        expect(await mine.getByTestId('suggest-mine-title').textContent()).toBe(title);
        expect(await mine.getByTestId('suggest-mine-status').textContent()).toContain('待受理');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await findTextProblems(page, '#root')).toEqual([]);

        // The district's admin finds it, forwards it and adopts it with the benefit and reward.
        const admin = desk.page;
        await signInToAdmin(admin, 'jb.admin', '/admin/voice/suggestions');
        await admin.getByTestId('suggestion-search').locator('input').fill(tag);
        await admin.getByTestId('suggestion-search').locator('input').press('Enter');
        const row = admin.locator('tr', { has: admin.getByTestId('suggestion-title').filter({ hasText: tag }) });
        await row.getByRole('button', { name: '详情' }).click();
        expect(await admin.getByTestId('suggestion-detail-title').textContent()).toBe(title);
        await admin.getByTestId('suggestion-forward').click();
        await admin.getByTestId('suggestion-step-save').click();
        await admin.getByText('请填写转交的企业或部门').waitFor();
        await admin.getByTestId('suggestion-forwarded-to').fill('顺丰分拨中心生产部');
        await admin.getByTestId('suggestion-step-save').click();
        await expect.poll(async () => (await admin.locator('.ant-drawer').getByTestId('suggestion-status').textContent()) ?? '').toContain('已转企业');
        await admin.getByTestId('suggestion-adopt').click();
        await admin.locator('[data-testid="suggestion-benefit"] input, input[data-testid="suggestion-benefit"]').fill('12500');
        await admin.locator('[data-testid="suggestion-reward"] input, input[data-testid="suggestion-reward"]').fill('500');
        await admin.getByTestId('suggestion-note').fill('已在二号线试行，停线明显减少');
        await admin.getByTestId('suggestion-step-save').click();
        await expect.poll(async () => (await admin.locator('.ant-drawer').getByTestId('suggestion-status').textContent()) ?? '').toContain('已采纳');
        expect(await admin.locator('.ant-drawer').textContent()).toContain('¥12,500.00');
        expect(await admin.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
        await saveScreenshot(admin, 'staff-suggestion-adopted-1366');
        await admin.keyboard.press('Escape');
        await admin.getByRole('tab', { name: '统计' }).click();
        await admin.getByTestId('suggestion-figure-adopted').waitFor();
        await saveScreenshot(admin, 'staff-suggestion-figures-1366');

        // The worker reads every step and the note.
        await page.reload();
        const adopted = page.getByTestId('suggest-mine').filter({ hasText: tag });
        await expect.poll(async () => (await adopted.getByTestId('suggest-mine-status').textContent()) ?? '').toContain('已采纳');
        const text = (await adopted.textContent()) ?? '';
        expect(text).toContain('已在二号线试行');
        expect(text).toContain('顺丰分拨中心生产部');
        expect(text).toContain('¥12,500.00');
        await saveScreenshot(page, 'worker-suggestion-adopted-375');
        await page.evaluate(() => localStorage.setItem('niangjia.language', 'en'));
        await page.reload();
        await waitForQuietNetwork(page);
        await page.getByTestId('suggest-mine').first().waitFor();
        const words = [...(await findTextProblems(page, '#root')), ...(await findChineseChrome(page, '#root')).map((w) => `Chinese in English: “${w}”`)];
        expect(words).toEqual([]);
        await page.evaluate(() => localStorage.removeItem('niangjia.language'));
      });
    } finally {
      await desk.close();
    }
  });
});
