/**
 * Chart snapshot tests: each pure chart function, on a small fixed input, rendered to SVG with
 * numbers rounded. A change in a chart's markup shows up as a reviewable diff of the .svg file.
 */
import { describe, expect, it } from 'vitest';
import { gapOverTime } from '../../src/charts/gap-over-time.ts';
import { leadersGrid } from '../../src/charts/leaders.ts';
import { licenceByCountry } from '../../src/charts/licence-by-country.ts';
import { memoryChart } from '../../src/charts/memory.ts';
import { openShareByYear } from '../../src/charts/open-share-by-year.ts';
import { opennessSpectrum } from '../../src/charts/openness-spectrum.ts';
import { priceThroughput } from '../../src/charts/price-throughput.ts';
import { providersBars, providersTrend } from '../../src/charts/providers.ts';
import { rankingBars } from '../../src/charts/ranking.ts';
import { renderPlot } from '../../src/charts/render.ts';
import { roundNumbers } from '../../src/charts/svg-post.ts';
import { reportedFigures } from '../../src/charts/reported.ts';
import { vendorDots } from '../../src/charts/vendor-verifier.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const svg = (options: Parameters<typeof renderPlot>[0], label: string) => renderPlot(options, { ariaLabel: label, ariaDescription: `${label} (test)` });

const RANKING_ROWS = [
  { rank: 1, model: 'Closed One', lab: 'Lab US', country_group: 'United States', openness: 'closed', score: 60.123 },
  { rank: 2, model: 'Open Two', lab: 'Lab CN', country_group: 'China', openness: 'open-weight', score: 51.5 },
  { rank: 3, model: 'Open Three', lab: 'Lab FR', country_group: 'Europe', openness: 'open-source', score: 40 },
] as const satisfies Parameters<typeof rankingBars>[0];

