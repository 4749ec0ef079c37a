import { idNumberCheckChar } from '@niangjia/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { signInStaffApi, signInWorkerApi, type StaffApi } from './support/api';
import { checkBrowser, openBrowser, saveScreenshot, waitForQuietNetwork, withScreenshotOnFailure, type BrowserSession } from './support/browser';
import { startServer, type RunningServer } from './support/server';

// Issue 9.1, stored XSS: a street admin renamed a station to a payload, and when a platform admin
// hovered it on the map a new platform_admin account was made. This journey stores payloads in
// every free-text field that a map, chart, table or screen shows, then walks those screens as a
// platform admin (1366×768), as a worker (375 px) and as the public, and checks that nothing ran:
// no `window.__pwned`, no dialog, no request made by a payload, and no Content-Security-Policy
// violation (a payload that reached the DOM as markup would trip the policy even where it is blocked).

const { canRun } = checkBrowser();

/** Each sets window.__pwned (a distinct value per payload) if it ever runs. */
const IMG = '<img src=x onerror=window.__pwned=1>';
const SVG = '"><svg onload=window.__pwned=2>';
const SHORT = '<svg onload=window.__pwned=3>';
const FETCH = '<img src=x onerror=fetch(`/api/v1/users?pwned`)>';
const SCRIPT = '</script><script>window.__pwned=4</script>';
const HQHG = 'JB-RS-HQHG';
const ID_NUMBER = '11010119900307123' + idNumberCheckChar('11010119900307123');

type Probe = { pwned: unknown; violations: string[] };

