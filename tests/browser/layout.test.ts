/**
 * 5. Screenshots of the article on a phone and a desktop (test-results/screenshots/), and at
 * 320px nothing sticks out sideways: the page does not scroll horizontally, and no element
 * reaches past the right edge unless it sits in a box that scrolls sideways on purpose.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, PAGES, launchBrowser, settle } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('screenshots of the article', () => {
  test.each([
    { name: 'mobile', width: 375, height: 812 },
    { name: 'desktop', width: 1440, height: 900 },
  ])('$name ($width×$height)', async ({ name, width, height }) => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await settle(page);
    for (const [suffix, fullPage] of [['top', false], ['full', true]] as const) {
      const path = join(SHOTS, `article-${name}-${width}x${height}-${suffix}.png`);
      await page.screenshot({ path, fullPage });
      expect(statSync(path).size, path).toBeGreaterThan(5_000);
    }
    await context.close();
  });
});

describe('at 320px wide', () => {
  test.each(PAGES)('%s does not overflow horizontally', async (path) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    // Open the data tables too: they must scroll inside their own box, not widen the page.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await settle(page);
    const { scrollWidth, offenders } = await page.evaluate((limit) => {
      const scrollsSideways = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
      const describe = (el: Element) => {
        const parts: string[] = [];
        for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
          let part = e.tagName.toLowerCase();
          if (e.id) part += `#${e.id}`;
          else if (typeof e.className === 'string' && e.className.trim()) part += `.${e.className.trim().split(/\s+/).slice(0, 2).join('.')}`;
          parts.unshift(part);
          if (e.id) break;
        }
        return parts.join(' > ');
      };
      const offenders: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right <= limit + 1) continue;
        // Clipped away for screen readers only (.visually-hidden), or inside a sideways scroller.
        if (getComputedStyle(el).position === 'absolute' && r.width <= 1) continue;
        let inScroller = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrollsSideways(p)) inScroller = true;
        if (!inScroller) offenders.push(`${describe(el)} (right=${Math.round(r.right)})`);
      }
      return { scrollWidth: document.documentElement.scrollWidth, offenders };
    }, 320);
    await context.close();
    expect(offenders, `elements past the right edge of a 320px viewport on ${path}`).toEqual([]);
    expect(scrollWidth, `document scrollWidth on ${path}`).toBeLessThanOrEqual(320);
  });
});
