/// <reference lib="dom" />
import { idNumberCheckChar } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { freshPhone, PNG, signInOnPhone } from './support/market';
import { findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('共享食堂 on a 375 px phone: a member sees the canteen’s prices and applies for the 10-yuan tier with a photo', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('applies and sees the application waiting', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    await withScreenshotOnFailure(journey.session, 'worker-applies-for-a-canteen-reduction', async () => {
      const staffApi = await signInStaffApi(server.baseURL, 'gyq.admin');
      const orgs = await staffApi.get<{ items: { id: string; name: string }[] }>(`/orgs?q=${encodeURIComponent('观音桥街道片区联合工会')}&pageSize=5`);
      const union = orgs.items.find((o) => o.name === '观音桥街道片区联合工会')!;
      await page.goto('/m/services');
      await page.getByTestId('service-canteen').click();
      await signInOnPhone(page, server, freshPhone());
      await page.waitForURL(/\/m\/assistance\/canteen/);
      await page.getByTestId('canteen-none').waitFor();
      // Arranged over HTTP: the worker joins 观音桥's joint union and is approved.
      const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
      const first17 = `50010519750312${String(Math.floor(Math.random() * 90) + 10)}2`;
      const res = await page.request.post('/api/v1/members/applications', { headers: { 'x-csrf-token': csrf }, data: { realName: '吴食堂', idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'standard', orgId: union.id } });
      expect(res.status()).toBe(201);
      const applied = (await res.json()) as { membership: { id: string; version: number } };
      await staffApi.send('POST', `/members/${applied.membership.id}/approve`, { version: applied.membership.version });
      await page.reload();
      await page.getByTestId('canteen-item').first().waitFor();
      await page.getByTestId('canteen-tier').getByText('10元困难群体档').click();
      await page.getByTestId('canteen-ground').getByText('低保户').click();
      await page.getByTestId('canteen-photo').setInputFiles({ name: 'dibao.png', mimeType: 'image/png', buffer: PNG });
      await expect.poll(async () => (await page.getByTestId('canteen-photo-count').textContent()) ?? '', { timeout: 15_000 }).toContain('1 /');
      await page.getByTestId('canteen-submit').click();
      const item = page.getByTestId('canteen-mine-item').first();
      await item.waitFor();
      expect(await item.textContent()).toContain('待认定');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await findTextProblems(page, '#root')).toEqual([]);
      await saveScreenshot(page, 'worker-canteen-applied-375');
    });
  });
});
