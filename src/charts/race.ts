/**
 * Charts of the "race over time" pages: one board at one date (ranked top models), and per
 * board over all dates (open share of the top 10, best open against best closed). Pure:
 * rows in, Plot options out. Colours by lab country as everywhere else, plus a neutral
 * "Lab unknown" for models no table places, so they still show.
 */
import * as Plot from '@observablehq/plot';
import { SIDE_LABEL, type Side } from '../lib/labels.ts';
import { isNarrow, labelMargin, LINE, MARGIN, maxTextWidth, textWidth, truncateAll } from './layout.ts';
import { COUNTRY_COLORS, COUNTRY_GROUPS, OPENNESS_COLORS, type Openness } from './scales.ts';

export const UNKNOWN_LABEL = 'Lab unknown';
/** Light grey with a dark outline: neutral, and apart from "Other" (mid grey) in both colour schemes. */
export const UNKNOWN_COLOR = '#E4E4E4';
export const raceCountryColor = {
  type: 'categorical' as const,
  domain: [...COUNTRY_GROUPS, UNKNOWN_LABEL],
  range: [...COUNTRY_GROUPS.map((c) => COUNTRY_COLORS[c]), UNKNOWN_COLOR],
};

export interface RaceRankRow {
  rank: number;
  model: string;
  lab: string;
  country: string;
  openness: Openness | null;
  score: number;
  ci_lower: number | null;
  ci_upper: number | null;
}

/** ◆ open weights, ? openness unknown, nothing for closed: readable without colour. */
export const rankLabel = (d: RaceRankRow): string => `${d.openness === null ? '? ' : d.openness === 'closed' ? '' : '◆ '}${d.model}`;

/**
 * Rows of the ranking: one band per model, laid out for the page's 12px text (layout.ts) at the
 * width it is drawn at. Row labels take at most about 45% of the width; a longer name is cut,
 * and names that would then read alike keep their start and end (truncateAll), so two rows never
 * read the same. The table and the tooltips keep names whole.
 */
export function raceRanking(rows: RaceRankRow[], { width = 720, metricLabel = 'Score', mark = 'bar' }: { width?: number; metricLabel?: string; mark?: 'bar' | 'dot' } = {}): Plot.PlotOptions {
  const narrow = isNarrow(width);
  const short = truncateAll(rows.map(rankLabel), width * 0.45);
  const labelOf = (d: RaceRankRow) => short.get(rankLabel(d))!;
  const order = [...rows].sort((a, b) => a.rank - b.rank).map(labelOf);
  const lo = mark === 'bar' ? 0 : Math.floor(Math.min(...rows.map((r) => r.ci_lower ?? r.score)) - 5);
  const hi = Math.ceil(Math.max(...rows.map((r) => r.ci_upper ?? r.score)) * (mark === 'bar' ? 1.02 : 1) + (mark === 'dot' ? 2 : 0));
  const value = (d: RaceRankRow) => d.score.toFixed(d.score >= 200 ? 0 : 1);
  const tip = (d: RaceRankRow) => `#${d.rank} ${d.model} (${d.lab}, ${d.country}, ${d.openness ?? 'openness unknown'}): ${d.score}`;
  const outline = { stroke: (d: RaceRankRow) => (d.country === UNKNOWN_LABEL ? 'currentColor' : 'none'), strokeWidth: 0.75 };
  const marginLeft = labelMargin(order, width);
  // The value sits right of the bar (of the interval, for dots): the margin holds the widest one.
  const marginRight = Math.ceil(maxTextWidth(rows.map(value)) + (mark === 'dot' ? 12 : 8));
  const marginBottom = MARGIN.bottomLabelled;
  return {
    width,
    height: 6 + marginBottom + rows.length * (narrow ? LINE + 3 : LINE + 6),
    marginLeft,
    marginRight,
    marginTop: 6,
    marginBottom,
    x: { domain: [lo, hi], label: metricLabel, grid: true, nice: false, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 60)) },
    y: { domain: order, label: null, tickSize: 0 },
    color: raceCountryColor,
    marks: [
      Plot.ruleY(rows.filter((d) => d.ci_lower != null && d.ci_upper != null), { y: labelOf, x1: 'ci_lower', x2: 'ci_upper', stroke: 'currentColor', strokeOpacity: 0.6 }),
      mark === 'bar'
        ? Plot.barX(rows, { y: labelOf, x1: () => lo, x2: 'score', fill: 'country', ...outline, inset: 0.5, title: tip })
        : Plot.dot(rows, { y: labelOf, x: 'score', fill: 'country', symbol: (d: RaceRankRow) => (d.openness === 'closed' ? 'circle' : d.openness === null ? 'square' : 'diamond'), r: 5, stroke: 'currentColor', strokeWidth: 0.5, title: tip }),
      Plot.text(rows, { y: labelOf, x: mark === 'dot' ? (d: RaceRankRow) => d.ci_upper ?? d.score : 'score', text: value, dx: mark === 'dot' ? 8 : 4, textAnchor: 'start' }),
    ],
  };
}

