/**
 * best_by_date.csv: for every leaderboard snapshot (source, dataset, metric, as_of), the best
 * open model (open-weight or open-source) and the best closed one, overall and per country
 * group. It answers "has the gap between best open and best closed narrowed?" and "who leads
 * each chart?". Rows whose openness is unknown are counted, never guessed.
 */
import { COUNTRY_GROUPS } from '../../src/charts/scales.ts';
import type { ScoreRow } from './scores.ts';


export interface BestRow {
  source: string;
  dataset: string;
  metric: string;
  as_of: string;
  openness: 'open' | 'closed';
  country_group: string;
  best_model: string;
  model_id: string | null;
  lab_id: string | null;
  value: number;
  ci_lower: number | null;
  ci_upper: number | null;
  models_compared: number;
  models_unknown_openness: number;
}

/** Metrics worth a time series: the headline score of each leaderboard. */
const SERIES_METRICS = new Set(['aa_intelligence_index', 'lmarena_text_rating', 'lmarena_text_rating_style_control', 'epoch_eci']);

export function buildBestByDate(scores: ScoreRow[]): BestRow[] {
  const snapshots = new Map<string, ScoreRow[]>();
  for (const s of scores) {
    if (!SERIES_METRICS.has(s.metric)) continue;
    const key = [s.source, s.dataset, s.metric, s.as_of].join('|');
    (snapshots.get(key) ?? snapshots.set(key, []).get(key)!).push(s);
  }
  const out: BestRow[] = [];
  for (const rows of snapshots.values()) {
    const unknown = rows.filter((r) => r.openness === null).length;
    for (const openness of ['open', 'closed'] as const) {
      const side = rows.filter((r) => r.openness !== null && (openness === 'closed') === (r.openness === 'closed'));
      for (const group of ['All', ...COUNTRY_GROUPS]) {
        const pool = group === 'All' ? side : side.filter((r) => r.country_group === group);
        if (pool.length === 0) continue;
        const best = pool.reduce((a, b) => (b.value > a.value || (b.value === a.value && b.source_model < a.source_model) ? b : a));
        out.push({
          source: best.source, dataset: best.dataset, metric: best.metric, as_of: best.as_of, openness, country_group: group,
          best_model: best.source_model, model_id: best.model_id, lab_id: best.lab_id, value: best.value, ci_lower: best.ci_lower, ci_upper: best.ci_upper,
          models_compared: pool.length, models_unknown_openness: unknown,
        });
      }
    }
  }
  const groupOrder = (g: string) => ['All', ...COUNTRY_GROUPS].indexOf(g);
  return out.sort((a, b) => a.source.localeCompare(b.source) || a.metric.localeCompare(b.metric) || a.as_of.localeCompare(b.as_of) || a.dataset.localeCompare(b.dataset) || a.openness.localeCompare(b.openness) || groupOrder(a.country_group) - groupOrder(b.country_group));
}
