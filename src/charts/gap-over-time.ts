/**
 * Best open model against best closed model over time, on one leaderboard metric.
 * Points from different datasets of one leaderboard (methodology changes) get different symbols.
 */
import * as Plot from '@observablehq/plot';
import { MARGIN, textWidth } from './layout.ts';
import { OPENNESS_COLORS } from './scales.ts';

export interface GapPoint {
  date: Date;
  side: 'Best open model' | 'Best closed model';
  value: number;
  model: string;
  dataset: string;
}

export function gapOverTime(points: GapPoint[], { width = 720, metricLabel = 'Rating' }: { width?: number; metricLabel?: string } = {}): Plot.PlotOptions {
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
    symbol: { legend: true, label: 'Snapshot source' },
    marks: [
      Plot.line(points, { x: 'date', y: 'value', stroke: 'side', strokeWidth: 2, curve: 'step-after', sort: 'date' }),
      Plot.dot(points, { x: 'date', y: 'value', fill: 'side', symbol: 'dataset', r: 3, title: (d: GapPoint) => `${d.side}, ${d.date.toISOString().slice(0, 10)}: ${d.model} (${d.value})` }),
    ],
  };
}
