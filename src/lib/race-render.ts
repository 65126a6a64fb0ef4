/**
 * The race pages' SVG, rendered once at build time and shared by the full page of a date and
 * by its fragment (what the client fetches). The over-time charts of a board are drawn once,
 * not once per date: each date page only moves the chosen-date rule, using the x position
 * Plot's own scale gives for that date (also handed to the client to move it there).
 */
import type * as Plot from '@observablehq/plot';
import { raceGap, raceOpenShare, raceRanking } from '../charts/race.ts';
import { drawPlot, serverDocument, type PlotNode } from '../charts/render.ts';
import { forPage, moveRule, serialize } from '../charts/svg-post.ts';
import { fmtDate } from './format.ts';
import { boardDates, gapSeries, openShareTop10, topAt, type RaceBoard } from './race-views.ts';

/**
 * The widths the race charts are drawn at, as the article's figures are (layout.ts CHART_WIDTHS):
 * CSS container queries (global.css, `.race-rank` / `.race-over`) show the widest drawing that fits
 * the chart's column, at its drawn size, so its 12px text is never shrunk. Keep in step with global.css.
 * The rankings stand side by side from 48rem (columns of 360 to 472px) and stack on phones (288 to
 * 398px); the over-time charts take the page's width (up to 60rem).
 */
export const RANKING_WIDTHS = [320, 440] as const;
export const OVERVIEW_WIDTHS = [320, 500, 720] as const;
export const TOP_N = 15;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DAY_MS = 86_400_000;

// One server-side document for every chart of the race pages: Plot only creates detached
// elements in it, and parsing a fresh one per chart was a measurable share of the build.
let shared: Document | null = null;

const plotNode = (options: Plot.PlotOptions, ariaLabel: string, ariaDescription: string): PlotNode => drawPlot(options, { ariaLabel, ariaDescription }, (shared ??= serverDocument()));

/** The same serialize → forPage pipeline as the article's figures (src/charts/svg-post.ts). */
const svgOf = (node: Element) => forPage(serialize(node));

/**
 * The two rankings (all models, then open-weight only), each drawn at every RANKING_WIDTHS width;
 * an empty list when the board has no such model at that date.
 */
export interface Drawing { width: number; svg: string }
export interface RankingSvgs { all: Drawing[]; open: Drawing[] }
const rankingCache = new Map<string, RankingSvgs>();

/** The two rankings of one board at one date, each at every width. */
export function rankingSvgs(board: RaceBoard, asOf: string): RankingSvgs {
  const key = `${board.id}|${asOf}`;
  const hit = rankingCache.get(key);
  if (hit) return hit;
  const draw = (openOnly: boolean): Drawing[] => {
    const rows = topAt(board, asOf, TOP_N, openOnly);
    const what = openOnly ? 'open-weight models only' : 'all models';
    const label = `${board.title}, ${fmtDate(asOf)}: top ${rows.length}, ${what}`;
    const desc = `Ranked ${board.mark === 'bar' ? 'bars' : 'dots'} of the ${rows.length} highest ${board.metricLabel} scores (${what}) on ${fmtDate(asOf)}, coloured by the lab's country. From the top: ${rows.slice(0, 3).map((r) => `${r.model} (${r.country}, ${r.score})`).join('; ')}.`;
    if (!rows.length) return [];
    return RANKING_WIDTHS.map((width) => ({ width, svg: svgOf(plotNode(raceRanking(rows, { width, metricLabel: board.metricLabel, mark: board.mark }), label, desc)) }));
  };
  const out = { all: draw(false), open: draw(true) };
  rankingCache.set(key, out);
  return out;
}

export interface OverviewSvg { width: number; svg: string; markerX: Record<string, number> }
export interface OverviewSvgs { share: OverviewSvg[]; gap: OverviewSvg[]; breaks: { as_of: string; reason: string }[] }
const overviewCache = new Map<string, OverviewSvgs>();

/** Where each capture date falls on the chart, in SVG units, for the chosen-date rule. */
function markerPositions(node: ReturnType<typeof plotNode>, dates: string[]): Record<string, number> {
  const x = node.scale('x');
  return Object.fromEntries(dates.map((d) => [d, Math.round(x.apply(day(d)) * 100) / 100]));
}

/** Both over-time charts of a board, drawn with the rule at the first date; moveMarker() places it. */
export function overviewSvgs(board: RaceBoard): OverviewSvgs {
  const hit = overviewCache.get(board.id);
  if (hit) return hit;
  const dates = boardDates(board);
  // A capture's block spans to the next capture; the last one gets the median spacing (a week at least).
  const gaps = dates.slice(1).map((d, i) => day(d).getTime() - day(dates[i]!).getTime()).sort((a, b) => a - b);
  const lastSpan = Math.max(7 * DAY_MS, gaps[Math.floor(gaps.length / 2)] ?? 30 * DAY_MS);
  const endOf = (i: number) => (dates[i + 1] ? day(dates[i + 1]!) : new Date(day(dates[i]!).getTime() + lastSpan));
  const cells = openShareTop10(board).map((r) => ({ date: day(r.as_of), end: endOf(dates.indexOf(r.as_of)), country: r.country, open_models: r.open_models }));
  const { points, breaks } = gapSeries(board);
  const gapPoints = points.map((p) => ({ ...p, date: day(p.as_of) }));
  const span = `${fmtDate(dates[0]!)} to ${fmtDate(dates.at(-1)!)}`;
  const draw = (kind: 'share' | 'gap', width: number): OverviewSvg => {
    const marker = day(dates[0]!);
    const node =
      kind === 'share'
        ? plotNode(raceOpenShare(cells, { width, marker }), `${board.title}: open-weight models in the top 10 by lab country, ${span}`, `Stacked blocks, one per capture date from ${span}: how many of the ten highest-scoring models had downloadable weights, by the country of their lab. A vertical rule marks the chosen date.`)
        : plotNode(raceGap(gapPoints, breaks.map((b) => day(b.as_of)), { width, marker, metricLabel: board.metricLabel }), `${board.title}: best open against best closed model, ${span}`, `Two stepped lines, ${span}: the highest ${board.metricLabel} of any closed model and of any open-weight model. Lines break where the scoring method changes${breaks.length ? ` (${breaks.map((b) => fmtDate(b.as_of)).join(', ')}, dashed rules)` : ''}; scores on either side of a break are not comparable. A solid vertical rule marks the chosen date.`);
    return { width, svg: svgOf(node), markerX: markerPositions(node, dates) };
  };
  const out = { share: OVERVIEW_WIDTHS.map((w) => draw('share', w)), gap: OVERVIEW_WIDTHS.map((w) => draw('gap', w)), breaks };
  overviewCache.set(board.id, out);
  return out;
}

/** The overview SVG with its chosen-date rule at `asOf`. */
export function moveMarker(o: OverviewSvg, asOf: string): string {
  const x = o.markerX[asOf];
  if (x === undefined) throw new Error(`no marker position for ${asOf}: not a capture date of this chart`);
  return moveRule(o.svg, x);
}
