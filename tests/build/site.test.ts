/** The built site (dist/, made by `npm run build` before the tests) read as a reader without JavaScript gets it. */
import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');
const read = (page: string) => readFileSync(join(DIST, page), 'utf8');
const built = existsSync(join(DIST, 'index.html'));

describe.runIf(built)('built article, JavaScript off', () => {
  const $ = load(built ? read('index.html') : '');

  it('has a headline, dek, byline with the date of the data', () => {
    expect($('h1').first().text()).toMatch(/China/);
    expect($('.dek').text().length).toBeGreaterThan(40);
    expect($('.byline time').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has one section per step of the argument, in order', () => {
    const ids = $('section[id^="step-"]').map((_, s) => $(s).attr('id')).get();
    expect(ids).toEqual(['step-1', 'step-2', 'step-3', 'step-4', 'step-5', 'step-6', 'step-7', 'step-8']);
    for (const id of ids) expect($(`#${id} h2`).text().length, id).toBeGreaterThan(5);
  });

  it('has ten or more figures, each with server-rendered SVG, takeaway, description, source line with date, CSV link and data table', () => {
    const figures = $('figure[data-figure]');
    expect(figures.length).toBeGreaterThanOrEqual(10);
    figures.each((_, el) => {
      const fig = $(el);
      const id = fig.attr('data-figure')!;
      expect(fig.find('.figure-chart svg[aria-label]').length, id).toBeGreaterThan(0);
      expect(fig.find('.figure-chart svg').find('rect, circle, path, line, text').length, id).toBeGreaterThan(5);
      expect(fig.find('.figure-title').text().length, id).toBeGreaterThan(5);
      expect(fig.find('.figure-takeaway').text().length, id).toBeGreaterThan(20);
      expect(fig.find('.figure-description').text().length, id).toBeGreaterThan(40);
      expect(fig.find('.figure-source').text(), id).toMatch(/Source:/);
      expect(fig.find('a.figure-download').attr('href'), id).toBe(`/data/figures/${id}.csv`);
      expect(fig.find('.figure-table table').length, id).toBe(1);
    });
  });

  it('every figure that shows a date shows it as a machine-readable time', () => {
    $('figure[data-figure] .figure-source time').each((_, t) => expect($(t).attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/));
  });

  it('serves exactly the rows each chart plots as CSV, with the table view showing the same rows', () => {
    $('figure[data-figure]').each((_, el) => {
      const id = $(el).attr('data-figure')!;
      const rows = parse(read(`data/figures/${id}.csv`), { columns: true }) as Record<string, string>[];
      expect(rows.length, id).toBeGreaterThan(0);
      const shown = $(el).find('.figure-table tbody tr').length;
      expect(shown, id).toBe(Math.min(rows.length, 400));
      expect($(el).find('a.figure-download').text()).toContain(`${rows.length} rows`);
    });
  });

  it('the scrollies carry their steps and states in the HTML', () => {
    const scrollies = $('[data-scrolly]');
    expect(scrollies.length).toBeGreaterThanOrEqual(2);
    scrollies.each((_, s) => {
      expect($(s).attr('data-state')).toBeTruthy();
      expect($(s).find('[data-step-state]').length).toBeGreaterThanOrEqual(2);
    });
  });

  it('requests nothing from a third-party host: every src and stylesheet is local', () => {
    const refs = $('script[src], link[rel="stylesheet"], img[src], link[rel="icon"]').map((_, e) => $(e).attr('src') ?? $(e).attr('href')).get();
    for (const r of refs) expect(r, r).toMatch(/^\/(?!\/)/);
  });

  it('has an Open Graph card generated at build', () => {
    expect($('meta[property="og:image"]').attr('content')).toMatch(/social-card\.png$/);
    const png = readFileSync(join(DIST, 'social-card.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
  });
});

describe.runIf(built)('methodology and data pages', () => {
  it('methodology lists sources, openness and country rules, caveats and every claim', () => {
    const $ = load(read('methodology/index.html'));
    for (const id of ['sources', 'openness', 'country', 'matching', 'caveats', 'claims']) expect($(`#${id}`).length, id).toBe(1);
    expect($('.claims li').length).toBeGreaterThanOrEqual(15);
    expect($('#caveats').next('ul').text()).toMatch(/re-bases/);
  });

  it('data page lists every published CSV with its schema, and the files are served', () => {
    const $ = load(read('data/index.html'));
    const pkg = JSON.parse(read('data/datapackage.json')) as { resources: { name: string; path: string; schema: { fields: unknown[] } }[] };
    for (const r of pkg.resources) {
      expect($(`#table-${r.name}`).length, r.name).toBe(1);
      expect($(`#table-${r.name} tbody tr`).length, r.name).toBe(r.schema.fields.length);
      expect(existsSync(join(DIST, 'data', r.path)), r.path).toBe(true);
    }
  });
});

it.skipIf(built)('built site missing: run `npm run build` first (npm test does)', () => {
  expect(built).toBe(true);
});
