/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { signInToAdmin } from './support/admin';
import { checkBrowser, openBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';
import { signInOnPhone } from './support/market';
import { findTextProblems } from './support/text-checks';

const { canRun } = checkBrowser();
/** The demo member: not among the demo's respondents to this year's survey, so they answer it here. */
const MEMBER_PHONE = '13800000002';

describe.skipIf(!canRun)('需求调研: a member answers the district survey on a 375 px phone, staff see the chart at 1366 px', () => {
  const journey = useJourney({ viewport: { width: 375, height: 812 }, isMobile: true });

  it('answers once with a conditional question, sees the published results, and the console charts them', { timeout: 300_000 }, async () => {
    const { page } = journey.session;
    const server = journey.server;
    const desk = await openBrowser({ baseURL: server.baseURL, viewport: { width: 1366, height: 768 } });
    try {
      await withScreenshotOnFailure(journey.session, 'worker-answers-a-survey', async () => {
        await page.goto('/m/surveys');
        await signInOnPhone(page, server, MEMBER_PHONE);
        await page.waitForURL(/\/m\/surveys/);
        await page.getByText('2026年江北区职工需求调研').click();
        await page.getByTestId('survey-q-needs').waitFor();
        // The child's age is asked only of those who need childcare.
        expect(await page.getByTestId('survey-q-child_age').count()).toBe(0);
        await page.getByTestId('survey-q-needs').getByText('技能提升培训').click();
        await page.getByTestId('survey-q-needs').getByText('户外劳动者驿站').click();
        await page.getByTestId('survey-q-satisfaction').getByText('4', { exact: true }).click();
        for (const label of ['收入待遇', '技能成长', '休息休假', '劳动安全']) await page.getByTestId('survey-q-priorities').getByText(label).click();
        await page.getByTestId('survey-q-childcare_need').getByText('需要', { exact: true }).click();
        await page.getByTestId('survey-q-child_age').getByText('小学').click();
        await page.getByTestId('survey-q-other').locator('textarea').first().fill('<b>希望</b>托管班离家近一些');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await saveScreenshot(page, 'worker-survey-form-375');
        await page.getByTestId('survey-submit').click();
        await page.getByRole('button', { name: '确定' }).click();
        await page.getByTestId('survey-answered').waitFor();
        await page.getByTestId('survey-public-result-needs').waitFor();
        expect(await page.getByTestId('survey-public-result-other').count()).toBe(0);
        expect(await findTextProblems(page, '#root')).toEqual([]);
        await saveScreenshot(page, 'worker-survey-answered-375');
        // Once only: the list says 已提交.
        await page.goto('/m/surveys');
        await page.getByText('已提交').first().waitFor();
        await saveScreenshot(page, 'worker-survey-list-375');

        const admin = desk.page;
        await signInToAdmin(admin, 'jb.admin', '/admin/voice/surveys');
        await admin.getByTestId('survey-search').locator('input').fill('2026年江北区');
        await admin.getByTestId('survey-search').locator('input').press('Enter');
        const row = admin.locator('tr', { has: admin.getByTestId('survey-row-title').filter({ hasText: '2026年江北区职工需求调研' }) });
        await row.getByRole('button', { name: '打开' }).click();
        await admin.getByTestId('survey-chart-needs').locator('canvas').waitFor();
        expect((await admin.getByTestId('survey-responses').textContent()) ?? '').toMatch(/答卷 \d{3,} 份/);
        await admin.getByText('托管班离家近一些').first().waitFor();
        expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
        await saveScreenshot(admin, 'staff-survey-results-1366');
        await admin.getByText('按工会').click();
        await admin.getByTestId('survey-crosstab').waitFor();
        await saveScreenshot(admin, 'staff-survey-crosstab-1366');
      });
    } finally {
      await desk.close();
    }
  });
});
