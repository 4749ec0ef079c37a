import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS_DIR = path.resolve('test-results');

/**
 * Whether journeys can run here. Without Chromium they fail on CI (a missing browser must not
 * pass silently) and are skipped elsewhere with a message saying how to get it.
 */
export function checkBrowser(): { canRun: boolean; reason?: string } {
  if (existsSync(CHROMIUM_PATH)) return { canRun: true };
  const reason = `Chromium not found at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
  if (process.env.CI === 'true') throw new Error(`${reason} Browser journeys cannot be skipped on CI.`);
  console.warn(`[e2e] skipping browser journeys: ${reason}`);
  return { canRun: false, reason };
}

export type BrowserSession = {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests seen so far, for the failure report. */
  problems: string[];
  close: () => Promise<void>;
};

/** Launches Debian's Chromium (never a downloaded one) with a fresh profile. */
export async function openBrowser(options: { baseURL: string; viewport: { width: number; height: number }; isMobile?: boolean; locale?: string; geolocation?: { latitude: number; longitude: number } }): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'niangjia-chromium-'));
  // A persistent context is how Playwright takes a fresh profile directory of our own.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    baseURL: options.baseURL,
    viewport: options.viewport,
    deviceScaleFactor: 1,
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A phone's location (WGS-84) with the permission already granted.
    ...(options.geolocation ? { geolocation: { ...options.geolocation, accuracy: 20 }, permissions: ['geolocation'] } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  trackRequests(page);
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

type RequestTracker = { pending: Set<Request>; changedAt: number };
const trackers = new WeakMap<Page, RequestTracker>();

/** Counts the page's requests in flight, leaving out streams that stay open (EventSource). */
function trackRequests(page: Page): RequestTracker {
  const known = trackers.get(page);
  if (known) return known;
  const tracker: RequestTracker = { pending: new Set(), changedAt: Date.now() };
  const done = (request: Request) => {
    if (tracker.pending.delete(request)) tracker.changedAt = Date.now();
  };
  page.on('request', (request) => {
    if (request.resourceType() === 'eventsource') return;
    tracker.pending.add(request);
    tracker.changedAt = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  trackers.set(page, tracker);
  return tracker;
}

/**
 * Waits until no request has been in flight for `quietMs`. Playwright's `networkidle` never comes
 * on a page that keeps a live stream open (the bell's EventSource), so it would always wait out its
 * whole timeout; this leaves such streams out. Gives up quietly after `timeoutMs` (a page that polls).
 */
export async function waitForQuietNetwork(page: Page, { quietMs = 300, timeoutMs = 15_000 } = {}): Promise<void> {
  const tracker = trackRequests(page);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (tracker.pending.size === 0 && Date.now() - tracker.changedAt >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Saves a full-page screenshot to test-results/<name>.png; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}

/**
 * Runs a journey step by step; on failure saves a screenshot named after the journey and
 * rethrows with the page's URL and any console errors attached.
 */
export async function withScreenshotOnFailure<T>(session: BrowserSession, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(session.page, `${name}-failure`);
    const details = [`screenshot: ${file}`, `url: ${session.page.url()}`, ...session.problems.slice(-10)].join('\n  ');
    if (error instanceof Error) error.message = `${error.message}\n  ${details}`;
    throw error;
  }
}
