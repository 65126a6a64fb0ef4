/** How many third-party providers host each open model family (bars, coloured by the lab's country). */
import * as Plot from '@observablehq/plot';
import { LINE, MARGIN, isNarrow, labelMargin, textWidth, truncate } from './layout.ts';
import { countryColorFor } from './scales.ts';

export interface ProviderCount {
  model: string;
  lab: string;
  country_group: string;
  third_party_providers: number;
}

export function providersBars(rows: ProviderCount[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const narrow = isNarrow(width);
  const rowLabel = (m: string) => (narrow ? truncate(m, width * 0.42) : m);
  const marginLeft = labelMargin(rows.map((r) => rowLabel(r.model)), width);
  const marginRight = Math.ceil(textWidth(String(Math.max(...rows.map((r) => r.third_party_providers)))) + 10);
  return {
    width,
    height: 20 + MARGIN.bottomLabelled + rows.length * (LINE + (narrow ? 2 : 6)),
    marginLeft,
    marginRight,
    marginBottom: MARGIN.bottomLabelled,
    x: { label: 'Third-party providers listing it', grid: true, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 50)) },
    y: { domain: rows.map((r) => r.model), label: null, tickSize: 0, tickFormat: rowLabel },
    color: { ...countryColorFor(rows.map((r) => r.country_group)), legend: true },
    marks: [
      Plot.barX(rows, { y: 'model', x: 'third_party_providers', fill: 'country_group', title: (d: ProviderCount) => `${d.model} (${d.lab}): ${d.third_party_providers} providers` }),
      Plot.text(rows, { y: 'model', x: 'third_party_providers', text: (d: ProviderCount) => String(d.third_party_providers), dx: 4, textAnchor: 'start' }),
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
    marginRight: 24,
    marginTop: MARGIN.topLabelled,
    marginBottom: MARGIN.bottomTwoLines,
    x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor((width - 60) / 90)) },
    y: { label: isNarrow(width) ? 'Providers per family (mean)' : label, grid: true, zero: true },
    color: { ...countryColorFor(rows.map((r) => r.country_group)), legend: true },
    marks: [
      Plot.line(rows, { x: 'date', y: 'value', stroke: 'country_group', strokeWidth: 2, marker: 'circle', title: (d: ProviderTrend) => `${d.country_group}, ${d.date.toISOString().slice(0, 10)}: ${d.value}` }),
      Plot.ruleY([0]),
    ],
  };
}
