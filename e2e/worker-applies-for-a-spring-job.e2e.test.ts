/// <reference lib="dom" />
import { wgs84ToGcj02 } from '@niangjia/contracts/coords';
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, saveScreenshot, waitForQuietNetwork, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { findLayoutProblems } from './support/layout-checks';
import { freshPhone, signInOnPhone } from './support/market';
import { findChineseChrome, findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();
// antd's InputNumber puts the test id on its <input> (or on its wrapper in other versions).
const numberInput = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`;
// Where the worker stands (WGS-84, as the phone reports it): the job is posted at this very place.
const HERE = { longitude: 106.52213, latitude: 29.57321 };

describe.skipIf(!canRun)('春送岗位: the street union posts a job at 1366 px, a worker finds it nearest on a 375 px phone and applies, the union hires', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true, geolocation: HERE });

  it('posts, opens, applies once, marks 录用 and the job is filled; the worker sees 已录用', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const title = `柜员助理E2E${Math.floor(Math.random() * 1e6)}`;
    const [gLng, gLat] = wgs84ToGcj02(HERE.longitude, HERE.latitude);
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'worker-applies-for-a-spring-job', async () => {
        // 观音桥's admin posts for 建设银行江北支行 (a grassroots union of the street), with the place from a Chinese map (GCJ-02).
        const admin = desk.page;
        await signInToAdmin(admin, 'gyq.admin', '/admin/assistance/jobs');
        await admin.getByTestId('jobs-table').waitFor();
        await admin.getByTestId('jobs-new').click();
        const form = admin.getByTestId('jobs-form');
        await form.waitFor();
        await form.getByTestId('jobs-form-org').click();
        await admin.keyboard.type('建设银行');
        await admin.locator('.ant-select-item-option', { hasText: '中国建设银行重庆江北支行工会' }).click();
        await expect.poll(async () => (await form.getByTestId('jobs-form-org').textContent()) ?? '').toContain('中国建设银行重庆江北支行工会');
        await form.getByTestId('jobs-form-title').fill(title);
        await form.locator(numberInput('jobs-form-paymin')).fill('4500');
        await form.locator(numberInput('jobs-form-paymax')).fill('6500');
        await form.locator(numberInput('jobs-form-headcount')).fill('1');
        await form.getByTestId('jobs-form-address').fill('重庆市江北区建新北路 1 号');
        await form.locator(numberInput('jobs-form-lng')).fill(gLng.toFixed(6));
        await form.locator(numberInput('jobs-form-lat')).fill(gLat.toFixed(6));
        // The coming job fair (an event of the district union, from the demo).
        await form.getByTestId('jobs-form-fair').click();
        await admin.keyboard.type('新就业形态');
        await admin.locator('.ant-select-item-option', { hasText: '新就业形态劳动者专场招聘会' }).waitFor();
        await admin.keyboard.press('Enter');
        await expect.poll(async () => (await form.getByTestId('jobs-form-fair').textContent()) ?? '').toContain('新就业形态劳动者专场招聘会');
        await saveScreenshot(admin, 'staff-spring-job-form-1366');
        // The modal fits 768 px of height.
        const footer = await admin.locator('.ant-modal-footer').boundingBox();
        expect(footer!.y + footer!.height).toBeLessThanOrEqual(768);
        await admin.locator('.ant-modal-footer .ant-btn-primary').click();
        await form.waitFor({ state: 'detached' });
        const row = admin.locator('.ant-table-row', { hasText: title });
        await row.waitFor();
        await row.getByTestId('jobs-open').click();
        await expect.poll(async () => (await row.textContent()) ?? '').toContain('招聘中');
        await saveScreenshot(admin, 'staff-spring-jobs-1366');
        expect(await findLayoutProblems(admin)).toEqual([]);
        expect(await findTextProblems(admin, '#root')).toEqual([]);

        // The worker, on the phone: nearest first from where they stand; the job is first, 0 m away.
        await page.goto('/m/services');
        await page.getByTestId('service-jobs').click();
        await signInOnPhone(page, server, freshPhone());
        await page.waitForURL(/\/m\/jobs/);
        await page.getByTestId('jobs-list').waitFor();
        await page.getByTestId('jobs-nearest').click();
        const first = page.getByTestId('jobs-item').first();
        await expect.poll(async () => (await first.textContent()) ?? '').toMatch(new RegExp(`^${title}.*· [0-9] 米$`));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        expect(await findTextProblems(page, '#root')).toEqual([]);
        await saveScreenshot(page, 'worker-spring-jobs-375');
        await first.click();
        await page.getByTestId('job-detail').waitFor();
        expect(await page.getByTestId('job-title').textContent()).toBe(title);
        expect(await page.getByTestId('job-pay').textContent()).toContain('¥4,500–¥6,500/月');
        expect(await page.getByTestId('job-fair').textContent()).toContain('新就业形态劳动者专场招聘会');
        await page.getByTestId('job-apply').click();
        await page.getByTestId('job-note').locator('textarea').fill('在银行做过两年大堂引导，可随时上岗');
        await saveScreenshot(page, 'worker-spring-job-apply-375');
        await page.getByTestId('job-send').click();
        await expect.poll(async () => (await page.getByTestId('job-applied').textContent()) ?? '').toContain('已投递');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        // Once only: the server says so even if the button were pressed again.
        const jobId = page.url().split('/').pop()!;
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        const again = await page.request.post(`/api/v1/assistance/jobs/open/${jobId}/apply`, { headers: { 'x-csrf-token': csrf }, data: { note: '' } });
        expect(again.status()).toBe(409);
        expect(((await again.json()) as { title: string }).title).toContain('已投递过该岗位');

        // The union marks 录用: one place, so the job is filled.
        await admin.reload();
        await row.waitFor();
        await row.getByTestId('jobs-applications').click();
        const applications = admin.getByTestId('jobs-applications-table');
        await applications.locator('.ant-table-row').first().waitFor();
        expect(await applications.textContent()).toMatch(/1[3-9]\d\*\*\*\*\d{4}/);
        await applications.getByTestId('jobs-mark-hired').first().click();
        await expect.poll(async () => (await applications.getByTestId('jobs-application-status').first().textContent()) ?? '').toContain('已录用');
        await expect.poll(async () => (await admin.getByTestId('jobs-drawer-status').textContent()) ?? '').toContain('已招满');
        await saveScreenshot(admin, 'staff-spring-job-hired-1366');

        // The worker sees it in 我的求职, and was told.
        await page.goto('/m/jobs/mine');
        const mine = page.getByTestId('jobs-mine-item').filter({ hasText: title });
        await expect.poll(async () => (await mine.getByTestId('jobs-mine-status').textContent()) ?? '').toContain('已录用');
        const inbox = (await (await page.request.get('/api/v1/me/notifications?pageSize=20')).json()) as { items: { kind: string; body: string }[] };
        expect(inbox.items.some((n) => n.kind === 'jobs.application' && n.body.includes('已录用'))).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-spring-jobs-mine-375');

        // The same pages in English: no key or code, and the interface's own words in English.
        await page.evaluate(() => localStorage.setItem('niangjia.language', 'en'));
        for (const path of ['/m/jobs', `/m/jobs/${jobId}`, '/m/jobs/mine']) {
          await page.goto(path);
          await waitForQuietNetwork(page);
          await page.waitForTimeout(500);
          const words = [...(await findTextProblems(page, '#root')), ...(await findChineseChrome(page, '#root')).map((w) => `Chinese in English: “${w}”`)];
          if (words.length) await saveScreenshot(page, `worker-spring-jobs-en${path.replace(/\W+/g, '_')}`);
          expect(words, `English words on ${path}`).toEqual([]);
        }
        await page.evaluate(() => localStorage.removeItem('niangjia.language'));
      });
    } finally {
      await desk.close();
    }
  });
});
