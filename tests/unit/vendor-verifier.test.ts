/**
 * Focused rules of vendor_verifier.csv (normalize/steps/vendor-verifier.ts, buildVendorVerifier) on
 * hand-written K2 and K3 verifier rows. Who counts as which kind of vendor is in steps.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildVendorVerifier, k2vvCells, kvvCells } from '../../normalize/steps/vendor-verifier.ts';
import { modelRow, resolverOf, version } from '../helpers/normalize-fixtures.ts';

type K2Row = z.infer<typeof k2vvCells>;
type K3Row = z.infer<typeof kvvCells>;

const k2 = (over: Partial<K2Row> & Pick<K2Row, 'vendor'>): K2Row => ({
  model: 'kimi-k2-0905-preview', api_source: null, group: null, metric_era: 'f1', test_date: null, similarity_pct: null, tool_call_f1_pct: null,
  f1_threshold_pct: null, schema_accuracy_pct: null, count_successful_tool_call: null, count_schema_validation_error: null, unmerged_third_party: false, ...over,
});
const k3 = (over: Partial<K3Row> & Pick<K3Row, 'vendor'>): K3Row => ({ model: 'Kimi K3', thinking_effort: null, ocrbench_pct: null, mmmu_pro_vision_pct: null, beam_1m_pct: null, deepswe_pct: null, ...over });

const resolver = () => resolverOf([modelRow({ model_id: 'kimi-k2-0905', name: 'Kimi K2 0905' }), modelRow({ model_id: 'kimi-k3', name: 'Kimi K3' })]);
const build = (k2Rows: K2Row[], k3Rows: K3Row[] = []) =>
  buildVendorVerifier(k2Rows.length ? [version('k2-vendor-verifier', 'kimi-k2', '2025-10-01', k2Rows)] : [], k3Rows.length ? [version('k2-vendor-verifier', 'kimi-k3', '2026-05-01', k3Rows)] : [], resolver());

describe('K2 verifier rows', () => {
  it('each stated number becomes one row under its metric id; an empty cell is no row', () => {
    const rows = build([k2({ vendor: 'Together', schema_accuracy_pct: 99.5, count_schema_validation_error: 3 })]);
    expect(rows.map((r) => [r.metric, r.value])).toEqual([['schema_accuracy_pct', 99.5], ['schema_validation_errors', 3]]);
  });
  it('a vendor in a merged "acceptable" cell keeps an F1 row with no number and the threshold it passed', () => {
    const rows = build([k2({ vendor: 'Fireworks', group: 'acceptable', f1_threshold_pct: 73 }), k2({ vendor: 'Bad Co', group: 'below-threshold', f1_threshold_pct: 73 })]);
    expect(rows.map((r) => [r.vendor, r.metric, r.value, r.threshold])).toEqual([['Fireworks', 'tool_call_f1_pct', null, 73]]);
  });
  it('only the F1 metric carries the threshold', () => {
    const rows = build([k2({ vendor: 'Together', tool_call_f1_pct: 80, schema_accuracy_pct: 99, f1_threshold_pct: 73 })]);
    expect(rows.map((r) => [r.metric, r.threshold])).toEqual([['tool_call_f1_pct', 73], ['schema_accuracy_pct', null]]);
  });
  it('a vendor tested on its own API and via OpenRouter is two listings, told apart by route', () => {
    const rows = build([k2({ vendor: 'Together', schema_accuracy_pct: 99 }), k2({ vendor: 'Together', schema_accuracy_pct: 97, api_source: 'https://openrouter.ai/provider/together' })]);
    expect(rows.map((r) => [r.route, r.value])).toEqual([['direct', 99], ['via OpenRouter', 97]]);
  });
  it('the same listing stated twice in one table is kept once', () => {
    expect(build([k2({ vendor: 'Together', schema_accuracy_pct: 99 }), k2({ vendor: 'Together', schema_accuracy_pct: 99 })])).toHaveLength(1);
  });
  it('rows of the similarity era with no group are "tested"; of another era, "unknown"', () => {
    const rows = build([k2({ vendor: 'A', group: null, metric_era: 'similarity', similarity_pct: 90 }), k2({ vendor: 'B', group: null, metric_era: 'f1', schema_accuracy_pct: 90 })]);
    expect(rows.map((r) => [r.vendor, r.group])).toEqual([['A', 'tested'], ['B', 'unknown']]);
  });
  it('the model joins its canonical id loosely (a preview suffix or packaging is not another model)', () => {
    expect(build([k2({ vendor: 'A', schema_accuracy_pct: 90, model: 'kimi-k2-0905-preview' })])[0]!.model_id).toBe('kimi-k2-0905');
  });
});

describe('K3 verifier rows', () => {
  it("Moonshot's own API is the official reference; everyone else was tested", () => {
    const rows = build([], [k3({ vendor: 'Moonshot AI', deepswe_pct: 60 }), k3({ vendor: 'Together', deepswe_pct: 55 })]);
    expect(rows.map((r) => [r.vendor, r.group, r.vendor_kind])).toEqual([['Moonshot AI', 'official-reference', 'official-reference'], ['Together', 'tested', 'third-party']]);
  });
  it('a thinking-effort setting is part of the row\'s model name, not of its model id', () => {
    const [row] = build([], [k3({ vendor: 'Together', thinking_effort: 'high', beam_1m_pct: 40 })]);
    expect(row).toMatchObject({ model: 'Kimi K3 (high)', model_id: 'kimi-k3', metric: 'beam_1m_pct' });
  });
});
