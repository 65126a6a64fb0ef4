/**
 * Figures published by others, drawn as such: one panel per publication (their units differ),
 * bars by country group. The chart's title and source line say these are reported figures.
 */
import * as Plot from '@observablehq/plot';
import { countryColor } from './scales.ts';

export interface ReportedRow {
  panel: string;
  country_group: string;
  value: number;
  unit: 'downloads' | 'percent';
}

export function reportedFigures(rows: ReportedRow[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const panels = [...new Set(rows.map((r) => r.panel))];
  const fmt = (r: ReportedRow) => (r.unit === 'percent' ? `${r.value}%` : `${(r.value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })}M`);
  return {
    width,
    height: 60 + panels.length * 100,
    marginLeft: 110,
    marginRight: 60,
    fy: { domain: panels, label: null, axis: null },
    marginTop: 24,
    x: { axis: null },
    y: { label: null },
    color: { ...countryColor, legend: true },
    facet: { data: rows, y: 'panel', marginRight: 0 },
    marks: [
      Plot.text(rows, Plot.selectFirst({ text: 'panel', frameAnchor: 'top-left', dy: -16, dx: -100, fontWeight: 'bold', fontSize: 11, textAnchor: 'start' })),
      // Each panel has its own unit: normalise bar length within the panel so both read left to right.
      Plot.barX(rows, { y: 'country_group', x: (d: ReportedRow) => d.value / Math.max(...rows.filter((r) => r.panel === d.panel).map((r) => r.value)), fill: 'country_group', title: (d: ReportedRow) => `${d.panel}: ${d.country_group} ${fmt(d)}` }),
      Plot.text(rows, { y: 'country_group', x: (d: ReportedRow) => d.value / Math.max(...rows.filter((r) => r.panel === d.panel).map((r) => r.value)), text: fmt, dx: 4, textAnchor: 'start', fontSize: 11 }),
    ],
  };
}
