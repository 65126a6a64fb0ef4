/**
 * What each model releases: weights, training code, training data, and how permissive its
 * licence is. One row per model, one column per component. Four marks, each explained in the
 * key under the grid: filled (released), half-filled (partly released), ✕ (not released, on
 * evidence) and a dashed ? (not recorded: unknown is never drawn as "no").
 */
import * as Plot from '@observablehq/plot';
import { LINE, isNarrow, labelMargin, textWidth, truncate, wrap } from './layout.ts';
import { opennessColor, usedOnly, type Openness } from './scales.ts';

export interface SpectrumCell {
  model: string;
  openness: Openness;
  component: 'Weights' | 'Training code' | 'Training data' | 'Licence';
  released: 'yes' | 'partly' | 'no' | 'unknown';
  detail: string;
}

export const SPECTRUM_COMPONENTS = ['Weights', 'Training code', 'Training data', 'Licence'] as const;

/** Column headings: the licence column asks whether the licence is a permissive one. */
const HEADING: Record<string, string> = { Licence: 'Permissive licence' };

/** Phones: one word per column head. */
const SHORT_HEADING: Record<string, string> = { 'Training code': 'Code', 'Training data': 'Data', Licence: 'Permissive' };

/** The key under the grid: every mark the grid uses, in words (the colour legend covers the classes). */
export const SPECTRUM_KEY = 'Filled: released · pale “part”: partly released · ✕: not released · dashed ?: not recorded in our sources';

export function opennessSpectrum(cells: SpectrumCell[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const models = [...new Set(cells.map((c) => c.model))];
  const narrow = isNarrow(width);
  // Phones: the lab in parentheses goes (it is in the tooltip and the table), then long names are cut.
  const rowLabel = (m: string) => (narrow ? truncate(m.replace(/ \([^)]*\)$/, ''), width * 0.4) : m);
  const marginLeft = labelMargin(models.map(rowLabel), width, { minPlot: 4 * 44 });
  const column = (width - marginLeft - 10) / SPECTRUM_COMPONENTS.length;
  // Column heads wrap to two lines when a column is narrower than its heading; on phones they
  // are one word each, staggered on two lines so each may take two columns' width.
  const stagger = narrow;
  const head = (d: string) => (stagger ? (SHORT_HEADING[d] ?? d) : wrap(HEADING[d] ?? d, column - 4));
  const headLines = stagger ? 2 : Math.max(...SPECTRUM_COMPONENTS.map((d) => head(d).split('\n').length));
  const heads = (lane: number) =>
    Plot.text(SPECTRUM_COMPONENTS.filter((_, i) => i % 2 === lane), { x: (d: string) => d, text: head, frameAnchor: 'top', dy: -8 - (headLines - lane) * LINE + LINE / 2 });
  // The key wraps under the grid, one line per item where the width asks for it.
  const key = textWidth(SPECTRUM_KEY) <= width - 8 ? SPECTRUM_KEY : wrap(SPECTRUM_KEY.replaceAll(' · ', ' ·\u00a0'), width - 8, { lines: 4 });
  const keyLines = key.split('\n').length;
  const filled = cells.filter((c) => c.released === 'yes' || c.released === 'partly').map((c) => c.openness);
  return {
    width,
    height: 8 + headLines * LINE + models.length * (LINE + 8) + 12 + keyLines * LINE,
    marginLeft,
    marginRight: 10,
    marginTop: 8 + headLines * LINE,
    marginBottom: 12 + keyLines * LINE,
    x: { domain: [...SPECTRUM_COMPONENTS], axis: stagger ? null : 'top', label: null, tickSize: 0, tickFormat: head },
    y: { domain: models, label: null, tickSize: 0, tickFormat: rowLabel },
    color: { ...usedOnly(opennessColor, filled), legend: true, label: 'Class' },
    marks: [
      Plot.cell(cells.filter((d) => d.released !== 'unknown'), { x: 'component', y: 'model', fill: (d: SpectrumCell) => (d.released === 'yes' || d.released === 'partly' ? d.openness : 'none'), fillOpacity: (d: SpectrumCell) => (d.released === 'partly' ? 0.4 : 1), stroke: 'currentColor', strokeOpacity: 0.35, inset: 3, title: (d: SpectrumCell) => `${d.model} — ${d.component}: ${d.detail}` }),
      Plot.cell(cells.filter((d) => d.released === 'unknown'), { x: 'component', y: 'model', fill: 'none', stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '3,2', inset: 3, title: (d: SpectrumCell) => `${d.model} — ${d.component}: ${d.detail}` }),
      Plot.text(cells, { x: 'component', y: 'model', text: (d: SpectrumCell) => (d.released === 'no' ? '✕' : d.released === 'unknown' ? '?' : d.released === 'partly' ? 'part' : ''), fillOpacity: 0.8 }),
      ...(stagger ? [heads(0), heads(1)] : []),
      Plot.text([key], { frameAnchor: 'bottom-left', textAnchor: 'start', lineAnchor: 'top', dx: -marginLeft + 4, dy: 8, text: (d: string) => d }),
    ],
  };
}
