/**
 * The vendor verifier's per-vendor results: one row per (model, vendor), coloured by the README's
 * own grouping (reference, above threshold, below threshold). Each metric gets its own panel
 * (facet), side by side with a shared row order: schema accuracy and tool-call F1 measure
 * different things, so a 100 on one and a 72 on the other are never placed on one axis. Where a
 * metric has a pass mark (the F1 threshold), a tick marks it on that row, and a vendor that passed
 * without a published score gets a faint span from the mark to 100 instead of a dot.
 */
import * as Plot from '@observablehq/plot';
import { FONT, LINE, MARGIN, isNarrow, labelMargin, textWidth, truncate, truncateAll, wrap } from './layout.ts';
import { usedOnly } from './scales.ts';
import { VENDOR_GROUPS, type VendorGroup } from '../../lib/tables/enums.ts';

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

// No country's colour (blue, vermillion and green mean US, China and Europe elsewhere), and only one
// hue: the listings that fell below the threshold, the point of the chart; the rest are neutral.
export const PASSED = 'passed, score not published';
const GROUP_COLOR: Record<Exclude<VendorGroup, 'unknown'>, string> = { 'official-reference': 'currentColor', acceptable: '#8C8C8C', 'below-threshold': '#CC79A7', tested: '#8C8C8C' };
/** The verifier's groups in the contract's order (lib/tables/enums.ts), 'unknown' given no colour of its own, then the passed-without-score span. */
const DRAWN_GROUPS = VENDOR_GROUPS.filter((g): g is Exclude<VendorGroup, 'unknown'> => g !== 'unknown');
export const GROUP_COLORS = { domain: [...DRAWN_GROUPS, PASSED], range: [...DRAWN_GROUPS.map((g) => GROUP_COLOR[g]), '#C4C4C4'] };

const rowLabel = (d: Pick<VendorPoint, 'model' | 'vendor'>) => `${d.model} · ${d.vendor}`;
/** A listing reached through the OpenRouter gateway, as vendorLabel() (src/lib/labels.ts) words it. */
const VIA_ROUTER = /\(via OpenRouter\)/;

/** A row that passed a metric's threshold without a published score: drawn as a faint span from the pass mark to 100. */
export interface PassedMark { model: string; vendor: string; metric: string; threshold: number }

const thresholds = (rows: VendorPoint[]) => rows.filter((r) => r.threshold != null);

