/**
 * The published tables' schemas, in one place. data/datapackage.json (Frictionless Data
 * Package with Table Schemas) is generated from these, and normalize validates every output
 * row against them before writing.
 */
import { z } from 'zod';
import { licenceJson, licencesOf, sourceJson, SOURCES, type SourceSpec } from './sources.ts';
import { COUNTRY_GROUPS, OPENNESS_CLASSES } from '../lib/countries.ts';
import { SCORE_METRICS } from '../lib/metrics.ts';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date';

export interface FieldSpec {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export interface TableSpec {
  name: string;
  path: string;
  title: string;
  description: string;
  fields: FieldSpec[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  /** The sources its rows derive from: they give the resource its `sources` and `licenses`. */
  sources: SourceSpec[];
}

const f = (name: string, type: FieldType, description: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type, description, ...extra });
const req = { required: true };
const OPENNESS = [...OPENNESS_CLASSES];
const GROUPS = [...COUNTRY_GROUPS];
const ISO_LIST = '^[A-Z]{2}(;[A-Z]{2})*$';


export const TABLES: TableSpec[] = [
  {
    name: 'models', path: 'models.csv', title: 'Models',
    description: 'One row per canonical model (every model Artificial Analysis has listed in any capture, plus the models a figure names that it never listed: data/reference/extra_models.csv), with lab, country, openness class and the evidence for it, licence, parameters and the memory needed to hold the weights.',
    primaryKey: ['model_id'],
    foreignKeys: [{ fields: ['lab_id'], reference: { resource: 'labs', fields: ['lab_id'] } }, { fields: ['licence_id'], reference: { resource: 'licences', fields: ['licence_id'] } }],
    sources: [SOURCES.aa, SOURCES.epoch, SOURCES.modelsDev, SOURCES.modelCards, SOURCES.ref],
    fields: [
      f('model_id', 'string', 'Canonical model id (the Artificial Analysis slug)', { ...req, pattern: '^[a-z0-9][a-z0-9.-]*$' }),
      f('name', 'string', 'Model name as Artificial Analysis shows it, including the reasoning/effort variant', req),
      f('family', 'string', 'Model name without the reasoning/effort variant in parentheses', req),
      f('lab_id', 'string', 'Developer (data/reference/labs.csv)'),
      f('lab_name', 'string', 'Developer display name'),
      f('country', 'string', "Lab's country, ISO 3166-1 alpha-2; several joined by ;", { pattern: ISO_LIST }),
      f('country_group', 'string', 'China (incl. Hong Kong, Macao), United States, Europe or Other (incl. mixed collaborations)', { ...req, enum: GROUPS }),
      f('release_date', 'date', 'Release date (Artificial Analysis)'),
      f('openness', 'string', 'open-source: weights, training code and data released; open-weight: weights downloadable; closed: API/hosted only or unreleased', { ...req, enum: OPENNESS }),
      f('openness_decided_by', 'string', 'Which source and value decided the openness class', req),
      f('weights_downloadable', 'boolean', 'Weights can be downloaded', req),
      f('training_code_released', 'boolean', 'Training code released (reference file or Epoch), empty when unknown'),
      f('training_code_basis', 'string', 'What decided training_code_released: the reference files or Epoch\'s training-code field, and the reviewed reading where Epoch\'s "Open" points at fine-tuning code only'),
      f('training_data_released', 'boolean', 'Training data released (reference file), empty when unknown'),
      f('aa_open_weights', 'boolean', 'Artificial Analysis open_weights flag'),
      f('aa_openness_index', 'number', 'Artificial Analysis Openness Index (0-100: how much of weights, data and methodology is released)', { minimum: 0, maximum: 100 }),
      f('epoch_model', 'string', "The Epoch AI notable-models row the Epoch fields come from (a join refused when its date or size contradicts the model)"),
      f('epoch_accessibility', 'string', "Epoch's model accessibility, where the model matched an Epoch row"),
      f('models_dev_open_weights', 'boolean', 'models.dev open_weights flag (any provider), where matched'),
      f('openness_disagreement', 'string', 'Sources that disagree with the decided class, and which one wins'),
      f('licence_id', 'string', 'Licence (data/reference/licences.csv), open models only: from the captured licence text where there is one, else from Artificial Analysis\'s licence name'),
      f('licence_name_in_source', 'string', 'Licence name as Artificial Analysis spells it'),
      f('licence_restrictiveness', 'string', 'permissive, conditional, restricted or non-commercial', { enum: ['permissive', 'conditional', 'restricted', 'non-commercial', 'unknown'] }),
      f('commercial_use', 'string', 'Commercial use allowed: the licence text where captured, else Artificial Analysis\'s flag, else licences.csv', { enum: ['yes', 'no', 'unknown'] }),
      f('licence_source', 'string', 'Where the licence was read: the licence file captured from the model\'s repository (model-cards/<dataset>/<as_of>) or Artificial Analysis\'s licence name'),
      f('licence_url', 'string', 'The licence text: the captured document, else the URL Artificial Analysis links'),
      f('licence_disagreement', 'string', 'Sources that disagree on the licence or commercial use, and which one wins (the licence text over a catalogue, a catalogue over licences.csv)'),
      f('huggingface_repo', 'string', 'Hugging Face repository of the weights, owner/name', { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$' }),
      f('huggingface_repo_source', 'string', 'Which source gave the repository id'),
      f('total_parameters', 'number', 'Total parameters (count)', { minimum: 0 }),
      f('active_parameters', 'number', 'Parameters active per token for mixture-of-experts models (count)', { minimum: 0 }),
      f('parameters_source', 'string', 'Where the parameter counts come from'),
      f('native_precision', 'string', 'Precision the weights are published in (bf16, fp8, mxfp4), where known'),
      f('native_precision_source', 'string', 'Where the native precision comes from'),
      f('parameters_kept_16bit', 'integer', 'Parameters the published checkpoint stores at 16 bits (BF16/F16 in Hugging Face safetensors metadata), counted at 16 bits in every memory column; empty where not captured', { minimum: 0 }),
      f('memory_gb_16bit', 'number', 'GB (1e9 bytes) to hold the weights at 16 bits per parameter; KV cache and activations come on top', { minimum: 0 }),
      f('memory_gb_8bit', 'number', 'GB to hold the weights at 8 bits per parameter (parameters_kept_16bit at 16)', { minimum: 0 }),
      f('memory_gb_4bit', 'number', 'GB to hold the weights at 4 bits per parameter plus one 8-bit scale per 32 weights (4.25 bits), parameters_kept_16bit at 16 bits; without that count, a lower bound', { minimum: 0 }),
      f('memory_gb_native', 'number', 'GB to hold the weights at their native precision, by the same rule', { minimum: 0 }),
      f('source', 'string', 'Source of the row', req),
      f('source_dataset', 'string', 'Source dataset', req),
      f('source_as_of', 'date', 'Version (as_of) of the source row', req),
    ],
  },
  {
    name: 'scores', path: 'scores.csv', title: 'Leaderboard scores',
    description: 'One row per (source, dataset, as_of, model as the source names it, metric). Metrics are on different scales: never plot two metrics, or two Artificial Analysis as_of dates, on one axis.',
    primaryKey: ['source', 'dataset', 'as_of', 'source_model', 'metric'],
    foreignKeys: [{ fields: ['model_id'], reference: { resource: 'models', fields: ['model_id'] } }, { fields: ['lab_id'], reference: { resource: 'labs', fields: ['lab_id'] } }],
    sources: [SOURCES.aa, SOURCES.lmarena, SOURCES.epoch],
    fields: [
      f('source', 'string', 'artificialanalysis, lmarena or epoch', req),
      f('dataset', 'string', 'Source dataset (data/sources/<source>/<dataset>/)', req),
      f('as_of', 'date', 'Date of the leaderboard snapshot', req),
      f('source_model', 'string', 'Model name as the source spells it', req),
      f('model_id', 'string', 'Canonical model id, where the name matched (see data/reports/coverage.md)'),
      f('match_kind', 'string', 'How source_model joined model_id: exact (its own name), alias (data/reference/model_aliases.csv) or family (the source gives a family name; accepted only where its release date and modality agree). Empty when unmatched', { enum: ['exact', 'alias', 'family'] }),
      f('lab_id', 'string', 'Developer'),
      f('country', 'string', "Lab's country, ISO alpha-2", { pattern: ISO_LIST }),
      f('country_group', 'string', 'Country group', { ...req, enum: GROUPS }),
      f('openness', 'string', 'Openness class as decided for this row', { enum: OPENNESS }),
      f('openness_basis', 'string', 'What decided the openness (models.csv or the source licence column)'),
      f('metric', 'string', 'aa_intelligence_index, aa_coding_index, aa_agentic_index (0-100, re-based between AA captures); lmarena_text_rating[_style_control] (Elo-like); epoch_eci', { ...req, enum: [...SCORE_METRICS] }),
      f('value', 'number', 'Score', req),
      f('ci_lower', 'number', 'Lower bound of the 95% interval, where given'),
      f('ci_upper', 'number', 'Upper bound of the 95% interval, where given'),
      f('votes', 'integer', 'Votes behind an LMArena rating', { minimum: 0 }),
      f('style_control', 'boolean', 'LMArena style control applied'),
      f('release_date', 'date', "The model's release date (Epoch's own for ECI rows, else models.csv)"),
    ],
  },
  {
    name: 'best_by_date', path: 'best_by_date.csv', title: 'Best open and best closed model per leaderboard snapshot',
    description: 'For every (source, dataset, metric, as_of): the best open (open-weight or open-source) and best closed model, overall (country_group All) and per country group.',
    primaryKey: ['source', 'dataset', 'metric', 'as_of', 'openness', 'country_group'],
    sources: [SOURCES.aa, SOURCES.lmarena, SOURCES.epoch],
    fields: [
      f('source', 'string', 'Leaderboard', req),
      f('dataset', 'string', 'Source dataset', req),
      f('metric', 'string', 'Metric (see scores.csv)', req),
      f('as_of', 'date', 'Snapshot date', req),
      f('openness', 'string', 'open (open-weight or open-source) or closed', { ...req, enum: ['open', 'closed'] }),
      f('country_group', 'string', 'All, or a country group', { ...req, enum: ['All', ...GROUPS] }),
      f('best_model', 'string', 'Best model as the source names it', req),
      f('model_id', 'string', 'Canonical id, where matched'),
      f('lab_id', 'string', 'Developer'),
      f('value', 'number', 'Its score', req),
      f('scoring_method', 'string', 'How the leaderboard scored this snapshot (reference/scoring_methods.csv): values of two methods are not comparable', req),
      f('ci_lower', 'number', 'Lower bound of its 95% interval'),
      f('ci_upper', 'number', 'Upper bound of its 95% interval'),
      f('models_compared', 'integer', 'Models of this openness and group in the snapshot', { ...req, minimum: 1 }),
      f('models_unknown_openness', 'integer', 'Models in the snapshot left out because their openness is unknown', { ...req, minimum: 0 }),
    ],
  },
  {
    name: 'hosting', path: 'hosting.csv', title: 'Who hosts which model, at what price and speed',
    description: 'One row per (source, as_of, provider, model as the provider names it), for models in models.csv: list or measured price per 1M tokens, and measured throughput and first-token latency where Artificial Analysis gives them. Listings that matched no model are in data/reports/coverage.md.',
    primaryKey: ['source', 'dataset', 'as_of', 'provider', 'source_model'],
    foreignKeys: [{ fields: ['model_id'], reference: { resource: 'models', fields: ['model_id'] } }],
    sources: [SOURCES.aa, SOURCES.modelsDev, SOURCES.openrouter],
    fields: [
      f('source', 'string', 'artificialanalysis (measured), models-dev (catalogue) or openrouter (router)', { ...req, enum: ['artificialanalysis', 'models-dev', 'openrouter'] }),
      f('dataset', 'string', 'Source dataset', req), f('as_of', 'date', 'Snapshot date', req),
      f('provider', 'string', 'Provider id as the source spells it (lower case)', req), f('provider_name', 'string', 'Provider name', req),
      f('source_model', 'string', 'Model id or name as the provider lists it', req), f('model_id', 'string', 'Canonical model id', req),
      f('host', 'string', 'The company behind the endpoint: Artificial Analysis\'s "Nebius Fast" is host Nebius, variant Fast; a models.dev provider id without its regional or plan suffix', req),
      f('endpoint_variant', 'string', 'Artificial Analysis endpoint tier (Fast, Turbo, Throughput, Base, Standard, Latency Optimized, or a cloud platform such as Vertex): a separate offer of the same model by the same host. Empty for the standard endpoint'),
      f('precision', 'string', 'Number format the listing states (FP8, FP4, FP16, BF16…). Empty where unstated, which is not the same as 16-bit'),
      f('first_party', 'boolean', 'The provider is the lab that made the model'),
      f('provider_class', 'string', 'What the provider is (data/reference/providers.csv): serves-weights (runs the model itself), gateway-or-router (passes requests to other providers), model-lab (a lab\'s own API) or runs-locally (software on the user\'s machine)', { ...req, enum: ['serves-weights', 'gateway-or-router', 'model-lab', 'runs-locally'] }),
      f('price_input_usd_per_1m', 'number', 'USD per 1M input tokens', { minimum: 0 }), f('price_output_usd_per_1m', 'number', 'USD per 1M output tokens', { minimum: 0 }),
      f('price_blended_usd_per_1m', 'number', 'Artificial Analysis blended price (3 input : 1 output), USD per 1M tokens', { minimum: 0 }),
      f('output_tokens_per_second', 'number', 'Median output tokens per second measured by Artificial Analysis', { minimum: 0 }),
      f('time_to_first_token_seconds', 'number', 'Median time to first token (s), Artificial Analysis', { minimum: 0 }),
      f('context_tokens', 'number', 'Context window offered by this provider', { minimum: 0 }),
    ],
  },
  {
    name: 'providers_by_model', path: 'providers_by_model.csv', title: 'Providers per model family over time',
    description: 'Per model family and models.dev snapshot: distinct providers listing it (regional and subscription-plan listings of one company counted once), how many are third parties (not the lab itself), how many of those serve the weights (hosts) or only route requests (gateways), the raw listing count, and the size of the catalogue that date (it grew from 75 to 193 provider ids between January and August 2026).',
    primaryKey: ['lab_id', 'model_family', 'source', 'as_of'],
    foreignKeys: [{ fields: ['lab_id'], reference: { resource: 'labs', fields: ['lab_id'] } }],
    sources: [SOURCES.modelsDev],
    fields: [
      f('model_family', 'string', 'Model family (models.csv family)', req), f('lab_id', 'string', 'Developer'),
      f('country_group', 'string', 'Country group', { ...req, enum: GROUPS }), f('openness', 'string', 'Openness class', { ...req, enum: OPENNESS }),
      f('source', 'string', 'Catalogue', req), f('as_of', 'date', 'Snapshot date', req),
      f('providers', 'integer', 'Distinct providers listing the family', { ...req, minimum: 1 }),
      f('third_party_providers', 'integer', 'Of which not the lab itself', { ...req, minimum: 0 }),
      f('hosts', 'integer', 'Of the third parties, those that serve the weights: serves-weights providers and other labs\' own APIs; gateways and routers excluded', { ...req, minimum: 0 }),
      f('gateways', 'integer', 'Gateways, routers and resellers listing the family (they serve no weights)', { ...req, minimum: 0 }),
      f('listings', 'integer', 'Listings (a provider can list several variants)', { ...req, minimum: 1 }),
      f('catalogue_hosts', 'integer', 'Providers in the catalogue that date hosting at least one other lab\'s open model (same grouping): divide hosts by it to correct for the catalogue\'s growth', { ...req, minimum: 0 }),
      f('catalogue_providers', 'integer', 'Every provider in the catalogue that date, matched listings or not (regional and plan listings of one company counted once)', { ...req, minimum: 0 }),
    ],
  },
  {
    name: 'vendor_verifier', path: 'vendor_verifier.csv', title: 'Kimi vendor verifier results',
    description: "Moonshot AI's public test of how faithfully each vendor serves Kimi models, tidy: one row per (dataset, test date, model, vendor, route, group, metric). The metric changed across releases of the verifier: tool-call similarity (to October 2025), tool-call F1 and schema accuracy (from October 2025), task benchmarks (Kimi K3, from July 2026). Vendors in the README's merged 'acceptable' cell have no published F1: value is empty and threshold says what they passed.",
    primaryKey: ['dataset', 'as_of', 'model', 'vendor', 'route', 'group', 'metric'],
    foreignKeys: [{ fields: ['model_id'], reference: { resource: 'models', fields: ['model_id'] } }],
    sources: [SOURCES.k2vv],
    fields: [
      f('dataset', 'string', 'kimi-k2, kimi-k3 or unmerged-third-party (a community pull request never merged)', req),
      f('as_of', 'date', 'Test date stated in the README, else the capture date', req),
      f('model', 'string', 'Model tested, as the README names it', req),
      f('model_id', 'string', 'Canonical model id, where the name matched'),
      f('vendor', 'string', 'Vendor, as the README names it', req),
      f('route', 'string', 'direct (the vendor’s own API or engine) or via OpenRouter', { ...req, enum: ['direct', 'via OpenRouter'] }),
      f('group', 'string', 'official-reference, acceptable (above threshold), below-threshold, or tested (no grouping in that release)', { ...req, enum: ['official-reference', 'acceptable', 'below-threshold', 'tested', 'unknown'] }),
      f('metric', 'string', 'Metric', { ...req, enum: ['tool_call_similarity_pct', 'tool_call_f1_pct', 'schema_accuracy_pct', 'successful_tool_calls', 'schema_validation_errors', 'ocrbench_pct', 'mmmu_pro_vision_pct', 'beam_1m_pct', 'deepswe_pct'] }),
      f('value', 'number', 'Value (percent for _pct metrics, a count otherwise); empty when the README gives only a pass', { minimum: 0 }),
      f('threshold', 'number', 'Tool-call F1 threshold the README applies, in percent', { minimum: 0, maximum: 100 }),
      f('vendor_kind', 'string', "official-reference (Moonshot's API the others are scored against), moonshot (Moonshot's other endpoints, e.g. its Turbo API), inference-engine (vLLM or SGLang deployed as a reference) or third-party (a vendor selling the model): count vendors with third-party", { ...req, enum: ['official-reference', 'moonshot', 'inference-engine', 'third-party'] }),
      f('unmerged_third_party', 'boolean', 'Row comes from the unmerged third-party capture', req),
    ],
  },
  {
    name: 'notable_open_share', path: 'notable_open_share.csv', title: 'Notable models released with open weights, by country group and year',
    description: "Epoch AI's notable models (latest version), by publication year and the lab's country group: how many, how many with open weights, how many closed, how many of unknown access.",
    primaryKey: ['year', 'country_group'],
    sources: [SOURCES.epoch],
    fields: [
      f('year', 'integer', 'Publication year', { ...req, minimum: 1950 }),
      f('country_group', 'string', 'Country group (a collaboration across groups counts as Other)', { ...req, enum: GROUPS }),
      f('models', 'integer', 'Notable models', { ...req, minimum: 0 }),
      f('open_weight_models', 'integer', 'Released with downloadable weights', { ...req, minimum: 0 }),
      f('closed_models', 'integer', 'API, hosted access or unreleased', { ...req, minimum: 0 }),
      f('unknown_access_models', 'integer', 'Access not recorded by Epoch', { ...req, minimum: 0 }),
      f('open_weight_share', 'number', 'open / (open + closed), unknown left out', { minimum: 0, maximum: 1 }),
      f('source', 'string', 'Source dataset', req),
      f('source_as_of', 'date', 'Version of the source dataset', req),
    ],
  },
  {
    name: 'labs', path: 'reference/labs.csv', title: 'Labs (reference)',
    description: 'Model developers with country, kind and where the country comes from. Reviewed by hand.',
    primaryKey: ['lab_id'],
    sources: [SOURCES.ref, SOURCES.aa, SOURCES.epoch],
    fields: [
      f('lab_id', 'string', 'Lab id', req), f('name', 'string', 'Display name', req),
      f('country', 'string', 'ISO 3166-1 alpha-2, several joined by ;', { ...req, pattern: ISO_LIST }),
      f('kind', 'string', 'company, academic, non-profit, government or collaboration', { ...req, enum: ['company', 'academic', 'non-profit', 'government', 'collaboration'] }),
      f('country_source', 'string', 'Where the country was read', req), f('notes', 'string', 'Notes'),
    ],
  },
  {
    name: 'licences', path: 'reference/licences.csv', title: 'Licences (reference)',
    description: 'Licences of open-weight models: SPDX id where one exists, commercial use, restrictions. Reviewed by hand; OSI approval comes from the SPDX list.',
    primaryKey: ['licence_id'],
    sources: [SOURCES.ref],
    fields: [
      f('licence_id', 'string', 'Licence id', req), f('name', 'string', 'Name', req), f('spdx_id', 'string', 'SPDX identifier, where one exists'),
      f('commercial_use', 'string', 'Commercial use allowed', { ...req, enum: ['yes', 'no', 'unknown'] }),
      f('restrictiveness', 'string', 'permissive, conditional, restricted, non-commercial', { ...req, enum: ['permissive', 'conditional', 'restricted', 'non-commercial', 'unknown'] }),
      f('user_threshold', 'string', 'User or revenue threshold above which terms change'), f('regions_excluded', 'string', 'Territories where the licence does not apply'),
      f('attribution_display', 'boolean', 'Requires displaying attribution in the product'), f('use_policy', 'boolean', 'Incorporates an acceptable-use policy'),
      f('url', 'string', 'Licence text'), f('notes', 'string', 'Notes'),
    ],
  },
  {
    name: 'scoring_methods', path: 'reference/scoring_methods.csv', title: 'Scoring methods of the leaderboards (reference)',
    description: 'Which method scored each span of leaderboard snapshots, with the evidence. A gap or a level is compared only within one method; the charts mark the breaks.',
    primaryKey: ['source', 'dataset', 'metric', 'from'],
    sources: [SOURCES.ref, SOURCES.lmarena, SOURCES.aa, SOURCES.epoch],
    fields: [
      f('source', 'string', 'Leaderboard', req), f('dataset', 'string', 'Source dataset', req), f('metric', 'string', 'Metric (see scores.csv)', req),
      f('from', 'date', 'First snapshot scored this way', req), f('to', 'date', 'Last snapshot scored this way (blank: still in use)'),
      f('scoring_method', 'string', 'Method id', req), f('evidence', 'string', 'How we know', req),
    ],
  },
  {
    name: 'training_disclosure', path: 'reference/training_disclosure.csv', title: 'Training data and methodology disclosure (reference)',
    description: 'How much of its training data and methodology a model’s developer publishes, read from the components of Artificial Analysis’s Openness Index (0 none, 1–2 partly, 3 fully), reviewed by hand. A model with no row is drawn as "not recorded", never as "not released".',
    primaryKey: ['model_id'],
    sources: [SOURCES.ref, SOURCES.aa],
    fields: [
      f('model_id', 'string', 'Model (models.csv)', req),
      f('pretraining_data', 'integer', 'Pre-training data access, 0 (none) to 3 (fully released)', { ...req, minimum: 0, maximum: 3 }),
      f('posttraining_data', 'integer', 'Post-training data access, 0 to 3', { ...req, minimum: 0, maximum: 3 }),
      f('methodology', 'integer', 'Methodology disclosure, 0 to 3', { ...req, minimum: 0, maximum: 3 }),
      f('source', 'string', 'Source and dataset the levels were read from (data/sources/<source>/<dataset>/): the Openness Index components of the Artificial Analysis models capture', req), f('source_as_of', 'date', 'Capture they were read from', req),
      f('evidence_url', 'string', 'Evidence'), f('note', 'string', 'What the levels mean for this model'),
    ],
  },
  {
    name: 'video', path: 'reference/video.csv', title: 'The video the report retells (reference)',
    description: 'The date window of the video essay, with the evidence: every "since the video" in the article is computed from it.',
    primaryKey: ['event_id'],
    sources: [SOURCES.ref],
    fields: [
      f('event_id', 'string', 'Id', req), f('title', 'string', 'Title and author', req),
      f('date_earliest', 'date', 'Earliest date the video can be of', req), f('date_latest', 'date', 'Latest date it can be of', req),
      f('evidence', 'string', 'How the window was set, and what is uncertain', req), f('url', 'string', 'Where it is published'),
    ],
  },
  {
    name: 'reported_figures', path: 'reference/reported_figures.csv', title: 'Figures reported by others (reference)',
    description: 'Published measurements the report cites but does not compute (no captured source gives them): attributed and dated. Not this project’s data.',
    primaryKey: ['figure_id', 'country_group'],
    sources: [SOURCES.reported],
    fields: [
      f('figure_id', 'string', 'Which published figure', req), f('publisher', 'string', 'Who published it', req), f('title', 'string', 'Publication', req),
      f('published', 'string', 'Publication month (YYYY-MM)', { ...req, pattern: '^\\d{4}-\\d{2}$' }),
      f('country_group', 'string', 'Country group the value is for', { ...req, enum: GROUPS }),
      f('metric', 'string', 'What was measured', req), f('value', 'number', 'Value as published', req), f('unit', 'string', 'downloads or percent', { ...req, enum: ['downloads', 'percent'] }),
      f('url', 'string', 'Where it was published'), f('note', 'string', 'Notes'),
    ],
  },
];

/** zod validator for rows (as typed values) of a table, built from its spec. */
export function rowValidator(spec: TableSpec): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of spec.fields) {
    let t: z.ZodType;
    switch (field.type) {
      case 'number':
      case 'integer': {
        let n = field.type === 'integer' ? z.number().int() : z.number();
        if (field.minimum !== undefined) n = n.min(field.minimum, `${field.name} below ${field.minimum}`);
        if (field.maximum !== undefined) n = n.max(field.maximum, `${field.name} above ${field.maximum}`);
        t = n;
        break;
      }
      case 'boolean': t = z.boolean(); break;
      case 'date': t = z.string().regex(/^\d{4}-\d{2}-\d{2}$/); break;
      default: {
        let s = z.string().min(1);
        if (field.pattern) s = s.regex(new RegExp(field.pattern), `${field.name} does not match ${field.pattern}`);
        t = field.enum ? z.enum(field.enum as [string, ...string[]]) : s;
      }
    }
    shape[field.name] = field.required ? t : t.nullable().optional();
  }
  return z.object(shape).strict() as unknown as z.ZodType<Record<string, unknown>>;
}

/** What only exists once the tables are written: the data version and each file's size and hash (normalize/release.ts). */
export interface Release {
  version: string;
  created: string;
  homepage: string;
  files: Record<string, { bytes: number; hash: string }>;
}

export function dataPackage(specs: TableSpec[], release?: Release) {
  const fileOf = (name: string) => {
    const file = release?.files[name];
    if (release && !file) throw new Error(`datapackage: no size/hash for resource ${name}; was its CSV written?`);
    return file ? { bytes: file.bytes, hash: file.hash } : {};
  };
  return {
    profile: 'tabular-data-package',
    name: 'open-weight-race',
    title: 'Is China winning the open-weight AI race? Tables behind the report',
    ...(release ? { version: release.version, created: release.created, homepage: release.homepage } : {}),
    description: 'Tidy tables normalised from versioned scrapes of Artificial Analysis, LMArena, Epoch AI, models.dev, OpenRouter, the Kimi vendor verifier and model cards. Source versions live in sources/<source>/<dataset>/<as_of>.csv with provenance sidecars. Each resource lists the licences that apply to its rows: this project’s CC BY 4.0 for what it adds, and the terms of every source the rows derive from.',
    licenses: [licenceJson(licencesOf([])[0]!)],
    sources: Object.values(SOURCES).map(sourceJson),
    resources: specs.map((s) => ({
      name: s.name,
      path: s.path,
      profile: 'tabular-data-resource',
      title: s.title,
      description: s.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...fileOf(s.name),
      dialect: { delimiter: ',', lineTerminator: '\n', header: true },
      sources: s.sources.map(sourceJson),
      licenses: licencesOf(s.sources).map(licenceJson),
      schema: {
        fields: s.fields.map((fl) => ({
          name: fl.name,
          type: fl.type,
          description: fl.description,
          ...(fl.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
          ...(fl.required || fl.enum || fl.minimum !== undefined || fl.maximum !== undefined || fl.pattern
            ? { constraints: { ...(fl.required ? { required: true } : {}), ...(fl.enum ? { enum: fl.enum } : {}), ...(fl.minimum !== undefined ? { minimum: fl.minimum } : {}), ...(fl.maximum !== undefined ? { maximum: fl.maximum } : {}), ...(fl.pattern ? { pattern: fl.pattern } : {}) } }
            : {}),
        })),
        missingValues: [''],
        primaryKey: s.primaryKey,
        ...(s.foreignKeys ? { foreignKeys: s.foreignKeys } : {}),
      },
    })),
  };
}
