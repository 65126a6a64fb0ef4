/** The built site as a forker or a citer uses it: version, licences in words, citation, changes, figure package. */
import { load } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../normalize/schema.ts';

const DIST = join(import.meta.dirname, '../../dist');
const read = (page: string) => readFileSync(join(DIST, page), 'utf8');
const built = existsSync(join(DIST, 'index.html'));
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/datapackage.json'), 'utf8')) as { version: string };

describe.runIf(built)('publishing like a data desk', () => {
  it('every page footer shows the data version, build date, and links to the citation, the changes and the code', () => {
    for (const page of ['index.html', 'data/index.html', 'methodology/index.html', 'changes/index.html']) {
      const $ = load(read(page));
      const footer = $('.site-footer .release');
      expect(footer.find('.data-version').text(), page).toBe(pkg.version);
      expect(footer.text(), page).toMatch(/built \d{4}-\d{2}-\d{2}/);
      expect(footer.find('a[href="/data/#cite"]').length, page).toBe(1);
      expect(footer.find('a[href="/changes/"]').length, page).toBe(1);
    }
  });

  it('the canonical URL is the configured site, not a placeholder', () => {
    const href = load(read('index.html'))('link[rel="canonical"]').attr('href')!;
    expect(href).not.toMatch(/example\.org/);
    expect(() => new URL(href)).not.toThrow();
  });

  it('the data page states, per table, the sources and the terms that apply, and says not everything is CC BY', () => {
    const $ = load(read('data/index.html'));
    const rows = $('#licences ~ .table-scroll').first().find('tbody tr');
    expect(rows.length).toBe(TABLES.length + 1);
    const models = rows.filter((_, r) => $(r).find('td').first().text() === 'models.csv');
    expect(models.text()).toMatch(/Artificial Analysis’s own terms, not CC BY/);
    expect($('main').text()).toMatch(/does not make every row CC BY/);
  });

  it('the data page has a citation with the data version, as text and BibTeX', () => {
    const $ = load(read('data/index.html'));
    expect($('#cite').length).toBe(1);
    expect($('.citation').text()).toContain(`Data version ${pkg.version}`);
    const bib = $('.bibtex').text();
    expect(bib).toMatch(/^@misc\{[a-z0-9]+,/);
    expect(bib).toContain(`version      = {${pkg.version}}`);
  });

  it('the changes page lists the current data version', () => {
    const $ = load(read('changes/index.html'));
    expect($(`h2[id="v-${pkg.version}"]`).length).toBe(1);
  });

  it('serves the figure CSVs’ data package, one resource per figure CSV that exists', () => {
    const figures = JSON.parse(read('data/figures/datapackage.json')) as { version: string; resources: { path: string; bytes: number }[] };
    expect(figures.version).toBe(pkg.version);
    for (const r of figures.resources) expect(Buffer.byteLength(read(`data/figures/${r.path}`)), r.path).toBe(r.bytes);
  });
});
