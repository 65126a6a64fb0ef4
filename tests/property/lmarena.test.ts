/** LMArena: catalog JSON (raw and style-controlled), metadata JSON, leaderboard CSV, wide history CSV, arena-top JSON and page. */
import { describe, expect, it } from 'vitest';
import { lmarena, parseArenaPage, parseArenaTopJson, parseCatalog, parseHistoryWide, parseMetadata, type HistoryRow } from '../../scrapers/lmarena.ts';
import type { ParsedVersion } from '../../scrapers/lib/source.ts';
import { csvMutation, mutateCsv } from './helpers/csv.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { captureOf, checkDirect, checkFormat, expectParseError, specOf, targetOf, uncovered } from './helpers/invariant.ts';
import { applyJsonOps, deleteKeyEverywhere, jsonMutation, renameKeyEverywhere } from './helpers/json.ts';
import { markupMutation, mutateMarkup } from './helpers/markup.ts';
import { fc } from './helpers/setup.ts';
import { csvProperties, jsonProperties, markupProperties } from './helpers/suites.ts';

const CATALOG = 'lmarena-catalog-json';
const METADATA = 'lmarena-catalog-metadata-json';
const LEADERBOARD = 'lmarena-leaderboard-csv';
const HISTORY = 'lmarena-history-wide-csv';
const TOP = 'arena-top-json';
const spec = (f: string) => specOf(lmarena, f);
const parse = (f: string, s: string, dataset?: string) => spec(f).parse(captureOf(s), targetOf(lmarena, f, dataset));

it('every LMArena format has properties', () => {
  expect(uncovered(lmarena, [CATALOG, METADATA, LEADERBOARD, HISTORY, TOP])).toEqual([]);
});

describe('lmarena-catalog-json', () => {
  const text = fixtureText('lmarena', 'catalog.json');
  for (const dataset of ['text-raw', 'text-style-control']) {
    jsonProperties({ spec: spec(CATALOG), target: targetOf(lmarena, CATALOG, dataset), name: `catalog.json as ${dataset}`, text });
  }
  it('parseCatalog on mutated JSON returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation.map((m) => m.ops), fc.boolean(), (ops, styleControl) => {
      checkDirect(() => parseCatalog(applyJsonOps(JSON.parse(text), ops), { styleControl }));
    }));
  });
  it.each(['rating', 'rating_q025', 'rating_q975'])('renaming or deleting "%s" in every entry is a ParseError naming it', (key) => {
    for (const s of [renameKeyEverywhere(text, key, `${key}_v2`), deleteKeyEverywhere(text, key)]) {
      expect(expectParseError(() => parse(CATALOG, s, 'text-raw')).field).toBe(key);
    }
  });
  it('an unknown catalog dataset is a ParseError', () => {
    expectParseError(() => spec(CATALOG).parse(captureOf(text), { ...targetOf(lmarena, CATALOG, 'text-raw'), dataset: 'text-other' }));
  });
});

describe('lmarena-catalog-metadata-json', () => {
  const text = fixtureText('lmarena', 'metadata.json');
  jsonProperties({ spec: spec(METADATA), target: targetOf(lmarena, METADATA), name: 'metadata.json', text });
  it('parseMetadata on mutated JSON returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation.map((m) => m.ops), (ops) => {
      checkDirect(() => parseMetadata(applyJsonOps(JSON.parse(text), ops)));
    }));
  });
  it.each(['model_api_name', 'name', 'organization', 'license', 'input_token_price', 'output_token_price'])('renaming "%s" in every entry is a ParseError naming it', (key) => {
    expect(expectParseError(() => parse(METADATA, renameKeyEverywhere(text, key, `${key}_v2`))).field).toBe(key);
  });
});

describe('lmarena-leaderboard-csv', () => {
  const required = ['rank', 'model', 'arena_score', '95_pct_ci', 'votes', 'organization', 'license'];
  csvProperties({ spec: spec(LEADERBOARD), target: targetOf(lmarena, LEADERBOARD), name: 'leaderboard-old.csv', text: fixtureText('lmarena', 'leaderboard-old.csv') }, { required });
  csvProperties({ spec: spec(LEADERBOARD), target: targetOf(lmarena, LEADERBOARD), name: 'leaderboard-new.csv', text: fixtureText('lmarena', 'leaderboard-new.csv') }, { required });
});

