/** The race pages' pure parts: segment keys and breaks, the ranking chart's escaping and unknown-lab colour, date neighbours. */
import { describe, expect, it } from 'vitest';
import type { BestRow } from '../../normalize/steps/series.ts';
import { raceRanking, UNKNOWN_COLOR, type RaceRankRow } from '../../src/charts/race.ts';
import { renderPlot } from '../../src/charts/render.ts';
import { cutSegments, neighbours, segmentKey, type ScoringMethodRef } from '../../src/lib/race-views.ts';

const best = (as_of: string, openness: 'open' | 'closed', value: number, extra: Partial<Omit<BestRow, 'scoring_method'> & { scoring_method: string | null }> = {}): Omit<BestRow, 'scoring_method'> & { scoring_method?: string | null } => ({
  source: 'lmarena', dataset: 'text-history', metric: 'lmarena_text_rating', as_of, openness, country_group: 'All', best_model: `${openness}-${as_of}`, model_id: null, lab_id: null, value, ci_lower: null, ci_upper: null, models_compared: 10, models_unknown_openness: 0, ...extra,
});
const series = (pairs: [string, number, number][], extra: (d: string) => Partial<Omit<BestRow, 'scoring_method'> & { scoring_method: string | null }> = () => ({})) =>
  pairs.flatMap(([d, closed, open]) => [best(d, 'closed', closed, extra(d)), best(d, 'open', open, extra(d))]);
const ref = (from_as_of: string, scoring_method: string): ScoringMethodRef => ({ source: 'lmarena', dataset: 'text-history', metric: 'lmarena_text_rating', from_as_of, scoring_method, evidence: 'test' });

describe('segmentKey', () => {
  it('is source|dataset|metric, plus the scoring method when the row has one', () => {
    expect(segmentKey(best('2024-01-01', 'open', 1))).toBe('lmarena|text-history|lmarena_text_rating');
    expect(segmentKey({ ...best('2024-01-01', 'open', 1), scoring_method: 'bradley-terry' })).toBe('lmarena|text-history|lmarena_text_rating|bradley-terry');
    expect(segmentKey({ ...best('2024-01-01', 'open', 1), scoring_method: null })).toBe('lmarena|text-history|lmarena_text_rating');
  });
});

describe('cutSegments', () => {
  const calm: [string, number, number][] = [['2024-06-21', 1161.7, 1072.4], ['2024-06-26', 1161.7, 1076.4]];
  it('keeps one segment while scores move by model releases', () => {
    const { points, breaks } = cutSegments(series([...calm, ['2024-07-01', 1200, 1080]]), []);
    expect(breaks).toEqual([]);
    expect(new Set(points.map((p) => p.segment))).toEqual(new Set([0]));
  });
  it('breaks where both sides jump the same way by more than 8% (LMArena, 2024-06-29)', () => {
    const { points, breaks } = cutSegments(series([...calm, ['2024-06-29', 1287.0, 1214.1]]), []);
    expect(breaks.map((b) => b.as_of)).toEqual(['2024-06-29']);
    expect(breaks[0]!.reason).toMatch(/both jump up/);
    expect(points.filter((p) => p.as_of === '2024-06-29').map((p) => p.segment)).toEqual([1, 1]);
  });
  it('does not break when only one side jumps', () => {
    expect(cutSegments(series([...calm, ['2024-06-29', 1287.0, 1080]]), []).breaks).toEqual([]);
  });
  it('breaks at a date of the reference file and names the method', () => {
    const { points, breaks } = cutSegments(series([...calm, ['2024-07-01', 1162, 1077]]), [ref('2023-01-01', 'elo-online'), ref('2024-06-26', 'bradley-terry')]);
    expect(breaks.map((b) => b.as_of)).toEqual(['2024-06-26']);
    expect(breaks[0]!.reason).toContain('elo-online → bradley-terry');
    expect(points.find((p) => p.as_of === '2024-07-01')!.method).toBe('bradley-terry');
  });
  it('breaks where the scoring_method column changes, and the column wins over the reference file', () => {
    const { breaks } = cutSegments(series([...calm, ['2024-07-01', 1162, 1077]], (d) => ({ scoring_method: d < '2024-07-01' ? 'a' : 'b' })), [ref('2024-06-26', 'c')]);
    expect(breaks.map((b) => b.as_of)).toEqual(['2024-07-01']);
  });
});

describe('raceRanking', () => {
  const row = (model: string, country: string, openness: RaceRankRow['openness']): RaceRankRow => ({ rank: 1, model, lab: 'unknown lab', country, openness, score: 1200, ci_lower: null, ci_upper: null });
  it('escapes scraped names in labels and tooltips', () => {
    const svg = renderPlot(raceRanking([row('<script>alert("x")</script>&', 'Lab unknown', null)], { width: 350, mark: 'dot' }), { ariaLabel: 't' });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });
  it('draws a model with no known lab in the neutral colour, outlined', () => {
    const svg = renderPlot(raceRanking([row('mystery-model', 'Lab unknown', null), { ...row('qwen', 'China', 'open-weight'), rank: 2, score: 1100 }], { width: 720, mark: 'bar' }), { ariaLabel: 't' });
    expect(svg).toContain(`fill="${UNKNOWN_COLOR}"`);
    expect(svg).toContain('fill="#D55E00"');
    expect(svg).toMatch(/◆ qwen/);
    expect(svg).toMatch(/\? mystery-model/);
  });
});

describe('neighbours', () => {
  it('gives the previous and next capture, null at the ends, and refuses a date that is not a capture', () => {
    const dates = ['2024-01-01', '2024-02-01', '2024-03-01'];
    expect(neighbours(dates, '2024-01-01')).toEqual({ prev: null, next: '2024-02-01', index: 0 });
    expect(neighbours(dates, '2024-03-01')).toEqual({ prev: '2024-02-01', next: null, index: 2 });
    expect(() => neighbours(dates, '2024-01-15')).toThrow(/not a capture date/);
  });
});
