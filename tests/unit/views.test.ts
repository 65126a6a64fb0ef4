/**
 * Focused rules of the views' pure helpers (src/lib/views.ts, src/lib/stats.ts) on hand-written
 * rows: the arithmetic a chart and its sentence share. The table-reading views are checked
 * against the real tables by the claims tests.
 */
import { describe, expect, it } from 'vitest';
import type { BestRow } from '../../normalize/steps/series.ts';
import type { LicenceCount } from '../../src/charts/licence-by-country.ts';
import { median, spearman } from '../../src/lib/stats.ts';
import { fits, gaps, licenceShare, memoryRows, top, usableGb, verifierEra, wholeMonths } from '../../src/lib/views.ts';
import { modelRow } from '../helpers/normalize-fixtures.ts';

const best = (over: Partial<BestRow> & Pick<BestRow, 'as_of' | 'openness' | 'value'>): BestRow => ({
  source: 'lmarena', dataset: 'text-history', metric: 'lmarena_text_rating', country_group: 'All', best_model: `${over.openness}-model`,
  model_id: null, lab_id: null, scoring_method: 'bt', ci_lower: null, ci_upper: null, models_compared: 10, models_unknown_openness: 0, ...over,
});

describe('top (src/lib/views.ts)', () => {
  it('ranks again from 1 after a filter, and keeps at most n rows', () => {
    const rows = [{ rank: 1, open: false }, { rank: 2, open: true }, { rank: 3, open: true }, { rank: 4, open: true }];
    expect(top(rows, 2, (r) => r.open)).toEqual([{ rank: 1, open: true }, { rank: 2, open: true }]);
  });
  it('leaves the rows it was given unchanged', () => {
    const rows = [{ rank: 7 }];
    top(rows, 1);
    expect(rows).toEqual([{ rank: 7 }]);
  });
});

describe('gaps (src/lib/views.ts)', () => {
  it('a gap is best closed minus best open of one snapshot, rounded to two decimals', () => {
    const [g] = gaps([best({ as_of: '2025-01-01', openness: 'closed', value: 1300.126 }), best({ as_of: '2025-01-01', openness: 'open', value: 1250.1 })]);
    expect(g!.gap).toBe(50.03);
  });
  it('a snapshot with only one side has no gap', () => {
    expect(gaps([best({ as_of: '2025-01-01', openness: 'closed', value: 1300 })])).toEqual([]);
  });
  it('two datasets captured on one date are two gaps, never mixed', () => {
    const g = gaps([
      best({ as_of: '2025-01-01', openness: 'closed', value: 1300, dataset: 'a' }), best({ as_of: '2025-01-01', openness: 'open', value: 1200, dataset: 'a' }),
      best({ as_of: '2025-01-01', openness: 'closed', value: 50, dataset: 'b' }), best({ as_of: '2025-01-01', openness: 'open', value: 45, dataset: 'b' }),
    ]);
    expect(g.map((x) => [x.dataset, x.gap])).toEqual([['a', 100], ['b', 5]]);
  });
  it('gaps come in date order, each with the scoring method of its snapshot', () => {
    const g = gaps([
      best({ as_of: '2025-03-01', openness: 'closed', value: 10, scoring_method: 'new' }), best({ as_of: '2025-03-01', openness: 'open', value: 9, scoring_method: 'new' }),
      best({ as_of: '2025-01-01', openness: 'closed', value: 10 }), best({ as_of: '2025-01-01', openness: 'open', value: 7 }),
    ]);
    expect(g.map((x) => [x.as_of, x.scoring_method, x.gap])).toEqual([['2025-01-01', 'bt', 3], ['2025-03-01', 'new', 1]]);
  });
});

describe('wholeMonths (src/lib/views.ts)', () => {
  it('a month counts only once its day of the month is reached', () => {
    expect(wholeMonths('2024-11-15', '2025-11-14')).toBe(11);
    expect(wholeMonths('2024-11-15', '2025-11-15')).toBe(12);
    expect(wholeMonths('2025-01-31', '2025-02-28')).toBe(0);
  });
});

describe('licenceShare (src/lib/views.ts)', () => {
  const counts: LicenceCount[] = [
    { country_group: 'China', restrictiveness: 'permissive', models: 6 }, { country_group: 'China', restrictiveness: 'conditional', models: 2 },
    { country_group: 'United States', restrictiveness: 'restricted', models: 3 },
  ];
  it("is the share of a group's open families whose licence is one of the kinds", () => {
    expect(licenceShare(counts, 'China', ['permissive'])).toBe(0.75);
    expect(licenceShare(counts, 'United States', ['permissive', 'conditional'])).toBe(0);
  });
  it('a group with no open family has share 0, not NaN', () => {
    expect(licenceShare(counts, 'Europe', ['permissive'])).toBe(0);
  });
});

describe('memory fit (src/lib/views.ts)', () => {
  it("weights fit only within the memory less 10% headroom (for the KV cache and runtime)", () => {
    expect(usableGb(100)).toBe(90);
    expect([fits(90, 100), fits(90.01, 100)]).toEqual([true, false]);
  });
  it('unknown weights never fit', () => {
    expect([fits(null, 1e6), fits(undefined, 1e6)]).toEqual([false, false]);
  });
  it('a model gives one row per precision (16, 8, 4-bit), named by its family', () => {
    const m = modelRow({ model_id: 'kimi-k2', family: 'Kimi K2', total_parameters: 1e12, active_parameters: 32e9, memory_gb_16bit: 2000, memory_gb_8bit: 1000, memory_gb_4bit: 500 });
    expect(memoryRows([m]).map((r) => [r.model, r.precision, r.gb])).toEqual([['Kimi K2', '16-bit', 2000], ['Kimi K2', '8-bit', 1000], ['Kimi K2', '4-bit', 500]]);
  });
});

describe('vendor verifier eras (src/lib/views.ts)', () => {
  it('schema_validation_errors is a count of the first era, not the later schema accuracy', () => {
    expect(verifierEra('schema_validation_errors')).toBe('counts');
    expect(verifierEra('successful_tool_calls')).toBe('counts');
    expect(verifierEra('schema_accuracy_pct')).toBe('f1');
    expect(verifierEra('tool_call_f1_pct')).toBe('f1');
  });
  it('similarity is its own era; any other metric is a task score', () => {
    expect(verifierEra('tool_call_similarity_pct')).toBe('similarity');
    expect(verifierEra('deepswe_pct')).toBe('tasks');
  });
});

describe('statistics (src/lib/stats.ts)', () => {
  it('spearman compares ranks, not values: any increasing transform correlates 1', () => {
    expect(spearman([1, 2, 3, 4], [1, 100, 1e4, 1e6])).toBeCloseTo(1, 10);
  });
  it('spearman is 1 − 6Σd²/(n(n²−1)) on untied ranks: 0 for unrelated ranks, between for partial agreement', () => {
    expect(spearman([1, 2, 3, 4, 5], [2, 5, 3, 1, 4])).toBeCloseTo(0, 10);
    expect(spearman([1, 2, 3, 4, 5], [3, 1, 5, 2, 4])).toBeCloseTo(0.3, 10);
    expect(spearman([1, 2, 3], [2, 3, 1])).toBeCloseTo(-0.5, 10);
  });
  it('median of one value is that value; of negative values, the middle one', () => {
    expect(median([7])).toBe(7);
    expect(median([-1, -10, -3])).toBe(-3);
  });
});
