/**
 * The vendor verifier's per-vendor results: one row per (model, vendor), a dot per metric,
 * coloured by the README's own grouping (reference, above threshold, below threshold). Rows are
 * grouped by model and sorted by score within it; one shared axis, so no empty rows.
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

const rowLabel = (d: Pick<VendorPoint, 'model' | 'vendor'>) => `${d.model} · ${d.vendor}`;

export function vendorDots(rows: VendorPoint[], { width = 720, xLabel = 'Percent' }: { width?: number; xLabel?: string } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  const best = (label: string) => Math.max(...rows.filter((r) => rowLabel(r) === label).map((r) => r.value));
  const domain = models.flatMap((m) => [...new Set(rows.filter((r) => r.model === m).map(rowLabel))].sort((a, b) => best(b) - best(a) || a.localeCompare(b)));
  const lo = Math.min(50, ...rows.map((r) => r.value)) - 2;
  const narrow = width < 560;
  return {
    width,
    height: 60 + domain.length * 18,
    marginLeft: narrow ? 170 : 290,
    marginRight: 20,
    x: { label: xLabel, grid: true, domain: [lo, 100] },
    y: { domain, label: null, tickSize: 0 },
    color: { ...GROUP_COLORS, legend: true },
    symbol: { legend: true },
    marks: [
      Plot.ruleY(domain, { y: (d: string) => d, x1: lo, x2: (d: string) => best(d), strokeOpacity: 0.15 }),
      Plot.dot(rows, { x: 'value', y: rowLabel, fill: 'group', symbol: 'metric', r: 4.5, title: (d: VendorPoint) => `${d.model}, ${d.vendor}: ${d.metric} ${d.value}% (${d.group})` }),
    ],
  };
}
