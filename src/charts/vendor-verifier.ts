/**
 * The vendor verifier's per-vendor results: one row per (model, vendor), coloured by the README's
 * own grouping (reference, above threshold, below threshold). Each metric gets its own panel
 * (facet), side by side with a shared row order: schema accuracy and tool-call F1 measure
 * different things, so a 100 on one and a 72 on the other are never placed on one axis. Where a
 * metric has a pass mark (the F1 threshold), a tick marks it on that row, and a vendor that passed
 * without a published score gets a faint span from the mark to 100 instead of a dot.
 */
import * as Plot from '@observablehq/plot';

export interface VendorPoint {
  model: string;
  vendor: string;
  metric: string;
  value: number;
  group: string;
  /** The pass mark of this metric for this row, if any (percent). */
  threshold?: number | null;
}

export const GROUP_COLORS = { domain: ['official-reference', 'acceptable', 'below-threshold', 'tested'], range: ['#0072B2', '#009E73', '#D55E00', '#8C8C8C'] };

const rowLabel = (d: Pick<VendorPoint, 'model' | 'vendor'>) => `${d.model} · ${d.vendor}`;

/** A row that passed a metric's threshold without a published score: drawn as a faint span from the pass mark to 100. */
export interface PassedMark { model: string; vendor: string; metric: string; threshold: number }

export function vendorDots(rows: VendorPoint[], { width = 720, xLabel = 'Percent', passed = [] }: { width?: number; xLabel?: string; passed?: PassedMark[] } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  const metrics = [...new Set([...rows, ...passed].map((r) => r.metric))];
  // Rows sorted within each model by the first metric (the one every row has), then by name.
  const first = (label: string) => rows.find((r) => rowLabel(r) === label && r.metric === metrics[0])?.value ?? -Infinity;
  const domain = models.flatMap((m) => [...new Set(rows.filter((r) => r.model === m).map(rowLabel))].sort((a, b) => first(b) - first(a) || a.localeCompare(b)));
  const lo = Math.min(50, ...rows.map((r) => r.value), ...rows.flatMap((r) => (r.threshold ? [r.threshold] : []))) - 2;
  const narrow = width < 560;
  const thresholds = rows.filter((r) => r.threshold != null);
  return {
    width,
    height: 70 + domain.length * 18,
    marginLeft: narrow ? 170 : 290,
    marginRight: 20,
    marginTop: 30,
    fx: { domain: metrics, label: null, padding: 0.12 },
    x: { label: xLabel, grid: true, domain: [lo, 100] },
    y: { domain, label: null, tickSize: 0 },
    color: { ...GROUP_COLORS, legend: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.15 }),
      Plot.ruleY(rows, { fx: 'metric', y: rowLabel, x1: lo, x2: 'value', strokeOpacity: 0.15 }),
      Plot.ruleY(passed, { fx: 'metric', y: rowLabel, x1: 'threshold', x2: 100, stroke: GROUP_COLORS.range[1], strokeWidth: 5, strokeOpacity: 0.35, title: (d: PassedMark) => `${d.model}, ${d.vendor}: passed the ${d.threshold}% ${d.metric} threshold (score not published)` }),
      Plot.tickX([...thresholds, ...passed], { fx: 'metric', y: rowLabel, x: 'threshold', stroke: 'currentColor', strokeOpacity: 0.6, title: (d: { threshold?: number | null }) => `pass mark ${d.threshold}%` }),
      Plot.dot(rows, { fx: 'metric', x: 'value', y: rowLabel, fill: 'group', r: 4.5, title: (d: VendorPoint) => `${d.model}, ${d.vendor}: ${d.metric} ${d.value}% (${d.group})` }),
    ],
  };
}
