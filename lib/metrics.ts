/**
 * The score metric ids of scores.csv, defined once: normalize/steps/scores.ts produces them, the
 * schema publishes them as an enum, series and the site's views match on them. Grep for a
 * constant (METRIC.eci) to find both its producer and every reader.
 */
export const METRIC = {
  aaIntelligence: 'aa_intelligence_index',
  aaCoding: 'aa_coding_index',
  aaAgentic: 'aa_agentic_index',
  arena: 'lmarena_text_rating',
  arenaStyleControl: 'lmarena_text_rating_style_control',
  eci: 'epoch_eci',
} as const;
export type ScoreMetric = (typeof METRIC)[keyof typeof METRIC];

/** Every score metric, in the order the schema's enum lists them. */
export const SCORE_METRICS: readonly ScoreMetric[] = Object.values(METRIC);

/** Artificial Analysis's three indices: the scraped row's field → its metric id. */
export const AA_INDEX_METRICS = {
  intelligence_index: METRIC.aaIntelligence,
  coding_index: METRIC.aaCoding,
  agentic_index: METRIC.aaAgentic,
} as const;
