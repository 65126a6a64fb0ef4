/**
 * 6. Every figure read as a reader sees it, at a phone (390), tablet (768) and desktop (1440)
 * width, measured from the rendered bounding boxes of each visible chart's <text>:
 *  - clipped: a label that reaches outside its <svg> box or the viewport;
 *  - overlapping: two labels of one chart whose boxes intersect;
 *  - smallest font as rendered: computed font-size × the SVG's on-screen scale (legends too).
 * And on a 390×844 phone (and a 1440×900 desktop), for each scrolly step: once the step is active, the chart is on
 * screen, not covered, and the step's own text is not hidden under it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { liveSite, settle } from './helpers/browser.ts';
import { articleOutline } from './helpers/site.ts';
import { boardDates, RACE_BOARDS, topAt } from '../../src/lib/race-views.ts';
import { TOP_N } from '../../src/lib/race-render.ts';

const WIDTHS = [390, 768, 1440] as const;
const MIN_FONT_PX = 12;
const outline = articleOutline();
const live = liveSite();

interface FigureReport {
  id: string;
  charts: number;
  clipped: string[];
  overlaps: string[];
  minFont: number;
  minFontAt: string;
}

/**
 * Runs in the page: measures every visible chart of every figure matching `selector` (the
 * article's figures by default; the race pages' figures are named by their caption).
 */
function measureFigures(selector = 'figure[data-figure]'): FigureReport[] {
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const label = (t: Element) => JSON.stringify((t.textContent ?? '').trim().slice(0, 40));
  return [...document.querySelectorAll<HTMLElement>(selector)].map((fig) => {
    const report: FigureReport = { id: fig.dataset.figure ?? (fig.querySelector('figcaption strong')?.textContent ?? '').trim(), charts: 0, clipped: [], overlaps: [], minFont: Infinity, minFontAt: '' };
    for (const svg of fig.querySelectorAll<SVGSVGElement>('.figure-chart svg[class^="plot-"]')) {
      if (!visible(svg)) continue;
      report.charts++;
      const box = svg.getBoundingClientRect();
      const scale = svg.getScreenCTM()?.a ?? 1;
      const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '' && visible(t));
      const rects = texts.map((t) => t.getBoundingClientRect());
      texts.forEach((t, i) => {
        const r = rects[i]!;
        const out = r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < -1 || r.right > innerWidth + 1;
        if (out) report.clipped.push(label(t));
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < report.minFont) [report.minFont, report.minFontAt] = [px, label(t)];
        for (let j = i + 1; j < texts.length; j++) {
          const q = rects[j]!;
          const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          if (w > 1 && h > 1) report.overlaps.push(`${label(t)} × ${label(texts[j]!)}`);
        }
      });
    }
    // Legends are HTML beside the SVG: their labels count for the smallest font too.
    for (const el of fig.querySelectorAll<HTMLElement>('.figure-chart [class*="-swatch"]')) {
      if (!visible(el) || !(el.textContent ?? '').trim() || el.children.length > 1) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < report.minFont) [report.minFont, report.minFontAt] = [px, `legend ${label(el)}`];
    }
    return report;
  });
}

