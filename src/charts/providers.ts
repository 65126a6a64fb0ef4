/**
 * How many third-party hosts serve each open model family (bars, coloured by the lab's country), with a grey
 * extension for the gateways and routers that list it without serving the weights.
 */
import * as Plot from '@observablehq/plot';
import { countryColor } from './scales.ts';

export interface ProviderCount {
  model: string;
  lab: string;
  country_group: string;
  /** Third parties that serve the weights. */
  hosts: number;
  /** Gateways and routers listing it (no weights served). */
  gateways: number;
}

/** Grey for listings that are not hosts: no country colour, since no one in that country serves the weights there. */
export const GATEWAY_GREY = '#BBBBBB';

export function providersBars(rows: ProviderCount[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const narrow = width < 560;
  return {
    width,
    height: 40 + rows.length * 22,
    marginLeft: narrow ? 140 : 190,
    marginRight: 50,
    x: { label: 'Third-party hosts serving it (bar), plus gateways and routers listing it (grey)', grid: true },
    y: { domain: rows.map((r) => r.model), label: null, tickSize: 0 },
    color: { ...countryColor, legend: true },
    marks: [
      Plot.barX(rows, { y: 'model', x1: 'hosts', x2: (d: ProviderCount) => d.hosts + d.gateways, fill: GATEWAY_GREY, fillOpacity: 0.6, title: (d: ProviderCount) => `${d.model}: ${d.gateways} gateways and routers` }),
      Plot.barX(rows, { y: 'model', x: 'hosts', fill: 'country_group', title: (d: ProviderCount) => `${d.model} (${d.lab}): ${d.hosts} hosts serving the weights` }),
      Plot.text(rows, { y: 'model', x: (d: ProviderCount) => d.hosts + d.gateways, text: (d: ProviderCount) => `${d.hosts} + ${d.gateways}`, dx: 4, textAnchor: 'start', fontSize: 10 }),
      Plot.ruleX([0]),
    ],
  };
}

export interface ProviderTrend {
  date: Date;
  country_group: string;
  value: number;
}

/** A per-family hosting measure (by default the growth-corrected share of the catalogue's hosts), by country group, across catalogue snapshots. */
export function providersTrend(rows: ProviderTrend[], { width = 720, label = "Mean third-party hosts per open family, % of the catalogue's hosts" }: { width?: number; label?: string } = {}): Plot.PlotOptions {
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
