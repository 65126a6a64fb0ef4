/**
 * Many hosts, one model: each provider's blended price against its measured output speed,
 * one panel per model. Faster is right, cheaper is down.
 */
import * as Plot from '@observablehq/plot';

export interface ProviderPoint {
  model: string;
  provider: string;
  price: number;
  tokens_per_second: number;
}

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
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.text(rows, Plot.selectFirst({ fy: 'model', text: 'model', frameAnchor: 'top-left', dx: 4, dy: 4, fontWeight: 'bold', fontSize: 11 })),
      Plot.dot(rows, { fy: 'model', x: 'tokens_per_second', y: 'price', fill: '#D55E00', r: 4.5, title: (d: ProviderPoint) => `${d.model} on ${d.provider}: $${d.price} per 1M tokens, ${d.tokens_per_second} tokens/s` }),
      // Label only the extremes of each panel (fastest, slowest, cheapest, dearest): every dot has a tooltip.
      Plot.text(rows.filter((d) => isExtreme(d, rows)), { fy: 'model', x: 'tokens_per_second', y: 'price', text: 'provider', dy: -9, fontSize: 9 }),
    ],
  };
}

function isExtreme(d: ProviderPoint, rows: ProviderPoint[]): boolean {
  const same = rows.filter((r) => r.model === d.model);
  const speeds = same.map((r) => r.tokens_per_second);
  const prices = same.map((r) => r.price);
  return d.tokens_per_second === Math.max(...speeds) || d.tokens_per_second === Math.min(...speeds) || d.price === Math.max(...prices) || d.price === Math.min(...prices);
}