const CASES: Record<string, () => string> = {
  ranking: () => svg(rankingBars(RANKING_ROWS, { width: 640, metricLabel: 'Index' }), 'ranking'),
  'ranking-dots': () => svg(rankingBars([
    { rank: 1, model: 'a', lab: 'A', country_group: 'United States', openness: 'closed', score: 1500, ci_lower: 1494, ci_upper: 1506 },
    { rank: 2, model: 'b', lab: 'B', country_group: 'China', openness: 'open-weight', score: 1460, ci_lower: 1450, ci_upper: 1470 },
  ], { width: 640, mark: 'dot' }), 'ranking dots'),
  gap: () => svg(gapOverTime([
    { date: d('2025-01-01'), side: 'Best closed model', value: 1400, model: 'x', dataset: 'A' },
    { date: d('2025-01-01'), side: 'Best open model', value: 1300, model: 'y', dataset: 'A' },
    { date: d('2025-06-01'), side: 'Best closed model', value: 1450, model: 'x2', dataset: 'B' },
    { date: d('2025-06-01'), side: 'Best open model', value: 1420, model: 'y2', dataset: 'B' },
  ], { width: 640 }), 'gap'),
  spectrum: () => svg(opennessSpectrum([
    { model: 'Open M', openness: 'open-source', component: 'Weights', released: 'yes', detail: 'downloadable' },
    { model: 'Open M', openness: 'open-source', component: 'Training data', released: 'yes', detail: 'released' },
    { model: 'Weights M', openness: 'open-weight', component: 'Weights', released: 'yes', detail: 'downloadable' },
    { model: 'Weights M', openness: 'open-weight', component: 'Training data', released: 'no', detail: 'not released' },
    { model: 'Weights M', openness: 'open-weight', component: 'Licence', released: 'unknown', detail: '?' },
  ], { width: 640 }), 'spectrum'),
  'open-share': () => svg(openShareByYear([
    { year: 2024, country: 'China', weights: 'Open weights', models: 5 },
    { year: 2024, country: 'China', weights: 'Closed or unreleased', models: 2 },
    { year: 2024, country: 'United States', weights: 'Open weights', models: 3 },
    { year: 2024, country: 'United States', weights: 'Closed or unreleased', models: 9 },
  ], { width: 640 }), 'open share'),
  licences: () => svg(licenceByCountry([
    { country_group: 'China', restrictiveness: 'permissive', models: 8 },
    { country_group: 'China', restrictiveness: 'restricted', models: 1 },
    { country_group: 'United States', restrictiveness: 'permissive', models: 3 },
    { country_group: 'United States', restrictiveness: 'restricted', models: 3 },
  ], { width: 640 }), 'licences'),
  memory: () => svg(memoryChart([
    { model: 'Big', precision: '16-bit', gb: 2000, total_parameters: 1e12, active_parameters: 3.2e10 },
    { model: 'Big', precision: '4-bit', gb: 500, total_parameters: 1e12, active_parameters: 3.2e10 },
    { model: 'Small', precision: '16-bit', gb: 40, total_parameters: 2e10, active_parameters: null },
    { model: 'Small', precision: '4-bit', gb: 10, total_parameters: 2e10, active_parameters: null },
  ], [{ name: 'GPU 24 GB', gb: 24, kind: 'consumer-gpu' }, { name: 'Server 640 GB', gb: 640, kind: 'server' }], { width: 640 }), 'memory'),
  providers: () => svg(providersBars([
    { model: 'M1', lab: 'L1', country_group: 'China', hosts: 30, gateways: 12 },
    { model: 'M2', lab: 'L2', country_group: 'United States', hosts: 20, gateways: 5 },
  ], { width: 640 }), 'providers'),
  'providers-trend': () => svg(providersTrend([
    { date: d('2026-01-01'), country_group: 'China', value: 6.2 },
    { date: d('2026-08-01'), country_group: 'China', value: 15.9 },
    { date: d('2026-01-01'), country_group: 'United States', value: 5.4 },
    { date: d('2026-08-01'), country_group: 'United States', value: 7.8 },
  ], { width: 640 }), 'providers trend'),
  'price-throughput': () => svg(priceThroughput([
    { model: 'M', provider: 'Fast', price: 1.5, tokens_per_second: 400, precision: 'not stated' },
    { model: 'M', provider: 'Slow', price: 1.5, tokens_per_second: 20, precision: 'not stated' },
    { model: 'M', provider: 'Cheap (FP8)', price: 0.8, tokens_per_second: 45, precision: 'FP8' },
  ], { width: 640 }), 'price'),
  'vendor-verifier': () => svg(vendorDots([
    { model: 'k2', vendor: 'Ref', metric: 'Schema accuracy', value: 100, group: 'official-reference' },
    { model: 'k2', vendor: 'Good', metric: 'Schema accuracy', value: 96.5, group: 'acceptable' },
    { model: 'k2', vendor: 'Bad', metric: 'Schema accuracy', value: 100, group: 'below-threshold' },
    { model: 'k2', vendor: 'Bad', metric: 'Tool-call F1', value: 60.2, group: 'below-threshold', threshold: 73 },
  ], { width: 640, passed: [{ model: 'k2', vendor: 'Good', metric: 'Tool-call F1', threshold: 73 }] }), 'verifier'),
  leaders: () => svg(leadersGrid([
    { board: 'Board A', period: 'Then', date: '2025-11-06', model: 'x', country_group: 'United States' },
    { board: 'Board A', period: 'Now', date: '2026-03-29', model: 'y', country_group: 'China' },
  ], { width: 640 }), 'leaders'),
  reported: () => svg(reportedFigures([
    { panel: 'Study A', country_group: 'China', value: 1.15e9, unit: 'downloads' },
    { panel: 'Study A', country_group: 'United States', value: 7.23e8, unit: 'downloads' },
    { panel: 'Study B', country_group: 'China', value: 17.1, unit: 'percent' },
  ], { width: 640 }), 'reported'),
};

