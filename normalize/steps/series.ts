/**
 * best_by_date.csv: for every leaderboard snapshot (source, dataset, metric, as_of), the best
 * open model (open-weight or open-source) and the best closed one, overall and per country
 * group. It answers "has the gap between best open and best closed narrowed?" and "who leads
 * each chart?". Rows whose openness is unknown are counted, never guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoreRow } from './scores.ts';
import { METRIC } from '../../lib/metrics.ts';
import { contractOf, type TableRow } from '../../lib/tables/index.ts';
import { parseTable } from '../../lib/tables/io.ts';
import { BEST_COUNTRY_GROUPS, BEST_OPENNESS } from '../../lib/tables/enums.ts';

/**
 * How a leaderboard scored its models over a span of snapshots (data/reference/scoring_methods.csv).
 * Scores of two methods are not comparable (LMArena's online Elo then Bradley–Terry, Artificial
 * Analysis re-basing its index): a series is compared only within one method.
 */
export type ScoringMethod = TableRow<'scoring_methods'>;

/** The reviewed methods, read by their contract (lib/tables/reference.ts): a bad date or a blank required cell fails with its row named. */
export function loadScoringMethods(referenceDir: string): ScoringMethod[] {
  return parseTable(contractOf('scoring_methods'), readFileSync(join(referenceDir, 'scoring_methods.csv')), 'data/reference/scoring_methods.csv');
}

/** The method of one snapshot; a snapshot no row covers fails the build, naming it (a new capture needs a reviewed method). */
export function methodOf(methods: ScoringMethod[], s: { source: string; dataset: string; metric: string; as_of: string }): string {
  const hits = methods.filter((m) => m.source === s.source && m.dataset === s.dataset && m.metric === s.metric && m.from <= s.as_of && (m.to === null || s.as_of <= m.to));
  if (hits.length !== 1) {
    throw new Error(`data/reference/scoring_methods.csv: ${hits.length ? `${hits.length} rows cover` : 'no row covers'} ${s.source}/${s.dataset} ${s.metric} on ${s.as_of}; ${hits.length ? 'make the date ranges disjoint' : 'add one, with the evidence of how that snapshot was scored (compare it with the previous capture: did every score move?)'}`);
  }
  return hits[0]!.scoring_method;
}

/** A row of best_by_date.csv: its contract is lib/tables/scores.ts. */
export type BestRow = TableRow<'best_by_date'>;

/** Metrics worth a time series: the headline score of each leaderboard. */
const SERIES_METRICS = new Set<string>([METRIC.aaIntelligence, METRIC.arena, METRIC.arenaStyleControl, METRIC.eci]);

export function buildBestByDate(scores: ScoreRow[], methods: ScoringMethod[]): BestRow[] {
  const snapshots = new Map<string, ScoreRow[]>();
  for (const s of scores) {
    if (!SERIES_METRICS.has(s.metric)) continue;
    const key = [s.source, s.dataset, s.metric, s.as_of].join('|');
    (snapshots.get(key) ?? snapshots.set(key, []).get(key)!).push(s);
  }
  const out: BestRow[] = [];
  for (const rows of snapshots.values()) {
    const unknown = rows.filter((r) => r.openness === null).length;
    const scoring_method = methodOf(methods, rows[0]!);
    for (const openness of BEST_OPENNESS) {
      const side = rows.filter((r) => r.openness !== null && (openness === 'closed') === (r.openness === 'closed'));
      for (const group of BEST_COUNTRY_GROUPS) {
        const pool = group === 'All' ? side : side.filter((r) => r.country_group === group);
        if (pool.length === 0) continue;
        const best = pool.reduce((a, b) => (b.value > a.value || (b.value === a.value && b.source_model < a.source_model) ? b : a));
        out.push({
          source: best.source, dataset: best.dataset, metric: best.metric, as_of: best.as_of, openness, country_group: group,
          best_model: best.source_model, model_id: best.model_id, lab_id: best.lab_id, value: best.value, scoring_method, ci_lower: best.ci_lower, ci_upper: best.ci_upper,
          models_compared: pool.length, models_unknown_openness: unknown,
        });
      }
    }
  }
  const groupOrder = (g: BestRow['country_group']) => BEST_COUNTRY_GROUPS.indexOf(g);
  return out.sort((a, b) => a.source.localeCompare(b.source) || a.metric.localeCompare(b.metric) || a.as_of.localeCompare(b.as_of) || a.dataset.localeCompare(b.dataset) || a.openness.localeCompare(b.openness) || groupOrder(a.country_group) - groupOrder(b.country_group));
}
