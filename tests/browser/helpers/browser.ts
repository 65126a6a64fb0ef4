/**
 * Launches Chromium through playwright-core (CHROMIUM_PATH, Debian's /usr/bin/chromium, else the
 * build inside the npm package @sparticuz/chromium: see tools/chromium.ts), and
 * records what a page does: console errors, uncaught exceptions, failed requests, every URL.
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { resolveChromium } from '../../../tools/chromium.ts';
import { serveStatic, type StaticServer } from '../../../tools/static-server.ts';

/** The built site; SITE_DIST points the tests at another build. */
export const DIST = resolve(process.env.SITE_DIST ?? resolve(import.meta.dirname, '../../../dist'));
/** The pages of the site. */
export const PAGES = ['/', '/methodology/', '/data/', '/changes/'] as const;

export async function launchBrowser(): Promise<Browser> {
  const { path } = await resolveChromium();
  // launch() gives every browser a fresh temporary user-data dir, deleted on close.
  return chromium.launch({
    executablePath: path,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

/** Start recording before page.goto(). */
export function watch(page: Page): PageLog {
  const log: PageLog = { consoleErrors: [], pageErrors: [], failedRequests: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(`${m.text()} (${m.location().url}:${m.location().lineNumber})`);
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e.stack ?? e)));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) log.failedRequests.push(`${r.request().method()} ${r.url()}: HTTP ${r.status()}`);
  });
  return log;
}

/** Waits until every CSS transition/animation on the page has finished. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/**
 * The built site served on a local port and one browser, shared by a test file's tests: started
 * before them, closed after. Read `live.server` and `live.browser` inside tests, not at import.
 */
export function liveSite(): { readonly server: StaticServer; readonly browser: Browser } {
  const live = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    live.server = await serveStatic(DIST);
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.close();
  });
  return live;
}
