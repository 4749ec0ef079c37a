/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInOnPhone } from './support/market';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('a single worker takes part in a matchmaking event on a 375 px phone', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('signs up, is checked in, opts in with a profile, browses, and withdraws', { timeout: 120_000 }, async () => {
    const { page } = journey.session;
    // The district's 江北良缘 event starts within the hour (check-in is open).
    const admin = await signInStaffApi(journey.server.baseURL, 'jb.admin');
    const orgs = await admin.get<{ items: { id: string; code: string }[] }>('/orgs?type=district&pageSize=200');
    const jb = orgs.items.find((o) => o.code === 'JB')!;
    const hour = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const created = await admin.send<{ id: string; version: number }>('POST', '/events', {
      orgId: jb.id,
      type: 'matchmaking',
      title: '江北良缘交友会（端到端）',
      visibility: 'public',
      address: '江北区职工服务中心二楼多功能厅',
      startsAt: hour(1),
      endsAt: hour(4),
      signupOpensAt: hour(-1),
      signupClosesAt: hour(0.5),
      capacity: 20,
    });
    await admin.send('POST', `/events/${created.id}/publish`, { version: created.version });

    await withScreenshotOnFailure(journey.session, 'worker-matchmaking-opts-in', async () => {
      await page.goto('/m/me');
      await page.getByRole('button', { name: '手机号登录' }).click();
      await signInOnPhone(page, journey.server, '13800000002');
      await page.waitForURL(/\/m\/me$/);

      await page.goto(`/m/events/${created.id}`);
      await page.getByTestId('event-sign-up').click();
      await expect.poll(async () => (await page.getByTestId('event-mine-status').textContent()) ?? '', { timeout: 10_000 }).toContain('已报名');

      // Staff scan the ticket at the door.
      await page.goto('/m/events/mine');
      const mine = page.getByTestId('my-registration').filter({ hasText: '江北良缘交友会（端到端）' });
      await mine.waitFor();
      const ticket = await mine.getByTestId('event-ticket-qr').getAttribute('data-ticket');
      const scanned = await admin.send<{ items: { outcome: string }[] }>('POST', `/events/${created.id}/checkins`, { items: [{ clientId: `e2e-mm-${Date.now()}`, code: ticket }] });
      expect(scanned.items[0]!.outcome).toBe('recorded');

      await mine.getByTestId('event-matchmaking').click();
      await page.waitForURL(new RegExp(`/m/matchmaking/${created.id}$`));
      await expect.poll(async () => (await page.getByTestId('mm-header').textContent()) ?? '').toContain('只给本场已签到的其他参与者看');
      await page.getByTestId('mm-nickname').locator('input').fill('观音桥小太阳');
      await page.getByText('25-29', { exact: true }).click();
      await page.getByTestId('mm-intro').locator('textarea').fill('喜欢烘焙和爬山。');
      await page.getByTestId('mm-save').click();
      // Saved: the page moves on to the participants (nobody else has checked in yet).
      await page.getByText('还没有其他已签到的参与者').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await saveScreenshot(page, 'worker-matchmaking-375');

      // Staff see counts only (and no pick total while picks are open).
      const counts = await admin.get<{ profiles: number; participants: number; picks: number | null }>(`/events/${created.id}/matchmaking`);
      expect(counts).toMatchObject({ profiles: 1, participants: 1, picks: null });

      await page.getByRole('tab', { name: '我的资料' }).click();
      await page.getByTestId('mm-withdraw').click();
      await page.getByRole('button', { name: '确定' }).click();
      await expect.poll(async () => (await admin.get<{ profiles: number }>(`/events/${created.id}/matchmaking`)).profiles, { timeout: 10_000 }).toBe(0);
    });
  });
});
