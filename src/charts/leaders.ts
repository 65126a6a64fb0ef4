/** "Who leads each chart", then and now: a grid of cells, each naming the leader, coloured by its lab's country. */
import * as Plot from '@observablehq/plot';
import { LINE, isNarrow, wrap } from './layout.ts';
import { countryColorFor } from './scales.ts';

export interface LeaderCell {
  board: string;
  period: string;
  date: string;
  model: string;
  country_group: string;
}

export function leadersGrid(rows: LeaderCell[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  const boards = [...new Set(rows.map((r) => r.board))];
  const periods = [...new Set(rows.map((r) => r.period))];
  const narrow = isNarrow(width);
  // Row labels wrap to two lines in a third of the width; cells wrap the model name, then the date.
  const marginLeft = Math.round(width * (narrow ? 0.3 : 0.3));
  // A band's width less Plot's 10% band padding, the cell's inset and a little air.
  const cell = ((width - marginLeft - 4) / periods.length) * 0.9 - 12;
  const rowLabel = (b: string) => wrap(b, marginLeft - 10, { lines: 3 });
  // Column heads wrap rather than cut: "Capture nearest the…" would not say nearest what.
  const head = (p: string) => wrap(p, cell, { lines: 3 });
  const headLines = Math.max(...periods.map((p) => head(p).split('\n').length));
  const cellText = (d: LeaderCell) => `${wrap(d.model, cell - 4, { lines: 2 })}\n${d.date}`;
  const rowLines = Math.max(3, ...rows.map((d) => cellText(d).split('\n').length), ...boards.map((b) => rowLabel(b).split('\n').length));
  return {
    width,
    height: 10 + headLines * LINE + boards.length * (rowLines * LINE + 10),
    marginLeft,
    marginRight: 4,
    marginTop: 6 + headLines * LINE,
    marginBottom: 4,
    x: { domain: periods, axis: 'top', label: null, tickSize: 0, tickFormat: head },
    y: { domain: boards, label: null, tickSize: 0, tickFormat: rowLabel },
    color: { ...countryColorFor(rows.map((r) => r.country_group)), legend: true },
    marks: [
      Plot.cell(rows, { x: 'period', y: 'board', fill: 'country_group', inset: 2, fillOpacity: 0.85, title: (d: LeaderCell) => `${d.board}, ${d.date}: ${d.model} (${d.country_group})` }),
      Plot.text(rows, { x: 'period', y: 'board', text: cellText, fill: 'white', lineHeight: 1.25 }),
    ],
  };
}
