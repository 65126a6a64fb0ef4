/** The built site (dist/, made by `npm run build` before the tests) with JavaScript off: what a reader without scripts gets. */
import { load } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');
const html = (page: string) => readFileSync(join(DIST, page), 'utf8');

describe('built article', () => {
  it('exists (run `npm run build` first; `npm test` does)', () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
  });

  it('contains the Epoch chart as server-rendered SVG with its source line and as-of date', () => {
    const $ = load(html('index.html'));
    const fig = $('figure[data-figure="notable-open-by-country"]');
    expect(fig.length).toBe(1);
    const svg = fig.find('.figure-chart svg[aria-label]');
    expect(svg.length).toBe(1);
    expect(svg.find('rect').length).toBeGreaterThan(20);
    expect(fig.find('.figure-source').text()).toMatch(/Epoch AI.*data as of \d{1,2} \w+ 20\d\d/s);
    expect(fig.find('.figure-source time').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('serves the rows the chart plots as CSV', () => {
    const csv = parse(html('data/figures/notable-open-by-country.csv'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(csv[0]!)).toEqual(['year', 'country', 'weights', 'models']);
    const $ = load(html('index.html'));
    expect($('figure[data-figure="notable-open-by-country"] .figure-table tbody tr').length).toBe(csv.length);
  });
});