describe.skipIf(!canRun)('stored payloads stay text on every screen', () => {
  let server: RunningServer;
  let desk: BrowserSession;
  let phone: BrowserSession;
  const dialogs: string[] = [];
  const payloadRequests: string[] = [];
  let stationCode = '';
  let stationId = '';
  let xssOrgId = '';

  /** Every page of both browsers reports CSP violations into window.__violations. */
  async function watch(session: BrowserSession) {
    await session.context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    session.context.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    session.context.on('request', (r) => {
      if (r.url().includes('pwned')) payloadRequests.push(`${r.method()} ${r.url()}`);
    });
  }

  async function probe(page: Page): Promise<Probe> {
    return page.evaluate(() => {
      const w = window as unknown as { __pwned?: unknown; __violations?: string[] };
      return { pwned: w.__pwned ?? null, violations: w.__violations ?? [] };
    });
  }

  async function expectClean(page: Page, where: string) {
    // Images that fail to load (src=x) fire their handlers within a moment: give them one.
    await page.waitForTimeout(400);
    const p = await probe(page);
    expect({ where, ...p }).toEqual({ where, pwned: null, violations: [] });
  }

  /** Hovers every interactive marker of the Leaflet maps on the page; their tooltips are where the old code parsed names as HTML. */
  async function hoverMarkers(page: Page, container: string) {
    const markers = page.locator(`${container} path.leaflet-interactive, ${container} .leaflet-marker-icon`);
    const n = await markers.count();
    for (let i = 0; i < n; i++) await markers.nth(i).hover({ force: true, timeout: 2000 }).catch(() => undefined);
    return n;
  }

  beforeAll(async () => {
    server = await startServer();
    const jb: StaffApi = await signInStaffApi(server.baseURL, 'jb.admin');
    const gyq: StaffApi = await signInStaffApi(server.baseURL, 'gyq.admin');

    // The attacker: a street admin renames a station and fills everything they can type.
    const station = (await jb.get<{ items: { id: string; code: string; version: number; org: { id: string } }[] }>(`/positions?q=${HQHG}`)).items[0]!;
    stationCode = station.code;
    stationId = station.id;
    await jb.send('PATCH', `/positions/${station.id}`, { version: station.version, name: `骑手之家${IMG}`, address: `红旗河沟${FETCH}`, partner: SVG, operator: SCRIPT });
    const gyqOrg = (await gyq.get<{ items: { id: string; code: string }[] }>('/orgs?q=JB-GYQ&pageSize=5')).items.find((o) => o.code === 'JB-GYQ')!;
    xssOrgId = (await gyq.send<{ id: string }>('POST', '/orgs', { code: 'JB-GYQ-XSS', type: 'community', parentId: gyqOrg.id, name: `社区工会${IMG}`, address: FETCH, contactName: SHORT })).id;
    await gyq.send('POST', '/users', { username: 'gyq.xss', displayName: `干事${IMG}`, password: 'Xss-test-pass-2026', role: 'union_staff', orgId: gyqOrg.id });
    await jb.send('POST', '/stars/inspections', { positionId: station.id, inspectedOn: '2026-01-05', scores: { cleanliness: 5, hours_kept: 5, usage: 5 }, notes: `检查${IMG}${SCRIPT}` });
    const controller = await jb.send<{ controller: { id: string } }>('POST', '/door-controllers', { positionId: station.id, name: `门${SVG}` });
    expect(controller.controller.id).toBeTruthy();
    await jb.send('POST', '/door-bans', { positionId: station.id, phone: '13700007777', reason: `原因${IMG}` });
    const district = (await jb.get<{ items: { id: string; code: string }[] }>('/orgs?q=JB&pageSize=50')).items.find((o) => o.code === 'JB')!;
    await jb.send('PUT', `/facility-standards/${district.id}`, { name: `标准${SHORT}`, items: [{ key: 'kettle', label: SHORT }] });
    // A shop on the fund screen's ranking and a breakfast card.
    const shops = (await jb.get<{ items: { id: string; version: number }[] }>('/fund-shops?pageSize=5')).items;
    await jb.send('PATCH', `/fund-shops/${shops[0]!.id}`, { version: shops[0]!.version, name: `小卖部${SVG}`, operatorName: `运营${IMG}` });
    await jb.send('POST', '/breakfast-cards', { holderName: SHORT, phone: '13700007778', employer: `单位${IMG}` });

    // A worker joins with payloads in their name and employer, and reports on the station.
    const worker = await signInWorkerApi(server, '13700007779');
    const unions = await worker.get<{ id: string }[]>(`/members/union-suggestions?street=${gyqOrg.id}&employmentForm=delivery_rider`);
    await worker.send('POST', '/members/applications', { realName: '李<svg onload=window.__pwned=5>', idNumber: ID_NUMBER, employmentForm: 'delivery_rider', employerName: `骑手${IMG}`, orgId: unions[0]!.id }).catch(async () => {
      // A name that is not a name may be refused: then the employer carries the payload alone.
      await worker.send('POST', '/members/applications', { realName: '李小骑', idNumber: ID_NUMBER, employmentForm: 'delivery_rider', employerName: `骑手${IMG}`, orgId: unions[0]!.id });
    });
    await worker.send('POST', `/feedback/positions/${station.code}/issues`, { category: 'hygiene', text: `脏了${IMG}${SCRIPT}` });
    await worker.send('POST', `/feedback/positions/${station.code}/ratings`, { stars: 2, comment: `评价${SVG}` });

    desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    phone = await openBrowser({ baseURL: server.baseURL, viewport: { width: 375, height: 667 }, isMobile: true });
    await watch(desk);
    await watch(phone);
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it('a platform admin walks the console: maps, tables, drawers and charts show the payloads as text', { timeout: 240_000 }, async () => {
    const { page } = desk;
    await withScreenshotOnFailure(desk, 'xss-console', async () => {
      await signInToAdmin(page, 'admin');
      await page.goto(`/admin/positions?q=${stationCode}`);
      await page.getByText(`骑手之家${IMG}`).first().waitFor();
      await expectClean(page, 'positions list');
      await page.goto(`/admin/positions/${stationId}`);
      await page.getByText(FETCH.slice(0, 20), { exact: false }).first().waitFor();
      await expectClean(page, 'position drawer');

      // The map view of the positions page: every marker hovered, the renamed one's tooltip is text.
      await page.goto('/admin/positions?view=map');
      const map = page.locator('.leaflet-container').first();
      await map.waitFor();
      // Crowded stations are drawn as numbered clusters (their tooltips list names as text too).
      await map.locator('.nj-point, .nj-cluster').first().waitFor();
      expect(await hoverMarkers(page, '.leaflet-container')).toBeGreaterThan(5);
      await expectClean(page, 'positions map');
      // The renamed station alone: its permanent name label on the map is text, not markup.
      await page.goto(`/admin/positions?view=map&q=${stationCode}`);
      const label = page.locator('.leaflet-container .nj-map-label').first();
      await label.waitFor();
      expect(await label.innerText()).toBe(`骑手之家${IMG}`);
      await hoverMarkers(page, '.leaflet-container');
      await expectClean(page, 'positions map, one station');

      await page.goto('/admin/positions/coverage');
      await page.getByTestId('coverage-map').locator('path.nj-position').first().waitFor();
      await hoverMarkers(page, '[data-testid="coverage-map"]');
      await expectClean(page, 'coverage map');

      for (const [path, text] of [
        // The org page shows the scope's own org; the renamed one is in the tree and in its own page.
        [`/admin/orgs/${xssOrgId}`, `社区工会${IMG}`],
        ['/admin/users', '干事'],
        ['/admin/members/applications', '李<svg'],
        ['/admin/positions/feedback', '脏了'],
        ['/admin/positions/stars', ''],
        ['/admin/positions/standards', ''],
        [`/admin/access/stations/${stationId}`, '__pwned=2'],
        ['/admin/access', '门'],
        ['/admin/access/entries', ''],
        ['/admin/fund/shops', '小卖部'],
        ['/admin/fund/cards', ''],
        ['/admin/audit', ''],
        ['/admin/', ''],
      ] as const) {
        await page.goto(path);
        await page.getByTestId('user-menu').waitFor();
        if (text) await page.getByText(text, { exact: false }).first().waitFor();
        await waitForQuietNetwork(page);
        await expectClean(page, path);
      }
      await page.goto('/admin/positions/feedback');
      await page.getByText(`脏了${IMG}`, { exact: false }).first().click();
      await expectClean(page, 'feedback drawer');
      await saveScreenshot(page, 'xss-console-feedback-1366');
    });
  });

  it('a worker on a phone sees the station on the map and in the list, as text', { timeout: 120_000 }, async () => {
    const { page } = phone;
    await withScreenshotOnFailure(phone, 'xss-worker', async () => {
      await page.goto('/m/stations');
      const card = page.getByTestId('station-card').filter({ hasText: '骑手之家' });
      await page.getByRole('button', { name: /使用我的位置|地图上点选/ }).first().waitFor().catch(() => undefined);
      await waitForQuietNetwork(page);
      await hoverMarkers(page, '.leaflet-container');
      if (await card.count()) expect(await card.first().innerText()).toContain(IMG);
      await expectClean(page, '/m/stations');
      await page.goto(`/p/${stationCode}`);
      await page.getByText(`骑手之家${IMG}`).first().waitFor();
      await expectClean(page, `/p/${stationCode}`);
      await saveScreenshot(page, 'xss-public-position-375');
      await page.goto(`/p/${stationCode}/sign`);
      await page.getByTestId('sign-qr').locator('svg').waitFor();
      expect(await page.getByTestId('sign-name').innerText()).toBe(`骑手之家${IMG}`);
      await expectClean(page, 'A4 sign');
    });
  });

  it('the public big screens draw the names as text', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await withScreenshotOnFailure(desk, 'xss-screens', async () => {
      for (const path of ['/screen?org=JB', '/screen/fund', '/m/fund/accounts']) {
        await page.goto(path);
        await waitForQuietNetwork(page);
        await page.waitForTimeout(1500);
        // ECharts tooltips: hover across the charts' canvases.
        const canvases = page.locator('canvas');
        for (let i = 0; i < Math.min(await canvases.count(), 6); i++) {
          const box = await canvases.nth(i).boundingBox();
          if (!box) continue;
          for (let x = 0.1; x < 1; x += 0.2) for (let y = 0.1; y < 1; y += 0.2) await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
        }
        await expectClean(page, path);
      }
    });
  });

  it('nothing ran anywhere: no dialog, no request from a payload', () => {
    expect(dialogs).toEqual([]);
    expect(payloadRequests).toEqual([]);
  });
});
