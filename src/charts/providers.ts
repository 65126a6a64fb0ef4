/**
 * How many third-party hosts serve each open model family (bars, coloured by the lab's country), with a grey
 * extension for the gateways and routers that list it without serving the weights.
 */
import * as Plot from '@observablehq/plot';
import { LINE, MARGIN, isNarrow, labelMargin, textWidth, truncate } from './layout.ts';
import { countryColorFor } from './scales.ts';

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
  const narrow = isNarrow(width);
  const rowLabel = (m: string) => (narrow ? truncate(m, width * 0.42) : m);
  const marginLeft = labelMargin(rows.map((r) => rowLabel(r.model)), width);
  const valueLabel = (d: ProviderCount) => `${d.hosts} + ${d.gateways}`;
  const marginRight = Math.ceil(Math.max(...rows.map((r) => textWidth(valueLabel(r)))) + 10);
  return {
    width,
    height: 20 + MARGIN.bottomLabelled + rows.length * (LINE + (narrow ? 2 : 6)),
    marginLeft,
    marginRight,
    marginBottom: MARGIN.bottomLabelled,
    x: { label: narrow ? 'Hosts (bar) + gateways (grey)' : 'Third-party hosts serving it (bar), plus gateways and routers listing it (grey)', grid: true, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 50)) },
    y: { domain: rows.map((r) => r.model), label: null, tickSize: 0, tickFormat: rowLabel },
    color: { ...countryColorFor(rows.map((r) => r.country_group)), legend: true },
    marks: [
      Plot.barX(rows, { y: 'model', x1: 'hosts', x2: (d: ProviderCount) => d.hosts + d.gateways, fill: GATEWAY_GREY, fillOpacity: 0.6, title: (d: ProviderCount) => `${d.model}: ${d.gateways} gateways and routers` }),
      Plot.barX(rows, { y: 'model', x: 'hosts', fill: 'country_group', title: (d: ProviderCount) => `${d.model} (${d.lab}): ${d.hosts} hosts serving the weights` }),
      Plot.text(rows, { y: 'model', x: (d: ProviderCount) => d.hosts + d.gateways, text: valueLabel, dx: 4, textAnchor: 'start' }),
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
export function providersTrend(rows: ProviderTrend[], { width = 720, label = "Mean third-party hosts per open family, % of the catalogue's hosts", shortLabel = 'Mean hosts per family, % of all hosts' }: { width?: number; label?: string; shortLabel?: string } = {}): Plot.PlotOptions {
  return {
    width,
    height: 280,
    marginLeft: 44,
    marginRight: 24,
    marginTop: MARGIN.topLabelled,
    marginBottom: MARGIN.bottomTwoLines,
    x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor((width - 60) / 90)) },
    // The short label keeps the unit: "Providers per family (mean)" read a percentage as a count of hosts.
    y: { label: textWidth(`↑ ${label}`) > width - 10 ? shortLabel : label, grid: true, zero: true },
    color: { ...countryColorFor(rows.map((r) => r.country_group)), legend: true },
    marks: [
      Plot.line(rows, { x: 'date', y: 'value', stroke: 'country_group', strokeWidth: 2, marker: 'circle', title: (d: ProviderTrend) => `${d.country_group}, ${d.date.toISOString().slice(0, 10)}: ${d.value}` }),
      Plot.ruleY([0]),
    ],
  };
}
