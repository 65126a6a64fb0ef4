/**
 * hosting.csv: one row per (source, as_of, provider, model as the provider names it) for the
 * models in models.csv: price, throughput and latency where the source gives them.
 *   - Artificial Analysis providers table: measured price, tokens/s and first-token latency;
 *   - models.dev: each provider's catalogue listing and list price, on eight dates;
 *   - OpenRouter: the router's own price (one "provider", the router itself).
 * providers_by_model.csv counts, per model family and date, the distinct providers listing it
 * on models.dev, and how many of them are not the lab itself (third parties).
 */
import { z } from 'zod';
import { aaProviderRow } from '../../lib/source-rows/artificialanalysis.ts';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { modelsDevRow } from '../../lib/source-rows/models-dev.ts';
import { openrouterRow } from '../../lib/source-rows/openrouter.ts';
import type { SourceVersion } from '../lib/io.ts';
import type { ModelResolver } from '../match.ts';
import { resolveLab, type ProviderClass, type Reference } from '../reference.ts';
import type { ModelRow } from './models.ts';
import type { TableRow } from '../../lib/tables/index.ts';

// The source columns this step reads, decoded and checked by each scraper's own schema.
export const aaProviderCells = csvRowCodec(aaProviderRow.pick({ provider: true, model: true, api_id: true, licence_type: true, price_blended_usd_per_1m: true, price_input_usd_per_1m: true, price_output_usd_per_1m: true, median_output_tokens_per_second: true, median_first_chunk_seconds: true, context_window_tokens: true, host: true, base_model: true, endpoint_variant: true, precision: true }));
export const modelsDevCells = csvRowCodec(modelsDevRow.pick({ provider_id: true, provider_name: true, model_id: true, name: true, open_weights: true, input_price_per_1m: true, output_price_per_1m: true, context_limit: true }));
export const openrouterCells = csvRowCodec(openrouterRow.pick({ id: true, name: true, hugging_face_id: true, prompt_price_per_1m: true, completion_price_per_1m: true, context_length: true }));

/** A row of hosting.csv: its contract is lib/tables/hosting.ts. */
export type HostingRow = TableRow<'hosting'>;

/** A row of providers_by_model.csv: its contract is lib/tables/hosting.ts. */
export type ProvidersRow = TableRow<'providers_by_model'>;

/** "minimax-cn-coding-plan" → "minimax": regional and subscription-plan listings of one company count once. */
export function providerGroup(providerId: string): string {
  let id = providerId.toLowerCase();
  for (;;) {
    const next = id.replace(/-(cn|intl|global|coding-plan|token-plan(-[a-z]+)?|step-plan|plan)$/, '');
    if (next === id) return id;
    id = next;
  }
}

const LOOSE = { loose: true };

/** "zai-org/GLM-4.6-FP8" → "FP8": the number format a catalogue id states, if any. */
export function precisionOf(modelId: string): string | null {
  const m = /(?:^|[-_/:.])(fp8|fp4|nvfp4|mxfp4|bf16|fp16|int4|int8)(?=$|[-_/:.])/i.exec(modelId);
  return m ? m[1]!.toUpperCase() : null;
}

export interface HostingInputs {
  aaProviders: SourceVersion<z.infer<typeof aaProviderCells>>[];
  modelsDev: SourceVersion<z.infer<typeof modelsDevCells>>[];
  openrouter: SourceVersion<z.infer<typeof openrouterCells>>[];
}

