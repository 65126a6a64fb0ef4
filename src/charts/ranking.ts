/**
 * Ranked bars of the strongest models on one leaderboard, coloured by the lab's country.
 * Closed and open models are separate marks (classes "bars-closed" / "bars-open"), so the
 * scrolly step can fade the closed ones out with CSS alone. A ◆ marks open weights, so the
 * distinction survives without colour or JavaScript.
 */
import * as Plot from '@observablehq/plot';
import { countryColor, type CountryGroup } from './scales.ts';

export interface RankRow {
  rank: number;
  model: string;
  lab: string;
  country_group: CountryGroup;
  openness: 'open-source' | 'open-weight' | 'closed';
  score: number;
  ci_lower?: number | null;
  ci_upper?: number | null;
}

/**
 * mark 'bar' for scores with a true zero (the AA index, 0-100): bars start at zero.
 * mark 'dot' for Elo-like ratings, which have no zero: dots with their 95% interval.
 */
export function rankingBars(rows: RankRow[], { width = 720, metricLabel = 'Score', mark = 'bar' }: { width?: number; metricLabel?: string; mark?: 'bar' | 'dot' } = {}): Plot.PlotOptions {
  const labelOf = (d: RankRow) => `${d.openness === 'closed' ? '' : '◆ '}${d.model}`;
  const order = [...rows].sort((a, b) => a.rank - b.rank).map(labelOf);
  const narrow = width < 560;
  const lo = mark === 'bar' ? 0 : Math.floor(Math.min(...rows.map((r) => r.ci_lower ?? r.score)) - 5);
  const hi = Math.ceil(Math.max(...rows.map((r) => r.ci_upper ?? r.score)) * (mark === 'bar' ? 1.08 : 1) + (mark === 'dot' ? 10 : 0));
  const common = { y: labelOf, x1: () => lo, x2: 'score', fill: 'country_group', inset: 0.5 } as const;
  const dotCommon = { y: labelOf, x: 'score', fill: 'country_group', r: 5, stroke: 'currentColor', strokeWidth: 0.5 } as const;
  const tip = (d: RankRow) => `#${d.rank} ${d.model} (${d.lab}, ${d.country_group}, ${d.openness}): ${d.score}`;
  return {
    width,
    height: 24 + rows.length * (narrow ? 20 : 22),
    marginLeft: narrow ? 150 : 230,
    marginRight: 36,
    x: { domain: [lo, hi], label: metricLabel, grid: true, nice: false },
    y: { domain: order, label: null, tickSize: 0 },
    color: { ...countryColor, legend: true },
    marks: [
      Plot.ruleY(rows.filter((d) => d.ci_lower != null && d.ci_upper != null), { y: labelOf, x1: 'ci_lower', x2: 'ci_upper', stroke: 'currentColor', strokeOpacity: 0.6 }),
      ...(mark === 'bar'
        ? [
            Plot.barX(rows.filter((d) => d.openness === 'closed'), { ...common, className: 'bars-closed', title: tip }),
            Plot.barX(rows.filter((d) => d.openness !== 'closed'), { ...common, className: 'bars-open', title: tip }),
          ]
        : [
            Plot.dot(rows.filter((d) => d.openness === 'closed'), { ...dotCommon, className: 'bars-closed', title: tip }),
            Plot.dot(rows.filter((d) => d.openness !== 'closed'), { ...dotCommon, symbol: 'diamond', r: 6, className: 'bars-open', title: tip }),
          ]),
      Plot.text(rows, { y: labelOf, x: mark === 'dot' ? (d: RankRow) => d.ci_upper ?? d.score : 'score', text: (d: RankRow) => d.score.toFixed(d.score >= 200 ? 0 : 1), dx: mark === 'dot' ? 8 : 4, textAnchor: 'start', fontSize: 10, className: 'bar-values' }),
    ],
  };
}
