import { idNumberCheckChar } from '@niangjia/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkBrowser, saveScreenshot, waitForQuietNetwork, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { findChineseChrome, findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();
const PHONE = '13900007301';
const UNION_RED = 'rgb(200, 16, 46)';

/**
 * Every computed colour on the page that is one of antd's default blues (#1677ff, #1890ff and their
 * light tints): one brand on the phone means none is left anywhere, text, fill or border.
 */
async function findDefaultBlue(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const blues = /rgba?\((22, 119, 255|24, 144, 255|64, 150, 255|230, 244, 255)(, [\d.]+)?\)/;
    const found = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement | SVGElement>('body *')) {
      const style = getComputedStyle(el);
      for (const prop of ['color', 'background-color', 'border-top-color', 'border-bottom-color', 'fill', 'stroke', 'outline-color'] as const) {
        const value = style.getPropertyValue(prop);
        if (blues.test(value) && (el as HTMLElement).offsetParent !== null) found.add(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} ${prop} ${value}`);
      }
    }
    return [...found].slice(0, 10);
  });
}

/**
 * The phone at 375 px in the union's colours (issue 10 point 6): antd-mobile's primary is the union
 * red on every main page (buttons, the active tab, links), no default blue is left, no page shows a
 * key or a placeholder, and a worker can take back an application still under review.
 */
describe.skipIf(!canRun)('the worker pages at 375 px', () => {
  const journey = useJourney({ viewport: { width: 375, height: 667 }, isMobile: true });

  it('keeps to the union red and plain words, and lets a worker withdraw an application', { timeout: 240_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'worker-phone-theme', async () => {
      await page.goto('/m/login');
      await page.getByRole('textbox', { name: '手机号' }).fill(PHONE);
      const since = journey.server.output().length;
      await page.getByTestId('privacy-consent').check();
      await page.getByRole('button', { name: '获取验证码' }).click();
      const code = await journey.server.waitForSmsCode({ since });
      await page.getByRole('textbox', { name: '短信验证码' }).fill(code);
      await page.waitForURL(/\/m\/me$/);

      // An application under review, made through the API with the browser's own session.
      const me = await (await page.request.get('/api/v1/auth/me')).json();
      const unions = await (await page.request.get('/api/v1/members/union-suggestions?q=观音桥')).json();
      const first17 = '50010519970815234';
      const applied = await page.request.post('/api/v1/members/applications', {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { realName: '孙撤回', idNumber: first17 + idNumberCheckChar(first17), employmentForm: 'delivery_rider', orgId: unions[0].id },
      });
      expect(applied.status()).toBe(201);

      for (const path of ['/m', '/m/stations', '/m/services', '/m/me', '/m/me/membership', '/m/privacy', '/m/no-such-page']) {
        await page.goto(path);
        await waitForQuietNetwork(page);
        await page.waitForTimeout(500);
        await saveScreenshot(page, `phone-375${path.replace(/\W+/g, '_')}`);
        expect(await findDefaultBlue(page), `default blue on ${path}`).toEqual([]);
        expect(await findTextProblems(page, '#root'), `words on ${path}`).toEqual([]);
        const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--adm-color-primary').trim());
        expect(primary.toLowerCase()).toBe('#c8102e');
      }
      await page.goto('/m/no-such-page');
      await page.getByTestId('not-found').getByText('页面不存在').waitFor();

      // The active tab and a primary button are drawn in the union red.
      await page.goto('/m/me');
      const activeTab = page.locator('.adm-tab-bar-item-active').first();
      await expect.poll(() => activeTab.evaluate((el) => getComputedStyle(el).color)).toBe(UNION_RED);

      await page.goto('/m/me/membership');
      await expect.poll(() => page.getByTestId('membership-status').innerText()).toBe('审核中');
      await page.getByTestId('withdraw-application').click();
      const confirm = page.locator('.adm-dialog-footer .adm-dialog-button-bold');
      await expect.poll(() => confirm.evaluate((el) => getComputedStyle(el).color)).toBe(UNION_RED);
      await confirm.click();
      await expect.poll(() => page.getByTestId('membership-status').innerText()).toBe('已撤回申请');
      await saveScreenshot(page, 'phone-375-membership-withdrawn');
      await page.getByRole('button', { name: '重新申请' }).waitFor();
      expect(await findDefaultBlue(page)).toEqual([]);

      // The same pages in English (issue 10 point 8): no key, code or brace, and the interface's
      // own words (tabs, titles, buttons, labels) in English.
      await page.evaluate(() => localStorage.setItem('niangjia.language', 'en'));
      try {
        for (const path of ['/m', '/m/stations', '/m/services', '/m/me', '/m/me/membership', '/m/me/messages', '/m/privacy', '/m/no-such-page']) {
          await page.goto(path);
          await waitForQuietNetwork(page);
          await page.waitForTimeout(500);
          const words = [...(await findTextProblems(page, '#root')), ...(await findChineseChrome(page, '#root')).map((t) => `Chinese in English: “${t}”`)];
          if (words.length) await saveScreenshot(page, `phone-375-en${path.replace(/\W+/g, '_')}`);
          expect(words, `English words on ${path}`).toEqual([]);
        }
      } finally {
        await page.evaluate(() => localStorage.removeItem('niangjia.language'));
      }
    });
  });
});
