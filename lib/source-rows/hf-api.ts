/** Hugging Face Hub: the rows scrapers/hf-api.ts writes (one dataset per repository, `<org>__<repo>`, one row). */
import { z } from 'zod';
import { isoDateSchema, nullableText } from './fields.ts';

const count = z.number().int().nonnegative().nullable();

export const hfModelRow = z.object({
  id: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected org/repo'),
  author: nullableText,
  created_at: isoDateSchema,
  last_modified: isoDateSchema,
  downloads_30d: count,
  likes: count,
  parameters: z.number().int().positive().nullable(),
  licence: nullableText,
  licence_name: nullableText,
  pipeline_tag: nullableText,
  library_name: nullableText,
  gated: nullableText,
  sha: z.string().regex(/^[0-9a-f]{40}$/).nullable(),
  // safetensors.parameters: stored elements per dtype, e.g. "BF16=1804459584;U8=19707494400" (sorted by dtype).
  parameters_by_dtype: nullableText,
  // Of them, those stored at 16 bits (BF16, F16): the layers a quantised checkpoint keeps unquantised.
  parameters_16bit: count,
});
export type HfModelRow = z.infer<typeof hfModelRow>;
