/**
 * Figures published by others, drawn as such: one panel per publication (their units differ),
 * bars by country group. The chart's title and source line say these are reported figures.
 */
import * as Plot from '@observablehq/plot';
import { LINE, labelMargin, textWidth, wrap } from './layout.ts';
import { countryColorFor } from './scales.ts';
import type { ReportedUnit } from '../../lib/tables/enums.ts';

export interface ReportedRow {
  panel: string;
  country_group: string;
  value: number;
  unit: ReportedUnit;
}

export function reportedFigures(rows: ReportedRow[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const panels = [...new Set(rows.map((r) => r.panel))];
  const fmt = (r: ReportedRow) => (r.unit === 'percent' ? `${r.value}%` : `${(r.value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })}M`);
  const groups = [...new Set(rows.map((r) => r.country_group))];
  const marginLeft = labelMargin(groups, width);
  // Panel titles sit above their bars, wrapped to the chart's width.
  const titleOf = (p: string) => wrap(p, width - 8, { lines: 3 });
  const titleLines = Math.max(...panels.map((p) => titleOf(p).split('\n').length));
  const bars = groups.length * (LINE + 10);
  return {
    width,
    height: 30 + panels.length * (bars + titleLines * LINE + 16),
    marginLeft,
    marginRight: Math.ceil(Math.max(...rows.map((r) => textWidth(fmt(r)))) + 10),
    fy: { domain: panels, label: null, axis: null, paddingInner: (titleLines * LINE + 16) / (bars + titleLines * LINE + 16), paddingOuter: 0 },
    marginTop: titleLines * LINE + 8,
    marginBottom: 4,
    x: { axis: null },
    y: { label: null, tickSize: 0 },
    color: { ...countryColorFor(groups), legend: true },
    facet: { data: rows, y: 'panel', marginRight: 0 },
    marks: [
      Plot.text(rows, Plot.selectFirst({ text: (d: ReportedRow) => titleOf(d.panel), frameAnchor: 'top-left', lineAnchor: 'bottom', dy: -6, dx: -marginLeft + 4, fontWeight: 'bold', textAnchor: 'start' })),
      // Each panel has its own unit: normalise bar length within the panel so both read left to right.
      Plot.barX(rows, { y: 'country_group', x: (d: ReportedRow) => d.value / Math.max(...rows.filter((r) => r.panel === d.panel).map((r) => r.value)), fill: 'country_group', title: (d: ReportedRow) => `${d.panel}: ${d.country_group} ${fmt(d)}` }),
      Plot.text(rows, { y: 'country_group', x: (d: ReportedRow) => d.value / Math.max(...rows.filter((r) => r.panel === d.panel).map((r) => r.value)), text: fmt, dx: 4, textAnchor: 'start' }),
    ],
  };
}
