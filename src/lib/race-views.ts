/**
 * Views for the "race over time" pages: every captured version of every ranked board, its
 * top models at each date, and per board over all dates the open share of its top 10 and the
 * best-open against best-closed gap within one scoring method. Pure reads of the published
 * tables (plus one reviewed reference file), shared by the pages, their fragments and tests.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoreRow } from '../../normalize/steps/scores.ts';
import type { BestRow } from '../../normalize/steps/series.ts';
import { COUNTRY_GROUPS, type CountryGroup, type Openness } from '../charts/scales.ts';
import { DATA_DIR, tables } from './tables.ts';
import { aaBoard } from './views.ts';
import { METRIC } from '../../lib/metrics.ts';
import type { Side } from './labels.ts';

export interface RaceBoard {
  /** URL segment: /race/<id>/<date>/ */
  id: string;
  source: string;
  dataset: string;
  metric: string;
  title: string;
  /** The source line: who publishes the board, and what this copy is. */
  sourceName: string;
  url: string;
  metricLabel: string;
  /** 'bar' for scores with a true zero, 'dot' for Elo-like ratings (see charts/ranking.ts). */
  mark: 'bar' | 'dot';
}

const ARENA = 'https://lmarena.ai/leaderboard/text';
/** The ranked boards in scores.csv, each a (source, dataset, metric). Order: the page's board menu. */
export const RACE_BOARDS: readonly RaceBoard[] = [
  { id: 'lmarena-text-history', source: 'lmarena', dataset: 'text-history', metric: METRIC.arena, title: 'LMArena text, history 2023–2025', sourceName: "LMArena text leaderboard, published rating files (community conversion, nakasyou/lmarena-history)", url: ARENA, metricLabel: 'Arena rating', mark: 'dot' },
  { id: 'lmarena-text-raw-fboulnois', source: 'lmarena', dataset: 'text-raw-fboulnois', metric: METRIC.arena, title: 'LMArena text, leaderboard CSV copies', sourceName: 'LMArena text leaderboard, leaderboard tables (community copies, fboulnois/llm-leaderboard-csv)', url: ARENA, metricLabel: 'Arena rating', mark: 'dot' },
  { id: 'lmarena-text-raw', source: 'lmarena', dataset: 'text-raw', metric: METRIC.arena, title: 'LMArena text, raw ratings', sourceName: 'LMArena text leaderboard, raw ratings (LMArena dump, lmarena/arena-catalog)', url: ARENA, metricLabel: 'Arena rating', mark: 'dot' },
  { id: 'lmarena-text-style-control', source: 'lmarena', dataset: 'text-style-control', metric: METRIC.arenaStyleControl, title: 'LMArena text, style-controlled', sourceName: 'LMArena text leaderboard, style-controlled ratings (LMArena dump, lmarena/arena-catalog)', url: ARENA, metricLabel: 'Arena rating (style control)', mark: 'dot' },
  { id: 'lmarena-arena-top', source: 'lmarena', dataset: 'arena-top', metric: METRIC.arenaStyleControl, title: 'LMArena text, top of the default board', sourceName: 'LMArena text leaderboard, style-controlled, top of board (community collector, oolong-tea-2026/arena-ai-leaderboards)', url: ARENA, metricLabel: 'Arena rating (style control)', mark: 'dot' },
  { id: 'aa-intelligence', source: 'artificialanalysis', dataset: 'models', metric: METRIC.aaIntelligence, title: 'Artificial Analysis Intelligence Index', sourceName: 'Artificial Analysis Intelligence Index (best variant per model family)', url: 'https://artificialanalysis.ai/leaderboards/models', metricLabel: 'Intelligence Index', mark: 'bar' },
  { id: 'epoch-eci', source: 'epoch', dataset: 'eci', metric: METRIC.eci, title: 'Epoch Capabilities Index', sourceName: "Epoch AI, 'AI Benchmarking Hub' (Epoch Capabilities Index, CC BY 4.0)", url: 'https://epoch.ai/benchmarks', metricLabel: 'ECI', mark: 'bar' },
];

export function raceBoard(id: string): RaceBoard {
  const b = RACE_BOARDS.find((x) => x.id === id);
  if (!b) throw new Error(`no race board "${id}": known boards are ${RACE_BOARDS.map((x) => x.id).join(', ')}`);
  return b;
}

/** "Lab unknown": the model has no row in models.csv and no lab the source names, so no country. */
export const UNKNOWN_COUNTRY = 'Lab unknown' as const;
export type RaceCountry = CountryGroup | typeof UNKNOWN_COUNTRY;
export const RACE_COUNTRIES: readonly RaceCountry[] = [...COUNTRY_GROUPS, UNKNOWN_COUNTRY];

