import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../scrapers/lib/json.ts';
import { ParseError } from '../../lib/errors.ts';
import { parseErrorOf } from '../helpers/parse-error.ts';
import type { Capture, Target } from '../../scrapers/lib/source.ts';
import {
  lmarena, parseArenaPage, parseArenaTop, parseArenaTopJson, parseCatalog, parseCiText, parseHistoryWide,
  parseLeaderboardCsv, parseMetadata,
} from '../../scrapers/lmarena.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/lmarena/${name}`, import.meta.url), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const json = (name: string) => JSON.parse(fixture(name)) as unknown;


const capture = (text: string, asOf = '2025-01-01'): Capture => ({
  mode: 'replay', bytes: bytes(text), url: 'https://example.org', asOf, fetchedAt: `${asOf}T00:00:00Z`, sha256: '0'.repeat(64),
});
const target = (dataset: string, format: string): Target => lmarena.targets().find((t) => t.dataset === dataset && t.format === format)!;

describe('parseLeaderboardCsv (fboulnois, unadjusted)', () => {
  it('reads the old layout (no rank_stylectrl), CI strings into absolute bounds', () => {
    const { rows, skipped } = parseLeaderboardCsv(fixture('leaderboard-old.csv'));
    expect(skipped).toBe(0);
    expect(rows[0]).toEqual({
      category: 'full', rank: 1, model: 'Alpha-Large', rating: 1287, rating_lower: 1284, rating_upper: 1291, votes: 55826,
      organization: 'Lab A', licence: 'Proprietary', style_control: false, rank_stylectrl: null, knowledge_cutoff: '2023/10', url: 'https://example.org/alpha',
    });
    expect(rows[1]).toMatchObject({ model: 'Beta 7B, "chat"', rating_lower: 1144, rating_upper: 1155, knowledge_cutoff: null, licence: 'Apache 2.0' });
  });

  it('reads the new layout: rank_stylectrl, decimal CIs without float noise, blank licence and CI as null', () => {
    const { rows } = parseLeaderboardCsv(fixture('leaderboard-new.csv'));
    expect(rows.map((r) => [r.model, r.rank, r.rank_stylectrl])).toEqual([['Gamma-Pro', 1, 1], ['Delta-Open', 2, 3], ['Epsilon', 4, 4]]);
    expect(rows[1]).toMatchObject({ rating: 1434.5, rating_lower: 1425.8, rating_upper: 1443.7, licence: null, knowledge_cutoff: 'Online' });
    expect(rows[2]).toMatchObject({ rating_lower: null, rating_upper: null, url: null });
    expect(rows.every((r) => r.style_control === false && r.category === 'full')).toBe(true);
  });

  it('keeps a model listed twice with identical values once, and counts the duplicate as skipped', () => {
    const { rows, skipped } = parseLeaderboardCsv(fixture('leaderboard-new.csv'));
    expect(rows.filter((r) => r.model === 'Delta-Open')).toHaveLength(1);
    expect(skipped).toBe(1);
  });

  it('refuses a model listed twice with different values', () => {
    const csv = fixture('leaderboard-new.csv').replace('3,3,Delta-Open,1434.5', '3,3,Delta-Open,1400');
    expect(parseErrorOf(() => parseLeaderboardCsv(csv)).message).toMatch(/listed twice with different values/);
  });

  it('names a missing column', () => {
    const e = parseErrorOf(() => parseLeaderboardCsv(fixture('leaderboard-old.csv').replace('95_pct_ci', 'ci')));
    expect(e.field).toBe('95_pct_ci');
    expect(e.message).toMatch(/missing column "95_pct_ci"/);
  });

  it('names field and row of a malformed CI and of a non-numeric score', () => {
    const ci = parseErrorOf(() => parseLeaderboardCsv(fixture('leaderboard-old.csv').replace('+5/-6', '±5')));
    expect([ci.field, ci.row]).toEqual(['95_pct_ci', 2]);
    const score = parseErrorOf(() => parseLeaderboardCsv(fixture('leaderboard-old.csv').replace('1287', 'high')));
    expect([score.field, score.row]).toEqual(['arena_score', 1]);
  });

  it('reports a truncated file as malformed CSV', () => {
    const csv = fixture('leaderboard-old.csv');
    expect(() => parseLeaderboardCsv(csv.slice(0, csv.indexOf('""chat') + 3))).toThrow(/malformed CSV/);
  });

  it('parseCiText reads "+a/-b" and rejects anything else', () => {
    expect(parseCiText('+15/-11', 'ci', 1)).toEqual({ plus: 15, minus: 11 });
    expect(parseCiText('', 'ci', 1)).toBeNull();
    expect(() => parseCiText('-4/+5', 'ci', 1)).toThrow(ParseError);
  });
});

