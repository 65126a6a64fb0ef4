/**
 * The vendor verifier's per-vendor results: one row per (model, vendor), a dot per metric,
 * coloured by the README's own grouping (reference, above threshold, below threshold). Rows are
 * grouped by model and sorted by score within it; one shared axis, so no empty rows.
 */
import * as Plot from '@observablehq/plot';
import { LINE, MARGIN, isNarrow, labelMargin, textWidth, truncateAll } from './layout.ts';

/** An axis label longer than its axis drops its parenthesis. */
const wrapLabel = (label: string, room: number) => (textWidth(`${label} →`) > room ? label.replace(/ \(.*\)$/, '') : label);
import { usedOnly } from './scales.ts';

export interface VendorPoint {
  model: string;
  vendor: string;
  metric: string;
  value: number;
  group: string;
}

// None of these is a country's colour (blue, vermillion and green mean US, China and Europe elsewhere).
export const GROUP_COLORS = { domain: ['official-reference', 'acceptable', 'below-threshold', 'tested'], range: ['currentColor', '#56B4E9', '#CC79A7', '#8C8C8C'] };

const rowLabel = (d: Pick<VendorPoint, 'model' | 'vendor'>) => `${d.model} · ${d.vendor}`;

export function vendorDots(rows: VendorPoint[], { width = 720, xLabel = 'Percent' }: { width?: number; xLabel?: string } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  const best = (label: string) => Math.max(...rows.filter((r) => rowLabel(r) === label).map((r) => r.value));
  const domain = models.flatMap((m) => [...new Set(rows.filter((r) => r.model === m).map(rowLabel))].sort((a, b) => best(b) - best(a) || a.localeCompare(b)));
  const lo = Math.min(50, ...rows.map((r) => r.value)) - 2;
  const narrow = isNarrow(width);
  // Phones: the vendor first, since a cut label must still say who served the model.
  const vendorFirst = (d: string) => (narrow ? d.split(' · ').reverse().join(' · ') : d);
  const short = truncateAll(domain.map(vendorFirst), narrow ? width * 0.5 : width * 0.4);
  const tick = (d: string) => short.get(vendorFirst(d)) ?? d;
  const marginLeft = labelMargin(domain.map(tick), width);
  return {
    width,
    height: 20 + MARGIN.bottomLabelled + domain.length * (LINE + 3),
    marginLeft,
    marginRight: 20,
    marginBottom: MARGIN.bottomLabelled,
    x: { label: wrapLabel(xLabel, width - marginLeft - 20), grid: true, domain: [lo, 100], ticks: Math.max(2, Math.floor((width - marginLeft - 20) / 45)) },
    y: { domain, label: null, tickSize: 0, tickFormat: tick },
    color: { ...usedOnly(GROUP_COLORS, rows.map((r) => r.group)), legend: true },
    symbol: { legend: true },
    marks: [
      Plot.ruleY(domain, { y: (d: string) => d, x1: lo, x2: (d: string) => best(d), strokeOpacity: 0.15 }),
      Plot.dot(rows, { x: 'value', y: rowLabel, fill: 'group', symbol: 'metric', r: 4.5, title: (d: VendorPoint) => `${d.model}, ${d.vendor}: ${d.metric} ${d.value}% (${d.group})` }),
    ],
  };
}
