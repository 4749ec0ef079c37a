import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { listMenuPages, reportSweep, sweepPages } from './support/console-sweep';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

/** UX.md at 1366×768 for a street admin (观音桥街道): every page the menu offers fits and none is an error. */
describe.skipIf(!canRun)('the console at 1366×768 (street admin)', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('fits every page a street admin is offered, none of them an error', { timeout: 600_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'console-fits-1366-street', async () => {
      await page.context().clearCookies();
      await signInToAdmin(page, 'gyq.admin');
      const menu = await listMenuPages(page);
      expect(menu.map((m) => m.path)).toContain('/fund/cards');
      const results = await sweepPages(page, 'gyq', menu);
      expect(reportSweep(results)).toBe('');
    });
  });
});