async function openAt(width: number, height = 900): Promise<Page> {
  const context = await live.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${live.server.origin}/`, { waitUntil: 'load' });
  await settle(page);
  return page;
}

describe.each(WIDTHS)('every figure at %ipx', (width) => {
  let reports: FigureReport[];
  beforeAll(async () => {
    const page = await openAt(width);
    reports = await page.evaluate(measureFigures, undefined);
    await page.context().close();
    const clipped = reports.reduce((n, r) => n + r.clipped.length, 0);
    const overlaps = reports.reduce((n, r) => n + r.overlaps.length, 0);
    const min = Math.min(...reports.map((r) => r.minFont));
    // The table, for the record (the closing note quotes it).
    console.log(`[phone.test] ${width}px: ${clipped} clipped, ${overlaps} overlapping pairs, smallest font ${min.toFixed(1)}px`);
    for (const r of reports) for (const c of [...r.clipped.map((x) => `clipped ${x}`), ...r.overlaps.map((x) => `overlap ${x}`)]) console.log(`[phone.test]   ${width}px ${r.id}: ${c}`);
  });

  test('every figure shows exactly one chart', () => {
    expect(reports.map((r) => r.id)).toEqual(outline.figures);
    expect(reports.filter((r) => r.charts !== 1).map((r) => `${r.id}: ${r.charts} visible charts`)).toEqual([]);
  });
  test('no label is clipped by its chart or the viewport', () => {
    expect(reports.flatMap((r) => r.clipped.map((c) => `${r.id}: ${c}`))).toEqual([]);
  });
  test('no two labels overlap', () => {
    expect(reports.flatMap((r) => r.overlaps.map((c) => `${r.id}: ${c}`))).toEqual([]);
  });
  test(`chart text is at least ${MIN_FONT_PX}px as rendered`, () => {
    const small = reports.filter((r) => r.minFont < MIN_FONT_PX - 0.05).map((r) => `${r.id}: ${r.minFont.toFixed(1)}px at ${r.minFontAt}`);
    expect(small).toEqual([]);
  });
});

describe.each([
  [390, 844],
  [1440, 900],
])('scrolly at %i×%i', (width, height) => {
  test('each step, once active, has its chart on screen and uncovered, and its own text visible', async () => {
    const page = await openAt(width, height);
    const failures: string[] = [];
    let onScreen = 0;
    const looks: string[] = [];
    let total = 0;
    for (const { id, states } of outline.scrollies) {
      for (const [i, state] of states.entries()) {
        total++;
        const step = page.locator(`[data-scrolly="${id}"] [data-step-state]`).nth(i);
        // Scroll down in small increments, as a thumb does, until the step becomes the active one.
        await step.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - innerHeight));
        let active = false;
        for (let tries = 0; tries < 80 && !active; tries++) {
          await page.mouse.wheel(0, 40);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          active = await page.evaluate(([sid, idx]) => document.querySelector<HTMLElement>(`[data-scrolly="${sid}"]`)?.dataset.activeStep === String(idx), [id, i] as const);
        }
        if (!active) {
          failures.push(`${id} step ${i} (${state}) never became active`);
          continue;
        }
        const seen = await page.evaluate(([sid, idx]) => {
          const root = document.querySelector<HTMLElement>(`[data-scrolly="${sid}"]`)!;
          const svg = [...root.querySelectorAll<SVGSVGElement>('.scrolly-graphic .figure-chart svg[class^="plot-"]')].find((s) => s.getBoundingClientRect().width > 0);
          const stepEl = root.querySelectorAll<HTMLElement>('[data-step-state]')[idx]!;
          if (!svg) return 'no visible chart';
          const r = svg.getBoundingClientRect();
          if (r.top < -1 || r.bottom > innerHeight + 1) return `chart at ${Math.round(r.top)}…${Math.round(r.bottom)} of a ${innerHeight}px viewport`;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (!hit || !svg.contains(hit) && !svg.parentElement!.contains(hit)) return `chart covered by ${hit?.tagName}.${hit?.className}`;
          const s = stepEl.getBoundingClientRect();
          const y = Math.min(Math.max(s.top + 20, r.bottom + 10), s.bottom - 5, innerHeight - 5);
          const onStep = document.elementFromPoint(s.left + s.width / 2, y);
          if (!onStep || !stepEl.contains(onStep)) return `step text hidden (at y=${Math.round(y)}: ${onStep?.tagName}.${onStep?.className})`;
          return '';
        }, [id, i] as const);
        if (seen) failures.push(`${id} step ${i} (${state}): ${seen}`);
        else onScreen++;
        await settle(page);
        looks.push(await page.evaluate((sid) => [...document.querySelectorAll(`[data-scrolly="${sid}"] .scrolly-graphic svg [class]`)].map((el) => `${getComputedStyle(el).opacity}/${getComputedStyle(el).visibility}`).join(), id));
      }
      // Each state looks different from every other (the open-only state is not the faded one again).
      if (new Set(looks).size !== states.length) failures.push(`${id}: ${new Set(looks).size} distinct looks for ${states.length} states`);
      looks.length = 0;
    }
    console.log(`[phone.test] scrolly on ${width}×${height}: ${onScreen} of ${total} steps have their chart on screen when active`);
    await page.context().close();
    expect(failures).toEqual([]);
  });
});

describe('values by touch', () => {
  test('tapping a bar shows its value beside it; tapping elsewhere hides it', async () => {
    const context = await live.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${live.server.origin}/#ranking-open`, { waitUntil: 'load' });
    const bar = page.locator('#ranking-open .figure-chart:visible svg .bars-open > *').first();
    const want = await bar.locator('title').textContent();
    expect(want, 'the bar has a <title> with its value').toMatch(/\d/);
    await bar.tap();
    const tip = page.locator('#ranking-open .chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe(want);
    const [t, b] = await Promise.all([tip.boundingBox(), page.locator('#ranking-open .figure-charts').boundingBox()]);
    expect(t!.x >= b!.x - 1 && t!.x + t!.width <= b!.x + b!.width + 1, 'the value box stays inside the figure').toBe(true);
    await page.locator('#ranking-open .figure-title').tap();
    await expect.poll(() => tip.isVisible()).toBe(false);
    await context.close();
  });

  test('every figure has a visible link to itself', async () => {
    const page = await openAt(390);
    const links = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('figure[data-figure]')].map((f) => {
      const a = f.querySelector<HTMLAnchorElement>('a.figure-permalink');
      return a && a.getBoundingClientRect().width > 0 ? a.getAttribute('href') : `missing in ${f.id}`;
    }));
    expect(links).toEqual(outline.figures.map((id) => `#${id}`));
    await page.context().close();
  });
});