export interface RaceRow {
  rank: number;
  model: string;
  model_id: string | null;
  lab: string;
  country: RaceCountry;
  /** null: neither models.csv nor the source says whether the weights are downloadable. */
  openness: Openness | null;
  score: number;
  ci_lower: number | null;
  ci_upper: number | null;
}

const isOpen = (o: Openness | null) => o === 'open-weight' || o === 'open-source';

/** scores.csv rows of one (source, dataset, metric) by capture date, grouped in one pass and kept: every page of the build asks. */
let scoresByBoard: Map<string, Map<string, ScoreRow[]>> | null = null;
function boardScores(board: RaceBoard): Map<string, ScoreRow[]> {
  if (!scoresByBoard) {
    scoresByBoard = new Map();
    for (const s of tables.scores()) {
      const key = `${s.source}|${s.dataset}|${s.metric}`;
      const byDate = scoresByBoard.get(key) ?? new Map<string, ScoreRow[]>();
      const rows = byDate.get(s.as_of);
      if (rows) rows.push(s);
      else byDate.set(s.as_of, [s]);
      scoresByBoard.set(key, byDate);
    }
  }
  return scoresByBoard.get(`${board.source}|${board.dataset}|${board.metric}`) ?? new Map();
}

/** Every capture date of a board, oldest first. */
export function boardDates(board: RaceBoard): string[] {
  const dates = [...boardScores(board).keys()];
  if (!dates.length) throw new Error(`race board ${board.id}: no rows in data/scores.csv for ${board.source}/${board.dataset}/${board.metric}: has normalize run, or was the dataset renamed?`);
  return dates.sort();
}

const boardCache = new Map<string, RaceRow[]>();

/**
 * The whole board at one date, best first. Artificial Analysis keeps one row per model family
 * (its best variant: the article's aaBoard view), the others one row per source model. Models
 * unknown to models.csv stay in, with the source's lab and country when it names them.
 */
export function boardAt(board: RaceBoard, asOf: string): RaceRow[] {
  const key = `${board.id}|${asOf}`;
  const cached = boardCache.get(key);
  if (cached) return cached;
  let rows: RaceRow[];
  if (board.source === 'artificialanalysis' && board.metric === METRIC.aaIntelligence) {
    rows = aaBoard(asOf).map((e) => ({ rank: e.rank, model: e.model, model_id: e.model_id, lab: e.lab, country: e.country_group, openness: e.openness, score: e.score, ci_lower: e.ci_lower ?? null, ci_upper: e.ci_upper ?? null }));
  } else {
    const labs = new Map(tables.labs().map((l) => [l.lab_id, l.name]));
    rows = [...(boardScores(board).get(asOf) ?? [])]
      .sort((a, b) => b.value - a.value || a.source_model.localeCompare(b.source_model))
      .map((s, i) => ({
        rank: i + 1,
        model: s.source_model,
        model_id: s.model_id,
        lab: (s.lab_id && labs.get(s.lab_id)) || 'unknown lab',
        country: s.country ? (s.country_group as CountryGroup) : UNKNOWN_COUNTRY,
        openness: s.openness,
        score: s.value,
        ci_lower: s.ci_lower,
        ci_upper: s.ci_upper,
      }));
  }
  if (!rows.length) throw new Error(`race board ${board.id}: no rows at ${asOf} in data/scores.csv`);
  boardCache.set(key, rows);
  return rows;
}

/** The top n of a board at a date, all models or open-weight (and open-source) only, re-ranked. */
export function topAt(board: RaceBoard, asOf: string, n: number, openOnly: boolean): RaceRow[] {
  return boardAt(board, asOf).filter((r) => !openOnly || isOpen(r.openness)).slice(0, n).map((r, i) => ({ ...r, rank: i + 1 }));
}

export interface ShareRow { as_of: string; country: RaceCountry; open_models: number; top: number; unknown_openness: number }

/** For every date: how many of the board's top 10 have open weights, per lab country (zeros kept, so stacks line up). */
export function openShareTop10(board: RaceBoard): ShareRow[] {
  return boardDates(board).flatMap((asOf) => {
    const top10 = boardAt(board, asOf).slice(0, 10);
    const unknown = top10.filter((r) => r.openness === null).length;
    return RACE_COUNTRIES.map((country) => ({ as_of: asOf, country, open_models: top10.filter((r) => isOpen(r.openness) && r.country === country).length, top: top10.length, unknown_openness: unknown }));
  });
}

/**
 * The one place that says which rows share a scoring method: source|dataset|metric, plus the
 * scoring_method column of best_by_date.csv when the row has one (issue 10 adds it).
 */
export function segmentKey(row: Pick<BestRow, 'source' | 'dataset' | 'metric'> & { scoring_method?: string | null }): string {
  const base = `${row.source}|${row.dataset}|${row.metric}`;
  return row.scoring_method ? `${base}|${row.scoring_method}` : base;
}

