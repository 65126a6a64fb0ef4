/**
 * Screenshots of every figure as a reader sees it, for reviewing charts by eye (a bounding-box
 * test cannot tell whether a chart reads well). Serves dist/ and writes PNGs to OUT_DIR:
 *  - <width>-<figure>.png for each figure at 390×844 and 1440×900;
 *  - <width>-scrolly-<id>-<n>-<state>.png: the screen once each scrolly step is active;
 *  - <width>-race.png, <width>-race-date.png, and 390-dark-<figure>.png in dark mode.
 * Usage: node tools/figure-screenshots.ts OUT_DIR  (after `npm run build`)
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { resolveChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const out = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(out, { recursive: true });
const dist = resolve(import.meta.dirname, '../dist');
const server = await serveStatic(dist);
const { path } = await resolveChromium();
const browser = await chromium.launch({
  executablePath: path,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;

async function open(width: number, height: number, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme });
  const page = await context.newPage();
  await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
  return page;
}

async function figures(page: Page, prefix: string): Promise<void> {
  const ids = await page.$$eval('figure[data-figure]', (els) => els.map((e) => (e as HTMLElement).dataset.figure!));
  for (const id of ids) {
    if (only && !only.test(id)) continue;
    const el = page.locator(`figure[data-figure="${id}"]`);
    await el.scrollIntoViewIfNeeded();
    await el.screenshot({ path: join(out, `${prefix}-${id}.png`) });
  }
}

async function scrollies(page: Page, prefix: string): Promise<void> {
  const ids = await page.$$eval('[data-scrolly]', (els) => els.map((e) => (e as HTMLElement).dataset.scrolly!));
  for (const id of ids) {
    if (only && !only.test(id)) continue;
    const steps = page.locator(`[data-scrolly="${id}"] [data-step-state]`);
    for (let i = 0; i < (await steps.count()); i++) {
      // Scroll as a thumb does (the browser test's way): the step's top at the foot of the screen, then small steps until it is active.
      await steps.nth(i).evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - innerHeight));
      const isActive = () => page.evaluate(([sid, n]) => document.querySelector<HTMLElement>(`[data-scrolly="${sid}"]`)?.dataset.activeStep === String(n), [id, i] as const);
      let active = false;
      for (let tries = 0; tries < 80 && !(active = await isActive()); tries++) {
        await page.mouse.wheel(0, 40);
        await page.waitForTimeout(30);
      }
      if (!active) console.warn(`${prefix} ${id}: step ${i} did not become active`);
      await page.waitForTimeout(400);
      const state = await page.$eval(`[data-scrolly="${id}"]`, (e) => (e as HTMLElement).dataset.state);
      await page.screenshot({ path: join(out, `${prefix}-scrolly-${id}-${i}-${state}.png`) });
    }
  }
}

for (const [w, h] of [[390, 844], [1440, 900]] as const) {
  const page = await open(w, h, '/');
  await figures(page, String(w));
  await scrollies(page, String(w));
  await page.context().close();
  const race = await open(w, h, '/race/');
  await race.screenshot({ path: join(out, `${w}-race.png`), fullPage: true });
  await race.context().close();
  const board = readdirSync(join(dist, 'race')).find((d) => !d.startsWith('index') && d !== 'fragments');
  const date = board && readdirSync(join(dist, 'race', board)).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (date) {
    const p = await open(w, h, `/race/${board}/${date}/`);
    await p.screenshot({ path: join(out, `${w}-race-date.png`), fullPage: true });
    await p.context().close();
  }
}
const dark = await open(390, 844, '/', 'dark');
await figures(dark, '390-dark');
await dark.context().close();
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
