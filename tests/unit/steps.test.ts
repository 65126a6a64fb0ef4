/**
 * Focused rules of the normalize steps and the site's views, each test named after the rule it
 * guards, so a failure says which rule broke (the end-to-end test in normalize.test.ts says only
 * that some output changed).
 */
import { describe, expect, it } from 'vitest';
import { countryGroup, isOpen } from '../../lib/countries.ts';
import { METRIC } from '../../lib/metrics.ts';
import { precisionOf, providerGroup } from '../../normalize/steps/hosting.ts';
import type { ScoreRow } from '../../normalize/steps/scores.ts';
import { buildBestByDate, methodOf, type ScoringMethod } from '../../normalize/steps/series.ts';
import { vendorKind } from '../../normalize/steps/vendor-verifier.ts';
import { median, spearman } from '../../src/lib/stats.ts';

const score = (over: Partial<ScoreRow>): ScoreRow => ({
  source: 'lmarena', dataset: 'text-raw', as_of: '2025-06-01', source_model: 'm', model_id: null, match_kind: null,
  lab_id: null, country: null, country_group: 'Other', openness: 'closed', openness_basis: null, metric: METRIC.arena,
  value: 1000, ci_lower: null, ci_upper: null, votes: null, style_control: false, release_date: null, ...over,
} as ScoreRow);
const METHODS: ScoringMethod[] = [
  { source: 'lmarena', dataset: 'text-raw', metric: METRIC.arena, from: '2023-01-01', to: '2025-12-31', scoring_method: 'bt', evidence: 'test' },
];

describe('country groups (lib/countries.ts)', () => {
  it('Hong Kong and Macao count as China', () => {
    expect(countryGroup('HK')).toBe('China');
    expect(countryGroup('MO')).toBe('China');
    expect(countryGroup('CN;HK')).toBe('China');
  });
  it('a collaboration across groups is Other; no country is Other', () => {
    expect(countryGroup('CN;US')).toBe('Other');
    expect(countryGroup('FR;DE')).toBe('Europe');
    expect(countryGroup(null)).toBe('Other');
  });
  it('open-weight and open-source are open; closed and unknown are not', () => {
    expect([isOpen('open-weight'), isOpen('open-source'), isOpen('closed'), isOpen(null)]).toEqual([true, true, false, false]);
  });
});

describe('best_by_date (normalize/steps/series.ts)', () => {
  it('open-source models compete on the open side; unknown openness is counted, never best', () => {
    const best = buildBestByDate([
      score({ source_model: 'closed-a', value: 1300 }),
      score({ source_model: 'os-b', openness: 'open-source', value: 1200 }),
      score({ source_model: 'unknown-c', openness: null, value: 1400 }),
    ], METHODS).filter((b) => b.country_group === 'All');
    expect(best.map((b) => [b.openness, b.best_model, b.models_unknown_openness])).toEqual([['closed', 'closed-a', 1], ['open', 'os-b', 1]]);
  });
  it('a tie goes to the alphabetically first model name (stable across runs)', () => {
    const best = buildBestByDate([score({ source_model: 'zeta', value: 1 }), score({ source_model: 'alpha', value: 1 })], METHODS);
    expect(best.find((b) => b.country_group === 'All')!.best_model).toBe('alpha');
  });
  it('only headline metrics get a series (not the AA coding index)', () => {
    expect(buildBestByDate([score({ metric: METRIC.aaCoding })], METHODS)).toEqual([]);
  });
  it('a country group with no model on a side gets no row', () => {
    const best = buildBestByDate([score({ country_group: 'China', openness: 'open-weight' })], METHODS);
    expect(best.map((b) => b.country_group)).toEqual(['All', 'China']);
  });
  it('a snapshot no scoring method covers fails, naming source, dataset, metric and date', () => {
    expect(() => methodOf(METHODS, { source: 'lmarena', dataset: 'text-raw', metric: METRIC.arena, as_of: '2026-01-01' })).toThrow(/no row covers lmarena\/text-raw lmarena_text_rating on 2026-01-01/);
  });
  it('two methods covering one snapshot fail', () => {
    const twice = [...METHODS, { ...METHODS[0]!, from: '2025-06-01', to: null, scoring_method: 'other' }];
    expect(() => methodOf(twice, { source: 'lmarena', dataset: 'text-raw', metric: METRIC.arena, as_of: '2025-07-01' })).toThrow(/2 rows cover/);
  });
});

describe('hosting (normalize/steps/hosting.ts)', () => {
  it('regional and plan listings of one company count once', () => {
    expect(providerGroup('minimax-cn-coding-plan')).toBe('minimax');
    expect(providerGroup('Alibaba-INTL')).toBe('alibaba');
    expect(providerGroup('together')).toBe('together');
  });
  it('precision is read from the catalogue id only where stated as a token', () => {
    expect(precisionOf('zai-org/GLM-4.6-FP8')).toBe('FP8');
    expect(precisionOf('openai/gpt-oss-120b:mxfp4')).toBe('MXFP4');
    expect(precisionOf('some/model-fp8x')).toBeNull();
    expect(precisionOf('deepseek-v3')).toBeNull();
  });
});

describe('vendor verifier (normalize/steps/vendor-verifier.ts)', () => {
  it("the official reference is its own kind, whatever the vendor's name", () => {
    expect(vendorKind('Moonshot AI', 'official-reference')).toBe('official-reference');
  });
  it("Moonshot's other endpoints are not third-party vendors", () => {
    expect(vendorKind('Moonshot Turbo', 'acceptable')).toBe('moonshot');
  });
  it('inference engines (vLLM, SGLang) are references, not vendors', () => {
    expect(vendorKind('Inferact (vLLM ref.)', 'acceptable')).toBe('inference-engine');
    expect(vendorKind('SGLang', 'acceptable')).toBe('inference-engine');
  });
  it('anyone else selling the model is third-party', () => {
    expect(vendorKind('Together', 'below-threshold')).toBe('third-party');
  });
});

describe('view statistics (src/lib/stats.ts)', () => {
  it('median: the middle value, the mean of the two middle ones for an even count, input left unsorted', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
  it('spearman: 1 for the same order, -1 for the reverse, ties take their average rank', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 2], [1, 1, 2])).toBeCloseTo(1);
  });
});
