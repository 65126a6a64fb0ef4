/** Epoch AI: the rows scrapers/epoch.ts writes (model lists `notable`, `all`, `large_scale`, `frontier`; the ECI `eci`). */
import { z } from 'zod';
import { isoDateSchema, nullableText } from './fields.ts';

export const epochModelRow = z.object({
  model: z.string().min(1),
  organization: nullableText,
  organization_category: nullableText,
  country: nullableText,
  publication_date: isoDateSchema,
  domain: nullableText,
  accessibility: nullableText,
  open_weights: z.boolean().nullable(),
  training_code_accessibility: nullableText,
  inference_code_accessibility: nullableText,
  parameters: z.number().positive().nullable(),
  training_compute_flop: z.number().positive().nullable(),
  notability_criteria: nullableText,
  frontier_model: z.boolean().nullable(),
  base_model: nullableText,
  link: nullableText,
});
export type EpochModelRow = z.infer<typeof epochModelRow>;

export const epochEciRow = z.object({
  model_version: z.string().min(1),
  model_name: nullableText,
  display_name: nullableText,
  eci_score: z.number().min(0).max(400, 'ECI above 400: did Epoch change the scale?').nullable(),
  release_date: isoDateSchema,
  organization: nullableText,
  country: nullableText,
  accessibility: nullableText,
  training_compute_flop: z.number().positive().nullable(),
  confidence: nullableText,
});
export type EpochEciRow = z.infer<typeof epochEciRow>;
