import { describe, expect, it } from 'vitest';
import { cjk, signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { arrangeFinal, signInOnPhone, type FinalArranged } from './support/market';

const { canRun } = checkBrowser();

/**
 * The final of a season: two judges score on their phones (375 px), three worker
 * representatives check in with the hall's code and vote, staff confirm, reveal on the roadshow
 * screen and publish in the console.
 */
describe.skipIf(!canRun)('the competition final on phones, the screen and the console', () => {
  const journey = useJourney({ viewport: { width: 375, height: 740 }, isMobile: true });
  let final: FinalArranged;

  it('two judges score on their phones; a sealed score cannot change', { timeout: 300_000 }, async () => {
    final = await arrangeFinal(journey.server);
    const { page, context } = journey.session;
    await withScreenshotOnFailure(journey.session, 'market-judges', async () => {
      for (const [j, phone] of final.judgePhones.entries()) {
        await context.clearCookies();
        await page.goto('/m/judge');
        await signInOnPhone(page, journey.server, phone);
        await page.waitForURL(/\/m\/judge$/);
        const entries = page.getByTestId('judge-entry');
        await expect.poll(() => entries.count(), { timeout: 30_000 }).toBe(3);
        for (let k = 0; k < 3; k++) {
          await page.getByTestId('judge-entry').nth(k).click();
          await page.waitForURL(/\/m\/judge\/[0-9a-f-]{36}$/);
          // Four criteria 0–25: type each score into its stepper.
          for (const [c, key] of ['purpose', 'plan', 'replicable', 'innovative'].entries()) {
            const input = page.getByTestId(`criterion-${key}`).locator('input');
            await input.fill(String(20 - k * 2 + (c % 2) + j));
            await input.blur();
          }
          await expect.poll(() => page.getByTestId('judge-total').innerText(), { timeout: 15_000 }).toContain(String(4 * (20 - k * 2) + 2 + 4 * j));
          if (j === 0 && k === 0) await saveScreenshot(page, 'market-judge-scoring-375');
          await page.getByRole('button', { name: '提交评分' }).click();
          await page.locator('.adm-dialog').getByRole('button', { name: '提交评分' }).click();
          await page.waitForURL(/\/m\/judge$/);
        }
        await page.getByText(`${4 * 20 + 2 + 4 * j}.0`, { exact: true }).waitFor();
      }
      // Sealed: the page shows it and offers no way to change it.
      await page.getByTestId('judge-entry').first().click();
      await page.getByText('评分已提交封存。如需修改请联系工作人员。').waitFor();
      expect(await page.getByRole('button', { name: '提交评分' }).count()).toBe(0);
    });
  });

  it('three representatives check in with the hall code and vote', { timeout: 300_000 }, async () => {
    const { page, context } = journey.session;
    await withScreenshotOnFailure(journey.session, 'market-votes', async () => {
      for (const [r, phone] of final.repPhones.entries()) {
        await context.clearCookies();
        // What the QR on the hall screen opens: the session with the current code.
        const { code } = await final.admin.get<{ code: string }>(`/market/sessions/${final.sessionId}/code`);
        await page.goto(`/m/vote/${final.sessionId}?c=${code}`);
        await signInOnPhone(page, journey.server, phone);
        const list = page.getByTestId('vote-list');
        await list.waitFor();
        await page.getByText(/剩余 3 票/).waitFor();
        // Everyone votes for the first finalist; the second and third representatives for the second too.
        for (const k of r === 0 ? [0] : [0, 1]) {
          await list.getByRole('button', { name: '投票' }).first().click();
          await page.locator('.adm-dialog').getByRole('button', { name: '投票' }).click();
          await page.getByText(/投票成功/).waitFor();
          await expect.poll(() => list.getByText('已投').count(), { timeout: 15_000 }).toBe(k + 1);
        }
        if (r === 0) await saveScreenshot(page, 'market-rep-vote-375');
      }
    });
    const screen = journey.server.baseURL;
    const roadshow = (await (await fetch(`${screen}/api/v1/public/market/roadshow/${final.seasonId}`)).json()) as { totalVotes: number; finalists: { votes: number }[] };
    expect(roadshow.totalVotes).toBe(5);
    expect(roadshow.finalists.map((f) => f.votes)).toEqual([3, 2, 0]);
  });

  it('staff confirm, reveal on the roadshow screen and publish', { timeout: 300_000 }, async () => {
    const desk = await openBrowser({ baseURL: journey.server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(desk, 'market-results', async () => {
        const { page } = desk;
        await signInToAdmin(page, 'jb.admin', `/admin/market/seasons/${final.seasonId}?tab=results`);
        const table = page.getByTestId('results-table');
        await table.getByText('职工合唱团排练指导').waitFor();
        await page.getByRole('button', { name: '确认成绩' }).click();
        await page.locator('.ant-modal').getByRole('button', { name: '确认成绩' }).click();
        await page.getByText(/已于 .* 由 jb\.admin 确认/).waitFor();
        // The screen keeps the ranking hidden until it is revealed.
        const screen = await desk.context.newPage();
        await screen.setViewportSize({ width: 1920, height: 1080 });
        await screen.goto(`/screen/roadshow/${final.seasonId}`);
        await screen.getByTestId('roadshow-total').waitFor();
        expect(await screen.getByTestId('roadshow-ranking').count()).toBe(0);
        await page.getByRole('button', { name: '大屏揭晓' }).click();
        await page.locator('.ant-modal-confirm').getByRole('button', { name: cjk('确定') }).click();
        await page.getByText(/揭晓/).first().waitFor();
        await screen.getByTestId('roadshow-ranking').waitFor({ timeout: 30_000 });
        await screen.getByText('一等奖').waitFor();
        await saveScreenshot(screen, 'market-roadshow-ranking-1920');
        await page.getByRole('button', { name: '发布结果' }).click();
        await page.locator('.ant-modal-confirm').getByRole('button', { name: cjk('确定') }).click();
        await page.getByText(/发布$/).first().waitFor();
        await saveScreenshot(page, 'market-results-published');
        await screen.close();
      });
    } finally {
      await desk.close();
    }
    const season = await final.admin.get<{ stage: string }>(`/market/seasons/${final.seasonId}`);
    expect(season.stage).toBe('published');
  });
});
