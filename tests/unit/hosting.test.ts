/**
 * Focused rules of hosting.csv (normalize/steps/hosting.ts, buildHosting) on hand-written
 * catalogue rows: which listing joins which model, who is first-party, and what a missing
 * provider class does. The counting of providers_by_model is in hosting-count.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ProviderClass } from '../../normalize/reference.ts';
import { aaProviderCells, buildHosting, modelsDevCells, openrouterCells } from '../../normalize/steps/hosting.ts';
import { lab, modelRow, reference, resolverOf, version } from '../helpers/normalize-fixtures.ts';

type AaRow = z.infer<typeof aaProviderCells>;
type DevRow = z.infer<typeof modelsDevCells>;
type OrRow = z.infer<typeof openrouterCells>;

const MODELS = [
  modelRow({ model_id: 'kimi-k2', name: 'Kimi K2', lab_id: 'moonshot', country_group: 'China' }),
  modelRow({ model_id: 'deepseek-r1', name: 'DeepSeek R1', lab_id: 'deepseek', country_group: 'China' }),
];
const CLASSES: Record<string, Record<string, ProviderClass>> = {
  'models-dev': { moonshotai: 'model-lab', 'moonshotai-cn': 'model-lab', deepinfra: 'serves-weights', alibaba: 'model-lab', together: 'serves-weights' },
  artificialanalysis: { Nebius: 'serves-weights', Together: 'serves-weights' },
  openrouter: { openrouter: 'gateway-or-router' },
};

const aa = (over: Partial<AaRow> & Pick<AaRow, 'provider' | 'model'>): AaRow => ({
  api_id: null, licence_type: 'Open', price_blended_usd_per_1m: null, price_input_usd_per_1m: null, price_output_usd_per_1m: null,
  median_output_tokens_per_second: null, median_first_chunk_seconds: null, context_window_tokens: null, host: over.provider, base_model: over.model,
  endpoint_variant: null, precision: null, ...over,
});
const dev = (provider_id: string, model_id: string, name: string | null = null): DevRow => ({
  provider_id, provider_name: null, model_id, name, open_weights: true, input_price_per_1m: null, output_price_per_1m: null, context_limit: null,
});
const or = (over: Partial<OrRow> & Pick<OrRow, 'id'>): OrRow => ({ name: null, hugging_face_id: null, prompt_price_per_1m: null, completion_price_per_1m: null, context_length: null, ...over });

function build({ aaRows = [], devRows = [], orRows = [], classes = CLASSES }: { aaRows?: AaRow[]; devRows?: DevRow[]; orRows?: OrRow[]; classes?: typeof CLASSES }) {
  const ref = reference([lab('moonshot', 'Moonshot AI', 'CN'), lab('deepseek', 'DeepSeek', 'CN'), lab('alibaba', 'Alibaba', 'CN')], { 'models-dev': { moonshotai: 'moonshot' } }, classes);
  return buildHosting(
    { aaProviders: aaRows.length ? [version('artificialanalysis', 'providers', '2025-08-14', aaRows)] : [], modelsDev: devRows.length ? [version('models-dev', 'api', '2025-08-22', devRows)] : [], openrouter: orRows.length ? [version('openrouter', 'models', '2025-08-22', orRows)] : [] },
    resolverOf(MODELS), new Map(MODELS.map((m) => [m.model_id, m])), ref,
  );
}

describe('which listing is which model', () => {
  it("AA's endpoint tag is not the model: the base model names the version, and the tier and host are kept", () => {
    const { hosting } = build({ aaRows: [aa({ provider: 'Nebius Fast', model: 'DeepSeek R1 (Fast)', base_model: 'DeepSeek R1', host: 'Nebius', endpoint_variant: 'Fast' })] });
    expect(hosting).toMatchObject([{ model_id: 'deepseek-r1', provider: 'nebius fast', host: 'Nebius', endpoint_variant: 'Fast', source_model: 'DeepSeek R1 (Fast)' }]);
  });
  it("a catalogue id with host packaging (-fp8) still joins the model, and its stated precision is kept", () => {
    const { hosting } = build({ devRows: [dev('deepinfra', 'moonshotai/Kimi-K2-FP8')] });
    expect(hosting).toMatchObject([{ model_id: 'kimi-k2', precision: 'FP8' }]);
  });
  it("models.dev falls back to the listing's display name when its id matches nothing", () => {
    const { hosting } = build({ devRows: [dev('together', 'tgr-0001', 'Kimi K2')] });
    expect(hosting.map((h) => h.model_id)).toEqual(['kimi-k2']);
  });
  it('OpenRouter joins by its id, then by the Hugging Face id it gives', () => {
    const { hosting } = build({ orRows: [or({ id: 'moonshot/unknown-slug', hugging_face_id: 'moonshotai/Kimi-K2' })] });
    expect(hosting).toMatchObject([{ model_id: 'kimi-k2', provider: 'openrouter', first_party: false, provider_class: 'gateway-or-router' }]);
  });
  it('a listing of a model no one resolved is no hosting row', () => {
    expect(build({ devRows: [dev('deepinfra', 'mystery/model-9')] }).hosting).toEqual([]);
  });
  it('one provider listing one model twice under one id keeps one listing', () => {
    expect(build({ devRows: [dev('deepinfra', 'moonshotai/Kimi-K2'), dev('deepinfra', 'moonshotai/Kimi-K2')] }).hosting).toHaveLength(1);
  });
});

describe('who is first-party', () => {
  it("a listing by the model's own lab is first-party, under its regional id too", () => {
    const { hosting } = build({ devRows: [dev('moonshotai', 'kimi-k2'), dev('moonshotai-cn', 'kimi-k2'), dev('alibaba', 'kimi-k2'), dev('deepinfra', 'kimi-k2')] });
    expect(hosting.map((h) => [h.provider, h.host, h.first_party])).toEqual([['alibaba', 'alibaba', false], ['deepinfra', 'deepinfra', false], ['moonshotai', 'moonshotai', true], ['moonshotai-cn', 'moonshotai', true]]);
  });
  it("another lab's API serving the model is not first-party", () => {
    const { hosting } = build({ devRows: [dev('alibaba', 'deepseek-r1')] });
    expect(hosting).toMatchObject([{ first_party: false, provider_class: 'model-lab' }]);
  });
});

describe('provider classes and the catalogue', () => {
  it('a provider with no class in providers.csv fails the build, naming source and provider', () => {
    expect(() => build({ devRows: [dev('newhost', 'kimi-k2')] })).toThrow(/providers with no class in data\/reference\/providers\.csv[\s\S]*models-dev: newhost/);
  });
  it('the catalogue size counts every provider of the snapshot once, regional ids merged, matched listings or not', () => {
    const { providers } = build({ devRows: [dev('moonshotai', 'kimi-k2'), dev('moonshotai-cn', 'kimi-k2'), dev('deepinfra', 'kimi-k2'), dev('together', 'mystery/other')] });
    expect(providers.map((p) => p.catalogue_providers)).toEqual([3]);
  });
});
