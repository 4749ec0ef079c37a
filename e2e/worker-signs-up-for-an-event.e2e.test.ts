/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInOnPhone } from './support/market';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('a member signs up for an activity on a 375 px phone', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('finds the event, signs up, and sees the QR ticket under 我的报名', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    // The district publishes an event open to every member (arranged over the API).
    const admin = await signInStaffApi(journey.server.baseURL, 'jb.admin');
    const orgs = await admin.get<{ items: { id: string; code: string }[] }>('/orgs?type=district&pageSize=200');
    const jb = orgs.items.find((o) => o.code === 'JB')!;
    const hour = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const created = await admin.send<{ id: string; version: number }>('POST', '/events', {
      orgId: jb.id,
      type: 'culture',
      title: '职工书法体验课（端到端）',
      visibility: 'public',
      address: '江北区职工服务中心书画室',
      startsAt: hour(72),
      endsAt: hour(74),
      signupOpensAt: hour(-1),
      signupClosesAt: hour(48),
      capacity: 20,
    });
    await admin.send('POST', `/events/${created.id}/publish`, { version: created.version });

    await withScreenshotOnFailure(journey.session, 'worker-signs-up-for-an-event', async () => {
      await page.goto('/m/me');
      await page.getByRole('button', { name: '手机号登录' }).click();
      await signInOnPhone(page, journey.server, '13800000002');
      await page.waitForURL(/\/m\/me$/);

      await page.goto('/m/');
      await page.getByText('文体活动').first().click();
      await page.waitForURL(/\/m\/events$/);
      await page.getByText('职工书法体验课（端到端）').click();
      await page.waitForURL(new RegExp(`/m/events/${created.id}$`));
      await page.getByTestId('event-sign-up').click();
      await expect.poll(async () => (await page.getByTestId('event-mine-status').textContent()) ?? '', { timeout: 10_000 }).toContain('已报名');

      await page.goto('/m/events/mine');
      const mine = page.getByTestId('my-registration').filter({ hasText: '职工书法体验课（端到端）' });
      await mine.waitFor();
      const ticket = await mine.getByTestId('event-ticket-qr').getAttribute('data-ticket');
      expect(ticket).toMatch(/^E1\.[\w-]{22}\.[\w-]{22}$/);
      // Nothing sticks out of a 375 px screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await saveScreenshot(page, 'worker-event-ticket-375');
    });
  });
});
