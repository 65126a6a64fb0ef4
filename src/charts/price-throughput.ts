/**
 * Many hosts, one model: each endpoint's blended price against its measured output speed,
 * one panel per model version. A host's tiers (Fast, Turbo, Throughput, Base) and quantised copies
 * (FP8, FP4) are separate points, coloured by the precision the endpoint states: neutral hues, since
 * the hosts' countries are not the point here. Faster is right, cheaper is down.
 */
import * as Plot from '@observablehq/plot';
import { NOT_STATED, PRECISION_COLORS as BITS } from './palettes.ts';
import { NOT_STATED as NOT_STATED_LABEL } from '../lib/labels.ts';
import { LINE, placeLabels, placedBox, textWidth, type Box, type PlacedLabel } from './layout.ts';

export interface ProviderPoint {
  model: string;
  provider: string;
  price: number;
  tokens_per_second: number;
  /** FP8, FP4… or "not stated" (which is not the same as 16-bit). */
  precision: string;
}

/**
 * Not stated in grey; a stated format in the memory chart's colour for the same bits per weight
 * (palettes.ts), never the blue or green that mean the US and Europe elsewhere.
 */
export const PRECISION_COLORS = { domain: [NOT_STATED_LABEL, 'FP16', 'FP8', 'FP4'], range: [NOT_STATED, ...BITS.range] };

/**
 * `named`: the endpoints (model and host) the figure's takeaway names. They are labelled first, extreme
 * or not, so on a phone, where not every extreme finds room, the ones the text talks about do.
 */
export function priceThroughput(rows: ProviderPoint[], { width = 720, named = [] }: { width?: number; named?: readonly Pick<ProviderPoint, 'model' | 'provider'>[] } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  const [marginLeft, marginRight, marginTop, marginBottom, panel, gap] = [50, 12, 10, 44, 190, 20];
  // Explicit domains with room around the dots, so every dot and label stays inside its panel.
  const speeds = rows.map((r) => r.tokens_per_second);
  const x = [Math.min(...speeds) / 1.3, Math.max(...speeds) * 1.3] as const;
  const y = [0, Math.max(...rows.map((r) => r.price)) * 1.3] as const;
  const px = (v: number) => marginLeft + ((width - marginLeft - marginRight) * Math.log(v / x[0])) / Math.log(x[1] / x[0]);
  const py = (v: number) => panel * (1 - v / y[1]);
  const fromPx = (p: PlacedLabel) => ({ x: x[0] * (x[1] / x[0]) ** ((p.x - marginLeft) / (width - marginLeft - marginRight)), y: y[1] * (1 - p.y / panel) });
  // Label only the extremes of each panel (fastest, slowest, cheapest, dearest), where they fit beside their dot: every dot has a tooltip.
  const labels = models.flatMap((model) => {
    const same = rows.filter((r) => r.model === model);
    const isNamed = (d: ProviderPoint) => named.some((n) => n.model === d.model && n.provider === d.provider);
    const want = [...same.filter(isNamed), ...same.filter((d) => isExtreme(d, rows) && !isNamed(d))];
    const title = { left: marginLeft, top: 0, right: marginLeft + 8 + textWidth(model, undefined, { bold: true }), bottom: 6 + LINE };
    const bounds = { left: marginLeft + 2, right: width - marginRight - 2, top: 2, bottom: panel - 2 };
    const dotBox = (o: ProviderPoint): Box => ({ left: px(o.tokens_per_second) - 5, right: px(o.tokens_per_second) + 5, top: py(o.price) - 5, bottom: py(o.price) + 5 });
    const placed = placeLabels(
      want.map((d) => ({ x: px(d.tokens_per_second), y: py(d.price), text: d.provider, r: 4.5 })),
      bounds,
      { obstacles: [title, ...same.filter((d) => !want.includes(d)).map(dotBox)] },
    );
    // A named endpoint whose label found no free spot gets a second chance: the takeaway names it, so the
    // reader must find it. Labels already placed stay clear; as a last resort it may cover another dot
    // (which keeps its tooltip).
    const placedBoxes = want.flatMap((d, i) => (placed[i] ? [placedBox(placed[i]!, textWidth(d.provider))] : []));
    want.forEach((d, i) => {
      if (placed[i] || !isNamed(d)) return;
      const point = { x: px(d.tokens_per_second), y: py(d.price), text: d.provider, r: 4.5 };
      // First down to the panel's foot (the zero line), still clear of every dot; then over other dots.
      const dots = same.filter((o) => o !== d).map(dotBox);
      placed[i] = placeLabels([point], { ...bounds, bottom: panel }, { obstacles: [title, ...placedBoxes, ...dots] })[0] ?? placeLabels([point], bounds, { obstacles: [title, ...placedBoxes] })[0] ?? null;
      if (placed[i]) placedBoxes.push(placedBox(placed[i]!, textWidth(d.provider)));
    });
    return want.flatMap((d, i) => (placed[i] ? [{ ...d, ...fromPx(placed[i]!), anchor: placed[i]!.anchor }] : []));
  });
  // 20, 50, 200… labelled too, not only the powers of ten: with two labels a reader cannot read a speed off a log axis.
  const speedTicks = spacedTicks([10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].filter((t) => t >= x[0] && t <= x[1]), px);
  const text = (anchor: PlacedLabel['anchor']) => Plot.text(labels.filter((l) => l.anchor === anchor), { fy: 'model', x: 'x', y: 'y', text: 'provider', textAnchor: anchor });
  return {
    width,
    height: marginTop + marginBottom + models.length * panel + (models.length - 1) * gap,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    fy: { domain: models, label: null, axis: null, paddingInner: gap / (panel + gap), paddingOuter: 0 },
    x: { type: 'log', domain: [...x], label: 'Output tokens per second (log scale)', grid: true, ticks: speedTicks, tickFormat: () => '' },
    y: { label: 'USD per 1M tokens (blended)', grid: true, domain: [...y], ticks: 4 },
    color: { ...presentColors(rows), legend: true, label: 'Precision the endpoint states' },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.text(rows, Plot.selectFirst({ fy: 'model', text: 'model', frameAnchor: 'top-left', dx: 4, dy: 6, fontWeight: 'bold' })),
      Plot.dot(rows, { fy: 'model', x: 'tokens_per_second', y: 'price', fill: 'precision', stroke: 'white', strokeWidth: 0.5, r: 4.5, title: (d: ProviderPoint) => `${d.model} on ${d.provider}: $${d.price} per 1M tokens, ${d.tokens_per_second} tokens/s, precision ${d.precision}` }),
      // Tick labels as a text mark under the last panel: Plot's log axis blanks every label but powers of ten, whatever the tickFormat.
      Plot.text(speedTicks, { fy: () => models.at(-1), x: (d: number) => d, text: speedLabel, frameAnchor: 'bottom', lineAnchor: 'top', dy: 9 }),
      text('start'),
      text('end'),
      text('middle'),
    ],
  };
}

