/**
 * Memory needed to hold a model's weights at 16, 8 and 4 bits per parameter, against real
 * hardware (vertical reference lines). Log scale: from a 20B model to a 1.6T one.
 */
import * as Plot from '@observablehq/plot';

export interface MemoryRow {
  model: string;
  precision: '16-bit' | '8-bit' | '4-bit';
  gb: number;
  total_parameters: number;
  active_parameters: number | null;
}

export interface HardwareLine {
  name: string;
  gb: number;
  kind: string;
}

export function memoryChart(rows: MemoryRow[], hardware: HardwareLine[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const models = [...new Set([...rows].sort((a, b) => a.total_parameters - b.total_parameters).map((r) => r.model))];
  const narrow = width < 560;
  const max = Math.max(...rows.map((r) => r.gb), ...hardware.map((h) => h.gb));
  const tier = new Map<HardwareLine, number>();
  [...hardware].sort((a, b) => a.gb - b.gb).forEach((h, i, sorted) => {
    const prev = sorted[i - 1];
    tier.set(h, prev && h.gb / prev.gb < 1.2 && tier.get(prev) === 0 ? 1 : 0);
  });
  const lifted = [...tier.values()].some((t) => t === 1);
  return {
    width,
    height: 90 + models.length * 26,
    marginLeft: narrow ? 120 : 170,
    marginTop: lifted ? 90 : 70,
    x: { type: 'log', domain: [8, max * 1.3], label: 'GB to hold the weights (log scale)', grid: true, tickFormat: (d: number) => (d >= 1000 ? `${d / 1000} TB` : `${d} GB`) },
    y: { domain: models, label: null, tickSize: 0 },
    color: { domain: ['16-bit', '8-bit', '4-bit'], range: ['#0072B2', '#E69F00', '#009E73'], legend: true, label: 'Precision' },
    marks: [
      // One mark per kind of hardware, so a scrolly step can highlight consumer, desktop or data-centre lines by class.
      ...[...new Set(hardware.map((h) => h.kind))].flatMap((kind) => {
        const lines = hardware.filter((h) => h.kind === kind);
        // A label within 20% of the previous line's memory is lifted a tier, so close lines (128 GB, 141 GB) stay legible.
        return [
          Plot.ruleX(lines, { x: 'gb', stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '3,3', className: `hw-${kind}` }),
          ...[0, 1].map((t) => Plot.text(lines.filter((h) => tier.get(h) === t), { x: 'gb', text: 'name', frameAnchor: 'top', rotate: -35, textAnchor: 'start', dy: -6 - 20 * t, fontSize: 9, className: `hw-${kind}` })),
        ];
      }),
      Plot.ruleY(models, { x1: (m: string) => Math.min(...rows.filter((r) => r.model === m).map((r) => r.gb)), x2: (m: string) => Math.max(...rows.filter((r) => r.model === m).map((r) => r.gb)), y: (m: string) => m, strokeOpacity: 0.3 }),
      Plot.dot(rows, { x: 'gb', y: 'model', fill: 'precision', r: 4.5, title: (d: MemoryRow) => `${d.model} at ${d.precision}: ${Math.round(d.gb)} GB` }),
    ],
  };
}
