/**
 * Notable models per year, by the lab's country, split by whether the weights were released.
 * Input: one row per (year, country group, released) with a count.
 */
import * as Plot from '@observablehq/plot';
import { isNarrow, maxTextWidth, textWidth, tickEvery } from './layout.ts';
import { COUNTRY_GROUPS, type CountryGroup } from './scales.ts';

export interface OpenCountRow {
  year: number;
  country: CountryGroup;
  weights: 'Open weights' | 'Closed or unreleased';
  models: number;
}

export const WEIGHTS_COLORS = { domain: ['Open weights', 'Closed or unreleased'], range: ['#E69F00', '#8C8C8C'] };

export function openShareByYear(rows: OpenCountRow[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const countries = COUNTRY_GROUPS.filter((c) => rows.some((r) => r.country === c));
  const narrow = isNarrow(width);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  // Year ticks: two digits, and only every n-th year when a panel is too narrow for all of them.
  const marginRight = narrow ? Math.ceil(maxTextWidth(countries) + 12) : 10;
  const panel = narrow ? width - 56 - marginRight : (width - 56 - 10) / countries.length - 10;
  const every = tickEvery(years.length, panel, textWidth('’00'), 8);
  return {
    width,
    height: narrow ? 160 * countries.length : 300,
    marginLeft: 56,
    marginRight,
    marginBottom: 36,
    color: { ...WEIGHTS_COLORS, legend: true },
    x: { label: null, tickFormat: (d: number) => `’${String(d).slice(2)}`, ticks: years.filter((_, i) => (years.length - 1 - i) % every === 0), type: 'band' },
    y: { label: 'Notable models', labelAnchor: 'center', grid: true },
    ...(narrow ? { fy: { domain: countries, label: null } } : { fx: { domain: countries, label: null } }),
    marks: [
      Plot.barY(rows, {
        x: 'year',
        y: 'models',
        fill: 'weights',
        ...(narrow ? { fy: 'country' } : { fx: 'country' }),
        title: (d: OpenCountRow) => `${d.country}, ${d.year}: ${d.models} ${d.weights.toLowerCase()}`,
      }),
      Plot.ruleY([0]),
    ],
  };
}
