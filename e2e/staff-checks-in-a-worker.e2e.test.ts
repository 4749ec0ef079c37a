/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInOnPhone } from './support/market';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

/**
 * Issue 13 point 6: a worker signs up on a 375 px phone; at the door staff check them in at
 * /m/checkin/:event by the typed-code fallback (no camera in a headless browser); the console's
 * 文体活动 page then shows them checked in.
 */
describe.skipIf(!canRun)('staff check a worker in at the door', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('signs up on the phone, is checked in by the typed code, and shows as attended in the console', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    const admin = await signInStaffApi(journey.server.baseURL, 'jb.admin');
    const orgs = await admin.get<{ items: { id: string; code: string }[] }>('/orgs?type=district&pageSize=200');
    const jb = orgs.items.find((o) => o.code === 'JB')!;
    const hour = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    // Starts within the hour: check-in opens two hours before the start.
    const created = await admin.send<{ id: string; version: number }>('POST', '/events', {
      orgId: jb.id,
      type: 'training',
      title: '职工急救技能培训（签到）',
      visibility: 'public',
      address: '江北区职工服务中心培训室',
      startsAt: hour(0.5),
      endsAt: hour(3),
      signupOpensAt: hour(-1),
      signupClosesAt: hour(0.25),
      capacity: 20,
    });
    await admin.send('POST', `/events/${created.id}/publish`, { version: created.version });

    await withScreenshotOnFailure(journey.session, 'staff-checks-in-a-worker', async () => {
      await page.goto('/m/me');
      await page.getByRole('button', { name: '手机号登录' }).click();
      await signInOnPhone(page, journey.server, '13800000002');
      await page.waitForURL(/\/m\/me$/);

      await page.goto(`/m/events/${created.id}`);
      await page.getByTestId('event-sign-up').click();
      await expect.poll(async () => (await page.getByTestId('event-mine-status').textContent()) ?? '', { timeout: 10_000 }).toContain('已报名');
      await page.goto('/m/events/mine');
      const mine = page.getByTestId('my-registration').filter({ hasText: '职工急救技能培训（签到）' });
      await mine.waitFor();
      const ticket = (await mine.getByTestId('event-ticket-qr').getAttribute('data-ticket'))!;
      expect(ticket).toMatch(/^E1\./);

      // Staff at the door, on a phone: the typed-code fallback.
      await page.context().clearCookies();
      await signInToAdmin(page, 'jb.admin', `/admin/`);
      await page.goto(`/m/checkin/${created.id}`);
      await page.getByTestId('checkin-counts').waitFor();
      expect(await page.getByTestId('checkin-counts').textContent()).toContain('已签到 0');
      await page.getByTestId('checkin-code').locator('input').fill(ticket);
      await page.getByTestId('checkin-submit').click();
      await expect.poll(async () => (await page.getByTestId('checkin-result').first().textContent()) ?? '', { timeout: 10_000 }).toContain('已签到');
      await expect.poll(async () => (await page.getByTestId('checkin-counts').textContent()) ?? '', { timeout: 10_000 }).toContain('已签到 1');
      // Nothing waits on the device, and nothing sticks out of a 375 px screen.
      expect(await page.getByTestId('checkin-pending').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await saveScreenshot(page, 'staff-checkin-375');

      // The same ticket again: counted once.
      await page.getByTestId('checkin-code').locator('input').fill(ticket);
      await page.getByTestId('checkin-submit').click();
      await expect.poll(async () => (await page.getByTestId('checkin-result').first().textContent()) ?? '', { timeout: 10_000 }).toContain('已签到过');
      expect(await page.getByTestId('checkin-counts').textContent()).toContain('已签到 1');

      // The console's 文体活动 page shows them checked in.
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`/admin/events/${created.id}`);
      await page.getByRole('tab', { name: '报名名单' }).click();
      await page.getByTestId('registration-attended').first().waitFor();
      await page.getByRole('tab', { name: '签到与出勤' }).click();
      await expect.poll(async () => (await page.getByTestId('event-attendance').textContent()) ?? '', { timeout: 10_000 }).toMatch(/已签到（人次）\s*1/);
      await saveScreenshot(page, 'staff-event-attendance-1366');
    });
  });
});