describe('parseCatalog (LMArena dump)', () => {
  it('yields one row per (category, model) in file order, quantiles as bounds', () => {
    const rows = parseCatalog(json('catalog.json'), { styleControl: true });
    expect(rows.map((r) => `${r.category}/${r.model}`)).toEqual(['chinese/model-a', 'chinese/model-b', 'full/model-b', 'full/model-a', 'full/model-c']);
    expect(rows[2]).toEqual({
      category: 'full', rank: null, model: 'model-b', rating: 1465.625, rating_lower: 1461.75, rating_upper: 1469.5, votes: null,
      organization: null, licence: null, style_control: true, rank_stylectrl: null, knowledge_cutoff: null, url: null,
    });
  });

  it('takes style control from the target dataset: raw and style-controlled go to different datasets', () => {
    const spec = lmarena.formats['lmarena-catalog-json']!;
    const raw = spec.parse(capture(fixture('catalog.json')), target('text-raw', 'lmarena-catalog-json'));
    const sc = spec.parse(capture(fixture('catalog.json')), target('text-style-control', 'lmarena-catalog-json'));
    expect(raw[0]!.dataset).toBe('text-raw');
    expect(sc[0]!.dataset).toBe('text-style-control');
    expect(new Set(raw[0]!.rows.map((r) => r.style_control))).toEqual(new Set([false]));
    expect(new Set(sc[0]!.rows.map((r) => r.style_control))).toEqual(new Set([true]));
    expect(() => spec.parse(capture(fixture('catalog.json')), { dataset: 'text-other', format: 'lmarena-catalog-json', url: 'x' })).toThrow(/raw or style-controlled/);
  });

  it('names a missing key with its category/model', () => {
    const broken = fixture('catalog.json').replace('"rating_q025": 1438.75', '"q025": 1438.75');
    const e = parseErrorOf(() => parseCatalog(JSON.parse(broken), { styleControl: false }));
    expect([e.field, e.row]).toEqual(['rating_q025', 'full/model-a']);
  });

  it('rejects a wrong type, swapped quantiles, a missing overall board and a non-object', () => {
    expect(parseErrorOf(() => parseCatalog(JSON.parse(fixture('catalog.json').replace('"rating": 1445.0', '"rating": "1445"')), { styleControl: false })).field).toBe('rating');
    expect(parseErrorOf(() => parseCatalog(JSON.parse(fixture('catalog.json').replace('"rating_q975": 1210.0, "rating_q025": 1190.0', '"rating_q975": 1190.0, "rating_q025": 1210.0')), { styleControl: false })).message).toMatch(/outside its interval/);
    expect(parseErrorOf(() => parseCatalog({ chinese: {} }, { styleControl: false })).field).toBe('full');
    expect(() => parseCatalog([], { styleControl: false })).toThrow(ParseError);
  });

  it('reports truncated JSON as such', () => {
    const text = fixture('catalog.json');
    const e = parseErrorOf(() => parseJson(bytes(text.slice(0, text.length / 2)), 'catalog'));
    expect(e.message).toMatch(/malformed JSON/);
    expect(e.hint).toMatch(/truncated/);
  });
});

describe('parseHistoryWide', () => {
  it('yields one version per date row, leaving 0.0 cells out', () => {
    const versions = parseHistoryWide(fixture('history.csv'));
    expect(versions.map((v) => v.asOf)).toEqual(['2023-05-08', '2023-05-22', '2025-02-27']);
    expect(versions[0]!.rows).toEqual([
      { model: 'model-b', rating: 918.2202296788714, style_control: false },
      { model: 'model-c', rating: 1083.2188207782099, style_control: false },
    ]);
    expect(versions[1]!.rows.map((r) => r.model)).toEqual(['model-a', 'model-c']);
    expect(versions.flatMap((v) => v.rows).some((r) => r.rating === 0)).toBe(false);
  });

  it('keeps the raw cell value exactly', () => {
    const v = parseHistoryWide(fixture('history.csv')).find((x) => x.asOf === '2025-02-27')!;
    expect(v.rows.find((r) => r.model === 'model-a')!.rating).toBe(Number('1356.9995558195956'));
  });

  it('sets the history dataset on every version', () => {
    const versions = lmarena.formats['lmarena-history-wide-csv']!.parse(capture(fixture('history.csv'), '2025-02-27'), target('text-history', 'lmarena-history-wide-csv'));
    expect(versions).toHaveLength(3);
    expect(versions.every((v) => v.dataset === 'text-history')).toBe(true);
  });

  it('fails on a bad date, a duplicate model column, a non-numeric cell, a short row and a row of zeros', () => {
    const h = fixture('history.csv');
    expect(parseErrorOf(() => parseHistoryWide(h.replace('20230522', '2023-05-22'))).row).toBe(2);
    expect(parseErrorOf(() => parseHistoryWide(h.replace(',model-c', ',model-a'))).message).toMatch(/appears twice/);
    const cell = parseErrorOf(() => parseHistoryWide(h.replace('1300.5', 'n.a.')));
    expect([cell.field, cell.row]).toEqual(['model-b', '20250227']);
    expect(() => parseHistoryWide(h.replace(',1300.5,0.0', ',1300.5'))).toThrow(/malformed CSV/);
    expect(() => parseHistoryWide(`${h}20250301,0.0,0.0,0.0\n`)).toThrow(/no model has a rating/);
    expect(parseErrorOf(() => parseHistoryWide('')).field).toBe('(header)');
  });
});

