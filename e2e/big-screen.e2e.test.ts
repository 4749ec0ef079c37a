/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { checkBrowser, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();

describe.skipIf(!canRun)('the big screen, without signing in', () => {
  const journey = useJourney({ viewport: { width: 1920, height: 1080 } });

  it('shows the district title and its org figures, with no scrollbars', { timeout: 60_000 }, async () => {
    const { page } = journey.session;
    await withScreenshotOnFailure(journey.session, 'big-screen', async () => {
      await page.goto('/screen?org=JB');
      await page.getByText('江北区总工会 · 数据大屏').waitFor();
      const total = page.getByTestId('screen-org-total');
      await total.waitFor();
      expect(Number((await total.textContent())?.replace(/,/g, ''))).toBeGreaterThanOrEqual(50);
      // A string expression: e2e/ is typed without the DOM library.
      const overflow = await page.evaluate<{ x: boolean; y: boolean }>(
        '({ x: document.documentElement.scrollWidth > window.innerWidth, y: document.documentElement.scrollHeight > window.innerHeight })',
      );
      expect(overflow).toEqual({ x: false, y: false });
    });
  });
});
