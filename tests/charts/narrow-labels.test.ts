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
import { raceRanking } from '../../src/charts/race.ts';
import { RANKING_WIDTHS, TOP_N } from '../../src/lib/race-render.ts';
import { boardDates, RACE_BOARDS, topAt } from '../../src/lib/race-views.ts';

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

describe('race rankings', () => {
  // Every board, every date, both rankings, every drawing: 448 charts, pure functions, no SVG needed.
  it('no two row labels read alike (equal, or one cut to the start of another)', () => {
    const alike = (a: string, b: string) => a === b || (a.endsWith('…') && b.startsWith(a.slice(0, -1)));
    const problems: string[] = [];
    for (const board of RACE_BOARDS) for (const date of boardDates(board)) for (const open of [false, true]) for (const width of RANKING_WIDTHS) {
      const rows = topAt(board, date, TOP_N, open);
      if (!rows.length) continue;
      const domain = raceRanking(rows, { width, mark: board.mark }).y?.domain as string[];
      expect(domain).toHaveLength(rows.length);
      for (const [i, a] of domain.entries()) for (const [j, b] of domain.entries()) if (i !== j && alike(a, b)) problems.push(`${board.id} ${date} ${open ? 'open' : 'all'} at ${width}px: "${a}" reads as "${b}"`);
    }
    expect(problems).toEqual([]);
  });
});
