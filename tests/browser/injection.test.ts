/**
 * 8. Scraped strings are data, never markup. A second build reads a copy of data/ in which
 * every model family starting with "GLM" is renamed `<img src=x onerror=alert(1)>GLM…`; the
 * built pages must show that name as text (chart labels, table cells), create no <img>, never
 * open a dialog, and the figure's CSV download must carry the name unchanged.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGES, launchBrowser, watch } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { copyData, rewriteTable } from '../helpers/published-data.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EVIL = '<img src=x onerror=alert(1)>';
let work: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const dialogs: string[] = [];
let renamed = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'owr-injection-'));
  const data = join(work, 'data');
  dist = join(work, 'dist');
  copyData({ dest: data, withSources: true });
  rewriteTable(data, 'models', (r) => (r.family?.startsWith('GLM') ? (renamed++, { ...r, family: `${EVIL}${r.family}` }) : r));

  // The project's own Astro, on the same Node as the tests, reading the altered copy.
  await new Promise<void>((ok, fail) =>
    execFile(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
      cwd: ROOT,
      env: { ...process.env, REPORT_DATA_DIR: data, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => (error ? fail(new Error(`astro build with REPORT_DATA_DIR=${data} failed:\n${stdout}\n${stderr}`)) : ok())),
  );
  server = await serveStatic(dist);
  browser = await launchBrowser();
  // No CSP here: the policy would block an injected onerror handler anyway, and this test is
  // about the markup itself.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a model family that looks like HTML', () => {
  test('the altered data renamed some models', () => {
    expect(renamed).toBeGreaterThan(0);
  });

  test.each(PAGES)('%s shows it as text, creates no element from it, opens no dialog', async (path) => {
    const page = await context.newPage();
    const log = watch(page);
    page.on('dialog', (d) => {
      dialogs.push(`${path} ${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${server.origin}${path}`);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await page.locator('img[src="x"], img[onerror]').count(), 'img elements from the data').toBe(0);
    expect(await page.locator('[onerror]').count(), 'elements with an onerror attribute').toBe(0);
    expect(dialogs).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    if (path === '/') {
      const svgTexts = await page.locator('.figure-chart svg text').evaluateAll((els, evil) => els.filter((e) => e.textContent?.includes(evil)).length, EVIL);
      const cells = await page.locator('.figure-table td').evaluateAll((els, evil) => els.filter((e) => e.textContent?.includes(evil)).length, EVIL);
      expect(svgTexts, `SVG <text> showing ${EVIL} literally`).toBeGreaterThan(0);
      expect(cells, `table cells showing ${EVIL} literally`).toBeGreaterThan(0);
      expect(await page.evaluate((evil) => document.body.innerText.includes(evil), EVIL), 'visible text').toBe(true);
    }
    await page.close();
  });

  test('the CSV download of a figure that shows it carries the name unchanged', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const hrefs = await page.locator('figure[data-figure]').evaluateAll((figs, evil) =>
      figs.filter((f) => [...f.querySelectorAll('.figure-table td')].some((td) => td.textContent?.includes(evil))).map((f) => f.querySelector<HTMLAnchorElement>('a.figure-download')!.href),
    EVIL);
    await page.close();
    expect(hrefs.length, 'figures whose table shows the altered name').toBeGreaterThan(0);
    for (const href of hrefs) {
      const res = await fetch(href);
      expect(res.status, href).toBe(200);
      const records = parse(await res.text(), { bom: true }) as string[][];
      const cells = records.flat().filter((c) => c.includes(EVIL));
      expect(cells.length, `${href} cells with the name`).toBeGreaterThan(0);
      // Not a formula (no leading = + - @), so not neutralised: the exact text survives.
      expect(cells.some((c) => c.startsWith(`${EVIL}GLM`)), `${href}: a cell starting with ${EVIL}GLM`).toBe(true);
      expect(cells.some((c) => c.startsWith("'")), `${href}: no apostrophe added`).toBe(false);
    }
  });
});
