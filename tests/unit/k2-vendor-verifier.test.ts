import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k2VendorVerifier, k2vvRow, kvvRow, parseK2vvReadme, parseKvvReadme } from '../../scrapers/k2-vendor-verifier.ts';
import { blankNoise, htmlTables, markdownTables } from '../../scrapers/k2-vendor-verifier/tables.ts';
import { ParseError } from '../../lib/errors.ts';
import { parseErrorOf } from '../helpers/parse-error.ts';
import type { Capture, Target } from '../../scrapers/lib/source.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/k2-vendor-verifier', name), 'utf8');
const k2 = (name: string, unmergedThirdParty = false) => parseK2vvReadme(fixture(name), { unmergedThirdParty });


const capture = (md: string, asOf: string): Capture => ({
  mode: 'replay', bytes: new TextEncoder().encode(md), url: 'https://example.test/README.md', asOf, fetchedAt: `${asOf}T00:00:00Z`, sha256: '0'.repeat(64),
});

describe('table grid expander', () => {
  it('expands colspan and rowspan in the header and clips a rowspan that runs past the body', () => {
    const [grid] = htmlTables(fixture('similarity-era.md'));
    expect(grid!.header).toEqual([
      'Model Name', 'Providers', 'Count of Finish Reason stop', 'Count of Finish Reason Tool calls',
      'Count of Finish Reason others', 'Schema Validation Error Count', 'Successful Tool Call Count',
      'Similarity compared to the official Implementation',
    ]);
    expect(grid!.headerPath[2]).toBe('Tool calls test / Count of Finish Reason stop');
    // rowspan="4" over three rows: no phantom fourth row.
    expect(grid!.rows).toHaveLength(3);
    expect(grid!.rows.map((r) => [r[0]!.text, r[0]!.spanned])).toEqual([
      ['kimi-k2-0905-preview', false], ['kimi-k2-0905-preview', true], ['kimi-k2-0905-preview', true],
    ]);
    expect(grid!.rows[1]![1]).toMatchObject({ text: 'Alpha Cloud', href: 'https://openrouter.ai/provider/alpha' });
  });

  it('reads pipe tables, with links, escaped pipes and fenced code left out', () => {
    const tables = markdownTables(blankNoise(fixture('similarity-era.md')));
    expect(tables.map((t) => t.kind)).toEqual(['html', 'pipe']);
    const [pipe] = markdownTables(blankNoise(fixture('pipe-results.md')));
    expect(pipe!.rows[0]![1]).toMatchObject({ text: 'OfficialAPI', href: 'https://platform.example/' });
    expect(pipe!.rows[2]![1]!.text).toBe('Zeta | EU');
  });

  it('refuses a row that a rowspan pushes past the header width', () => {
    const err = parseErrorOf(() => htmlTables(fixture('bad-shifted.md')));
    expect(err.message).toMatch(/row 2 has 5 cells where the header has 4 columns/);
  });
});

describe('K2VV README, similarity era', () => {
  const { rows, testDates } = k2('similarity-era.md');

  it('reads one row per vendor with counts and the similarity percent', () => {
    expect(testDates).toEqual(['2025-09-22']);
    expect(rows.map((r) => r.vendor)).toEqual(['OfficialAPI', 'Alpha Cloud', 'Beta']);
    expect(rows[1]).toEqual({
      model: 'kimi-k2-0905-preview', vendor: 'Alpha Cloud', api_source: null, vendor_url: 'https://openrouter.ai/provider/alpha',
      group: null, metric_era: 'similarity', test_date: '2025-09-22', similarity_pct: 96.82, tool_call_f1_pct: null,
      f1_threshold_pct: null, schema_accuracy_pct: null, count_finish_reason_stop: 1483, count_finish_reason_tool_calls: 514,
      count_finish_reason_others: 3, count_schema_validation_error: 10, count_successful_tool_call: 504, test_settings: null,
      unmerged_third_party: false,
    });
    for (const r of rows) k2vvRow.parse(r);
  });

  it('marks the official API ("-" similarity) as the reference, never as 0', () => {
    expect(rows[0]).toMatchObject({ vendor: 'OfficialAPI', group: 'official-reference', similarity_pct: null });
    expect(rows[2]!.vendor_url).toBeNull();
  });

  it('flags the unmerged third-party capture on every row', () => {
    expect(k2('similarity-era.md', true).rows.every((r) => r.unmerged_third_party)).toBe(true);
  });
});

