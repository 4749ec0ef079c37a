/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { signInOnPhone } from './support/market';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('1+N 合作联盟: district staff add a partner with an agreement and a co-built station', () => {
  const journey = useJourney({ viewport: { width: 1366, height: 768 } });

  it('goes from 登记合作伙伴 to the list at 1366 px, with a typed name shown as text', { timeout: 240_000 }, async () => {
    const { page } = journey.session;
    const tag = Date.now().toString(36).slice(-5);
    const name = `江北银行${tag}<img src=x onerror=__pwned=1>`;
    const shToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const nextYear = `${Number(shToday.slice(0, 4)) + 1}${shToday.slice(4)}`;

    await withScreenshotOnFailure(journey.session, 'staff-adds-an-alliance-partner', async () => {
      await signInToAdmin(page, 'jb.staff', '/admin/honours/partners');
      // The demo's alliance: 7 industry associations among the partners.
      await expect.poll(async () => (await page.locator('.ant-pagination').textContent().catch(() => '')) ?? '').toContain('共 13 条');

      await page.getByTestId('partners-new').click();
      await page.getByTestId('partner-name').fill(name);
      await page.getByTestId('partner-phone-input').fill('13908239876');
      await saveScreenshot(page, 'staff-partner-modal-1366');
      await page.getByTestId('partner-save').click();
      await page.getByTestId('partner-save').waitFor({ state: 'detached' });

      await page.getByTestId('partners-search').locator('input').fill(tag);
      await page.getByTestId('partners-search').locator('input').press('Enter');
      const row = page.locator('tr', { hasText: tag });
      await expect.poll(async () => (await row.first().textContent()) ?? '').toContain('<img src=x');
      await row.first().getByTestId('partners-detail').click();

      await page.getByTestId('partner-add-agreement').click();
      await page.getByTestId('agreement-title').fill(`战略合作协议${tag}`);
      await page.getByTestId('agreement-ends').fill(nextYear);
      await page.getByTestId('partner-add-save').click();
      await page.getByTestId('partner-add-save').waitFor({ state: 'detached' });
      const agreement = page.locator('tr', { hasText: `战略合作协议${tag}` });
      await expect.poll(async () => (await agreement.first().textContent()) ?? '').toContain('生效中');

      // The contact's phone is masked until 查看 (audited on the server).
      await expect.poll(async () => (await page.getByTestId('partner-phone').textContent()) ?? '').toBe('139****9876');
      await page.getByTestId('partner-reveal-phone').click();
      await expect.poll(async () => (await page.getByTestId('partner-phone').textContent()) ?? '').toBe('13908239876');

      // Edit the agreement, then terminate it early with a reason: it shows 已终止.
      await agreement.first().getByTestId('agreement-edit').click();
      await page.getByTestId('agreement-title').fill(`战略合作协议${tag}（修订）`);
      await page.getByTestId('partner-add-save').click();
      await page.getByTestId('partner-add-save').waitFor({ state: 'detached' });
      await expect.poll(async () => (await agreement.first().textContent()) ?? '').toContain('（修订）');
      await agreement.first().getByTestId('agreement-terminate').click();
      await page.getByTestId('agreement-terminate-reason').fill('合作方业务调整');
      await page.getByTestId('agreement-terminate-save').click();
      await page.getByTestId('agreement-terminate-save').waitFor({ state: 'detached' });
      await expect.poll(async () => (await agreement.first().textContent()) ?? '').toContain('已终止');
      await saveScreenshot(page, 'staff-partner-drawer-agreements-1366');

      // A joint activity linked to an event picked from the events the staff member can see.
      await page.getByRole('tab', { name: /联合活动/ }).click();
      await page.getByTestId('partner-add-activity').click();
      await page.getByTestId('activity-title').fill(`金融知识进驿站${tag}`);
      await page.getByTestId('partner-event').click();
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
      await option.waitFor();
      const eventTitle = ((await option.textContent()) ?? '').split('（')[0]!;
      expect(eventTitle.length).toBeGreaterThan(0);
      await option.click();
      await page.getByTestId('partner-add-save').click();
      await page.getByTestId('partner-add-save').waitFor({ state: 'detached' });
      const activity = page.locator('.ant-drawer tr', { hasText: `金融知识进驿站${tag}` });
      await expect.poll(async () => (await activity.first().textContent().catch(() => '')) ?? '').toContain(eventTitle);
      await saveScreenshot(page, 'staff-partner-drawer-activities-1366');

      await page.getByRole('tab', { name: /共建阵地/ }).click();
      await page.getByTestId('partner-add-station').click();
      await page.getByTestId('partner-position').click();
      await page.keyboard.type('红旗河沟');
      await page.locator('.ant-select-item-option').filter({ hasText: '红旗河沟' }).first().click();
      await page.getByTestId('partner-add-save').click();
      await page.getByTestId('partner-add-save').waitFor({ state: 'detached' });
      await expect.poll(async () => (await page.locator('.ant-drawer tr', { hasText: '红旗河沟' }).first().textContent().catch(() => '')) ?? '').toContain('红旗河沟');
      await saveScreenshot(page, 'staff-partner-drawer-1366');
      await page.locator('.ant-drawer-close').click();

      // Back in the list: no agreement in force (terminated), one joint activity and one station on the new partner's row.
      await expect.poll(async () => ((await row.first().locator('td').allTextContents()).join('|'))).toMatch(/\|0\|1\|1\|/);
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await saveScreenshot(page, 'staff-partner-list-1366');
    });
  });
});

describe.skipIf(!canRun)('1+N 合作联盟 on the phone: a member sees the partners of their district', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('lists the partners with their services and co-built stations at 375 px, without phones', { timeout: 240_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-sees-alliance-partners', async () => {
      await page.goto('/m/partners');
      await signInOnPhone(page, journey.server, '13800000002');
      await expect.poll(async () => page.getByTestId('partner').count()).toBe(13);
      const text = (await page.locator('#root').textContent()) ?? '';
      expect(text).toContain('江北区道路运输协会');
      expect(text).toContain('红旗河沟骑手之家工会驿站');
      expect(text).not.toMatch(/1390823/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await saveScreenshot(page, 'worker-partners-375');
    });
  });
});
