import type { Page } from 'playwright-core';
import { saveScreenshot, waitForQuietNetwork } from './browser';
import { findLayoutProblems, findOverlayProblems } from './layout-checks';
import { findChineseChrome, findTextProblems } from './text-checks';

/** An open dialog or drawer (antd 6 names their panels .ant-modal-container and .ant-drawer-section). */
const OVERLAY = '.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open .ant-drawer-section';

/** Waits until the page's requests are done and no spinner is left. */
export async function settle(page: Page): Promise<void> {
  await waitForQuietNetwork(page);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, { timeout: 30_000 }).catch(() => undefined);
  await waitForQuietNetwork(page, { quietMs: 200 });
}

/** Every page the signed-in user's menu offers (its links), in menu order. */
export async function listMenuPages(page: Page): Promise<{ path: string; label: string }[]> {
  // Open every group first: collapsed groups do not render their items.
  for (const group of await page.locator('.admin-sider .ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title').all()) await group.click();
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.admin-sider .ant-menu-item')].map((li) => ({ path: li.dataset.menuId?.replace(/^.*?-(\/.*)$/, '$1') ?? '', label: (li.textContent ?? '').trim() })),
  );
}

/**
 * Sweep screenshots are for people to look at: every page locally (test-results/sweep-*.png), and
 * under CI only the pages that have a problem (a full-page PNG per page and tab costs minutes there).
 */
const SCREENSHOT_EVERY_PAGE = process.env.CI !== 'true' || process.env.NIANGJIA_SWEEP_SCREENSHOTS === '1';

async function sweepScreenshot(page: Page, name: string, problems: readonly unknown[]): Promise<string> {
  if (SCREENSHOT_EVERY_PAGE || problems.length) return saveScreenshot(page, name);
  return `(no screenshot under CI: ${name})`;
}

/** One line per swept page with a problem or an error box, naming its screenshot; '' when all fit. */
export function reportSweep(results: SweepResult[]): string {
  return results
    .filter((r) => r.problems.length || r.errors.length)
    .map((r) => `${r.path} (${r.label}): ${[...r.problems, ...r.errors.map((e) => `error shown: ${e}`)].join('; ')} — ${r.screenshot}`)
    .join('\n');
}

export type SweepResult = { path: string; label: string; problems: string[]; errors: string[]; activeMenu: string | null; screenshot: string };

/**
 * Opens each page, screenshots it and collects layout problems; where the page has a 新增/新建
 * button (a primary button with a plus), opens that form too and checks it fits the window.
 */
export async function sweepPages(page: Page, name: string, pages: { path: string; label: string }[]): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for (const { path, label } of pages) {
    await page.goto(`/admin${path}`);
    await settle(page);
    const problems = [...(await findLayoutProblems(page)), ...(await findTextProblems(page, '#root')).map((p) => `text: ${p}`)];
    // A red box on a page the menu offers means the role was sent somewhere it cannot use.
    const errors = (
      await page.locator('.ant-layout-content .ant-alert-error, .ant-layout-content .ant-result-error, .ant-layout-content .ant-result-404, .ant-layout-content .ant-result-403').allTextContents()
    ).map((t) => t.trim());
    // Each further tab of the page (评星定级 ▸ 检查记录 …) is a page of its own for layout.
    const tabs = page.locator('.ant-layout-content .ant-tabs-tab:not(.ant-tabs-tab-active):not(.ant-tabs-tab-disabled)');
    for (let i = 0, n = await tabs.count(); i < n; i++) {
      const tab = page.locator('.ant-layout-content .ant-tabs-tab').nth(i + 1);
      const tabLabel = ((await tab.textContent()) ?? '').trim();
      await tab.click();
      await settle(page);
      const tabProblems = [...(await findLayoutProblems(page)), ...(await findTextProblems(page, '#root')).map((p) => `text: ${p}`)].map((p) => `${tabLabel}: ${p}`);
      problems.push(...tabProblems);
      await sweepScreenshot(page, `sweep-${name}-${path.replace(/\W+/g, '_')}-tab${i + 1}`, tabProblems);
    }
    const activeMenu = await page
      .locator('.admin-sider .ant-menu-item-selected')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    const screenshot = await sweepScreenshot(page, `sweep-${name}-${path.replace(/\W+/g, '_') || 'home'}`, [...problems, ...errors]);
    const create = page.locator('.ant-layout-content .ant-card-extra .ant-btn-primary:has(.anticon-plus)').first();
    // A detail page opens over its list (a drawer): its list's 新增 button is not this page's.
    const overlayOpen = await page
      .locator('.ant-drawer-open, .ant-modal-wrap:not([style*="display: none"])')
      .first()
      .isVisible()
      .catch(() => false);
    if (!overlayOpen && (await create.isVisible().catch(() => false))) {
      await create.click();
      await page
        .locator(OVERLAY)
        .first()
        .waitFor({ timeout: 5000 })
        .catch(() => undefined);
      await page.waitForTimeout(500);
      const formProblems = [...(await findOverlayProblems(page)), ...(await findTextProblems(page, OVERLAY)).map((p) => `text: ${p}`)].map((p) => `form: ${p}`);
      problems.push(...formProblems);
      await sweepScreenshot(page, `sweep-${name}-${path.replace(/\W+/g, '_') || 'home'}-form`, formProblems);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
    results.push({ path, label, problems: [...new Set(problems)], errors, activeMenu: activeMenu?.trim() ?? null, screenshot });
  }
  return results;
}

/**
 * Reads each page's words (and each further tab's) in the language the console is in: the text
 * rules of findTextProblems, and in English no Chinese in the interface's own words. Returns one
 * line per page with problems.
 */
export async function readPagesWords(page: Page, pages: { path: string; label: string }[], language: 'zh-CN' | 'en'): Promise<string[]> {
  const read = async () => [...(await findTextProblems(page, '#root')), ...(language === 'en' ? (await findChineseChrome(page)).map((t) => `Chinese in English: “${t}”`) : [])];
  const found: string[] = [];
  for (const { path } of pages) {
    await page.goto(`/admin${path}`);
    await settle(page);
    const problems = await read();
    const tabs = page.locator('.ant-layout-content .ant-tabs-tab');
    for (let i = 1, n = await tabs.count(); i < n; i++) {
      const tab = tabs.nth(i);
      if (!(await tab.isVisible().catch(() => false)) || (await tab.getAttribute('class'))?.includes('disabled')) continue;
      const tabLabel = ((await tab.textContent()) ?? '').trim();
      await tab.click();
      await settle(page);
      problems.push(...(await read()).map((p) => `${tabLabel}: ${p}`));
    }
    if (problems.length) found.push(`${path}: ${[...new Set(problems)].join('; ')} — ${await saveScreenshot(page, `words-${language}-${path.replace(/\W+/g, '_') || 'home'}`)}`);
  }
  return found;
}
