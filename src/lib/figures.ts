/**
 * Every figure of the article in one registry: its data (exactly the rows it plots, which the
 * CSV download serves), its chart, and its words. Pages and the CSV endpoint both read it.
 */
import type * as Plot from '@observablehq/plot';
import { openShareByYear, type OpenCountRow } from '../charts/open-share-by-year.ts';
import { tables } from './tables.ts';

export interface FigureSource { name: string; url: string; asOf: string; licence?: string }

export interface FigureDef<Row extends object = Record<string, unknown>> {
  id: string;
  title: string;
  takeaway: string;
  /** What the chart shows, in words: the accessible description. */
  description: string;
  sources: FigureSource[];
  rows: Row[];
  columns: (keyof Row & string)[];
  plot: (width: number) => Plot.PlotOptions;
}

function notableOpenByCountry(): FigureDef<OpenCountRow> {
  const share = tables.openShare().filter((r) => r.year >= 2019);
  const rows: OpenCountRow[] = share.flatMap((r) => [
    { year: r.year, country: r.country_group, weights: 'Open weights' as const, models: r.open_weight_models },
    { year: r.year, country: r.country_group, weights: 'Closed or unreleased' as const, models: r.closed_models },
  ]);
  const asOf = share[0]?.source_as_of ?? '';
  const latestYear = Math.max(...share.map((r) => r.year));
  const cn = share.filter((r) => r.country_group === 'China' && r.year >= latestYear - 1);
  const us = share.filter((r) => r.country_group === 'United States' && r.year >= latestYear - 1);
  const pct = (rs: typeof cn) => {
    const open = rs.reduce((n, r) => n + r.open_weight_models, 0);
    const known = rs.reduce((n, r) => n + r.open_weight_models + r.closed_models, 0);
    return known ? Math.round((100 * open) / known) : 0;
  };
  return {
    id: 'notable-open-by-country',
    title: 'Notable models per year, by lab country, with and without released weights',
    takeaway: `In ${latestYear - 1}–${latestYear}, ${pct(cn)}% of Chinese notable models shipped open weights, against ${pct(us)}% of American ones.`,
    description: `Stacked bars for each year since 2019, one panel per country group (China, United States, Europe, other). Each bar splits the year's notable models into those released with open weights and those kept closed or unreleased. Models whose access Epoch has not recorded are left out.`,
    sources: [{ name: "Epoch AI, 'Data on AI Models' (notable models)", url: 'https://epoch.ai/data/ai-models', asOf, licence: 'CC BY 4.0' }],
    rows,
    columns: ['year', 'country', 'weights', 'models'],
    plot: (width) => openShareByYear(rows, { width }),
  };
}

export function allFigures(): FigureDef[] {
  return [notableOpenByCountry()] as unknown as FigureDef[];
}

export function figure(id: string): FigureDef {
  const f = allFigures().find((x) => x.id === id);
  if (!f) throw new Error(`no figure "${id}"`);
  return f;
}
