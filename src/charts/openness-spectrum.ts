/**
 * What each model releases: weights, training code, training data, and how permissive its
 * licence is. One row per model, one column per component; a filled square is "released".
 */
import * as Plot from '@observablehq/plot';
import { LINE, isNarrow, labelMargin, textWidth, truncate, wrap } from './layout.ts';
import { opennessColor, usedOnly, type Openness } from './scales.ts';

export interface SpectrumCell {
  model: string;
  openness: Openness;
  component: 'Weights' | 'Training code' | 'Training data' | 'Licence';
  released: 'yes' | 'no' | 'unknown';
  detail: string;
}

export const SPECTRUM_COMPONENTS = ['Weights', 'Training code', 'Training data', 'Licence'] as const;

/** Column headings: the licence column asks whether the licence is a permissive one. */
const HEADING: Record<string, string> = { Licence: 'Permissive licence' };

/** Phones: one word per column head. */
const SHORT_HEADING: Record<string, string> = { 'Training code': 'Code', 'Training data': 'Data', Licence: 'Permissive' };

/** The key under the grid: what the two text marks mean (the colour legend covers the squares). */
const KEY = '✕ not released · ? not documented';

export function opennessSpectrum(cells: SpectrumCell[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const models = [...new Set(cells.map((c) => c.model))];
  const narrow = isNarrow(width);
  // Phones: the lab in parentheses goes (it is in the tooltip and the table), then long names are cut.
  const rowLabel = (m: string) => (narrow ? truncate(m.replace(/ \([^)]*\)$/, ''), width * 0.4) : m);
  const marginLeft = labelMargin(models.map(rowLabel), width, { minPlot: 4 * 44 });
  const column = (width - marginLeft - 10) / SPECTRUM_COMPONENTS.length;
  // Column heads wrap to two lines when a column is narrower than its heading.
  // Column heads wrap to two lines when a column is narrower than its heading; on phones they
  // are one word each, staggered on two lines so each may take two columns' width.
  const stagger = narrow;
  const head = (d: string) => (stagger ? (SHORT_HEADING[d] ?? d) : wrap(HEADING[d] ?? d, column - 4));
  const headLines = stagger ? 2 : Math.max(...SPECTRUM_COMPONENTS.map((d) => head(d).split('\n').length));
  const heads = (lane: number) =>
    Plot.text(SPECTRUM_COMPONENTS.filter((_, i) => i % 2 === lane), { x: (d: string) => d, text: head, frameAnchor: 'top', dy: -8 - (headLines - lane) * LINE + LINE / 2 });
  const keyOnOwnLine = textWidth(KEY) > width - 8;
  const filled = cells.filter((c) => c.released === 'yes').map((c) => c.openness);
  return {
    width,
    height: 8 + headLines * LINE + models.length * (LINE + 8) + 12 + (keyOnOwnLine ? 2 : 1) * LINE,
    marginLeft,
    marginRight: 10,
    marginTop: 8 + headLines * LINE,
    marginBottom: 12 + (keyOnOwnLine ? 2 : 1) * LINE,
    x: { domain: [...SPECTRUM_COMPONENTS], axis: stagger ? null : 'top', label: null, tickSize: 0, tickFormat: head },
    y: { domain: models, label: null, tickSize: 0, tickFormat: rowLabel },
    color: { ...usedOnly(opennessColor, filled), legend: true, label: 'Class' },
    marks: [
      Plot.cell(cells, { x: 'component', y: 'model', fill: (d: SpectrumCell) => (d.released === 'yes' ? d.openness : 'none'), stroke: 'currentColor', strokeOpacity: 0.35, inset: 3, title: (d: SpectrumCell) => `${d.model} — ${d.component}: ${d.detail}` }),
      Plot.text(cells, { x: 'component', y: 'model', text: (d: SpectrumCell) => (d.released === 'yes' ? '' : d.released === 'no' ? '✕' : '?'), fillOpacity: 0.8 }),
      ...(stagger ? [heads(0), heads(1)] : []),
      Plot.text([keyOnOwnLine ? KEY.replace(' · ', '\n') : KEY], { frameAnchor: 'bottom-left', textAnchor: 'start', lineAnchor: 'top', dx: -marginLeft + 4, dy: 8, text: (d: string) => d }),
    ],
  };
}
