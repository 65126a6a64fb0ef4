/**
 * 1. Without JavaScript the report is complete: every step section's heading and every chart
 * is rendered and visible; the methodology and data pages render their h1.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, launchBrowser } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { articleOutline } from './helpers/site.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const outline = articleOutline();

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('article without JavaScript', () => {
  beforeAll(async () => {
    await page.goto(`${server.origin}/`);
  });

  test('the built article has step sections, figures and scrollies to check', () => {
    expect(outline.sections.length, 'section[id^="step-"] in dist/index.html').toBeGreaterThan(0);
    expect(outline.figures.length, 'figure[data-figure] in dist/index.html').toBeGreaterThan(0);
    expect(outline.scrollies.length, '[data-scrolly] in dist/index.html').toBeGreaterThan(0);
  });

  test('no script ran', async () => {
    // Scrolly containers keep their server-rendered state: no step is active.
    const ready = await page.locator('[data-scrolly-ready]').count();
    expect(ready).toBe(0);
  });

  test('every step section and its heading is visible', async () => {
    expect(await page.locator('section[id^="step-"]').count()).toBe(outline.sections.length);
    const hidden: string[] = [];
    for (const id of outline.sections) {
      const heading = page.locator(`section#${id} :is(h2, h3)`).first();
      const box = await heading.boundingBox();
      if (!box || box.width <= 0 || box.height <= 0) hidden.push(id);
      else expect((await heading.textContent())?.trim(), `heading of #${id}`).not.toBe('');
    }
    expect(hidden, 'sections whose heading has no box').toEqual([]);
  });

  test('every figure shows its chart SVG', async () => {
    expect(await page.locator('figure[data-figure]').count()).toBe(outline.figures.length);
    const problems: string[] = [];
    for (const id of outline.figures) {
      // A figure may carry renderings for several screen widths; CSS shows one of them.
      const svgs = page.locator(`figure[data-figure="${id}"] .figure-chart:visible svg`);
      const n = await svgs.count();
      if (n === 0) problems.push(`${id}: no svg`);
      let largest = 0;
      for (let i = 0; i < n; i++) {
        const box = await svgs.nth(i).boundingBox();
        if (!box || box.width <= 0 || box.height <= 0) problems.push(`${id}: svg #${i} has no box`);
        else largest = Math.max(largest, box.width * box.height);
      }
      // The chart itself, not only its legend swatches.
      if (n > 0 && largest < 200 * 100) problems.push(`${id}: largest svg is only ${Math.round(largest)} px²`);
    }
    expect(problems).toEqual([]);
  });

  test('scrolly steps read as plain text', async () => {
    const steps = page.locator('[data-step-state]');
    const n = await steps.count();
    expect(n).toBe(outline.scrollies.reduce((s, x) => s + x.states.length, 0));
    for (let i = 0; i < n; i++) {
      const box = await steps.nth(i).boundingBox();
      expect(box && box.height > 0, `step ${i} visible`).toBe(true);
    }
  });
});

describe.each(['/methodology/', '/data/'])('%s without JavaScript', (path) => {
  test('renders its h1', async () => {
    const p = await context.newPage();
    const res = await p.goto(`${server.origin}${path}`);
    expect(res?.status()).toBe(200);
    const h1 = p.locator('h1');
    expect(await h1.count()).toBe(1);
    const box = await h1.boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    expect((await h1.textContent())?.trim()).not.toBe('');
    await p.close();
  });
});
