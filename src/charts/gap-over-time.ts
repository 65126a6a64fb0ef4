/**
 * Best open model against best closed model over time, on one leaderboard metric.
 * Points from different datasets of one leaderboard get different symbols. Where the leaderboard
 * changed how it scores models (a `method` per point), the lines break and a dashed rule marks
 * the change: levels on either side of it are not comparable, so they are never joined.
 */
import * as Plot from '@observablehq/plot';
import { MARGIN, isNarrow, textWidth } from './layout.ts';
import { OPENNESS_COLORS } from './scales.ts';

export interface GapPoint {
  date: Date;
  side: 'Best open model' | 'Best closed model';
  value: number;
  model: string;
  dataset: string;
  /** Scoring method of the snapshot (data/reference/scoring_methods.csv); absent for a single-method series. */
  method?: string;
}

/** The first date of every method after the first: where the lines break. */
export function methodBreaks(points: GapPoint[]): { date: Date; method: string }[] {
  const sorted = [...points].sort((a, b) => +a.date - +b.date);
  const out: { date: Date; method: string }[] = [];
  let current: string | undefined;
  for (const p of sorted) {
    if (p.method === undefined || p.method === current) continue;
    if (current !== undefined) out.push({ date: p.date, method: p.method });
    current = p.method;
  }
  return out;
}

/** A dated event the takeaway refers to (the video): a shaded span over its date window, named at the foot of the chart. */
export interface GapEvent { from: Date; to: Date; label: string }

/** A lag the takeaway measures (closed models reached this level `label` earlier): an arrow from one date to the other at that level. */
export interface GapLag { from: Date; to: Date; value: number; label: string }

export function gapOverTime(points: GapPoint[], { width = 720, metricLabel = 'Rating', methodLabel = (m: string) => m, event, lag }: { width?: number; metricLabel?: string; methodLabel?: (m: string) => string; event?: GapEvent; lag?: GapLag } = {}): Plot.PlotOptions {
  const breaks = methodBreaks(points);
  // A break label reads away from the nearer edge, on two lines on phones, so it stays inside the chart.
  const times = points.map((p) => p.date.getTime());
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const rightHalf = (d: { date: Date }) => d.date.getTime() - t0 > (t1 - t0) / 2;
  const breakLabel = (d: { method: string }) => `Scoring changes:${isNarrow(width) ? '\n' : ' '}${methodLabel(d.method)}`;
  return {
    width,
    height: 320,
    marginLeft: 48,
    marginRight: 24,
    marginTop: MARGIN.topLabelled,
    marginBottom: MARGIN.bottomTwoLines,
    x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor((width - 64) / 80)) },
    y: { label: textWidth(`↑ ${metricLabel}`) > width - 10 ? metricLabel.replace(/ \(.*\)$/, '') : metricLabel, grid: true, nice: true },
    color: { domain: ['Best closed model', 'Best open model'], range: [OPENNESS_COLORS.closed, OPENNESS_COLORS['open-weight']], legend: true },
    // One source needs no key: a legend of one symbol explains nothing.
    symbol: { legend: new Set(points.map((p) => p.dataset)).size > 1, label: 'Snapshot source' },
    marks: [
      ...(event ? [
        Plot.rectX([event], { x1: (d: GapEvent) => d.from, x2: (d: GapEvent) => new Date(Math.max(+d.to, +d.from + 5 * 864e5)), fill: 'currentColor', fillOpacity: 0.12 }),
        Plot.text([event], { x: (d: GapEvent) => d.from, text: 'label', frameAnchor: 'bottom', lineAnchor: 'bottom', dy: -4, dx: rightHalf({ date: event.from }) ? -4 : 4, textAnchor: rightHalf({ date: event.from }) ? 'end' : 'start' }),
      ] : []),
      Plot.ruleX(breaks, { x: 'date', stroke: 'currentColor', strokeDasharray: '4,3', strokeOpacity: 0.6 }),
      ...[false, true].map((right) => Plot.text(breaks.filter((b) => rightHalf(b) === right), { x: 'date', frameAnchor: 'top', lineAnchor: 'top', dx: right ? -4 : 4, textAnchor: right ? 'end' : 'start', text: breakLabel })),
      Plot.line(points, { x: 'date', y: 'value', stroke: 'side', z: (d: GapPoint) => `${d.side}|${d.method ?? ''}`, strokeWidth: 2, curve: 'step-after', sort: 'date' }),
      Plot.dot(points, { x: 'date', y: 'value', fill: 'side', symbol: 'dataset', r: 3, title: (d: GapPoint) => `${d.side}, ${d.date.toISOString().slice(0, 10)}: ${d.model} (${d.value})${d.method ? `, ${methodLabel(d.method)}` : ''}` }),
      ...(lag ? [
        Plot.arrow([lag], { x1: 'from', x2: 'to', y1: 'value', y2: 'value', stroke: 'currentColor', strokeWidth: 1.5, headLength: 6, inset: 3 }),
        // The label ends at the open model's step, under the open line (above it runs the closed one), on a halo of the page colour.
        Plot.text([lag], { x: 'to', y: 'value', text: 'label', textAnchor: 'end', lineAnchor: 'top', dy: 16, dx: -2, fill: 'currentColor', stroke: 'var(--plot-background)', strokeWidth: 4, paintOrder: 'stroke' }),
      ] : []),
    ],
  };
}