describe('lmarena-history-wide-csv', () => {
  const text = fixtureText('lmarena', 'history.csv');
  // The date column is the unnamed first one (by position, as the collector writes it); model columns may move freely.
  const byModel = (versions: ParsedVersion<Record<string, unknown>>[]) =>
    versions.map((v) => ({ ...v, rows: [...(v.rows as HistoryRow[])].sort((a, b) => a.model.localeCompare(b.model)) }));
  csvProperties({ spec: spec(HISTORY), target: targetOf(lmarena, HISTORY), name: 'history.csv', text }, { required: [], reorder: 'keep-first', sortRows: byModel });
  it('parseHistoryWide on mutated text returns or throws a ParseError', () => {
    fc.assert(fc.property(csvMutation, (m) => {
      checkDirect(() => parseHistoryWide(new TextDecoder().decode(mutateCsv(text, m))));
    }));
  });
  it('moving the date column away from the first position is a ParseError, not dates read from a model column', () => {
    const [header, ...rows] = text.trim().split('\n').map((l) => l.split(','));
    const moved = [header!, ...rows].map((r) => [...r.slice(1), r[0]!].join(',')).join('\n');
    expectParseError(() => parse(HISTORY, moved));
  });
});

describe('arena-top-json', () => {
  const text = fixtureText('lmarena', 'arena-top.json');
  const target = targetOf(lmarena, TOP);
  jsonProperties({ spec: spec(TOP), target, name: 'arena-top.json', text });
  it('parseArenaTopJson on mutated JSON returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation.map((m) => m.ops), (ops) => {
      checkDirect(() => parseArenaTopJson(applyJsonOps(JSON.parse(text), ops)));
    }));
  });
  it.each(['rank', 'model', 'score', 'vendor', 'license', 'ci', 'votes'])('renaming "%s" in every model is reported, not turned into nulls', (key) => {
    const err = expectParseError(() => parse(TOP, renameKeyEverywhere(text, key, `${key}_v2`)));
    expect(`${err.field} ${err.message}`).toContain(key);
  });

  const page = fixtureText('lmarena', 'arena-page.html');
  markupProperties({ spec: spec(TOP), target, name: 'arena-page.html', text: page });
  it('parseArenaPage on mutated HTML returns or throws a ParseError', () => {
    fc.assert(fc.property(markupMutation, (m) => {
      checkDirect(() => parseArenaPage(mutateMarkup(page, m)));
    }));
  });
  it('a page whose board table moved into a code block, or was removed, is reported', () => {
    const table = /<main>[\s\S]*<\/main>/.exec(page)![0];
    expectParseError(() => parse(TOP, page.replace(table, '<main><p>Loading…</p></main>')));
    expectParseError(() => parse(TOP, page.replace(table, `<main><pre><code>${table.replace(/</g, '&lt;')}</code></pre></main>`)));
  });
  it.each(['Votes', 'Organization', 'License'])('renaming the page column "%s" is reported, not turned into nulls', (col) => {
    const err = expectParseError(() => parse(TOP, page.replace(`<th>${col}</th>`, `<th>Total ${col}</th>`)));
    expect(`${err.field} ${err.message}`.toLowerCase()).toContain(col.toLowerCase());
  });
  it.each([['Rank', 'rank'], ['Model', 'model'], ['Score', 'score']])('renaming the page column "%s" is reported', (col) => {
    expectParseError(() => parse(TOP, page.replace(`<th>${col}</th>`, '<th>Something else</th>')));
  });
  it('checkFormat holds for the page with reordered columns, and the rows are the same', () => {
    const expected = parse(TOP, page);
    const swapped = page
      .replace('<th>Votes</th><th>Organization</th>', '<th>Organization</th><th>Votes</th>')
      .replace('<td>12,730</td><td>Lab A</td>', '<td>Lab A</td><td>12,730</td>')
      .replace('<td>900</td><td>Lab B</td>', '<td>Lab B</td><td>900</td>');
    expect(parse(TOP, swapped)).toEqual(expected);
    checkFormat(spec(TOP), captureOf(swapped), target);
  });
});
