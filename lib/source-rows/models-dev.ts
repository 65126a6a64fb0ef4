/** models.dev: the rows scrapers/models-dev.ts writes (dataset `api`: one row per provider × model). */
import { z } from 'zod';
import { nullableText } from './fields.ts';

const partialDateSchema = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM').nullable();
const price = z.number().nonnegative().max(10_000, 'price above $10,000 per 1M tokens: did models.dev change units?').nullable();
const tokens = z.number().int().nonnegative().nullable();

export const modelsDevRow = z.object({
  provider_id: z.string().min(1),
  provider_name: nullableText,
  model_id: z.string().min(1),
  name: nullableText,
  family: nullableText,
  open_weights: z.boolean().nullable(),
  release_date: partialDateSchema,
  last_updated: partialDateSchema,
  knowledge_cutoff: partialDateSchema,
  input_price_per_1m: price,
  output_price_per_1m: price,
  cache_read_price_per_1m: price,
  context_limit: tokens,
  output_limit: tokens,
  tool_call: z.boolean().nullable(),
  reasoning: z.boolean().nullable(),
  status: nullableText,
  /** Source values that could not be read as stated (an impossible date), left blank, with the raw value. */
  issues: nullableText,
});
export type ModelsDevRow = z.infer<typeof modelsDevRow>;
