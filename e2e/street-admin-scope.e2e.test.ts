import { request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, signInToAdmin } from './support/admin';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

/** The id of 五里店街道's union, looked up as the district admin (who may see it). */
async function findWuliDianId(baseURL: string): Promise<string> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { login: 'jb.admin', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const res = await api.get('/api/v1/orgs', { params: { q: '五里店', type: 'street', pageSize: 5 } });
    const body = (await res.json()) as { items: { id: string; name: string }[] };
    const org = body.items.find((o) => o.name.includes('五里店'));
    if (!org) throw new Error(`五里店 street union not in the demo data: ${JSON.stringify(body)}`);
    return org.id;
  } finally {
    await api.dispose();
  }
}

describe.skipIf(!canRun)('a street admin sees only their own subtree', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });

  it('cannot see 五里店街道 in the tree and gets a not-found page at its URL', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    const wuliDianId = await findWuliDianId(journey.server.baseURL);

    await withScreenshotOnFailure(journey.session, 'street-admin-scope', async () => {
      await signInToAdmin(page, 'gyq.admin', '/admin/orgs');
      const tree = page.getByTestId('org-tree');
      await tree.getByText('观音桥', { exact: false }).first().waitFor();
      await page.getByTestId('org-title').filter({ hasText: '观音桥' }).waitFor();
      // Let the root's children load before asserting what is absent.
      await page.waitForLoadState('networkidle');
      expect(await tree.getByText('五里店').count()).toBe(0);
      expect(await tree.getByText('江北区总工会').count()).toBe(0);

      await page.goto(`/admin/orgs/${wuliDianId}`);
      await page.getByText('找不到这个组织').waitFor();
      expect(await page.getByText('五里店街道总工会').count()).toBe(0);
    });
  });
});
