/// <reference lib="dom" />
import { idNumberCheckChar, type Canteen, type CanteenCertification, type CanteenTerminalMealResult, type CreatedCanteenTerminal } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signTerminalRequest } from '../apps/server/src/platform/terminal-signing';
import { signInToAdmin } from './support/admin';
import { signInStaffApi, signInWorkerApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { findLayoutProblems } from './support/layout-checks';
import { freshPhone } from './support/market';
import { findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('共享食堂: 观音桥’s staff certify a worker’s 10-yuan reduction at 1366 px, then the canteen’s signed terminal prices a meal at it', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('certifies with an expiry in the queue, and the terminal charges 10 yuan', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    await withScreenshotOnFailure(journey.session, 'staff-certifies-a-canteen-reduction', async () => {
      // Arranged over HTTP: a worker joins 观音桥's joint union and applies for the 10-yuan tier.
      const staffApi = await signInStaffApi(server.baseURL, 'gyq.admin');
      const orgs = await staffApi.get<{ items: { id: string; name: string }[] }>(`/orgs?q=${encodeURIComponent('观音桥街道片区联合工会')}&pageSize=5`);
      const union = orgs.items.find((o) => o.name === '观音桥街道片区联合工会')!;
      const worker = await signInWorkerApi(server, freshPhone());
      const name = `食堂${String.fromCharCode(0x4e00 + Math.floor(Math.random() * 2000))}${String.fromCharCode(0x4e00 + Math.floor(Math.random() * 2000))}`;
      const first17 = `50010519800312${String(Math.floor(Math.random() * 90) + 10)}1`;
      const applied = await worker.send<{ membership: { id: string; version: number } }>('POST', '/members/applications', { realName: name, idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'standard', orgId: union.id });
      await staffApi.send('POST', `/members/${applied.membership.id}/approve`, { version: applied.membership.version });
      const canteen = (await staffApi.get<Canteen[]>('/assistance/canteens')).find((c) => c.canteenId && c.positionName === '观音桥共享食堂')!;
      const tier10 = canteen.tiers.find((x) => x.priceFen === 1000)!;
      await worker.send<CanteenCertification>('POST', '/assistance/canteen/mine', { tierId: tier10.id, ground: 'low_income', note: '社区低保证明' });

      // The street's admin certifies it in the queue, valid for 180 days.
      await signInToAdmin(page, 'gyq.admin', '/admin/assistance/canteen');
      await expect.poll(async () => (await page.getByTestId('canteen-select').textContent()) ?? '').toContain('观音桥共享食堂');
      await page.getByRole('tab', { name: '资格认定' }).click();
      const queue = page.getByTestId('canteen-certifications');
      const row = queue.locator('.ant-table-row').filter({ has: page.getByTestId('canteen-cert-name').filter({ hasText: name }) }).first();
      await row.waitFor();
      expect(await findLayoutProblems(page)).toEqual([]);
      expect(await findTextProblems(page, '#root')).toEqual([]);
      await saveScreenshot(page, 'staff-canteen-queue-1366');
      await row.getByTestId('canteen-cert-approve').click();
      const expiry = new Date(Date.now() + 8 * 3600_000 + 180 * 86_400_000).toISOString().slice(0, 10);
      const picker = page.locator('.ant-modal .ant-picker input').first();
      await picker.click();
      await picker.fill(expiry);
      await picker.press('Enter');
      await page.getByTestId('canteen-approve-ok').click();
      // The queue shows pending applications by default: the certified one leaves it.
      await expect.poll(async () => queue.locator('.ant-table-row').filter({ hasText: name }).count(), { timeout: 15_000 }).toBe(0);

      // The canteen's terminal: a key made by staff; the worker's member card QR; a signed request.
      const made = await staffApi.send<CreatedCanteenTerminal>('POST', `/assistance/canteens/${canteen.positionId}/terminals`, { name: 'e2e 收银台' });
      const card = await worker.get<{ token: string }>('/members/me/card');
      const path = '/api/v1/canteen-terminal/meals';
      const body = JSON.stringify({ card: card.token });
      const headers = signTerminalRequest('x-canteen', { keyId: made.terminal.keyId, secret: made.secret, method: 'POST', path, body });
      const res = await fetch(server.baseURL + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
      expect(res.status).toBe(200);
      const meal = (await res.json()) as CanteenTerminalMealResult;
      expect(meal).toMatchObject({ priceFen: 1000, isReduced: true, tierName: tier10.name, normalPriceFen: 2000 });

      // The meal is in the canteen's records at 10 yuan.
      await page.getByRole('tab', { name: '就餐记录与统计' }).click();
      const meals = page.getByTestId('canteen-meals');
      await meals.locator('.ant-table-row').filter({ hasText: name }).first().waitFor();
      expect(await meals.locator('.ant-table-row').filter({ hasText: name }).first().textContent()).toContain('¥10.00');
      expect(await findLayoutProblems(page)).toEqual([]);
      await saveScreenshot(page, 'staff-canteen-meals-1366');
    });
  });
});
