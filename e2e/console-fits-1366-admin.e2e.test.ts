import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi } from './support/api';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { listMenuPages, reportSweep, sweepPages } from './support/console-sweep';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

/**
 * UX.md: the console is designed for 1366×768. Every page of the platform admin's menu (and the
 * detail pages behind it) is checked (screenshots in test-results/sweep-admin-*.png; under CI only
 * pages with a problem): no horizontal overflow, no clipped button text, no column under a fixed one
 * or one character wide, forms that fit the window, the right menu item lit, no red error box.
 * The street admin's sweep and the English reading are files of their own, so that the e2e run's
 * workers share the three.
 */
describe.skipIf(!canRun)('the console at 1366×768 (platform admin)', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('fits every page for the platform admin', { timeout: 900_000 }, async () => {
    const { page } = journey.session;
    const api = await signInStaffApi(journey.server.baseURL, 'admin');
    const pick = async <T>(path: string) => (await api.get<{ items: T[] }>(path)).items[0] ?? null;
    const org = await pick<{ id: string }>('/orgs?q=观音桥&pageSize=1');
    const member = await pick<{ id: string }>('/members?pageSize=1');
    const position = await pick<{ id: string }>('/positions?q=红旗河沟&pageSize=1');
    const user = await pick<{ id: string }>('/users?q=gyq&pageSize=1');
    const shop = await pick<{ id: string }>('/fund-shops?pageSize=1');
    const card = await pick<{ id: string }>('/breakfast-cards?pageSize=1');
    await withScreenshotOnFailure(journey.session, 'console-fits-1366-admin', async () => {
      await signInToAdmin(page, 'admin');
      const menu = await listMenuPages(page);
      expect(menu.length).toBeGreaterThan(20);
      const details = [
        org && { path: `/orgs/${org.id}`, label: '组织架构' },
        member && { path: `/members/${member.id}`, label: '会员管理' },
        position && { path: `/positions/${position.id}`, label: '阵地列表' },
        position && { path: `/access/stations/${position.id}`, label: '门禁设备' },
        user && { path: `/users/${user.id}`, label: '用户与角色' },
        shop && { path: `/fund/shops/${shop.id}`, label: '商铺与规则' },
        card && { path: `/fund/cards/${card.id}`, label: '爱心早餐卡' },
      ].filter((d): d is { path: string; label: string } => Boolean(d));
      expect(details).toHaveLength(7);
      const results = await sweepPages(page, 'admin', [...menu, ...details, { path: '/sessions', label: '' }, { path: '/no-such-page', label: '' }]);
      // The unknown address is swept for its layout; its 404 is the page working, not an error.
      const notFound = results.find((r) => r.path === '/no-such-page');
      expect(notFound?.errors.join('')).toContain('页面不存在');
      expect(reportSweep(results.map((r) => (r === notFound ? { ...r, errors: [] } : r)))).toBe('');
      for (const r of results) expect(r.activeMenu ?? '', `menu item lit on ${r.path}`).toBe(r.label);
    });
  });
});