export function buildHosting(inputs: HostingInputs, resolver: ModelResolver, models: Map<string, ModelRow>, ref: Reference): { hosting: HostingRow[]; providers: ProvidersRow[] } {
  const hosting: HostingRow[] = [];
  const labOf = (id: string) => models.get(id)?.lab_id ?? null;
  const firstParty = (source: string, provider: string, modelId: string) => {
    const lab = resolveLab(ref, source, providerGroup(provider)) ?? resolveLab(ref, source, provider);
    return lab === null ? false : lab === labOf(modelId);
  };
  const unclassified = new Set<string>();
  const classOf = (source: string, provider: string): ProviderClass => {
    const row = ref.providerClasses.get(source)?.get(provider.toLowerCase());
    if (!row) {
      unclassified.add(`${source}: ${provider}`);
      return 'serves-weights';
    }
    return row.class;
  };

  for (const v of inputs.aaProviders) {
    for (const r of v.rows) {
      // The model without its endpoint tag names the version ("DeepSeek R1 (Jan '25)" of "… (Fast)"). The API id is
      // no fallback: hosts reuse one id across versions (Together's "deepseek-ai/DeepSeek-R1" serves R1-0528).
      const id = resolver.resolve('artificialanalysis-providers', r.base_model ?? r.model, LOOSE) ?? resolver.resolve('artificialanalysis-providers', r.model, LOOSE);
      if (!id) continue;
      const host = r.host ?? r.provider;
      hosting.push({
        source: 'artificialanalysis', dataset: v.dataset, as_of: v.asOf, provider: r.provider.toLowerCase(), provider_name: r.provider, source_model: r.model, model_id: id,
        host, endpoint_variant: r.endpoint_variant, precision: r.precision,
        first_party: firstParty('artificialanalysis', host, id), provider_class: classOf('artificialanalysis', host),
        price_input_usd_per_1m: r.price_input_usd_per_1m, price_output_usd_per_1m: r.price_output_usd_per_1m, price_blended_usd_per_1m: r.price_blended_usd_per_1m,
        output_tokens_per_second: r.median_output_tokens_per_second, time_to_first_token_seconds: r.median_first_chunk_seconds, context_tokens: r.context_window_tokens,
      });
    }
  }
  for (const v of inputs.modelsDev) {
    for (const r of v.rows) {
      const id = resolver.resolve('models-dev', r.model_id, LOOSE) ?? resolver.resolve('models-dev', r.name, LOOSE);
      if (!id) continue;
      hosting.push({
        source: 'models-dev', dataset: v.dataset, as_of: v.asOf, provider: r.provider_id, provider_name: r.provider_name ?? r.provider_id, source_model: r.model_id, model_id: id,
        host: providerGroup(r.provider_id), endpoint_variant: null, precision: precisionOf(r.model_id),
        first_party: firstParty('models-dev', r.provider_id, id), provider_class: classOf('models-dev', r.provider_id),
        price_input_usd_per_1m: r.input_price_per_1m, price_output_usd_per_1m: r.output_price_per_1m, price_blended_usd_per_1m: null,
        output_tokens_per_second: null, time_to_first_token_seconds: null, context_tokens: r.context_limit,
      });
    }
  }
  for (const v of inputs.openrouter) {
    for (const r of v.rows) {
      const id = resolver.resolve('openrouter', r.id, LOOSE) ?? (r.hugging_face_id ? resolver.resolve('openrouter', r.hugging_face_id, LOOSE) : null) ?? resolver.resolve('openrouter', r.name, LOOSE);
      if (!id) continue;
      hosting.push({
        source: 'openrouter', dataset: v.dataset, as_of: v.asOf, provider: 'openrouter', provider_name: 'OpenRouter', source_model: r.id, model_id: id, host: 'openrouter', endpoint_variant: null, precision: precisionOf(r.id), first_party: false, provider_class: classOf('openrouter', 'openrouter'),
        price_input_usd_per_1m: r.prompt_price_per_1m, price_output_usd_per_1m: r.completion_price_per_1m, price_blended_usd_per_1m: null,
        output_tokens_per_second: null, time_to_first_token_seconds: null, context_tokens: r.context_length,
      });
    }
  }
  hosting.sort((a, b) => a.source.localeCompare(b.source) || a.as_of.localeCompare(b.as_of) || a.model_id.localeCompare(b.model_id) || a.provider.localeCompare(b.provider) || a.source_model.localeCompare(b.source_model));
  // A provider can list one model under two ids (an alias): keep the first listing per (source, as_of, provider, source_model).
  const seen = new Set<string>();
  const unique = hosting.filter((h) => {
    const key = [h.source, h.dataset, h.as_of, h.provider, h.source_model].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  if (unclassified.size) {
    throw new Error(`providers with no class in data/reference/providers.csv (add each with serves-weights, gateway-or-router, model-lab or runs-locally, and its evidence):\n  ${[...unclassified].sort().join('\n  ')}`);
  }
  // The catalogue's size counts every provider of the snapshot, matched listings or not.
  const catalogueSize = new Map(inputs.modelsDev.map((v) => [v.asOf, new Set(v.rows.map((r) => providerGroup(r.provider_id))).size]));
  return { hosting: unique, providers: countProviders(unique, models, catalogueSize) };
}

/**
 * A third party "hosts" a model when it serves the weights: a serves-weights provider, or another lab's own API
 * (Alibaba Cloud serving Kimi). Gateways and routers only pass requests on, and local apps serve no one.
 */
export const isHost = (h: Pick<HostingRow, 'provider_class' | 'first_party'>) => !h.first_party && (h.provider_class === 'serves-weights' || h.provider_class === 'model-lab');

/** providers_by_model.csv: per family and models.dev date, listings, providers, third-party hosts and gateways, and the catalogue's size. */
export function countProviders(hosting: HostingRow[], models: Map<string, ModelRow>, catalogueSize: Map<string, number>): ProvidersRow[] {
  const catalogue = new Map<string, { hosts: Set<string> }>();
  const groups = new Map<string, { m: ModelRow; as_of: string; providers: Set<string>; third: Set<string>; hosts: Set<string>; gateways: Set<string>; listings: number }>();
  for (const h of hosting) {
    if (h.source !== 'models-dev') continue;
    const m = models.get(h.model_id)!;
    const group = providerGroup(h.provider);
    const c = catalogue.get(h.as_of) ?? catalogue.set(h.as_of, { hosts: new Set() }).get(h.as_of)!;
    if (isHost(h) && (m.openness === 'open-weight' || m.openness === 'open-source')) c.hosts.add(group);
    const key = `${m.lab_id}|${m.family}|${h.as_of}`;
    const g = groups.get(key) ?? { m, as_of: h.as_of, providers: new Set<string>(), third: new Set<string>(), hosts: new Set<string>(), gateways: new Set<string>(), listings: 0 };
    g.providers.add(group);
    if (!h.first_party) g.third.add(group);
    if (isHost(h)) g.hosts.add(group);
    if (h.provider_class === 'gateway-or-router') g.gateways.add(group);
    g.listings++;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    model_family: g.m.family, lab_id: g.m.lab_id, country_group: g.m.country_group, openness: g.m.openness, source: 'models-dev', as_of: g.as_of,
    providers: g.providers.size, third_party_providers: g.third.size, hosts: g.hosts.size, gateways: g.gateways.size, listings: g.listings,
    catalogue_hosts: catalogue.get(g.as_of)!.hosts.size, catalogue_providers: catalogueSize.get(g.as_of) ?? 0,
  })).sort((a, b) => a.as_of.localeCompare(b.as_of) || b.providers - a.providers || a.model_family.localeCompare(b.model_family));
}
