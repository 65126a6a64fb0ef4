/** OpenRouter: the rows scrapers/openrouter.ts writes (datasets `models` and `tools-subset`: one row per model). */
import { z } from 'zod';
import { nullableText } from './fields.ts';

const price = z.number().nonnegative().max(10_000, 'price above $10,000 per 1M tokens: did OpenRouter change units?').nullable();

export const openrouterRow = z.object({
  id: z.string().min(1),
  canonical_slug: nullableText,
  name: nullableText,
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  context_length: z.number().int().positive().nullable(),
  prompt_price_per_1m: price,
  completion_price_per_1m: price,
  price_note: nullableText,
  hugging_face_id: nullableText,
  knowledge_cutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  supports_tools: z.boolean().nullable(),
  endpoints_url: z.string().url().nullable(),
});
export type OpenrouterRow = z.infer<typeof openrouterRow>;