/** Date ticks that fit the plot: about one per 80px (a tick label is a month over a year, two lines). */
const dateTicks = (width: number, marginLeft: number) => Math.max(2, Math.floor((width - marginLeft - 16) / 80));

export interface ShareCell { date: Date; end: Date; country: string; open_models: number }

/**
 * How many of the top 10 have open weights, stacked by lab country; each capture's block runs
 * to the next capture (the board as it stood until then). `marker` is where the page's chosen
 * date goes: the page moves it (class race-marker).
 */
export function raceOpenShare(cells: ShareCell[], { width = 720, marker }: { width?: number; marker: Date }): Plot.PlotOptions {
  return {
    width,
    height: 200,
    marginLeft: 30,
    marginRight: 16,
    marginTop: MARGIN.topLabelled,
    marginBottom: MARGIN.bottomTwoLines,
    // The domain spans every capture, also those with no open model in the top 10 (no block drawn).
    x: { type: 'utc', label: null, ticks: dateTicks(width, 30), domain: [new Date(Math.min(...cells.map((c) => +c.date))), new Date(Math.max(...cells.map((c) => +c.end)))] },
    y: { domain: [0, 10], label: 'Open models in the top 10', grid: true, ticks: 5 },
    color: raceCountryColor,
    marks: [
      Plot.rectY(cells.filter((c) => c.open_models > 0), { x1: 'date', x2: 'end', y: 'open_models', fill: 'country', stroke: (d: ShareCell) => (d.country === UNKNOWN_LABEL ? 'currentColor' : 'none'), strokeWidth: 0.5, title: (d: ShareCell) => `${d.date.toISOString().slice(0, 10)}: ${d.open_models} open model(s) from ${d.country}` }),
      Plot.ruleY([0]),
      Plot.ruleX([marker], { className: 'race-marker', stroke: 'currentColor', strokeWidth: 2 }),
    ],
  };
}

/** A point in codes (side 'open' | 'closed'); the chart names the side (labels.ts) where it is drawn. */
export interface RaceGapPoint { date: Date; side: Side; value: number; model: string; segment: number }

/** Best closed and best open over time; a line never crosses a change of scoring method (dashed rule). */
export function raceGap(points: RaceGapPoint[], breaks: Date[], { width = 720, metricLabel = 'Score', marker }: { width?: number; metricLabel?: string; marker: Date }): Plot.PlotOptions {
  // The left margin holds the widest tick label (ratings run to four digits and a comma).
  const widest = Math.max(...points.map((p) => Math.abs(p.value)));
  const marginLeft = Math.ceil(textWidth(Math.round(widest).toLocaleString('en-US')) + 12);
  return {
    width,
    height: 240,
    marginLeft,
    marginRight: 16,
    marginTop: MARGIN.topLabelled,
    marginBottom: MARGIN.bottomTwoLines,
    x: { type: 'utc', label: null, ticks: dateTicks(width, marginLeft) },
    // The y label starts at the chart's left edge: a long one loses its parenthesis where it would not fit.
    y: { label: textWidth(`↑ ${metricLabel}`) > width - 10 ? metricLabel.replace(/ \(.*\)$/, '') : metricLabel, grid: true, nice: true, ticks: 5 },
    color: { domain: [SIDE_LABEL.closed, SIDE_LABEL.open], range: [OPENNESS_COLORS.closed, OPENNESS_COLORS['open-weight']] },
    marks: [
      Plot.ruleX(breaks, { stroke: 'currentColor', strokeDasharray: '4 3', strokeOpacity: 0.8 }),
      Plot.line(points, { x: 'date', y: 'value', stroke: (d: RaceGapPoint) => SIDE_LABEL[d.side], z: (d: RaceGapPoint) => `${d.side}|${d.segment}`, strokeWidth: 2, curve: 'step-after' }),
      Plot.dot(points, { x: 'date', y: 'value', fill: (d: RaceGapPoint) => SIDE_LABEL[d.side], symbol: (d: RaceGapPoint) => (d.side === 'open' ? 'diamond' : 'circle'), r: 2.5, title: (d: RaceGapPoint) => `${SIDE_LABEL[d.side]}, ${d.date.toISOString().slice(0, 10)}: ${d.model} (${d.value})` }),
      Plot.ruleX([marker], { className: 'race-marker', stroke: 'currentColor', strokeWidth: 2 }),
    ],
  };
}
