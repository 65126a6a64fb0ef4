/**
 * What each model releases: weights, training code, training data, and how permissive its
 * licence is. One row per model, one column per component; a filled square is "released".
 */
import * as Plot from '@observablehq/plot';
import { OPENNESS_COLORS, type Openness } from './scales.ts';

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

export function opennessSpectrum(cells: SpectrumCell[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const models = [...new Set(cells.map((c) => c.model))];
  const narrow = width < 560;
  return {
    width,
    height: 40 + models.length * 26,
    marginLeft: narrow ? 130 : 240,
    marginTop: 30,
    x: { domain: [...SPECTRUM_COMPONENTS], axis: 'top', label: null, tickFormat: (d: string) => (narrow ? (HEADING[d] ?? d).replace('Training ', '').replace('Permissive licence', 'Permissive') : HEADING[d] ?? d) },
    y: { domain: models, label: null, tickSize: 0 },
    color: { domain: ['open-source', 'open-weight', 'closed'], range: [OPENNESS_COLORS['open-source'], OPENNESS_COLORS['open-weight'], OPENNESS_COLORS.closed], legend: true, label: 'Class' },
    marks: [
      Plot.cell(cells, { x: 'component', y: 'model', fill: (d: SpectrumCell) => (d.released === 'yes' ? d.openness : 'none'), stroke: 'currentColor', strokeOpacity: 0.35, inset: 3, title: (d: SpectrumCell) => `${d.model} — ${d.component}: ${d.detail}` }),
      Plot.text(cells, { x: 'component', y: 'model', text: (d: SpectrumCell) => (d.released === 'yes' ? '' : d.released === 'no' ? '✕' : '?'), fontSize: 11, fillOpacity: 0.7 }),
    ],
  };
}
