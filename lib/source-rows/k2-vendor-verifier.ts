/** The vendor verifiers: the rows scrapers/k2-vendor-verifier.ts writes (`kimi-k2` and `unmerged-third-party`: k2vvRow; `kimi-k3`: kvvRow). */
import { z } from 'zod';
import { isoDateSchema, nullableText } from './fields.ts';

const pct = z.number().min(0).max(100, 'above 100%: did the README switch from percent to another unit?').nullable();
const count = z.number().int().nonnegative().nullable();

/** K2 Vendor Verifier: one vendor's result in one README version. */
export const k2vvRow = z.object({
  model: z.string().min(1),
  vendor: z.string().min(1),
  api_source: nullableText,
  vendor_url: nullableText,
  group: z.enum(['official-reference', 'acceptable', 'below-threshold']).nullable(),
  metric_era: z.enum(['similarity', 'f1']),
  test_date: isoDateSchema,
  similarity_pct: pct,
  tool_call_f1_pct: pct,
  f1_threshold_pct: pct,
  schema_accuracy_pct: pct,
  count_finish_reason_stop: count,
  count_finish_reason_tool_calls: count,
  count_finish_reason_others: count,
  count_schema_validation_error: count,
  count_successful_tool_call: count,
  test_settings: nullableText,
  unmerged_third_party: z.boolean(),
});
export type K2vvRow = z.infer<typeof k2vvRow>;

/** Kimi Vendor Verifier (K3 onwards): one vendor (and thinking effort) in one README version. */
export const kvvRow = z.object({
  model: z.string().min(1),
  thinking_effort: nullableText,
  vendor: z.string().min(1),
  listed_order: z.number().int().positive(),
  test_date: isoDateSchema,
  ocrbench_pct: pct,
  mmmu_pro_vision_pct: pct,
  beam_1m_pct: pct,
  deepswe_pct: pct,
  pending: nullableText,
  notes: nullableText,
});
export type KvvRow = z.infer<typeof kvvRow>;
