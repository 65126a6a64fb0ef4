/**
 * The vendor verifier's per-vendor results: one row per (model, vendor), coloured by the README's
 * own grouping (reference, above threshold, below threshold). Each metric gets its own panel
 * (facet), side by side with a shared row order: schema accuracy and tool-call F1 measure
 * different things, so a 100 on one and a 72 on the other are never placed on one axis. Where a
 * metric has a pass mark (the F1 threshold), a tick marks it on that row, and a vendor that passed
 * without a published score gets a faint span from the mark to 100 instead of a dot.
 */
import * as Plot from '@observablehq/plot';
import { LINE, MARGIN, isNarrow, labelMargin, textWidth, truncateAll, wrap } from './layout.ts';
import { usedOnly } from './scales.ts';

/** An axis label longer than its axis drops its parenthesis. */
const wrapLabel = (label: string, room: number) => (textWidth(`${label} →`) > room ? label.replace(/ \(.*\)$/, '') : label);

export interface VendorPoint {
  model: string;
  vendor: string;
  metric: string;
  value: number;
  group: string;
  /** The pass mark of this metric for this row, if any (percent). */
  threshold?: number | null;
}

// None of these is a country's colour (blue, vermillion and green mean US, China and Europe elsewhere).
export const GROUP_COLORS = { domain: ['official-reference', 'acceptable', 'below-threshold', 'tested'], range: ['currentColor', '#56B4E9', '#CC79A7', '#8C8C8C'] };

const rowLabel = (d: Pick<VendorPoint, 'model' | 'vendor'>) => `${d.model} · ${d.vendor}`;

/** A row that passed a metric's threshold without a published score: drawn as a faint span from the pass mark to 100. */
export interface PassedMark { model: string; vendor: string; metric: string; threshold: number }

export function vendorDots(rows: VendorPoint[], { width = 720, xLabel = 'Percent', passed = [] }: { width?: number; xLabel?: string; passed?: PassedMark[] } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  const metrics = [...new Set([...rows, ...passed].map((r) => r.metric))];
  // Rows sorted within each model by the first metric (the one every row has), then by name.
  const first = (label: string) => rows.find((r) => rowLabel(r) === label && r.metric === metrics[0])?.value ?? -Infinity;
  const domain = models.flatMap((m) => [...new Set([...rows, ...passed].filter((r) => r.model === m).map(rowLabel))].sort((a, b) => first(b) - first(a) || a.localeCompare(b)));
  const lo = Math.min(50, ...rows.map((r) => r.value), ...rows.flatMap((r) => (r.threshold ? [r.threshold] : []))) - 2;
  const narrow = isNarrow(width);
  // Phones: the vendor first, since a cut label must still say who served the model.
  const vendorFirst = (d: string) => (narrow ? d.split(' · ').reverse().join(' · ') : d);
  const short = truncateAll(domain.map(vendorFirst), narrow ? width * 0.4 : width * 0.35);
  const tick = (d: string) => short.get(vendorFirst(d)) ?? d;
  const marginLeft = labelMargin(domain.map(tick), width);
  const panel = (width - marginLeft - 20) / metrics.length;
  // Panel heads wrap to two lines when a panel is narrower than its metric's name (phones).
  const head = (m: string) => (textWidth(m) > panel - 8 ? wrap(m, panel - 8) : m);
  const headLines = Math.max(...metrics.map((m) => head(m).split('\n').length));
  const thresholds = rows.filter((r) => r.threshold != null);
  return {
    width,
    height: MARGIN.topLabelled + (headLines - 1) * LINE + MARGIN.bottomLabelled + domain.length * (LINE + 3),
    marginLeft,
    marginRight: 20,
    marginTop: MARGIN.topLabelled + (headLines - 1) * LINE,
    marginBottom: MARGIN.bottomLabelled,
    fx: { domain: metrics, label: null, padding: 0.12, tickFormat: head },
    x: { label: wrapLabel(xLabel, panel), grid: true, domain: [lo, 100], ticks: Math.max(2, Math.floor(panel / 45)) },
    y: { domain, label: null, tickSize: 0, tickFormat: tick },
    color: { ...usedOnly(GROUP_COLORS, [...rows.map((r) => r.group), ...(passed.length ? ['acceptable'] : [])]), legend: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.15 }),
      Plot.ruleY(rows, { fx: 'metric', y: rowLabel, x1: lo, x2: 'value', strokeOpacity: 0.15 }),
      Plot.ruleY(passed, { fx: 'metric', y: rowLabel, x1: 'threshold', x2: 100, stroke: GROUP_COLORS.range[1], strokeWidth: 5, strokeOpacity: 0.35, title: (d: PassedMark) => `${d.model}, ${d.vendor}: passed the ${d.threshold}% ${d.metric} threshold (score not published)` }),
      Plot.tickX([...thresholds, ...passed], { fx: 'metric', y: rowLabel, x: 'threshold', stroke: 'currentColor', strokeOpacity: 0.6, title: (d: { threshold?: number | null }) => `pass mark ${d.threshold}%` }),
      Plot.dot(rows, { fx: 'metric', x: 'value', y: rowLabel, fill: 'group', r: 4.5, title: (d: VendorPoint) => `${d.model}, ${d.vendor}: ${d.metric} ${d.value}% (${d.group})` }),
    ],
  };
}