describe('K2VV README, f1 era', () => {
  const { rows, testDates } = k2('f1-era.md');

  it('reads both model tables with their own test date, settings and threshold', () => {
    expect(testDates).toEqual(['2025-11-15', '2025-11-14']);
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.model === 'kimi-k2-thinking')).toHaveLength(4);
    expect(rows.every((r) => r.metric_era === 'f1')).toBe(true);
    expect(rows[0]).toMatchObject({ test_settings: 'temperature=1.0; max_tokens=64000', f1_threshold_pct: 73, test_date: '2025-11-15' });
    expect(rows[4]).toMatchObject({ model: 'kimi-k2-0905-preview', test_settings: 'temperature=0.6', test_date: '2025-11-14' });
    for (const r of rows) k2vvRow.parse(r);
  });

  it('carries the merged ">=73%" cell as the acceptable group with no invented score', () => {
    expect(rows.slice(0, 4).map((r) => [r.vendor, r.api_source, r.group, r.tool_call_f1_pct])).toEqual([
      ['OfficialAPI', 'https://platform.example', 'official-reference', null],
      ['Fireworks', 'https://fireworks.example', 'acceptable', null],
      ['Gamma', 'https://openrouter.ai', 'acceptable', null],
      ['Fireworks', 'https://openrouter.ai', 'below-threshold', 67.38],
    ]);
    expect(rows[2]).toMatchObject({ count_finish_reason_tool_calls: 1827, count_successful_tool_call: 1825, schema_accuracy_pct: 99.89 });
  });

  it('takes the threshold from the note under the table when no merged cell states it', () => {
    expect(rows[5]).toMatchObject({ vendor: 'Delta', tool_call_f1_pct: 50.6, f1_threshold_pct: 80, group: 'below-threshold', schema_accuracy_pct: 84.47 });
  });

  it('reads results written as a Markdown pipe table', () => {
    const pipe = k2('pipe-results.md').rows;
    expect(pipe.map((r) => [r.vendor, r.group, r.tool_call_f1_pct, r.schema_accuracy_pct])).toEqual([
      ['OfficialAPI', 'official-reference', null, 100],
      ['Epsilon', 'acceptable', 91.5, 99.1],
      ['Zeta | EU', 'below-threshold', 70, 98],
    ]);
    expect(pipe[0]!.vendor_url).toBe('https://platform.example/');
  });
});

describe('K2VV README, changed layouts', () => {
  it('no results table → ParseError naming the table it looked for', () => {
    const err = parseErrorOf(() => k2('bad-no-table.md'));
    expect(err.field).toMatch(/Provider/);
    expect(err.hint).toBeTruthy();
  });

  it('vendor column renamed → ParseError naming the Providers column', () => {
    const err = parseErrorOf(() => k2('bad-no-vendor.md'));
    expect(err.message).toMatch(/no vendor column/);
    expect(err.field).toBe('Providers');
  });

  it('an unknown metric column → ParseError naming it rather than dropping it', () => {
    const err = parseErrorOf(() => k2('bad-new-column.md'));
    expect(err.field).toBe('Latency (s)');
  });

  it('a metric cell holding text → ParseError naming field and row', () => {
    const err = parseErrorOf(() => k2('bad-wrong-type.md'));
    expect(err.field).toBe('schema_accuracy');
    expect(err.row).toBe('table 1 row 1');
  });

  it('a spanned row that became shifted → ParseError', () => {
    expect(() => k2('bad-shifted.md')).toThrow(ParseError);
  });

  it('a truncated README (table cut mid-row) → ParseError, not a short table', () => {
    const md = fixture('f1-era.md');
    const cut = md.slice(0, md.indexOf('<td>Gamma</td>') + 20);
    expect(() => parseK2vvReadme(cut, { unmergedThirdParty: false })).toThrow(ParseError);
  });
});

