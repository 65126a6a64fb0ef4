/**
 * Memory needed to hold a model's weights at 16, 8 and 4 bits per parameter, against real
 * hardware (vertical reference lines). Log scale: from a 20B model to a 1.6T one.
 */
import * as Plot from '@observablehq/plot';
import { PRECISION_COLORS } from './palettes.ts';
import type { HardwareKind } from '../../lib/tables/enums.ts';
import { LINE, MARGIN, isNarrow, labelMargin, lanes, textWidth, truncate } from './layout.ts';

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


/** Short hardware names: "Consumer GPU (16 GB)" becomes "16 GB GPU", so each label can start at its own line. */
const SHORT_BY_KIND: Record<HardwareKind, string> = { 'consumer-gpu': 'GPU', desktop: 'desktop', 'datacentre-gpu': 'data-centre GPU', server: 'server' };
const KIND_SHORT = new Map<string, string>(Object.entries(SHORT_BY_KIND));
const shortName = (h: HardwareLine) => {
  const size = /\(([^)]*GB)\)/.exec(h.name)?.[1];
  const kind = KIND_SHORT.get(h.kind);
  return size && kind ? `${size} ${kind}` : h.name;
};

const gbLabel = (d: number) => (d >= 1000 ? `${d / 1000} TB` : `${d} GB`);

export function memoryChart(rows: MemoryRow[], hardware: HardwareLine[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const models = [...new Set([...rows].sort((a, b) => a.total_parameters - b.total_parameters).map((r) => r.model))];
  const narrow = isNarrow(width);
  const max = Math.max(...rows.map((r) => r.gb), ...hardware.map((h) => h.gb));
  const domain = [8, max * 1.3] as const;
  const rowLabel = (m: string) => (narrow ? truncate(m, width * 0.36) : m);
  const marginLeft = labelMargin(models.map(rowLabel), width);
  const marginRight = 16;
  // Pixel x of a value, to lay the hardware labels out in lanes above the plot (no two touch).
  const span = width - marginLeft - marginRight;
  const px = (gb: number) => marginLeft + (span * Math.log(gb / domain[0])) / Math.log(domain[1] / domain[0]);
  const fromPx = (p: number) => domain[0] * (domain[1] / domain[0]) ** ((p - marginLeft) / span);
  const place = (short: boolean) => hardware.map((h) => {
    const name = short ? shortName(h) : h.name;
    const w = textWidth(name);
    // A label starts at its line; one that would run past the right edge ends there instead, or as far right as fits.
    const at = px(h.gb);
    const x = at + 4 + w <= width - 2 ? at + 4 : Math.max(2, at - 4 - w);
    return { h, name, x, width: w, gb: fromPx(x) };
  });
  // Full names when they stack in a few lines; short ones ("16 GB GPU") when they would need more.
  let placed = place(narrow);
  // Each line reaches up to its own label (a label two lanes away from its line had nothing to tell
  // which line was its own). Phones: one lane per label, smallest memory at the top, so the labels
  // read down in the order their lines run right.
  const byGb = (items: { h: HardwareLine }[]) => {
    const rank = items.map((_, i) => i).sort((a, b) => items[a]!.h.gb - items[b]!.h.gb);
    return items.map((_, i) => rank.indexOf(i));
  };
  let lane = narrow ? byGb(placed) : lanes(placed);
  if (!narrow && Math.max(...lane) > 2) [placed, lane] = [place(true), lanes(place(true))];
  const laneCount = Math.max(0, ...lane) + 1;
  const marginTop = 8 + laneCount * LINE;
  // Ticks that leave room for their labels.
  const ticks: number[] = [];
  for (const t of [8, 16, 32, 64, 100, 128, 256, 512, 1000, 2000, 4000, 8000, 16000].filter((t) => t >= domain[0] && t <= domain[1])) {
    const last = ticks.at(-1);
    if (last === undefined || px(t) - px(last) >= (textWidth(gbLabel(last)) + textWidth(gbLabel(t))) / 2 + 10) ticks.push(t);
  }
  return {
    width,
    height: marginTop + MARGIN.bottomLabelled + models.length * (narrow ? LINE + 2 : LINE + 8),
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: MARGIN.bottomLabelled,
    x: { type: 'log', domain: [...domain], label: 'GB to hold the weights (log scale)', grid: true, ticks, tickFormat: () => '' },
    y: { domain: models, label: null, tickSize: 0, tickFormat: rowLabel },
    color: { ...PRECISION_COLORS, legend: true, label: 'Precision' },
    marks: [
      // One mark per hardware line, classed by kind, so a scrolly step can highlight consumer, desktop or data-centre lines.
      ...placed.flatMap(({ h, name, gb }, i) => [
        Plot.ruleX([h], { x: 'gb', stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '3,3', className: `hw-${h.kind}`, insetTop: -(marginTop - 4 - (lane[i]! + 1) * LINE) }),
        Plot.text([h], { x: () => gb, text: () => name, frameAnchor: 'top', textAnchor: 'start', dy: -marginTop + 4 + lane[i]! * LINE + LINE / 2, className: `hw-${h.kind}` }),
      ]),
      Plot.ruleY(models, { x1: (m: string) => Math.min(...rows.filter((r) => r.model === m).map((r) => r.gb)), x2: (m: string) => Math.max(...rows.filter((r) => r.model === m).map((r) => r.gb)), y: (m: string) => m, strokeOpacity: 0.3 }),
      // Tick labels as a text mark: on a log scale Plot's axis blanks every label but powers of ten, whatever the tickFormat.
      Plot.text(ticks, { x: (d: number) => d, text: gbLabel, frameAnchor: 'bottom', lineAnchor: 'top', dy: 9 }),
      Plot.dot(rows, { x: 'gb', y: 'model', fill: 'precision', r: 4.5, title: (d: MemoryRow) => `${d.model} at ${d.precision}: ${Math.round(d.gb)} GB` }),
    ],
  };
}
