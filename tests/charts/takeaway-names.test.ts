/**
 * Every name a figure's takeaway uses is drawn in the figure: for each figure, the names of its
 * marks (the model, host, provider or vendor of each row: taken from the rows, not listed by hand)
 * that its takeaway mentions must appear whole as text in its SVG at every width it is drawn at.
 * A reader told "Deepinfra charged $0.60" should find Deepinfra on the chart, on a phone too.
 * Labs are not marks (a bar is a model), so a lab the takeaway names is not required.
 */
import { describe, expect, it } from 'vitest';
import { CHART_WIDTHS } from '../../src/charts/layout.ts';
import { renderPlot } from '../../src/charts/render.ts';
import { allFigures } from '../../src/lib/figures.ts';
import { mentions } from '../../src/lib/mentions.ts';
import { drawnTexts } from '../helpers/svg-text.ts';

const MARK_NAMES = ['model', 'provider', 'host', 'vendor'] as const;

describe('drawnTexts', () => {
  it('joins a label drawn on two lines and leaves tooltips out', () => {
    expect(drawnTexts('<svg><text><tspan x="0">Kimi</tspan><tspan x="0" dy="1em">K2 &amp; co</tspan></text><text>a<title>b</title></text></svg>')).toEqual(['Kimi K2 & co', 'a']);
  });
});

describe.each(allFigures().map((f) => [f.id, f] as const))('%s', (_, f) => {
  const names = new Set<string>();
  for (const row of f.rows as Record<string, unknown>[]) for (const c of MARK_NAMES) if (typeof row[c] === 'string') names.add(row[c]);
  const used = [...names].filter((n) => mentions(f.takeaway, n));
  it.each(CHART_WIDTHS)('at %ipx, draws every mark the takeaway names', (width) => {
    const texts = drawnTexts(renderPlot(f.plot(width), { ariaLabel: f.title, ariaDescription: f.description }));
    expect(used.filter((n) => !texts.some((t) => mentions(t, n))), `takeaway: ${f.takeaway}`).toEqual([]);
  });
});
