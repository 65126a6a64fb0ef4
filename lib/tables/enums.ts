/**
 * The closed vocabularies of the tables, defined once. The contracts publish them as Table
 * Schema enums (their order is the published order), normalize produces them, and the site's
 * charts colour and order by them (src/charts/palettes.ts, licence-by-country.ts). Country groups
 * and openness classes are methodology and live in lib/countries.ts; score metrics in lib/metrics.ts.
 */
import { COUNTRY_GROUPS } from '../countries.ts';

/** best_by_date.csv compares open (open-weight or open-source) with closed. */
export const BEST_OPENNESS = ['open', 'closed'] as const;
/** best_by_date.csv's groups: every model (All), then each country group. */
export const BEST_COUNTRY_GROUPS = ['All', ...COUNTRY_GROUPS] as const;

/** How freely a licence lets a model be used, freest first. */
export const LICENCE_RESTRICTIVENESS = ['permissive', 'conditional', 'restricted', 'non-commercial', 'unknown'] as const;
export type LicenceRestrictiveness = (typeof LICENCE_RESTRICTIVENESS)[number];
export const COMMERCIAL_USE = ['yes', 'no', 'unknown'] as const;

/** How scores.csv's source_model joined a canonical model. */
export const MATCH_KINDS = ['exact', 'alias', 'family'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const HOSTING_SOURCES = ['artificialanalysis', 'models-dev', 'openrouter'] as const;
/** What a provider is (data/reference/providers.csv). */
export const PROVIDER_CLASSES = ['serves-weights', 'gateway-or-router', 'model-lab', 'runs-locally'] as const;
export type ProviderClass = (typeof PROVIDER_CLASSES)[number];
/** A provider's class was set by a reviewer (hand) or by a stated rule. */
export const DECIDED_BY = ['hand', 'rule'] as const;

/** The Kimi vendor verifier. */
export const VENDOR_ROUTES = ['direct', 'via OpenRouter'] as const;
export const VENDOR_GROUPS = ['official-reference', 'acceptable', 'below-threshold', 'tested', 'unknown'] as const;
export type VendorGroup = (typeof VENDOR_GROUPS)[number];
export const VENDOR_METRICS = ['tool_call_similarity_pct', 'tool_call_f1_pct', 'schema_accuracy_pct', 'successful_tool_calls', 'schema_validation_errors', 'ocrbench_pct', 'mmmu_pro_vision_pct', 'beam_1m_pct', 'deepswe_pct'] as const;
export type VendorMetric = (typeof VENDOR_METRICS)[number];
export const VENDOR_KINDS = ['official-reference', 'moonshot', 'inference-engine', 'third-party'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

export const LAB_KINDS = ['company', 'academic', 'non-profit', 'government', 'collaboration'] as const;
export const HARDWARE_KINDS = ['consumer-gpu', 'desktop', 'datacentre-gpu', 'server'] as const;
export type HardwareKind = (typeof HARDWARE_KINDS)[number];
export const REPORTED_UNITS = ['downloads', 'percent'] as const;
export type ReportedUnit = (typeof REPORTED_UNITS)[number];
/** The sources a reviewed extra model (data/reference/extra_models.csv) stands for. */
export const EXTRA_MODEL_SOURCES = ['epoch eci', 'lmarena'] as const;

/** ISO 3166-1 alpha-2 codes, several (a collaboration) joined by ;. */
export const ISO_LIST = /^[A-Z]{2}(;[A-Z]{2})*$/;
