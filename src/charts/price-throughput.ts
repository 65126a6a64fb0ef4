/**
 * Many hosts, one model: each endpoint's blended price against its measured output speed,
 * one panel per model version. A host's tiers (Fast, Turbo, Throughput, Base) and quantised copies
 * (FP8, FP4) are separate points, coloured by the precision the endpoint states: neutral hues, since
 * the hosts' countries are not the point here. Faster is right, cheaper is down.
 */
import * as Plot from '@observablehq/plot';

export interface ProviderPoint {
  model: string;
  provider: string;
  price: number;
  tokens_per_second: number;
  /** FP8, FP4… or "not stated" (which is not the same as 16-bit). */
  precision: string;
}

/** Not stated in grey; stated formats in blues and green (Okabe–Ito), never the orange that marks China elsewhere. */
export const PRECISION_COLORS = { domain: ['not stated', 'FP16', 'FP8', 'FP4'], range: ['#8C8C8C', '#009E73', '#0072B2', '#56B4E9'] };

export function priceThroughput(rows: ProviderPoint[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const models = [...new Set(rows.map((r) => r.model))];
  return {
    width,
    height: 40 + 190 * models.length,
    marginLeft: 50,
    marginTop: 10,
    marginBottom: 40,
    fy: { domain: models, label: null, axis: null },
    x: { type: 'log', label: 'Output tokens per second (log scale)', grid: true },
    y: { label: 'USD per 1M tokens (blended)', grid: true, zero: true },
    color: { ...presentColors(rows), legend: true, label: 'Precision the endpoint states' },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.text(rows, Plot.selectFirst({ fy: 'model', text: 'model', frameAnchor: 'top-left', dx: 4, dy: 4, fontWeight: 'bold', fontSize: 11 })),
      Plot.dot(rows, { fy: 'model', x: 'tokens_per_second', y: 'price', fill: 'precision', stroke: 'white', strokeWidth: 0.5, r: 4.5, title: (d: ProviderPoint) => `${d.model} on ${d.provider}: $${d.price} per 1M tokens, ${d.tokens_per_second} tokens/s, precision ${d.precision}` }),
      // Label only the extremes of each panel (fastest, slowest, cheapest, dearest): every dot has a tooltip.
      Plot.text(rows.filter((d) => isExtreme(d, rows)), { fy: 'model', x: 'tokens_per_second', y: 'price', text: 'provider', dy: -9, fontSize: 9 }),
    ],
  };
}

/** The precision scale restricted to the formats present, each keeping its own colour. */
function presentColors(rows: ProviderPoint[]): { domain: string[]; range: string[] } {
  const keep = PRECISION_COLORS.domain.map((p, i) => [p, PRECISION_COLORS.range[i]!] as const).filter(([p]) => rows.some((r) => r.precision === p));
  const extra = [...new Set(rows.map((r) => r.precision))].filter((p) => !PRECISION_COLORS.domain.includes(p));
  return { domain: [...keep.map(([p]) => p), ...extra], range: [...keep.map(([, c]) => c), ...extra.map(() => '#CC79A7')] };
}

function isExtreme(d: ProviderPoint, rows: ProviderPoint[]): boolean {
  const same = rows.filter((r) => r.model === d.model);
  const speeds = same.map((r) => r.tokens_per_second);
  const prices = same.map((r) => r.price);
  return d.tokens_per_second === Math.max(...speeds) || d.tokens_per_second === Math.min(...speeds) || d.price === Math.max(...prices) || d.price === Math.min(...prices);
}
