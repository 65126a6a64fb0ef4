/**
 * The vendor verifier's per-vendor results: one dot per vendor and metric, coloured by the
 * README's own grouping (reference, above threshold, below threshold), one panel per model.
 */
import * as Plot from '@observablehq/plot';

export interface VendorPoint {
  model: string;
  vendor: string;
  metric: string;
  value: number;
  group: string;
}

export const GROUP_COLORS = { domain: ['official-reference', 'acceptable', 'below-threshold', 'tested'], range: ['#0072B2', '#009E73', '#D55E00', '#8C8C8C'] };

export function vendorDots(rows: VendorPoint[], { width = 720, xLabel = 'Percent' }: { width?: number; xLabel?: string } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  const vendorsOf = (m: string) => [...new Set(rows.filter((r) => r.model === m).sort((a, b) => b.value - a.value).map((r) => r.vendor))];
  const height = models.reduce((n, m) => n + 30 + vendorsOf(m).length * 18, 40);
  const narrow = width < 560;
  return {
    width,
    height,
    marginLeft: narrow ? 130 : 160,
    marginRight: narrow ? 10 : 150,
    fy: { domain: models, label: null, axis: narrow ? null : 'right' },
    facet: { data: rows, y: 'model' },
    x: { label: xLabel, grid: true, domain: [Math.min(50, ...rows.map((r) => r.value)) - 2, 100] },
    y: { label: null, tickSize: 0 },
    color: { ...GROUP_COLORS, legend: true },
    symbol: { legend: true },
    marks: [
      Plot.ruleY(rows, { y: 'vendor', x1: (d: VendorPoint) => Math.min(50, ...rows.map((r) => r.value)) - 2, x2: 'value', strokeOpacity: 0.15 }),
      Plot.dot(rows, { x: 'value', y: 'vendor', fill: 'group', symbol: 'metric', r: 4.5, sort: { y: '-x' }, title: (d: VendorPoint) => `${d.model}, ${d.vendor}: ${d.metric} ${d.value}% (${d.group})` }),
    ],
  };
}
