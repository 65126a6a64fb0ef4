/** "Who leads each chart", then and now: a grid of cells, each naming the leader, coloured by its lab's country. */
import * as Plot from '@observablehq/plot';
import { countryColor } from './scales.ts';

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
  const narrow = width < 560;
  return {
    width,
    height: 50 + boards.length * 46,
    marginLeft: narrow ? 120 : 230,
    marginTop: 30,
    x: { domain: periods, axis: 'top', label: null },
    y: { domain: boards, label: null, tickSize: 0 },
    color: { ...countryColor, legend: true },
    marks: [
      Plot.cell(rows, { x: 'period', y: 'board', fill: 'country_group', inset: 2, fillOpacity: 0.85, title: (d: LeaderCell) => `${d.board}, ${d.date}: ${d.model} (${d.country_group})` }),
      Plot.text(rows, { x: 'period', y: 'board', text: (d: LeaderCell) => `${d.model}\n${d.date}`, fill: 'white', fontSize: narrow ? 9 : 11, lineHeight: 1.2 }),
    ],
  };
}
