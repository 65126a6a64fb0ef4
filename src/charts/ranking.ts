/**
 * Ranked bars of the strongest models on one leaderboard, coloured by the lab's country.
 * Closed and open models are separate marks (classes "bars-closed" / "bars-open"), so the
 * scrolly step can fade the closed ones out with CSS alone. A ◆ marks open weights, so the
 * distinction survives without colour or JavaScript.
 */
import * as Plot from '@observablehq/plot';
import { FONT, LINE, MARGIN, isNarrow, labelMargin, textWidth, truncateAll } from './layout.ts';
import { countryColorFor, type CountryGroup } from './scales.ts';

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
/** Phones: at most this many rows, so the chart fits a compact sticky graphic; the table has them all. */
const PHONE_ROWS = 20;

export function rankingBars(
  allRows: RankRow[],
  { width = 720, metricLabel = 'Score', mark = 'bar', openRanks = false }: { width?: number; metricLabel?: string; mark?: 'bar' | 'dot'; openRanks?: boolean } = {},
): Plot.PlotOptions {
  const narrow = isNarrow(width);
  const rows = narrow ? [...allRows].sort((a, b) => a.rank - b.rank).slice(0, PHONE_ROWS) : allRows;
  const full = (d: RankRow) => `${d.openness === 'closed' ? '' : '◆ '}${d.model}`;
  // Labels longer than ~45% of a phone's width are cut (the full name is in the tooltip and the table).
  const short = truncateAll(rows.map(full), narrow ? width * 0.45 : width * 0.4);
  const labelOf = (d: RankRow) => short.get(full(d))!;
  const order = [...rows].sort((a, b) => a.rank - b.rank).map(labelOf);
  const lo = mark === 'bar' ? 0 : Math.floor(Math.min(...rows.map((r) => r.ci_lower ?? r.score)) - 5);
  const hi = Math.ceil(Math.max(...rows.map((r) => r.ci_upper ?? r.score)) * (mark === 'bar' ? 1.02 : 1) + (mark === 'dot' ? 2 : 0));
  const value = (d: RankRow) => d.score.toFixed(d.score >= 200 ? 0 : 1);
  const common = { y: labelOf, x1: () => lo, x2: 'score', fill: 'country_group', inset: 0.5 } as const;
  const dotCommon = { y: labelOf, x: 'score', fill: 'country_group', r: 5, stroke: 'currentColor', strokeWidth: 0.5 } as const;
  const tip = (d: RankRow) => `#${d.rank} ${d.model} (${d.lab}, ${d.country_group}, ${d.openness}): ${d.score}`;
  const isClosed = (d: RankRow) => d.openness === 'closed';
  const marginLeft = labelMargin(order, width);
  // The key of the ◆ (the colour legend above the chart is about countries): on the axis label's line,
  // at the left, where both fit (a taller chart would no longer stick on a phone); else on a line of its own.
  const keyed = rows.some((d) => !isClosed(d));
  const keyText = '◆ open weights';
  const ownLine = keyed && textWidth(keyText) + textWidth(`${metricLabel} →`) + 16 > width;
  const marginBottom = MARGIN.bottomLabelled + (ownLine ? LINE : 0);
  const marginRight = Math.ceil(textWidth(value(rows[0]!)) + (mark === 'dot' ? 16 : 10));
  // Rank among open models, for the scrolly's open-only state (hidden otherwise, see index.astro).
  const openRank = new Map([...rows].filter((d) => !isClosed(d)).sort((a, b) => a.rank - b.rank).map((d, i) => [d, i + 1]));
  // Row labels are text marks (not the axis) so closed and open rows can fade separately.
  const labels = (keep: (d: RankRow) => boolean, className: string) =>
    Plot.text(rows.filter(keep), { y: labelOf, x: () => lo, text: labelOf, dx: -6, textAnchor: 'end', className, title: tip });
  const values = (keep: (d: RankRow) => boolean, className: string) =>
    Plot.text(rows.filter(keep), { y: labelOf, x: mark === 'dot' ? (d: RankRow) => d.ci_upper ?? d.score : 'score', text: value, dx: mark === 'dot' ? 8 : 4, textAnchor: 'start', className });
  return {
    width,
    // Long lists get tighter rows, so a sticky scrolly graphic of 30 bars fits a laptop screen.
    height: 6 + marginBottom + rows.length * (narrow ? LINE + 1 : rows.length > 20 ? LINE + 3 : LINE + 6),
    marginLeft,
    marginRight,
    marginTop: 6,
    marginBottom,
    x: { domain: [lo, hi], label: metricLabel, ...(ownLine ? { labelOffset: MARGIN.bottomLabelled - 3 } : {}), grid: true, nice: false, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 60)) },
    y: { domain: order, label: null, axis: null },
    color: { ...countryColorFor(rows.map((r) => r.country_group)), legend: true },
    marks: [
      Plot.ruleY(rows.filter((d) => d.ci_lower != null && d.ci_upper != null), { y: labelOf, x1: 'ci_lower', x2: 'ci_upper', stroke: 'currentColor', strokeOpacity: 0.6 }),
      ...(mark === 'bar'
        ? [
            Plot.barX(rows.filter(isClosed), { ...common, className: 'bars-closed', title: tip }),
            Plot.barX(rows.filter((d) => !isClosed(d)), { ...common, className: 'bars-open', title: tip }),
          ]
        : [
            Plot.dot(rows.filter(isClosed), { ...dotCommon, className: 'bars-closed', title: tip }),
            Plot.dot(rows.filter((d) => !isClosed(d)), { ...dotCommon, symbol: 'diamond', r: 6, className: 'bars-open', title: tip }),
          ]),
      labels(isClosed, 'labels-closed'),
      labels((d) => !isClosed(d), 'labels-open'),
      values(isClosed, 'bar-values bar-values-closed'),
      values((d) => !isClosed(d), 'bar-values bar-values-open'),
      ...(keyed ? [Plot.text([keyText], { x: () => lo, text: (d: string) => d, frameAnchor: 'bottom-left', textAnchor: 'start', lineAnchor: 'bottom', dx: -marginLeft + 2, dy: marginBottom - 2, className: 'ranking-key' })] : []),
      ...(openRanks && mark === 'bar'
        ? [Plot.text(rows.filter((d) => !isClosed(d)), { y: labelOf, x: () => lo, text: (d: RankRow) => `open #${openRank.get(d)}`, dx: 4, textAnchor: 'start', fill: 'white', fontWeight: 'bold', fontSize: FONT, className: 'open-ranks' })]
        : []),
    ],
  };
}
