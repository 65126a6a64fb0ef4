/** How many third-party providers host each open model family (bars, coloured by the lab's country). */
import * as Plot from '@observablehq/plot';
import { countryColor } from './scales.ts';

export interface ProviderCount {
  model: string;
  lab: string;
  country_group: string;
  third_party_providers: number;
}

export function providersBars(rows: ProviderCount[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const narrow = width < 560;
  return {
    width,
    height: 40 + rows.length * 22,
    marginLeft: narrow ? 140 : 190,
    marginRight: 30,
    x: { label: 'Third-party providers listing it', grid: true },
    y: { domain: rows.map((r) => r.model), label: null, tickSize: 0 },
    color: { ...countryColor, legend: true },
    marks: [
      Plot.barX(rows, { y: 'model', x: 'third_party_providers', fill: 'country_group', title: (d: ProviderCount) => `${d.model} (${d.lab}): ${d.third_party_providers} providers` }),
      Plot.text(rows, { y: 'model', x: 'third_party_providers', text: (d: ProviderCount) => String(d.third_party_providers), dx: 4, textAnchor: 'start', fontSize: 10 }),
      Plot.ruleX([0]),
    ],
  };
}

export interface ProviderTrend {
  date: Date;
  country_group: string;
  value: number;
}

/** Mean third-party providers per open model family, by country group, across catalogue snapshots. */
export function providersTrend(rows: ProviderTrend[], { width = 720, label = 'Third-party providers per open model family (mean)' }: { width?: number; label?: string } = {}): Plot.PlotOptions {
  return {
    width,
    height: 280,
    marginLeft: 44,
    x: { type: 'utc', label: null },
    y: { label, grid: true, zero: true },
    color: { ...countryColor, legend: true },
    marks: [
      Plot.line(rows, { x: 'date', y: 'value', stroke: 'country_group', strokeWidth: 2, marker: 'circle', title: (d: ProviderTrend) => `${d.country_group}, ${d.date.toISOString().slice(0, 10)}: ${d.value}` }),
      Plot.ruleY([0]),
    ],
  };
}
