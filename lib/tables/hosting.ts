/**
 * The contracts of the hosting tables: hosting.csv (who lists which model, at what price and
 * speed), providers_by_model.csv (providers per family over time) and vendor_verifier.csv
 * (Moonshot's test of its vendors). normalize/steps/hosting.ts and vendor-verifier.ts build them.
 */
import { COUNTRY_GROUPS, OPENNESS_CLASSES } from '../countries.ts';
import { definePublished, text, oneOf, num, int, bool, date } from './contract.ts';
import { HOSTING_SOURCES, PROVIDER_CLASSES, VENDOR_GROUPS, VENDOR_KINDS, VENDOR_METRICS, VENDOR_ROUTES } from './enums.ts';

export const hosting = definePublished({
  name: 'hosting', path: 'hosting.csv', title: 'Who hosts which model, at what price and speed',
  description: 'One row per (source, as_of, provider, model as the provider names it), for models in models.csv: list or measured price per 1M tokens, and measured throughput and first-token latency where Artificial Analysis gives them. Listings that matched no model are in data/reports/coverage.md.',
  primaryKey: ['source', 'dataset', 'as_of', 'provider', 'source_model'],
  foreignKeys: [{ fields: ['model_id'], reference: { resource: 'models', fields: ['model_id'] } }],
  row: {
    source: oneOf(HOSTING_SOURCES, 'artificialanalysis (measured), models-dev (catalogue) or openrouter (router)'),
    dataset: text('Source dataset'),
    as_of: date('Snapshot date'),
    provider: text('Provider id as the source spells it (lower case)'),
    provider_name: text('Provider name'),
    source_model: text('Model id or name as the provider lists it'),
    model_id: text('Canonical model id'),
    host: text("The company behind the endpoint: Artificial Analysis's \"Nebius Fast\" is host Nebius, variant Fast; a models.dev provider id without its regional or plan suffix"),
    endpoint_variant: text('Artificial Analysis endpoint tier (Fast, Turbo, Throughput, Base, Standard, Latency Optimized, or a cloud platform such as Vertex): a separate offer of the same model by the same host. Empty for the standard endpoint').nullable(),
    precision: text('Number format the listing states (FP8, FP4, FP16, BF16…). Empty where unstated, which is not the same as 16-bit').nullable(),
    first_party: bool('The provider is the lab that made the model').nullable(),
    provider_class: oneOf(PROVIDER_CLASSES, "What the provider is (data/reference/providers.csv): serves-weights (runs the model itself), gateway-or-router (passes requests to other providers), model-lab (a lab's own API) or runs-locally (software on the user's machine)"),
    price_input_usd_per_1m: num('USD per 1M input tokens', { min: 0 }).nullable(),
    price_output_usd_per_1m: num('USD per 1M output tokens', { min: 0 }).nullable(),
    price_blended_usd_per_1m: num('Artificial Analysis blended price (3 input : 1 output), USD per 1M tokens', { min: 0 }).nullable(),
    output_tokens_per_second: num('Median output tokens per second measured by Artificial Analysis', { min: 0 }).nullable(),
    time_to_first_token_seconds: num('Median time to first token (s), Artificial Analysis', { min: 0 }).nullable(),
    context_tokens: num('Context window offered by this provider', { min: 0 }).nullable(),
  },
});

export const providers_by_model = definePublished({
  name: 'providers_by_model', path: 'providers_by_model.csv', title: 'Providers per model family over time',
  description: 'Per model family and models.dev snapshot: distinct providers listing it (regional and subscription-plan listings of one company counted once), how many are third parties (not the lab itself), how many of those serve the weights (hosts) or only route requests (gateways), the raw listing count, and the size of the catalogue that date (it grew from 75 to 193 provider ids between January and August 2026).',
  primaryKey: ['lab_id', 'model_family', 'source', 'as_of'],
  foreignKeys: [{ fields: ['lab_id'], reference: { resource: 'labs', fields: ['lab_id'] } }],
  row: {
    model_family: text('Model family (models.csv family)'),
    lab_id: text('Developer').nullable(),
    country_group: oneOf(COUNTRY_GROUPS, 'Country group'),
    openness: oneOf(OPENNESS_CLASSES, 'Openness class'),
    source: text('Catalogue'),
    as_of: date('Snapshot date'),
    providers: int('Distinct providers listing the family', { min: 1 }),
    third_party_providers: int('Of which not the lab itself', { min: 0 }),
    hosts: int("Of the third parties, those that serve the weights: serves-weights providers and other labs' own APIs; gateways and routers excluded", { min: 0 }),
    gateways: int('Gateways, routers and resellers listing the family (they serve no weights)', { min: 0 }),
    listings: int('Listings (a provider can list several variants)', { min: 1 }),
    catalogue_hosts: int("Providers in the catalogue that date hosting at least one other lab's open model (same grouping): divide hosts by it to correct for the catalogue's growth", { min: 0 }),
    catalogue_providers: int('Every provider in the catalogue that date, matched listings or not (regional and plan listings of one company counted once)', { min: 0 }),
  },
});

export const vendor_verifier = definePublished({
  name: 'vendor_verifier', path: 'vendor_verifier.csv', title: 'Kimi vendor verifier results',
  description: "Moonshot AI's public test of how faithfully each vendor serves Kimi models, tidy: one row per (dataset, test date, model, vendor, route, group, metric). The metric changed across releases of the verifier: tool-call similarity (to October 2025), tool-call F1 and schema accuracy (from October 2025), task benchmarks (Kimi K3, from July 2026). Vendors in the README's merged 'acceptable' cell have no published F1: value is empty and threshold says what they passed.",
  primaryKey: ['dataset', 'as_of', 'model', 'vendor', 'route', 'group', 'metric'],
  foreignKeys: [{ fields: ['model_id'], reference: { resource: 'models', fields: ['model_id'] } }],
  row: {
    dataset: text('kimi-k2, kimi-k3 or unmerged-third-party (a community pull request never merged)'),
    as_of: date('Test date stated in the README, else the capture date'),
    model: text('Model tested, as the README names it'),
    model_id: text('Canonical model id, where the name matched').nullable(),
    vendor: text('Vendor, as the README names it'),
    route: oneOf(VENDOR_ROUTES, 'direct (the vendor’s own API or engine) or via OpenRouter'),
    group: oneOf(VENDOR_GROUPS, 'official-reference, acceptable (above threshold), below-threshold, or tested (no grouping in that release)'),
    metric: oneOf(VENDOR_METRICS, 'Metric'),
    value: num('Value (percent for _pct metrics, a count otherwise); empty when the README gives only a pass', { min: 0 }).nullable(),
    threshold: num('Tool-call F1 threshold the README applies, in percent', { min: 0, max: 100 }).nullable(),
    vendor_kind: oneOf(VENDOR_KINDS, "official-reference (Moonshot's API the others are scored against), moonshot (Moonshot's other endpoints, e.g. its Turbo API), inference-engine (vLLM or SGLang deployed as a reference) or third-party (a vendor selling the model): count vendors with third-party"),
    unmerged_third_party: bool('Row comes from the unmerged third-party capture'),
  },
});