describe.each([390, 1440])('a race date page at %ipx', (width) => {
  // A global rule for the article's drawings once hid every chart of the race pages: a figure with
  // only its caption is what a reader would see, and a label test finds nothing to complain about.
  test('every race figure shows a chart', async () => {
    const context = await live.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${live.server.origin}/race/aa-intelligence/2026-07-10/`, { waitUntil: 'load' });
    const figures = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('figure.race-figure')].map((f) => ({
      caption: (f.querySelector('figcaption')?.textContent ?? '').trim().slice(0, 50),
      charts: [...f.querySelectorAll('svg[role="img"]')].filter((s) => s.getBoundingClientRect().width > 0 && s.getBoundingClientRect().height > 0).length,
    })));
    expect(figures.length).toBeGreaterThanOrEqual(4);
    expect(figures.filter((f) => f.charts !== 1).map((f) => `${f.caption}: ${f.charts} visible charts`)).toEqual([]);
    await context.close();
  });
});

/**
 * The race pages measured as the article's figures are: two boards (a dot board of long LMArena
 * names, a bar board) at two dates each, and the page whose two rankings hold the most rows
 * (ties: the longest names), where labels are most crowded.
 */
const racePages = (() => {
  const all = RACE_BOARDS.flatMap((b) => boardDates(b).map((d) => {
    const rows = [...topAt(b, d, TOP_N, false), ...topAt(b, d, TOP_N, true)];
    return { path: `/race/${b.id}/${d}/`, rows: rows.length, chars: rows.reduce((n, r) => n + r.model.length, 0) };
  }));
  const most = all.reduce((a, b) => (b.rows > a.rows || (b.rows === a.rows && b.chars > a.chars) ? b : a));
  const dates = (id: string) => boardDates(RACE_BOARDS.find((b) => b.id === id)!);
  const pick = (id: string) => [dates(id)[0]!, dates(id).at(-1)!].map((d) => `/race/${id}/${d}/`);
  return [...new Set([...pick('lmarena-text-history'), ...pick('aa-intelligence'), most.path])];
})();

describe.each(WIDTHS)('race pages at %ipx', (width) => {
  test.each(racePages)('%s: every chart shown, no label clipped or overlapping, text at least 12px', async (path) => {
    const context = await live.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${live.server.origin}${path}`, { waitUntil: 'load' });
    await settle(page);
    const reports = await page.evaluate(measureFigures, 'figure.race-figure');
    await context.close();
    const min = Math.min(...reports.map((r) => r.minFont));
    console.log(`[phone.test] race ${path} at ${width}px: ${reports.reduce((n, r) => n + r.clipped.length, 0)} clipped, ${reports.reduce((n, r) => n + r.overlaps.length, 0)} overlapping pairs, smallest font ${min.toFixed(1)}px`);
    expect(reports.filter((r) => r.charts !== 1).map((r) => `${r.id}: ${r.charts} visible charts`)).toEqual([]);
    expect(reports.flatMap((r) => [...r.clipped.map((c) => `${r.id}: clipped ${c}`), ...r.overlaps.map((c) => `${r.id}: overlap ${c}`)])).toEqual([]);
    expect(reports.filter((r) => r.minFont < MIN_FONT_PX - 0.05).map((r) => `${r.id}: ${r.minFont.toFixed(1)}px at ${r.minFontAt}`)).toEqual([]);
  });
});
