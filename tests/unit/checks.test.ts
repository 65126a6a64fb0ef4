import { describe, expect, it } from 'vitest';
import { assertChecks, runChecks } from '../../normalize/checks.ts';
import { checkFigureLabs, type FigureDef } from '../../src/lib/figures.ts';
import type { ScoreRow } from '../../normalize/steps/scores.ts';

const score = (over: Partial<ScoreRow>): ScoreRow => ({ source: 'artificialanalysis', dataset: 'models', as_of: '2026-07-10', source_model: 'M', model_id: 'm', match_kind: 'exact', lab_id: 'x', country: 'US', country_group: 'United States', openness: 'closed', openness_basis: null, metric: 'aa_intelligence_index', value: 50, ci_lower: null, ci_upper: null, votes: null, style_control: null, release_date: null, ...over });

describe('named sanity checks', () => {
  it('pass on sane tables', () => {
    expect(runChecks({ models: [], scores: [score({})] }).every((r) => r.failures.length === 0)).toBe(true);
  });

  it('name the check, the row and the likely cause', () => {
    const results = runChecks({ models: [], scores: [score({ value: 150 }), score({ metric: 'lmarena_text_rating', source: 'lmarena', value: 1400, ci_lower: 1410, ci_upper: 1420 })] });
    expect(() => assertChecks(results)).toThrow(/\[aa-index-in-range\].*did Artificial Analysis change its scale\?/s);
    expect(() => assertChecks(results)).toThrow(/\[ci-brackets-rating\]/);
  });
});

describe('charts show only models with a known lab', () => {
  const fig = (labs: (string | null)[]) => ({ id: 'f', labs } as unknown as FigureDef);
  it('accepts known labs and names the figure otherwise', () => {
    expect(() => checkFigureLabs([fig(['a'])], new Set(['a']))).not.toThrow();
    expect(() => checkFigureLabs([fig(['a', null, 'zz'])], new Set(['a']))).toThrow(/f: a model with no lab\n\s+f: zz/);
  });
});
