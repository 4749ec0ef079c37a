/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

type Detail = { tournament: { id: string; version: number }; matches: { id: string; status: string; round: number }[] };

/**
 * Issue 13 point 7: a tournament from team registration to a champion. Unions' teams are entered
 * and drawn through the API; staff at the courts enter every score on a 375 px phone
 * (/m/tournament/:id, big +/− buttons), winners move on by themselves, the final names the
 * champion, and the big screen /screen/tournament/:id shows it.
 */
describe.skipIf(!canRun)('staff run a tournament on the phone', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('enters the scores of a four-team knockout on a phone and sees the champion on the big screen', { timeout: 180_000 }, async () => {
    const { page } = journey.session;
    const admin = await signInStaffApi(journey.server.baseURL, 'jb.admin');
    const orgs = await admin.get<{ items: { id: string; code: string }[] }>('/orgs?type=district&pageSize=200');
    const jb = orgs.items.find((o) => o.code === 'JB')!;
    const hour = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const event = await admin.send<{ id: string; version: number }>('POST', '/events', {
      orgId: jb.id,
      type: 'sport',
      title: '江北区职工三人篮球友谊赛',
      address: '江北区体育馆',
      startsAt: hour(24),
      endsAt: hour(30),
      signupOpensAt: hour(-1),
      signupClosesAt: hour(12),
      capacity: 40,
    });
    // Published: a public screen shows only a published event's tournament.
    await admin.send('POST', `/events/${event.id}/publish`, { version: event.version });
    const created = await admin.send<Detail>('POST', '/tournaments', {
      eventId: event.id,
      title: '三人篮球友谊赛',
      format: 'single_elimination',
      courts: ['1号场', '2号场'],
      firstSlotAt: hour(24),
      rosterMin: 2,
      rosterMax: 3,
    });
    const members = await admin.get<{ items: { id: string; org: { id: string; name: string } }[] }>('/members?status=active&pageSize=200');
    const byUnion = new Map<string, string[]>();
    for (const m of members.items) byUnion.set(m.org.id, [...(byUnion.get(m.org.id) ?? []), m.id]);
    const unions = [...byUnion].filter(([, ids]) => ids.length >= 2).slice(0, 4);
    expect(unions).toHaveLength(4);
    const names = ['猛虎队', '雄鹰队', '<b>闪电</b>队', '江北之星'];
    for (const [i, [unionOrgId, ids]] of unions.entries()) {
      await admin.send('POST', `/tournaments/${created.tournament.id}/teams`, { unionOrgId, name: names[i], membershipIds: ids.slice(0, 2) });
    }
    await admin.send('POST', `/tournaments/${created.tournament.id}/draw`, { version: created.tournament.version });

    await withScreenshotOnFailure(journey.session, 'staff-runs-a-tournament', async () => {
      await signInToAdmin(page, 'jb.admin', '/admin/');
      await page.goto(`/m/tournament/${created.tournament.id}`);
      // Two semi-finals, then the final once both are in.
      for (let played = 0; played < 3; played++) {
        const match = page.getByTestId('tournament-match').first();
        await match.waitFor();
        await match.click();
        // A 3-a-side score: home to 21 by typing, away by the big buttons.
        await page.getByTestId('score-home').fill('21');
        for (let i = 0; i < 3 + played; i++) await page.getByRole('button', { name: '加 1 分' }).last().click();
        expect(await page.getByTestId('score-away').inputValue()).toBe(String(3 + played));
        if (played === 0) {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
          await saveScreenshot(page, 'tournament-score-pad-375');
        }
        await page.getByTestId('save-score').click();
        await page.getByTestId('save-score').waitFor({ state: 'detached' });
      }
      await expect.poll(async () => (await page.getByTestId('tournament-champion').textContent()) ?? '', { timeout: 10_000 }).toContain('冠军');
      const champion = (await page.getByTestId('tournament-champion').textContent())!.replace(/^冠军：/, '');
      expect(names).toContain(champion);

      const final = await admin.get<Detail>(`/tournaments/${created.tournament.id}`);
      expect(final.matches.every((m) => m.status === 'played')).toBe(true);

      // The big screen: the bracket with the champion; a team name with markup stays text.
      await page.goto(`/screen/tournament/${created.tournament.id}`);
      await page.getByTestId('tournament-bracket').waitFor();
      await expect.poll(async () => (await page.locator('.tn-bracket-panel h2').textContent()) ?? '', { timeout: 15_000 }).toContain(champion);
      expect(await page.getByTestId('tournament-bracket').textContent()).toContain('<b>闪电</b>队');
      expect(await page.locator('.tn-bracket b').count()).toBe(0);
    });
  });
});
