/**
 * 6. Every internal link and anchor resolves, and every figure's CSV download holds exactly
 * the rows of the figure's data table (or, when the table is cut at 400 rows, the number of
 * rows its link promises).
 */
import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, PAGES, launchBrowser } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
/** href as written → absolute URL, with the page it was found on. */
const links: { page: string; href: string; url: URL }[] = [];

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const path of PAGES) {
    await page.goto(`${server.origin}${path}`);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => [a.getAttribute('href')!, (a as HTMLAnchorElement).href]));
    for (const [href, abs] of hrefs) links.push({ page: path, href: href!, url: new URL(abs!) });
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fetched = new Map<string, Promise<{ status: number; type: string; body: string }>>();
function get(url: string) {
  if (!fetched.has(url)) fetched.set(url, fetch(url).then(async (r) => ({ status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() })));
  return fetched.get(url)!;
}

describe('links', () => {
  test('every page has links, and every same-origin link answers 200', async () => {
    for (const path of PAGES) expect(links.filter((l) => l.page === path).length, `links on ${path}`).toBeGreaterThan(0);
    const internal = links.filter((l) => l.url.origin === server.origin);
    expect(internal.length).toBeGreaterThan(PAGES.length);
    const broken: string[] = [];
    for (const l of internal) {
      const target = `${l.url.origin}${l.url.pathname}${l.url.search}`;
      const { status } = await get(target);
      if (status !== 200) broken.push(`${l.page}: ${l.href} → HTTP ${status}`);
    }
    expect(broken).toEqual([]);
  });

  test('every #fragment names an element on its target page', async () => {
    const withFragment = links.filter((l) => l.url.origin === server.origin && l.url.hash.length > 1);
    expect(withFragment.length, 'internal links with a #fragment').toBeGreaterThan(0);
    const missing: string[] = [];
    for (const l of withFragment) {
      const { body, type } = await get(`${l.url.origin}${l.url.pathname}`);
      if (!type.startsWith('text/html')) {
        missing.push(`${l.page}: ${l.href} → fragment on a ${type} resource`);
        continue;
      }
      const id = decodeURIComponent(l.url.hash.slice(1));
      const $ = cheerio.load(body);
      if ($(`[id="${id.replace(/"/g, '\\"')}"]`).length !== 1) missing.push(`${l.page}: ${l.href} → no single element with id="${id}"`);
    }
    expect(missing).toEqual([]);
  });

  test('links to other sites are https', () => {
    const external = links.filter((l) => l.url.origin !== server.origin);
    const insecure = external.filter((l) => l.url.protocol !== 'https:').map((l) => `${l.page}: ${l.href}`);
    expect(insecure).toEqual([]);
  });
});

describe('figure downloads', () => {
  test('every figure has one CSV link, and its rows match the figure table', async () => {
    await page.goto(`${server.origin}/`);
    const figures = await page.locator('figure[data-figure]').evaluateAll((figs) =>
      figs.map((f) => {
        const a = f.querySelector<HTMLAnchorElement>('a.figure-download');
        return {
          id: f.getAttribute('data-figure')!,
          links: f.querySelectorAll('a.figure-download').length,
          href: a?.href ?? '',
          text: a?.textContent ?? '',
          tableRows: f.querySelectorAll('.figure-table tbody tr').length,
          tableCols: f.querySelectorAll('.figure-table thead th').length,
        };
      }),
    );
    expect(figures.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const fig of figures) {
      if (fig.links !== 1) {
        problems.push(`${fig.id}: ${fig.links} a.figure-download links`);
        continue;
      }
      const { status, type, body } = await get(fig.href);
      if (status !== 200 || !type.startsWith('text/csv')) {
        problems.push(`${fig.id}: ${fig.href} → HTTP ${status} ${type}`);
        continue;
      }
      const rows = parse(body, { columns: true, bom: true }) as Record<string, string>[];
      const stated = Number(/\(CSV, ([\d,]+) rows?\)/.exec(fig.text)?.[1]?.replace(/,/g, '') ?? NaN);
      if (!Number.isFinite(stated)) problems.push(`${fig.id}: link text "${fig.text}" does not say "(CSV, N rows)"`);
      else if (rows.length !== stated) problems.push(`${fig.id}: CSV has ${rows.length} rows, the link says ${stated}`);
      const expected = fig.tableRows === 400 && stated > 400 ? stated : fig.tableRows;
      if (rows.length !== expected) problems.push(`${fig.id}: CSV has ${rows.length} rows, the table shows ${fig.tableRows}`);
      if (rows.length > 0 && Object.keys(rows[0]!).length !== fig.tableCols) problems.push(`${fig.id}: CSV has ${Object.keys(rows[0]!).length} columns, the table ${fig.tableCols}`);
    }
    expect(problems).toEqual([]);
  });
});
