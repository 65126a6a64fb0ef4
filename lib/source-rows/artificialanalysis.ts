/**
 * Artificial Analysis: the rows its scrapers write (scrapers/artificialanalysis/*), one schema
 * per dataset: `models` (the models page), `models-api` (API v2), `providers` (per-provider table).
 */
import { z } from 'zod';
import { isoDateSchema, nullableText } from './fields.ts';

// ---------------------------------------------------------------- shared schema pieces

export { isoDateSchema };
export const intelligenceIndex = z.number().min(0, 'Intelligence Index below 0: did the source change scale?')
  .max(100, 'Intelligence Index above 100: did the source change scale?').nullable();
export const subIndex = (name: string) => z.number().min(0, `${name} below 0: did the source change scale?`)
  .max(100, `${name} above 100: did the source change scale?`).nullable();
export const fraction = z.number().min(0).max(1, 'benchmark score above 1: did the source switch from fractions to percent?').nullable();
export const percent = z.number().min(0).max(100, 'percent score above 100: did the source change units?').nullable();
export const usdPer1m = z.number().min(0).nullable();
export const positive = z.number().positive().nullable();
export const count = z.number().int().positive().nullable();

/** aa-api-v2-json: API v2 /data/llms/models, one row per model (dataset `models-api`). */
export const aaApiModelRow = z.object({
  model_id: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().min(1),
  creator_name: nullableText,
  creator_slug: nullableText,
  release_date: isoDateSchema,
  intelligence_index: intelligenceIndex,
  coding_index: subIndex('Coding Index'),
  math_index: subIndex('Math Index'),
  mmlu_pro: fraction,
  gpqa: fraction,
  hle: fraction,
  livecodebench: fraction,
  scicode: fraction,
  math_500: fraction,
  aime: fraction,
  aime_25: fraction,
  ifbench: fraction,
  lcr: fraction,
  terminalbench_hard: fraction,
  tau2: fraction,
  price_input_usd_per_1m: usdPer1m,
  price_output_usd_per_1m: usdPer1m,
  price_blended_3to1_usd_per_1m: usdPer1m,
  median_output_tokens_per_second: positive,
  median_time_to_first_token_seconds: positive,
  median_time_to_first_answer_token_seconds: positive,
});
export type AaApiModelRow = z.infer<typeof aaApiModelRow>;

/** aa-models-page-json: the models leaderboard page, one row per model (dataset `models`). */
export const aaPageModelRow = z.object({
  model_id: z.string().min(1),
  name: z.string().min(1),
  short_name: nullableText,
  slug: z.string().min(1),
  creator_name: nullableText,
  creator_slug: nullableText,
  creator_country: z.string().regex(/^[a-z]{2}$/, 'creator_country is not a lowercase ISO-2 code: did the source change the country format?').nullable(),
  release_date: isoDateSchema,
  deprecated: z.boolean().nullable(),
  reasoning_model: z.boolean().nullable(),
  open_weights: z.boolean().nullable(),
  licence_name: nullableText,
  licence_url: nullableText,
  commercial_use_allowed: z.boolean().nullable(),
  huggingface_url: nullableText,
  openness_index: subIndex('Openness Index'),
  intelligence_index: intelligenceIndex,
  intelligence_index_is_estimated: z.boolean().nullable(),
  coding_index: subIndex('Coding Index'),
  agentic_index: subIndex('Agentic Index'),
  gpqa: fraction,
  hle: fraction,
  scicode: fraction,
  ifbench: fraction,
  aa_lcr: fraction,
  terminal_bench_hard: fraction,
  tau2_bench: fraction,
  mmmu_pro: fraction,
  total_parameters: count,
  active_parameters: count,
  training_tokens: count,
  context_window_tokens: count,
  size_class: nullableText,
  price_input_usd_per_1m: usdPer1m,
  price_output_usd_per_1m: usdPer1m,
  price_blended_3to1_usd_per_1m: usdPer1m,
  price_class: nullableText,
  intelligence_index_cost_usd: usdPer1m,
  median_output_tokens_per_second: positive,
  p05_output_tokens_per_second: positive,
  q25_output_tokens_per_second: positive,
  q75_output_tokens_per_second: positive,
  p95_output_tokens_per_second: positive,
  median_time_to_first_token_seconds: positive,
  median_time_to_first_answer_token_seconds: positive,
  median_end_to_end_response_seconds: positive,
});
export type AaPageModelRow = z.infer<typeof aaPageModelRow>;

/** aa-providers-table-csv: the per-provider table, one row per offer (dataset `providers`). */
export const aaProviderRow = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
  api_id: nullableText,
  licence_type: z.enum(['Open', 'Proprietary']),
  context_window_tokens: count,
  function_calling: z.boolean().nullable(),
  json_mode: z.boolean().nullable(),
  openai_compatible: z.boolean().nullable(),
  footnotes: nullableText,
  intelligence_index: intelligenceIndex,
  mmlu_pro_pct: percent,
  gpqa_diamond_pct: percent,
  hle_pct: percent,
  livecodebench_pct: percent,
  scicode_pct: percent,
  ifbench_pct: percent,
  aime_2025_pct: percent,
  aa_lcr_pct: percent,
  aime_2024_pct: percent,
  math_500_pct: percent,
  humaneval_pct: percent,
  chatbot_arena_elo: positive,
  price_blended_usd_per_1m: usdPer1m,
  price_input_usd_per_1m: usdPer1m,
  price_output_usd_per_1m: usdPer1m,
  median_output_tokens_per_second: positive,
  p5_output_tokens_per_second: positive,
  p25_output_tokens_per_second: positive,
  p75_output_tokens_per_second: positive,
  p95_output_tokens_per_second: positive,
  median_first_chunk_seconds: positive,
  first_answer_token_seconds: positive,
  p5_first_chunk_seconds: positive,
  p25_first_chunk_seconds: positive,
  p75_first_chunk_seconds: positive,
  p95_first_chunk_seconds: positive,
  total_response_seconds: positive,
  reasoning_time_seconds: positive,
  // Derived from the provider and model cells (scrapers/lib/aa-endpoint.ts): an endpoint variant is a separate offer of one model.
  host: z.string().min(1),
  base_model: z.string().min(1),
  endpoint_variant: nullableText,
  precision: nullableText,
});
export type AaProviderRow = z.infer<typeof aaProviderRow>;
