/** Snapshot tests of the race charts (src/charts/race.ts) on small fixed inputs, as in charts.test.ts. */
import { describe, expect, it } from 'vitest';
import { raceGap, raceOpenShare, raceRanking, UNKNOWN_COLOR } from '../../src/charts/race.ts';
import { renderPlot } from '../../src/charts/render.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const svg = (options: Parameters<typeof renderPlot>[0], label: string) => renderPlot(options, { ariaLabel: label, ariaDescription: `${label} (test)` });

const CASES: Record<string, () => string> = {
  'race-ranking-dots': () => svg(raceRanking([
    { rank: 1, model: 'closed-model-with-a-very-long-scraped-name', lab: 'Lab US', country: 'United States', openness: 'closed', score: 1287, ci_lower: 1280, ci_upper: 1294 },
    { rank: 2, model: 'open-cn', lab: 'Lab CN', country: 'China', openness: 'open-weight', score: 1250, ci_lower: null, ci_upper: null },
    { rank: 3, model: 'nobody-knows', lab: 'unknown lab', country: 'Lab unknown', openness: null, score: 1200, ci_lower: null, ci_upper: null },
  ], { width: 320, mark: 'dot', metricLabel: 'Arena rating' }), 'race ranking dots'),
  'race-ranking-bars': () => svg(raceRanking([
    { rank: 1, model: 'Open EU', lab: 'Lab FR', country: 'Europe', openness: 'open-source', score: 40.5, ci_lower: null, ci_upper: null },
    { rank: 2, model: 'Mystery', lab: 'unknown lab', country: 'Lab unknown', openness: 'open-weight', score: 30, ci_lower: null, ci_upper: null },
  ], { width: 320, mark: 'bar' }), 'race ranking bars'),
  'race-open-share': () => svg(raceOpenShare([
    { date: d('2024-01-01'), end: d('2024-02-01'), country: 'China', open_models: 2 },
    { date: d('2024-01-01'), end: d('2024-02-01'), country: 'United States', open_models: 1 },
    { date: d('2024-02-01'), end: d('2024-03-01'), country: 'China', open_models: 0 },
    { date: d('2024-02-01'), end: d('2024-03-01'), country: 'Lab unknown', open_models: 1 },
  ], { width: 350, marker: d('2024-02-01') }), 'race open share'),
  'race-gap': () => svg(raceGap([
    { date: d('2024-06-21'), side: 'closed', value: 1161.7, model: 'c1', segment: 0 },
    { date: d('2024-06-21'), side: 'open', value: 1072.4, model: 'o1', segment: 0 },
    { date: d('2024-06-29'), side: 'closed', value: 1287, model: 'c2', segment: 1 },
    { date: d('2024-06-29'), side: 'open', value: 1214.1, model: 'o2', segment: 1 },
    { date: d('2024-07-06'), side: 'closed', value: 1287.4, model: 'c2', segment: 1 },
    { date: d('2024-07-06'), side: 'open', value: 1217.1, model: 'o2', segment: 1 },
  ], [d('2024-06-29')], { width: 720, marker: d('2024-07-06'), metricLabel: 'Arena rating' }), 'race gap'),
};

describe('race chart SVG snapshots', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    await expect(CASES[name]!()).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
  });

  it('the gap lines do not cross a break: one path per side and segment', () => {
    const markup = CASES['race-gap']!();
    const paths = markup.match(/<path d="M[^"]*" stroke="#(8C8C8C|E69F00)"/gi) ?? [];
    expect(paths.length).toBe(4);
  });

  it('the chosen date is one rule with the class the page moves', () => {
    expect(CASES['race-open-share']!().match(/class="race-marker"/g)).toHaveLength(1);
    expect(CASES['race-gap']!().match(/class="race-marker"/g)).toHaveLength(1);
  });

  it('a model with no known lab is drawn in the neutral colour, long names are cut with an ellipsis', () => {
    const dots = CASES['race-ranking-dots']!();
    expect(dots).toContain(`fill="${UNKNOWN_COLOR}"`);
    expect(dots).toMatch(/>closed-model-with[^<]*…</);
    expect(dots).toMatch(/\? nobody-knows/);
  });
});
