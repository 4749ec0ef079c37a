import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('an inspector rates a station that lacks standard facilities', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });

  it('scores it in 评星定级; the rating shows the missing facilities plainly and stays at 4 stars or less', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'staff-inspects-a-station', async () => {
      await signInToAdmin(page, 'jb.staff', '/admin/positions/stars');
      await page.getByRole('checkbox', { name: '只看设施不达标' }).check();
      const row = page.locator('tbody tr.ant-table-row').first();
      await row.getByTestId('warning-FACILITIES_MISSING').waitFor();
      const name = await row.locator('td').first().innerText();
      await row.getByRole('button', { name: '检查打分' }).click();

      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('inspect-missing').waitFor();
      for (const label of ['按时开放', '环境卫生', '使用情况']) await dialog.getByRole('spinbutton', { name: label }).fill('10');
      await dialog.getByRole('textbox', { name: '备注' }).fill('桌椅整洁，缺项已登记');
      await dialog.getByRole('button', { name: cjk('确定') }).click();
      await page.getByText('已记录检查').waitFor();

      const rated = page.locator('tbody tr.ant-table-row', { hasText: name });
      await rated.getByTestId('stars-value').waitFor();
      const stars = Number(await rated.getByTestId('stars-value').getAttribute('data-stars'));
      expect(stars).toBeGreaterThanOrEqual(1);
      expect(stars).toBeLessThanOrEqual(4);
      expect(await rated.getByTestId('warning-FACILITIES_MISSING').innerText()).toMatch(/^设施不达标：缺 /);
      expect(await rated.getByTestId('warning-NO_INSPECTION').count()).toBe(0);
      await page.screenshot({ path: 'test-results/staff-inspects-a-station.png' });
    });
  });
});