export interface ScoringMethodRef { source: string; dataset: string; metric: string; from_as_of: string; scoring_method: string; evidence: string }

/**
 * data/reference/scoring_methods.csv (read and checked by normalize, which also stamps each
 * best_by_date row with its method): the date from which each span of a board is scored one way.
 */
export function scoringMethods(): ScoringMethodRef[] {
  return tables.scoringMethods().map((r) => ({ source: r.source, dataset: r.dataset, metric: r.metric, from_as_of: r.from, scoring_method: r.scoring_method, evidence: r.evidence }));
}

/**
 * A jump the scores cannot explain by models: best open and best closed move the same way by
 * more than this share of their previous value between two consecutive captures. On LMArena's
 * history the 2024-06-29 re-basing moves both by about 11%; real releases move one side.
 */
export const JUMP_SHARE = 0.08;

export interface GapPoint { as_of: string; side: Side; value: number; model: string; segment: number; method: string }
export interface GapBreak { as_of: string; reason: string }

/** Best open and best closed (best_by_date.csv, all countries) per capture, cut into comparable segments. */
export function gapSeries(board: RaceBoard, refs: ScoringMethodRef[] = scoringMethods()): { points: GapPoint[]; breaks: GapBreak[] } {
  const rows = tables.best().filter((b) => b.source === board.source && b.dataset === board.dataset && b.metric === board.metric && b.country_group === 'All');
  return cutSegments(rows, refs.filter((r) => r.source === board.source && r.dataset === board.dataset && r.metric === board.metric));
}

/**
 * Best-open and best-closed rows of one board (country_group All), cut into segments of one
 * scoring method: a new segment where the segment key changes (the scoring_method column, or
 * the reference file's method from its date on) or where both sides jump together (JUMP_SHARE).
 */
export function cutSegments(rows: (Omit<BestRow, 'scoring_method'> & { scoring_method?: string | null })[], refs: ScoringMethodRef[]): { points: GapPoint[]; breaks: GapBreak[] } {
  type Row = (typeof rows)[number];
  const byDate = new Map<string, { open?: Row; closed?: Row }>();
  for (const r of rows) byDate.set(r.as_of, { ...byDate.get(r.as_of), [r.openness]: r });
  const boardRefs = [...refs].sort((a, b) => a.from_as_of.localeCompare(b.from_as_of));
  const methodAt = (asOf: string) => boardRefs.filter((r) => r.from_as_of <= asOf).at(-1)?.scoring_method ?? null;
  const points: GapPoint[] = [];
  const breaks: GapBreak[] = [];
  let segment = 0;
  let prev: { asOf: string; key: string; open?: Row; closed?: Row } | null = null;
  for (const asOf of [...byDate.keys()].sort()) {
    const e = byDate.get(asOf)!;
    const any = (e.closed ?? e.open)!;
    const key = segmentKey({ ...any, scoring_method: any.scoring_method ?? methodAt(asOf) });
    if (prev) {
      const moved = (a?: Row, b?: Row) => (a && b ? (b.value - a.value) / Math.abs(a.value || 1) : 0);
      const dOpen = moved(prev.open, e.open);
      const dClosed = moved(prev.closed, e.closed);
      let reason: string | null = null;
      if (key !== prev.key) reason = `scoring method changes (${prev.key.split('|')[3] ?? 'unnamed'} → ${key.split('|')[3] ?? 'unnamed'})`;
      else if (Math.sign(dOpen) === Math.sign(dClosed) && Math.abs(dOpen) > JUMP_SHARE && Math.abs(dClosed) > JUMP_SHARE) reason = `best open and best closed both jump ${dClosed > 0 ? 'up' : 'down'} by over ${Math.round(JUMP_SHARE * 100)}% (${Math.round(dOpen * 100)}% and ${Math.round(dClosed * 100)}%): the scale was re-based`;
      if (reason) {
        segment++;
        breaks.push({ as_of: asOf, reason });
      }
    }
    const method = key.split('|')[3] ?? '';
    if (e.closed) points.push({ as_of: asOf, side: 'closed', value: e.closed.value, model: e.closed.best_model, segment, method });
    if (e.open) points.push({ as_of: asOf, side: 'open', value: e.open.value, model: e.open.best_model, segment, method });
    prev = { asOf, key, ...e };
  }
  return { points, breaks };
}

/** Previous and next capture of a date on its board (null at the ends). */
export function neighbours(dates: string[], asOf: string): { prev: string | null; next: string | null; index: number } {
  const index = dates.indexOf(asOf);
  if (index < 0) throw new Error(`date ${asOf} is not a capture date (${dates[0]} … ${dates.at(-1)})`);
  return { prev: dates[index - 1] ?? null, next: dates[index + 1] ?? null, index };
}
