/**
 * Row labels cut to fit the phone drawing (320px) still tell rows apart: every label that ends or
 * breaks with "…" could stand for exactly one of the figure's names (its rows' model, provider,
 * host or vendor), allowing for the abbreviations the charts make ("(OR)" for "(via OpenRouter)",
 * a dropped date stamp, layout.ts truncateAll). A cut that fits two names reads as either row.
 */
import { describe, expect, it } from 'vitest';
import { renderPlot } from '../../src/charts/render.ts';
import { allFigures } from '../../src/lib/figures.ts';
import { drawnTexts } from '../helpers/svg-text.ts';

const MARK_NAMES = ['model', 'provider', 'host', 'vendor'] as const;
const PHONE = 320;
/** The spellings a chart may draw a name in before cutting it. */
const spellings = (name: string) => [name, name.replace(/[-_ ](?:20\d{6}|20\d\d-\d\d-\d\d)(?=$|[-_ ])/g, ''), name.replace('(via OpenRouter)', '(OR)')];

describe.each(allFigures().map((f) => [f.id, f] as const))('%s at the phone width', (_, f) => {
  it('every cut label stands for exactly one name', () => {
    const names = new Set<string>();
    for (const row of f.rows as Record<string, unknown>[]) for (const c of MARK_NAMES) if (typeof row[c] === 'string') names.add(row[c]);
    const cut = [...new Set(drawnTexts(renderPlot(f.plot(PHONE), { ariaLabel: f.title, ariaDescription: f.description })).filter((t) => t.includes('…')))];
    const ambiguous = cut.flatMap((label) => {
      const [head = '', tail = ''] = label.replace(/^[◆?] /, '').split('…');
      const fits = [...names].filter((n) => spellings(n).some((s) => s.startsWith(head) && s.endsWith(tail) && s.length > head.length + tail.length));
      return fits.length > 1 ? [`"${label}" could be ${fits.join(' or ')}`] : [];
    });
    expect(ambiguous).toEqual([]);
  });
});