describe('chart SVG snapshots', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const markup = CASES[name]!();
    expect(markup).toContain('<svg');
    expect(markup).toMatch(/aria-label="/);
    await expect(markup).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
  });

  it('ranking: each bar sits at its rank, whatever order the rows arrive in', () => {
    // Bar y positions read back from the markup (each rect's title starts "#rank model").
    const barYByRank = (markup: string) => Object.fromEntries([...markup.matchAll(/<rect[^>]* y="([\d.]+)"[^>]*><title>#(\d+) /g)].map((m) => [m[2], Number(m[1])]));
    const inOrder = barYByRank(CASES.ranking!());
    const reversed = barYByRank(svg(rankingBars([...RANKING_ROWS].reverse(), { width: 640, metricLabel: 'Index' }), 'ranking'));
    expect(Object.keys(inOrder)).toHaveLength(RANKING_ROWS.length);
    expect(reversed).toEqual(inOrder);
    expect(inOrder['1']!).toBeLessThan(inOrder['2']!);
    expect(inOrder['2']!).toBeLessThan(inOrder['3']!);
  });

  it('charts leave their input rows untouched (views are shared between figures and claims)', () => {
    const frozen = RANKING_ROWS.map((r) => Object.freeze({ ...r }));
    const before = JSON.stringify(frozen);
    expect(() => svg(rankingBars(frozen, { width: 640, metricLabel: 'Index' }), 'ranking')).not.toThrow();
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('rounds long decimals in attributes only', () => {
    expect(roundNumbers('<path d="M1.23456,2.5" /><text>3.14159</text>')).toBe('<path d="M1.23,2.5" /><text>3.14159</text>');
  });

  it('ranking: closed and open models are separate marks the scrolly can fade, and ◆ marks open weights', () => {
    const markup = CASES.ranking!();
    expect(markup).toMatch(/class="bars-closed"/);
    expect(markup).toMatch(/class="bars-open"/);
    expect(markup).toContain('◆ Open Two');
    expect(markup).not.toContain('◆ Closed One');
  });

  it('memory: one class per hardware kind, so steps can highlight them', () => {
    const markup = CASES.memory!();
    expect(markup).toMatch(/class="hw-consumer-gpu"/);
    expect(markup).toMatch(/class="hw-server"/);
  });
});

describe('vendor verifier: two metrics, two panels (issue 10, item 6)', () => {
  it('draws schema accuracy and tool-call F1 in separate facets, never on one axis', () => {
    const options = vendorDots([
      { model: 'k2', vendor: 'A', metric: 'Schema accuracy', value: 71.96, group: 'acceptable' },
      { model: 'k2', vendor: 'B', metric: 'Schema accuracy', value: 100, group: 'below-threshold' },
      { model: 'k2', vendor: 'B', metric: 'Tool-call F1', value: 69.52, group: 'below-threshold', threshold: 80 },
    ]);
    expect((options.fx as { domain: string[] }).domain).toEqual(['Schema accuracy', 'Tool-call F1']);
    // Rendered: the dots fall into one group per facet, each translated to its own panel.
    const markup = svg(options, 'verifier facets');
    const dots = markup.slice(markup.indexOf('aria-label="dot"'));
    const panels = [...dots.matchAll(/<g transform="translate\(([\d.]+),0\)">((?:(?!<\/g>).)*)<\/g>/g)].map((m) => ({ x: Number(m[1]), titles: [...m[2]!.matchAll(/<title>([^<]*)<\/title>/g)].map((t) => t[1]) }));
    expect(panels).toHaveLength(2);
    expect(panels[0]!.titles.every((t) => t!.includes('Schema accuracy'))).toBe(true);
    expect(panels[1]!.titles.every((t) => t!.includes('Tool-call F1'))).toBe(true);
    expect(panels[1]!.x).toBeGreaterThan(panels[0]!.x);
  });
});
