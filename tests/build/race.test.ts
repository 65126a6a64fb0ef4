/**
 * The race pages in the built site (dist/, made by `npm run build` before the tests): one page
 * and one fragment per capture date of every ranked board, every date reachable by links alone,
 * and the byte budgets of issue 15 (gzip, node:zlib level 9 as in bench/bytes.ts):
 * JS shipped ≤ 30 KiB, a page's first load ≤ 150 KiB, each further date (its fragment) ≤ 10 KiB.
 */
import { load } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageBytes } from '../../bench/bytes.ts';
import { boardDates, RACE_BOARDS } from '../../src/lib/race-views.ts';
import { OVERVIEW_WIDTHS } from '../../src/lib/race-render.ts';

const DIST = join(import.meta.dirname, '../../dist');
const built = existsSync(join(DIST, 'race', 'index.html'));
if (!built) console.warn('tests/build/race.test.ts: dist/race/ is missing, skipped: run `npm run build` first');
const KiB = 1024;
export const RACE_BUDGETS = { jsShippedGzip: 30 * KiB, firstLoadGzip: 150 * KiB, furtherDateGzip: 10 * KiB };

const html = (path: string) => readFileSync(join(DIST, path.replace(/^\//, ''), 'index.html'), 'utf8');
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const pages = RACE_BOARDS.flatMap((b) => boardDates(b).map((d) => ({ board: b.id, date: d, path: `/race/${b.id}/${d}/`, fragment: `/race/fragments/${b.id}/${d}/` })));

/** Every JS file a page can run: its module scripts and, recursively, their static and dynamic imports. */
function jsGraph(pagePath: string): string[] {
  const $ = load(html(pagePath));
  const todo = $('script[src]').map((_, s) => $(s).attr('src')!).get();
  const seen = new Set<string>();
  while (todo.length) {
    const url = todo.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(join(DIST, url), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js|\/_astro\/[^"'`]+\.js)["'`]/g)) todo.push(m[1]!.startsWith('/') ? m[1]! : posix.join(posix.dirname(url), m[1]!));
    // Vite's preload helper lists the chunks a dynamic import() fetches as bare file names.
    for (const m of code.matchAll(/["'`](_astro\/[\w.-]+\.js)["'`]/g)) todo.push(`/${m[1]}`);
  }
  return [...seen];
}

describe.runIf(built)('race pages in dist/', () => {
  it('has a page and a fragment for every capture date of every ranked board', () => {
    expect(pages.length).toBeGreaterThan(100);
    const missing = pages.flatMap((p) => [p.path, p.fragment]).filter((p) => !existsSync(join(DIST, p, 'index.html')));
    expect(missing).toEqual([]);
    const lmarenaHistory = pages.filter((p) => p.board === 'lmarena-text-history');
    expect(lmarenaHistory.length).toBeGreaterThanOrEqual(90);
  });

  it('reaches every date from /race/ by following links only (no JavaScript)', () => {
    const seen = new Set<string>(['/race/']);
    const todo = ['/race/'];
    while (todo.length) {
      const $ = load(html(todo.pop()!));
      $('a[href^="/race/"]').each((_, a) => {
        const href = $(a).attr('href')!.split('#')[0]!;
        if (!seen.has(href) && !href.startsWith('/race/fragments/')) {
          seen.add(href);
          todo.push(href);
        }
      });
    }
    expect(pages.map((p) => p.path).filter((p) => !seen.has(p))).toEqual([]);
  });

  it('each date page shows its own date in the heading, the chosen-date rule, both rankings and a source line', () => {
    for (const p of pages.filter((_, i) => i % 9 === 0)) {
      const $ = load(html(p.path));
      expect($('#race-date').attr('data-date'), p.path).toBe(p.date);
      expect($('#race-date h2 time').attr('datetime'), p.path).toBe(p.date);
      expect($('#race-date .figure-chart svg[role="img"]').length, p.path).toBeGreaterThanOrEqual(2);
      expect($('.race-overview .race-marker line').length, p.path).toBe(2 * OVERVIEW_WIDTHS.length);
      expect($('#race-date .race-source a[href^="https://"]').length, p.path).toBe(1);
      // The rule sits where the overview's own scale puts this date.
      const box = $('.race-overview [data-marker-x]').first();
      const x = JSON.parse(box.attr('data-marker-x')!)[p.date];
      expect(box.find('.race-marker line').attr('x1'), p.path).toBe(String(x));
    }
  });

  it('keeps scraped names as text: no markup from the data, no inline script', () => {
    for (const p of pages) {
      const $ = load(html(p.fragment));
      expect($('script').length, p.fragment).toBe(0);
      expect($('#race-date').find('*').filter((_, el) => /^(script|iframe|object|embed|img)$/i.test((el as { tagName: string }).tagName)).length, p.fragment).toBe(0);
    }
  });

  it('shows models with no known lab in the neutral colour, explained in the legend', () => {
    const p = pages.find((x) => x.board === 'lmarena-text-history' && x.date === '2024-06-29')!;
    const page = html(p.path);
    expect(page).toContain('fill="#E4E4E4"');
    expect(load(page)('.race-legend').text()).toMatch(/Lab unknown.*models\.csv/s);
  });

  it('marks the LMArena history break of 2024-06-29 between scoring methods', () => {
    const $ = load(html('/race/lmarena-text-history/2024-06-29/'));
    expect($('.race-breaks time').map((_, t) => $(t).attr('datetime')).get()).toContain('2024-06-29');
  });

  it('the article links its ranked figures to the race page at their own date', () => {
    const $ = load(html('/'));
    const links = $('figure[data-figure] a.figure-race').map((_, a) => $(a).attr('href')!).get();
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const href of links) expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    const aa = $('figure[data-figure="ranking-all"]');
    expect(aa.find('a.figure-race').attr('href')).toBe(`/race/aa-intelligence/${aa.find('.figure-source time').attr('datetime')}/`);
  });

  it('stays within the byte budgets', () => {
    let js = 0;
    let firstLoad = { page: '', gzip: 0 };
    let further = { page: '', gzip: 0 };
    const jsFiles = jsGraph(pages[0]!.path);
    expect(jsFiles.some((f) => /race-client/.test(f)), `the race client is in the page's JS graph: ${jsFiles.join(', ')}`).toBe(true);
    for (const p of pages) {
      const graph = jsGraph(p.path);
      const jsGzip = graph.reduce((n, f) => n + gz(readFileSync(join(DIST, f))), 0);
      js = Math.max(js, jsGzip);
      const b = pageBytes(DIST, p.path);
      expect(b.missing, p.path).toEqual([]);
      // pageBytes counts the static script graph; the dynamically imported client is added here.
      const counted = new Set(b.resources.map((r) => r.url));
      const total = b.total.gzip + graph.filter((f) => !counted.has(f)).reduce((n, f) => n + gz(readFileSync(join(DIST, f))), 0);
      if (total > firstLoad.gzip) firstLoad = { page: p.path, gzip: total };
      const fragment = gz(readFileSync(join(DIST, p.fragment, 'index.html')));
      if (fragment > further.gzip) further = { page: p.fragment, gzip: fragment };
    }
    console.info(`race budgets (gzip): JS shipped ${js} B; largest first load ${firstLoad.gzip} B (${firstLoad.page}); largest further date ${further.gzip} B (${further.page})`);
    expect(js, 'JS shipped').toBeLessThanOrEqual(RACE_BUDGETS.jsShippedGzip);
    expect(firstLoad.gzip, `first load of ${firstLoad.page}`).toBeLessThanOrEqual(RACE_BUDGETS.firstLoadGzip);
    expect(further.gzip, `further date ${further.page}`).toBeLessThanOrEqual(RACE_BUDGETS.furtherDateGzip);
  });
});