/** The precision scale restricted to the formats present, each keeping its own colour. */
function presentColors(rows: ProviderPoint[]): { domain: string[]; range: string[] } {
  const keep = PRECISION_COLORS.domain.map((p, i) => [p, PRECISION_COLORS.range[i]!] as const).filter(([p]) => rows.some((r) => r.precision === p));
  const extra = [...new Set(rows.map((r) => r.precision))].filter((p) => !PRECISION_COLORS.domain.includes(p));
  return { domain: [...keep.map(([p]) => p), ...extra], range: [...keep.map(([, c]) => c), ...extra.map(() => '#A6761D')] };
}

function isExtreme(d: ProviderPoint, rows: ProviderPoint[]): boolean {
  const same = rows.filter((r) => r.model === d.model);
  const speeds = same.map((r) => r.tokens_per_second);
  const prices = same.map((r) => r.price);
  return d.tokens_per_second === Math.max(...speeds) || d.tokens_per_second === Math.min(...speeds) || d.price === Math.max(...prices) || d.price === Math.min(...prices);
}

const speedLabel = (d: number) => (d >= 1000 ? `${d / 1000}k` : String(d));

/** The candidate ticks whose labels do not touch, left to right. */
function spacedTicks(candidates: number[], px: (v: number) => number): number[] {
  const ticks: number[] = [];
  for (const t of candidates) {
    const last = ticks.at(-1);
    if (last === undefined || px(t) - px(last) >= (textWidth(speedLabel(last)) + textWidth(speedLabel(t))) / 2 + 10) ticks.push(t);
  }
  return ticks;
}