describe('KVV README (K3)', () => {
  const { rows } = parseKvvReadme(fixture('kvv.md'));

  it('reads the results table, fractions as percent, TBD as pending', () => {
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      model: 'kimi-k3', thinking_effort: 'max', vendor: 'Moonshot', listed_order: 1, test_date: null,
      ocrbench_pct: 89, mmmu_pro_vision_pct: 82, beam_1m_pct: 31, deepswe_pct: 67.5, pending: null, notes: null,
    });
    expect(rows[1]).toMatchObject({ vendor: 'Vendor A', beam_1m_pct: 30.37, deepswe_pct: null, pending: 'DeepSWE' });
    for (const r of rows) kvvRow.parse(r);
  });

  it('keeps a cell written as a percent and says so', () => {
    expect(rows[2]).toMatchObject({ vendor: 'Vendor B (ref.)', ocrbench_pct: 89.7, deepswe_pct: 67.8, beam_1m_pct: null, pending: 'BEAM (1M)' });
    expect(rows[2]!.notes).toMatch(/DeepSWE written as 67\.8/);
  });

  it('missing model line or provider column → ParseError naming it', () => {
    expect(parseErrorOf(() => parseKvvReadme(fixture('bad-kvv-no-model.md'))).field).toBe('model:');
    expect(parseErrorOf(() => parseKvvReadme(fixture('bad-kvv-no-vendor.md'))).field).toBe('Provider');
    expect(parseErrorOf(() => parseKvvReadme(fixture('bad-no-table.md'))).message).toMatch(/no vendor results table/);
  });
});

describe('k2VendorVerifier source', () => {
  const targets = k2VendorVerifier.targets();
  const target = (dataset: string): Target => targets.find((t) => t.dataset === dataset)!;

  it('names the raw README URLs, with the unmerged PR pinned to its commit', () => {
    expect(targets.map((t) => [t.dataset, t.format])).toEqual([
      ['kimi-k2', 'k2vv-readme-md'], ['unmerged-third-party', 'k2vv-readme-md'], ['kimi-k3', 'kvv-readme-md'],
    ]);
    expect(target('kimi-k2').url).toBe('https://raw.githubusercontent.com/MoonshotAI/K2-Vendor-Verifier/main/README.md');
    expect(target('unmerged-third-party').url).toContain('/bfacb062828966db0caa6cf7074d816f8d4949c3/README.md');
    expect(target('kimi-k3').url).toBe('https://raw.githubusercontent.com/MoonshotAI/Kimi-Vendor-Verifier/main/README.md');
  });

  it('dates a K2 version by the README\'s latest Test Time, a KVV one by the capture', () => {
    const k2v = k2VendorVerifier.formats['k2vv-readme-md']!.parse(capture(fixture('f1-era.md'), '2026-03-01'), target('kimi-k2'));
    expect(k2v.map((v) => v.asOf)).toEqual(['2025-11-15']);
    const pr = k2VendorVerifier.formats['k2vv-readme-md']!.parse(capture(fixture('similarity-era.md'), '2026-03-01'), target('unmerged-third-party'));
    expect((pr[0]!.rows as { unmerged_third_party: boolean }[]).every((r) => r.unmerged_third_party)).toBe(true);
    const kvv = k2VendorVerifier.formats['kvv-readme-md']!.parse(capture(fixture('kvv.md'), '2026-08-13'), target('kimi-k3'));
    expect(kvv.map((v) => [v.asOf, v.rows.length])).toEqual([['2026-08-13', 3]]);
  });

  it('same input gives the same rows', () => {
    expect(JSON.stringify(k2('f1-era.md'))).toBe(JSON.stringify(k2('f1-era.md')));
  });
});
