/**
 * What each model releases: weights, training code, training data, and how permissive its
 * licence is. One row per model, one column per component. Four marks, each explained in the
 * key under the grid: filled (released), half-filled (partly released), ✕ (not released, on
 * evidence) and a dashed ? (not recorded: unknown is never drawn as "no").
 */
import * as Plot from '@observablehq/plot';
import { OPENNESS_COLORS, type Openness } from './scales.ts';

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

/** The key under the grid: every mark the grid uses, in words. */
export const SPECTRUM_KEY = 'Filled: released · pale “part”: partly released · ✕: not released · dashed ?: not recorded in our sources';

export function opennessSpectrum(cells: SpectrumCell[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const models = [...new Set(cells.map((c) => c.model))];
  const narrow = width < 560;
  return {
    width,
    height: 64 + models.length * 26,
    marginBottom: 30,
    marginLeft: narrow ? 130 : 240,
    marginTop: 30,
    x: { domain: [...SPECTRUM_COMPONENTS], axis: 'top', label: null, tickFormat: (d: string) => (narrow ? (HEADING[d] ?? d).replace('Training ', '').replace('Permissive licence', 'Permissive') : HEADING[d] ?? d) },
    y: { domain: models, label: null, tickSize: 0 },
    color: { domain: ['open-source', 'open-weight', 'closed'], range: [OPENNESS_COLORS['open-source'], OPENNESS_COLORS['open-weight'], OPENNESS_COLORS.closed], legend: true, label: 'Class' },
    marks: [
      Plot.cell(cells.filter((d) => d.released !== 'unknown'), { x: 'component', y: 'model', fill: (d: SpectrumCell) => (d.released === 'yes' || d.released === 'partly' ? d.openness : 'none'), fillOpacity: (d: SpectrumCell) => (d.released === 'partly' ? 0.4 : 1), stroke: 'currentColor', strokeOpacity: 0.35, inset: 3, title: (d: SpectrumCell) => `${d.model} — ${d.component}: ${d.detail}` }),
      Plot.cell(cells.filter((d) => d.released === 'unknown'), { x: 'component', y: 'model', fill: 'none', stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '3,2', inset: 3, title: (d: SpectrumCell) => `${d.model} — ${d.component}: ${d.detail}` }),
      Plot.text(cells, { x: 'component', y: 'model', text: (d: SpectrumCell) => (d.released === 'no' ? '✕' : d.released === 'unknown' ? '?' : d.released === 'partly' ? 'part' : ''), fontSize: 11, fillOpacity: 0.7 }),
      Plot.text([SPECTRUM_KEY], { frameAnchor: 'bottom-left', dy: 26, dx: narrow ? -120 : -230, fontSize: 11, text: (d: string) => d }),
    ],
  };
}