describe('parseMetadata', () => {
  it('reads prices (strings or numbers, already USD per 1M tokens), blanks and n/a as null, hidden as a flag', () => {
    const rows = parseMetadata(json('metadata.json'));
    expect(rows).toEqual([
      { model: 'model-a', name: 'Model A', organization: 'Lab A', licence: 'Proprietary', input_price_usd_per_1m: 2.5, output_price_usd_per_1m: 10, price_source: 'https://example.org/pricing', model_source: 'https://example.org/a', hidden: false },
      { model: 'model-b', name: 'Model B (open)', organization: 'Lab B', licence: 'MIT', input_price_usd_per_1m: 0.15, output_price_usd_per_1m: 3, price_source: null, model_source: 'https://example.org/b', hidden: true },
      { model: 'model-c', name: 'Model C', organization: 'Lab C', licence: 'Apache 2.0', input_price_usd_per_1m: null, output_price_usd_per_1m: null, price_source: null, model_source: 'https://example.org/c', hidden: false },
    ]);
  });

  it('names a missing key, a bad price, a duplicate model and a wrong top level', () => {
    const missing = parseErrorOf(() => parseMetadata(JSON.parse(fixture('metadata.json').replace('"model_api_name": "model-b"', '"api_name": "model-b"'))));
    expect([missing.field, missing.row]).toEqual(['model_api_name', 2]);
    const price = parseErrorOf(() => parseMetadata(JSON.parse(fixture('metadata.json').replace('"2.5"', '"$2.50"'))));
    expect([price.field, price.row]).toEqual(['input_token_price', 1]);
    expect(() => parseMetadata(JSON.parse(fixture('metadata.json').replace('"model-c"', '"model-a"')))).toThrow(/appears twice/);
    expect(() => parseMetadata({ models: [] })).toThrow(/list of model objects/);
  });
});

describe('arena.ai top of the board', () => {
  it('reads the collector JSON: ± CI into bounds, nulls kept, flagged style-controlled', () => {
    const rows = parseArenaTopJson(json('arena-top.json'));
    expect(rows[0]).toEqual({
      rank: 1, model: 'model-a-thinking', organization: 'Lab A', licence: 'proprietary', rating: 1504, ci_95: 6, rating_lower: 1498, rating_upper: 1510,
      votes: 12730, style_control: true, board_last_updated: 'Mar 26, 2026',
    });
    expect(rows[1]).toMatchObject({ ci_95: null, rating_lower: null, rating_upper: null });
    expect(rows[2]).toMatchObject({ organization: null, licence: null, votes: null });
  });

  it('goes to its own dataset, not the catalog\'s text-style-control', () => {
    const [v] = lmarena.formats['arena-top-json']!.parse(capture(fixture('arena-top.json')), target('text-style-control', 'arena-top-json'));
    expect(v!.dataset).toBe('arena-top');
  });

  it('refuses another board, a count mismatch, a missing key and a non-numeric score', () => {
    expect(() => parseArenaTopJson(JSON.parse(fixture('arena-top.json').replace('"leaderboard": "text"', '"leaderboard": "vision"')))).toThrow(/not "text"/);
    expect(() => parseArenaTopJson(JSON.parse(fixture('arena-top.json').replace('"model_count": 3', '"model_count": 4')))).toThrow(/model_count/);
    expect(parseErrorOf(() => parseArenaTopJson(JSON.parse(fixture('arena-top.json').replace('"score": 1450, ', '')))).field).toBe('score');
    expect(parseErrorOf(() => parseArenaTopJson(JSON.parse(fixture('arena-top.json').replace('"score": 1504', '"score": "top"')))).field).toBe('score');
    expect(() => parseArenaTopJson({ meta: {} })).toThrow(/no "models" list/);
  });

  it('reads the live HTML page by header names, skipping unrelated tables', () => {
    const rows = parseArenaPage(fixture('arena-page.html'));
    expect(rows).toEqual([
      { rank: 1, model: 'model-a-thinking', organization: 'Lab A', licence: 'Proprietary', rating: 1504, ci_95: 8, rating_lower: 1496, rating_upper: 1512, votes: 12730, style_control: true, board_last_updated: null },
      { rank: 2, model: 'model-b', organization: 'Lab B', licence: 'MIT', rating: 1450, ci_95: 12, rating_lower: 1438, rating_upper: 1462, votes: 900, style_control: true, board_last_updated: null },
    ]);
    expect(parseArenaTop(bytes(fixture('arena-page.html')))).toEqual(rows);
  });

  it('fails loudly on a challenge page or a renamed Score column', () => {
    expect(parseErrorOf(() => parseArenaPage('<html><title>Just a moment...</title><body>Cloudflare</body></html>')).hint).toMatch(/Cloudflare/);
    expect(() => parseArenaPage(fixture('arena-page.html').replace('<th>Score</th>', '<th>Elo</th>'))).toThrow(/Rank, Model and Score/);
    expect(() => parseArenaPage(fixture('arena-page.html').replace('1504±8', 'n/a'))).toThrow(/not a score/);
  });
});
