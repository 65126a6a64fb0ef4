/**
 * Model cards: the rows scrapers/model-cards/* write, one dataset per document: `card__*` (cardRow),
 * `config__*` (configRow), `licence__*` (licenceRow).
 */
import { z } from 'zod';
import { nullableText } from './fields.ts';

/**
 * The scraper writes one dataset per document and names it by its format: `card__<repo>` is a
 * model card, `config__<repo>` a config.json, `licence__<repo>` a licence text. The one table of
 * that convention: the scraper names datasets with it, normalize tells a dataset's rows by it
 * (and checks the version's sidecar names the same format).
 */
export const MODEL_CARD_PREFIX = { 'model-card-md': 'card__', 'model-config-json': 'config__', 'license-text': 'licence__' } as const;
export type ModelCardFormat = keyof typeof MODEL_CARD_PREFIX;

/** The format a model-cards dataset holds, from its name; null for a name no format gives. */
export function modelCardFormatOf(dataset: string): ModelCardFormat | null {
  const hit = (Object.entries(MODEL_CARD_PREFIX) as [ModelCardFormat, string][]).find(([, prefix]) => dataset.startsWith(prefix));
  return hit ? hit[0] : null;
}

const count = z.number().int().positive().nullable();
const positiveInt = z.number().int().positive().nullable();
const nonNegativeInt = z.number().int().nonnegative().nullable();

export const cardRow = z.object({
  repo: z.string().min(1),
  repo_host: z.enum(['huggingface', 'github']),
  document_url: z.string().url(),
  variant: nullableText,
  has_front_matter: z.boolean(),
  licence: nullableText,
  licence_name: nullableText,
  licence_link: nullableText,
  licence_source: z.enum(['front_matter', 'licence_section', 'licence_line', 'prose', 'badge']).nullable(),
  base_model: nullableText,
  pipeline_tag: nullableText,
  library_name: nullableText,
  total_parameters: count.refine((v) => v === null || v >= 1e6, 'fewer than a million parameters: was a unit lost?'),
  total_parameters_span: nullableText,
  active_parameters: count.refine((v) => v === null || v >= 1e6, 'fewer than a million parameters: was a unit lost?'),
  active_parameters_span: nullableText,
  context_length: count.refine((v) => v === null || v >= 512, 'context under 512 tokens: was a K lost?'),
  context_length_span: nullableText,
});
export type CardRow = z.infer<typeof cardRow>;

export const configRow = z.object({
  repo: z.string().min(1),
  repo_host: z.enum(['huggingface', 'github']),
  document_url: z.string().url(),
  config_kind: z.enum(['transformers', 'reference']),
  model_type: nullableText,
  architectures: nullableText,
  num_hidden_layers: positiveInt,
  hidden_size: positiveInt,
  intermediate_size: nonNegativeInt,
  moe_intermediate_size: nonNegativeInt,
  num_attention_heads: positiveInt,
  experts: positiveInt,
  experts_key: nullableText,
  experts_per_token: positiveInt,
  n_shared_experts: nonNegativeInt,
  vocab_size: positiveInt,
  max_position_embeddings: positiveInt,
  torch_dtype: nullableText,
  quantization: nullableText,
  notes: nullableText,
});
export type ConfigRow = z.infer<typeof configRow>;

export const licenceRow = z.object({
  repo: z.string().min(1),
  repo_host: z.enum(['huggingface', 'github']),
  document_url: z.string().url(),
  licence_title: nullableText,
  licence_family: nullableText,
  mau_threshold: z.boolean(),
  mau_threshold_users: z.number().int().positive().nullable(),
  mau_threshold_span: nullableText,
  revenue_threshold_usd: z.number().int().positive().nullable(),
  revenue_period: z.enum(['monthly', 'annual']).nullable(),
  revenue_threshold_span: nullableText,
  attribution_display: z.boolean(),
  attribution_text: nullableText,
  attribution_display_span: nullableText,
  region_exclusion: z.boolean(),
  excluded_regions: nullableText,
  region_exclusion_span: nullableText,
  use_policy_reference: z.boolean(),
  use_policy_span: nullableText,
  non_commercial: z.boolean(),
  non_commercial_span: nullableText,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LicenceRow = z.infer<typeof licenceRow>;
