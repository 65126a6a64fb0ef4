/**
 * What a downloaded figure CSV needs to stand alone, beside the registry in figures.ts: the
 * sentences of the article each figure backs (claim ids from claims.ts) and the unit of each
 * numeric column. Kept apart from figures.ts so the chart registry stays about drawing; the
 * tests check that every figure has an entry, every claim id exists and every column is real.
 */

export interface FigureMeta {
  /** Claim ids (src/lib/claims.ts) whose sentences sit beside this figure and rest on its data. */
  claims: string[];
  /** Unit or scale of a column, for the columns whose meaning is not self-evident. */
  units: Record<string, string>;
}

const RANK = 'position on the board (1 = best)';
const AA_INDEX = 'Artificial Analysis Intelligence Index (points; higher is better)';

export const FIGURE_META: Record<string, FigureMeta> = {
  'ranking-all': { claims: ['aa-top-us', 'aa-open-top-cn', 'aa-best-open', 'aa-closed-still-leads'], units: { rank: RANK, score: AA_INDEX } },
  'ranking-open': { claims: ['aa-open-top-cn', 'aa-best-open', 'names-changed', 'local-best'], units: { rank: `${RANK}, among all families`, score: AA_INDEX } },
  'ranking-arena': { claims: ['arena-best-open'], units: { rank: RANK, score: 'LMArena rating, style-controlled (Elo-scale points)', ci_lower: 'LMArena rating, lower bound of the 95% interval', ci_upper: 'LMArena rating, upper bound of the 95% interval' } },
  'openness-spectrum': { claims: ['spectrum-few-open-source'], units: { released: 'true if the part is released' } },
  'notable-open-by-country': { claims: ['open-share-cn-higher'], units: { year: 'publication year', models: 'count of notable models (Epoch AI)' } },
  'licences-by-country': { claims: ['licences-cn-permissive'], units: { models: 'count of open model families released since January 2025' } },
  memory: { claims: ['kimi-size', 'memory-biggest', 'memory-gpt-oss', 'memory-consumer', 'memory-desktop', 'memory-datacentre', 'memory-server'], units: { gb: 'gigabytes (10^9 bytes) to hold the weights', total_parameters: 'parameters (count)', active_parameters: 'parameters active per token (count)' } },
  'gap-arena': { claims: ['arena-gap-since-video', 'gap-since-2023', 'fig-gap-arena'], units: { date: 'snapshot date (ISO)', value: 'LMArena text rating, without style control (Elo-scale points)' } },
  providers: { claims: ['providers-cn-lead'], units: { third_party_providers: 'count of providers other than the lab' } },
  'providers-over-time': { claims: ['providers-trend'], units: { as_of: 'catalogue snapshot date (ISO)', families: 'count of open model families', mean_third_party_providers: 'mean count of providers other than the lab, per family' } },
  'downloads-reported': { claims: [], units: { value: 'as in the unit column (downloads or percent), as published' } },
  'price-throughput': { claims: ['kimi-hosts', 'speed-cheap'], units: { price: 'USD per million tokens, blended input/output price as Artificial Analysis reports it', tokens_per_second: 'median output tokens per second' } },
  'vendor-verifier': { claims: ['verifier-below', 'verifier-eras'], units: { value: 'percent (the metric column names what is measured)' } },
  'vendor-verifier-k3': { claims: ['verifier-k3', 'verifier-eras'], units: { value: 'percent score on the named benchmark' } },
  'eci-frontier': { claims: ['eci-lag'], units: { date: 'model release date (ISO)', value: 'Epoch Capabilities Index (points)' } },
  'one-year-on': { claims: ['hosted-leader', 'verdict'], units: { date: 'snapshot date (ISO)' } },
};

export function figureMeta(id: string): FigureMeta {
  const meta = FIGURE_META[id];
  if (!meta) throw new Error(`figure ${id} has no entry in src/lib/figure-meta.ts (claims it backs, column units)`);
  return meta;
}
