/// <reference lib="dom" />
import fs from 'node:fs';
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

describe.skipIf(!canRun)('志愿服务: a worker joins a team and signs up on a 375 px phone, 观音桥’s staff confirm hours at 1366 px, the worker sees them and downloads the certificate', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('applies to 观音桥’s team, is approved, signs up and cancels, is credited 2.5 hours of an activity that ended, and downloads the PDF', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const phone = freshPhone();
    const tag = Date.now().toString(36).slice(-4);
    const name = `志愿者${tag}`;
    const staffApi = await signInStaffApi(server.baseURL, 'jb.admin');
    const orgs = await staffApi.get<{ items: { id: string; name: string }[] }>(`/orgs?q=${encodeURIComponent('观音桥街道片区联合工会')}&pageSize=5`);
    const union = orgs.items.find((o) => o.name === '观音桥街道片区联合工会')!;
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'worker-volunteers', async () => {
        await page.goto('/m/services');
        await page.getByTestId('service-volunteer').click();
        await signInOnPhone(page, server, phone);
        await page.waitForURL(/\/m\/volunteer/);
        await page.getByTestId('volunteer-not-member').waitFor();
        // Arranged over HTTP: the worker joins 观音桥's joint union and the district approves.
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        const first17 = `50010519880512${String(Math.floor(Math.random() * 90) + 10)}1`;
        const res = await page.request.post('/api/v1/members/applications', { headers: { 'x-csrf-token': csrf }, data: { realName: name, idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'delivery_rider', orgId: union.id } });
        expect(res.status()).toBe(201);
        const applied = (await res.json()) as { membership: { id: string; version: number } };
        await staffApi.send('POST', `/members/${applied.membership.id}/approve`, { version: applied.membership.version });
        await page.reload();

        // 申请加入 观音桥's street team (not 五里店's: a sibling street's teams are not offered).
        const team = page.getByTestId('volunteer-team').filter({ hasText: '观音桥街道职工志愿服务队' });
        await team.waitFor();
        expect(await page.getByTestId('volunteer-team').filter({ hasText: '五里店' }).count()).toBe(0);
        await team.getByTestId('volunteer-team-join').click();
        await expect.poll(async () => (await team.getByTestId('volunteer-team-status').textContent()) ?? '').toContain('待审核');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        expect(await findTextProblems(page, '#root')).toEqual([]);
        await saveScreenshot(page, 'worker-volunteer-applied-375');

        // 观音桥's staff approve the application in the team's drawer.
        const admin = desk.page;
        await signInToAdmin(admin, 'gyq.admin', '/admin/honours/volunteers');
        const teamRow = admin.locator('.ant-table-row').filter({ has: admin.getByTestId('volunteer-team-name').filter({ hasText: '观音桥街道职工志愿服务队' }) });
        await teamRow.waitFor();
        await teamRow.getByTestId('volunteer-team-open').click();
        const memberRow = admin.locator('.ant-drawer .ant-table-row').filter({ has: admin.getByTestId('volunteer-member-name').filter({ hasText: name }) });
        await memberRow.waitFor();
        await memberRow.getByTestId('volunteer-approve').click();
        await expect.poll(async () => (await memberRow.textContent()) ?? '').toContain('在队');
        expect(await findLayoutProblems(admin)).toEqual([]);
        await saveScreenshot(admin, 'staff-volunteer-team-1366');
        await admin.keyboard.press('Escape');

        // The phone: the team's activity ahead; sign up, cancel, sign up again.
        await page.reload();
        await expect.poll(async () => (await team.getByTestId('volunteer-team-status').textContent()) ?? '').toContain('已加入');
        const activity = page.getByTestId('volunteer-activity').first();
        await activity.getByTestId('volunteer-sign-up').click();
        await page.locator('.adm-dialog').getByRole('button', { name: '报名' }).click();
        await activity.getByTestId('volunteer-signed-up').waitFor();
        await activity.getByTestId('volunteer-cancel').click();
        await page.locator('.adm-dialog').getByRole('button', { name: '取消报名' }).click();
        await activity.getByTestId('volunteer-sign-up').waitFor();
        await activity.getByTestId('volunteer-sign-up').click();
        await page.locator('.adm-dialog').getByRole('button', { name: '报名' }).click();
        await activity.getByTestId('volunteer-signed-up').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-volunteer-signed-up-375');
        const signedUpTitle = ((await activity.getByTestId('volunteer-activity-title').textContent()) ?? '').trim();
        expect(signedUpTitle).not.toBe('');

        // The staff: the activity of 观音桥's team that ended this week waits for its hours; the worker came
        // without signing up (补录), served 2.5 hours; the others keep the full length.
        await admin.getByRole('tab', { name: '志愿活动' }).click();
        await admin.getByTestId('volunteer-state-filter').click();
        await admin.locator('.ant-select-item-option').filter({ hasText: '待确认时长' }).click();
        const ended = admin.locator('.ant-table-row').filter({ hasText: '待确认时长' }).filter({ has: admin.getByTestId('volunteer-activity-open') }).first();
        await ended.waitFor();
        await ended.getByTestId('volunteer-activity-open').click();
        const drawer = admin.locator('.ant-drawer');
        await drawer.getByTestId('volunteer-walk-in').click();
        await admin.locator('.ant-select-item-option').filter({ hasText: name }).click();
        await drawer.getByTestId('volunteer-walk-in-add').click();
        const participant = drawer.locator('.ant-table-row').filter({ has: admin.getByTestId('volunteer-participant-name').filter({ hasText: name }) });
        await participant.waitFor();
        const input = participant.locator('input.ant-input-number-input');
        await input.fill('2.5');
        await input.blur();
        await drawer.getByTestId('volunteer-hours-save').click();
        await expect.poll(async () => (await drawer.getByTestId('volunteer-activity-state').textContent()) ?? '').toContain('已确认');
        // The header button settles after its spinner's exit animation: the layout is read once it has.
        await expect.poll(async () => findLayoutProblems(admin)).toEqual([]);
        expect(await findTextProblems(admin, '#root')).toEqual([]);
        await saveScreenshot(admin, 'staff-volunteer-hours-1366');

        // The worker: 2.5 hours, and the certificate as a PDF.
        await page.reload();
        await expect.poll(async () => (await page.getByTestId('volunteer-hours-total').textContent()) ?? '').toContain('2.5');
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('volunteer-certificate').click()]);
        expect(download.suggestedFilename()).toMatch(/志愿服务证明\.pdf$/);
        const file = await download.path();
        expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
        await saveScreenshot(page, 'worker-volunteer-hours-375');

        // The staff cancel the activity the worker signed up for, with a reason; the phone shows 已取消 and why.
        await admin.keyboard.press('Escape');
        await admin.locator('.ant-drawer').waitFor({ state: 'hidden' });
        await admin.getByTestId('volunteer-state-filter').click();
        await admin.locator('.ant-select-item-option').filter({ hasText: '报名中' }).click();
        const upcoming = admin.locator('.ant-table-row').filter({ has: admin.getByTestId('volunteer-activity-title').filter({ hasText: signedUpTitle }) }).first();
        await upcoming.waitFor();
        // 编辑 opens with the activity's values; the headcount says it cannot drop below those signed up.
        await upcoming.getByTestId('volunteer-activity-edit').click();
        const editModal = admin.locator('.ant-modal').filter({ has: admin.getByTestId('volunteer-activity-edit-title') });
        expect(await editModal.getByTestId('volunteer-activity-edit-title').inputValue()).toBe(signedUpTitle);
        await editModal.getByText('不能少于已报名的').waitFor();
        expect(await findLayoutProblems(admin)).toEqual([]);
        await saveScreenshot(admin, 'staff-volunteer-edit-1366');
        await editModal.getByRole('button', { name: /取\s*消/ }).click();
        await editModal.waitFor({ state: 'hidden' });
        await upcoming.getByTestId('volunteer-activity-cancel').click();
        const cancelModal = admin.locator('.ant-modal').filter({ has: admin.getByTestId('volunteer-cancel-reason') });
        await cancelModal.getByTestId('volunteer-cancel-reason').fill('暴雨橙色预警，户外活动暂停');
        expect(await findLayoutProblems(admin)).toEqual([]);
        await saveScreenshot(admin, 'staff-volunteer-cancel-1366');
        await cancelModal.getByTestId('volunteer-cancel-ok').click();
        await cancelModal.waitFor({ state: 'hidden' });
        await page.reload();
        const cancelled = page.getByTestId('volunteer-activity').filter({ has: page.getByTestId('volunteer-activity-title').filter({ hasText: signedUpTitle }) });
        await expect.poll(async () => (await cancelled.getByTestId('volunteer-activity-state').textContent()) ?? '').toContain('已取消');
        expect(await cancelled.getByTestId('volunteer-cancel-reason').textContent()).toContain('暴雨橙色预警，户外活动暂停');
        expect(await cancelled.getByTestId('volunteer-sign-up').count()).toBe(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-volunteer-cancelled-375');
        // …and the message arrived.
        await page.goto('/m/me/messages');
        await expect.poll(async () => (await page.locator('#root').textContent()) ?? '').toContain('志愿活动已取消');

        // 我的荣誉: this worker has none — a friendly empty state, not an error.
        await page.goto('/m/me');
        await page.getByTestId('me-honours').click();
        await page.waitForURL(/\/m\/me\/honours/);
        await page.getByTestId('my-honours-empty').waitFor();
        expect(await findTextProblems(page, '#root')).toEqual([]);
        await saveScreenshot(page, 'worker-honours-empty-375');
        await page.goto('/m/volunteer');

        // The same page in English: no key or code, and the interface's own words in English.
        await page.evaluate(() => localStorage.setItem('niangjia.language', 'en'));
        await page.reload();
        await waitForQuietNetwork(page);
        await page.getByTestId('volunteer-hours-total').waitFor();
        const words = [...(await findTextProblems(page, '#root')), ...(await findChineseChrome(page, '#root')).map((w) => `Chinese in English: “${w}”`)];
        if (words.length) await saveScreenshot(page, 'worker-volunteer-en-375');
        expect(words).toEqual([]);
        await page.evaluate(() => localStorage.removeItem('niangjia.language'));
      });
    } finally {
      await desk.close();
    }
  });
});

describe.skipIf(!canRun)('我的荣誉: the demo member sees their own honour and the care recorded on a 375 px phone', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('opens 我的 ▸ 我的荣誉 and shows the district 先进工作者 honour with the spring visit', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-honours', async () => {
      await page.goto('/m/me/honours');
      await signInOnPhone(page, journey.server, '13800000002');
      await page.waitForURL(/\/m\/me\/honours/);
      const honour = page.getByTestId('my-honour').first();
      await honour.waitFor();
      expect(await honour.textContent()).toContain('先进工作者');
      expect(await honour.textContent()).toContain('重庆市江北区人民政府');
      expect(await page.getByTestId('my-honour-care').first().textContent()).toContain('走访慰问');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await findTextProblems(page, '#root')).toEqual([]);
      await saveScreenshot(page, 'worker-honours-375');
      // Reached from 我的.
      await page.goto('/m/me');
      await page.getByTestId('me-honours').click();
      await page.waitForURL(/\/m\/me\/honours/);
      await page.getByTestId('my-honour').first().waitFor();
    });
  });
});
