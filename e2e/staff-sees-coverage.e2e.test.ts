import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('the coverage result shows on the map', () => {
  const journey = useJourney({ viewport: { width: 1280, height: 800 } });

  it('staff open 15分钟服务圈, see the stored run drawn, start a new one and watch it finish', { timeout: 90_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'staff-sees-coverage', async () => {
      await signInToAdmin(page, 'jb.admin', '/admin/positions/coverage');
      const map = page.getByTestId('coverage-map');
      // Leaflet draws vectors as SVG paths; each layer has its own class.
      await map.locator('path.nj-isochrone').first().waitFor();
      await map.locator('path.nj-uncovered').first().waitFor();
      expect(await map.locator('path.nj-isochrone').first().getAttribute('d')).toMatch(/^M[\d.\- ,LMZz]{200,}/);
      expect(await map.locator('path.nj-uncovered').first().getAttribute('d')).toMatch(/^M[\d.\- ,LM]{200,}/);
      expect(await map.locator('.nj-candidate').count()).toBe(10);
      expect(await map.locator('path.nj-position').count()).toBeGreaterThan(100);
      const figures = page.getByTestId('coverage-figures');
      expect(await page.getByTestId('coverage-street-share').innerText()).toMatch(/街道覆盖率\s*\d{1,2}\.\d%/);
      expect(await figures.innerText()).toContain('候选新址');
      expect(await page.getByTestId('coverage-synthetic').innerText()).toContain('合成路网');
      const runs = page.getByTestId('coverage-runs').locator('.ant-table-row');
      await expect.poll(() => runs.count()).toBe(2);
      // The newer seeded run compares itself with the older one.
      expect(await runs.first().innerText()).toMatch(/\+\d+\.\d pp[\s\S]*阵地 \+\d+ \/ −0/);
      await saveScreenshot(page, 'coverage-1280');

      await page.getByLabel('候选新址').fill('3');
      await page.getByTestId('coverage-start').click();
      await expect.poll(() => runs.count(), { timeout: 30_000 }).toBe(3);
      await expect.poll(() => runs.first().innerText(), { timeout: 30_000 }).toContain('完成');
      await expect
        .poll(() => map.locator('.nj-candidate').count(), {
          timeout: 15_000,
        })
        .toBe(3);
      await map.locator('path.nj-uncovered').first().waitFor();
      expect(await runs.first().innerText()).toContain('江北区总工会管理员');
    });
  });

  it('the shortfall view lists a station missing an item, and its drawer says what', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'staff-sees-shortfalls', async () => {
      await page.goto('/admin/positions/shortfalls');
      await page.getByTestId('shortfall-table').locator('.ant-table-row').first().waitFor();
      await page.getByTestId('shortfall-item').click();
      await page.locator('.ant-select-dropdown').getByText('电饭煲', { exact: true }).click();
      await page.getByRole('button', { name: cjk('查询') }).click();
      const row = page.locator('.ant-table-row', {
        hasText: '观音桥共享食堂',
      });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/电饭煲[\s\S]*风扇[\s\S]*充电/);
      await saveScreenshot(page, 'shortfalls-1280');
      await row.getByText('观音桥共享食堂').click();
      await page.getByTestId('position-title').filter({ hasText: '观音桥共享食堂' }).waitFor();
      await page.getByRole('tab', { name: '设施' }).click();
      await expect.poll(() => page.getByTestId('standard-missing').innerText()).toContain('缺 4 项');
    });
  });

  it('a district adds an item to its standard and the shortfall list follows', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'staff-edits-standard', async () => {
      await page.goto('/admin/positions/standards');
      const standards = page.getByTestId('standards-page');
      await standards.getByText('内置默认标准').waitFor();
      await standards.getByRole('button', { name: /添加检查项/ }).click();
      const selects = standards.locator('.ant-select');
      await selects.last().click();
      await page.locator('.ant-select-dropdown:visible').getByText('空调', { exact: true }).click();
      await standards.getByLabel('标准名称').fill('江北区驿站设施标准');
      await page.getByTestId('standards-save').click();
      await standards.getByText(/本单位已制定自己的标准（第 1 版/).waitFor();
      await saveScreenshot(page, 'standards-1280');

      await page.goto('/admin/positions/shortfalls');
      await page.getByTestId('shortfall-table').locator('.ant-table-row').first().waitFor();
      await page.getByTestId('shortfall-item').click();
      await page.locator('.ant-select-dropdown:visible').getByText('空调', { exact: true }).click();
      await page.getByRole('button', { name: cjk('查询') }).click();
      const row = page.locator('.ant-table-row', { hasText: '观音桥共享食堂' });
      await row.waitFor();
      expect(await row.innerText()).toContain('江北区驿站设施标准');
    });
  });
});