export function vendorDots(rows: VendorPoint[], { width = 720, xLabel = 'Percent', passed = [] }: { width?: number; xLabel?: string; passed?: PassedMark[] } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  const metrics = [...new Set([...rows, ...passed].map((r) => r.metric))];
  // Rows sorted within each model by the first metric (the one every row has), then by name.
  // The band key joins model and vendor; what a row shows is looked up from the rows, never parsed back out of the key.
  const listing = new Map([...rows, ...passed].map((r) => [rowLabel(r), { model: r.model, vendor: r.vendor }]));
  const first = (label: string) => rows.find((r) => rowLabel(r) === label && r.metric === metrics[0])?.value ?? -Infinity;
  const domain = models.flatMap((m) => [...new Set([...rows, ...passed].filter((r) => r.model === m).map(rowLabel))].sort((a, b) => first(b) - first(a) || a.localeCompare(b)));
  const lo = Math.min(50, ...rows.map((r) => r.value), ...rows.flatMap((r) => (r.threshold ? [r.threshold] : []))) - 2;
  const narrow = isNarrow(width);
  // Each model's rows sit under a header row naming it, so a row is labelled by its vendor alone:
  // "kimi-k2-0905-pr…ew · MoonshotAI" told a reader neither which model nor, on a phone, which host.
  // On a phone "(via OpenRouter)" is abbreviated to "(OR)", explained at the foot of the chart: cut to fit,
  // "NovitaAI (OpenRou…" named neither the router whole nor, for longer hosts, the host.
  const vendorOf = (d: string) => { const v = listing.get(d)!.vendor; return narrow ? v.replace(VIA_ROUTER, '(OR)') : v; };
  const abbreviated = narrow && domain.some((d) => VIA_ROUTER.test(d));
  // The key under the chart: what the tick means, what "(OR)" stands for; a line each on a phone.
  const keys = [thresholds(rows).length || passed.length ? '| = pass mark' : '', abbreviated ? '(OR) = via OpenRouter' : ''].filter(Boolean);
  const keyText = keys.join(narrow ? '\n' : ', ');
  const marginBottom = MARGIN.bottomLabelled + (narrow ? Math.max(0, keys.length - 1) * Math.ceil(FONT * 1.3) : 0);
  const short = truncateAll(domain.map(vendorOf), narrow ? width * 0.4 : width * 0.35);
  const header = (m: string) => `\u0000${m}`;
  const withHeaders = models.length > 1 ? models.flatMap((m) => [header(m), ...domain.filter((d) => listing.get(d)!.model === m)]) : domain;
  const tick = (d: string) => (d.startsWith('\u0000') ? '' : (short.get(vendorOf(d)) ?? d));
  const heads = models.length > 1 ? models.map((m) => ({ key: header(m), text: truncate(m, width - 8, FONT, ) })) : [];
  const marginLeft = labelMargin(domain.map(tick), width);
  const panel = (width - marginLeft - 20) / metrics.length;
  // Panel heads wrap to two lines when a panel is narrower than its metric's name (phones).
  const head = (m: string) => (textWidth(m) > panel - 8 ? wrap(m, panel - 8) : m);
  const headLines = Math.max(...metrics.map((m) => head(m).split('\n').length));
  const withThreshold = thresholds(rows);
  return {
    width,
    height: MARGIN.topLabelled + (headLines - 1) * LINE + marginBottom + withHeaders.length * (LINE + 3),
    marginLeft,
    marginRight: 20,
    marginTop: MARGIN.topLabelled + (headLines - 1) * LINE,
    marginBottom,
    fx: { domain: metrics, label: null, padding: 0.12, tickFormat: head },
    x: { label: wrapLabel(xLabel, panel), grid: true, domain: [lo, 100], ticks: Math.max(2, Math.floor(panel / 45)) },
    y: { domain: withHeaders, label: null, tickSize: 0, tickFormat: tick },
    color: { ...usedOnly(GROUP_COLORS, [...rows.map((r) => r.group), ...(passed.length ? [PASSED] : [])]), legend: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.15 }),
      Plot.ruleY(rows, { fx: 'metric', y: rowLabel, x1: lo, x2: 'value', strokeOpacity: 0.15 }),
      Plot.ruleY(passed, { fx: 'metric', y: rowLabel, x1: 'threshold', x2: 100, stroke: () => PASSED, strokeWidth: 5, title: (d: PassedMark) => `${d.model}, ${d.vendor}: passed the ${d.threshold}% ${d.metric} threshold (score not published)` }),
      Plot.tickX([...withThreshold, ...passed], { fx: 'metric', y: rowLabel, x: 'threshold', stroke: 'currentColor', strokeOpacity: 0.6, title: (d: { threshold?: number | null }) => `pass mark ${d.threshold}%` }),
      // The model's name on its header row, from the left edge of the chart, in the first panel only.
      Plot.text(heads, { fx: () => metrics[0], y: 'key', text: 'text', frameAnchor: 'left', textAnchor: 'start', dx: -marginLeft + 2, fontWeight: 'bold' }),
      // The tick is explained where it is seen, not only in a tooltip.
      ...(keys.length ? [Plot.text([keyText], { fx: () => metrics[0], text: (d: string) => d, frameAnchor: 'bottom-left', textAnchor: 'start', lineAnchor: 'bottom', lineHeight: 1.3, dx: -marginLeft + 8, dy: marginBottom - 6 })] : []),
      Plot.dot(rows, { fx: 'metric', x: 'value', y: rowLabel, fill: 'group', r: 4.5, title: (d: VendorPoint) => `${d.model}, ${d.vendor}: ${d.metric} ${d.value}% (${d.group})` }),
    ],
  };
}
