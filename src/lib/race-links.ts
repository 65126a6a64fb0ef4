/**
 * Which race page an article figure links to: the board it draws, at the figure's own
 * capture date (its first source's as_of), so a reader can move from the figure to the dates
 * around it. Kept out of figures.ts so the registry needs no field for it.
 */
import { boardDates, raceBoard } from './race-views.ts';

/** Figure id → the race boards it draws from, first choice first. */
const FIGURE_BOARDS: Record<string, string[]> = {
  'ranking-all': ['aa-intelligence'],
  'ranking-open': ['aa-intelligence'],
  'ranking-arena': ['lmarena-arena-top'],
  // The gap figure's as-of is its newest point, which may come from any of LMArena's raw copies.
  'gap-arena': ['lmarena-text-raw', 'lmarena-text-raw-fboulnois', 'lmarena-text-history'],
  'eci-frontier': ['epoch-eci'],
};

/** The race page for a figure, or null when it draws no ranked board. */
export function raceHref(figure: { id: string; sources: { asOf: string }[] }, base = '/'): string | null {
  const boards = FIGURE_BOARDS[figure.id];
  if (!boards) return null;
  const asOf = figure.sources[0]?.asOf ?? '';
  const exact = boards.find((id) => boardDates(raceBoard(id)).includes(asOf));
  const id = exact ?? boards[0]!;
  const dates = boardDates(raceBoard(id));
  // No capture on the figure's date: the last one before it (or the first, if all are later).
  const date = exact ? asOf : (dates.filter((d) => d <= asOf).at(-1) ?? dates[0]!);
  return `${base}race/${id}/${date}/`;
}
