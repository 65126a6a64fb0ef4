/**
 * Focused rules of the evidence step (normalize/steps/evidence.ts): which Epoch, models.dev and
 * model-card facts attach to a canonical model, and which are refused. Model cards are written to
 * a temporary sources folder as the scraper writes them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PairSide } from '../../normalize/pair-check.ts';
import { buildEvidence, epochCountryDisagreements, type OpenWeightsVotes } from '../../normalize/steps/evidence.ts';
import type { EpochNotable } from '../../normalize/steps/open-share.ts';
import { countries, modelRow, resolverOf, sourcesDir, version } from '../helpers/normalize-fixtures.ts';

const MODELS = [modelRow({ model_id: 'kimi-k2', name: 'Kimi K2' }), modelRow({ model_id: 'glm-4-6', name: 'GLM 4.6' }), modelRow({ model_id: 'glm-4-6-air', name: 'GLM 4.6 Air' })];
const CANONICAL = new Map<string, PairSide>([['kimi-k2', { name: 'Kimi K2', releaseDate: '2025-07-11', totalParameters: 1.0e12 }]]);

type EpochRow = { model: string; accessibility: string | null; training_code_accessibility: string | null; publication_date: string | null; parameters: number | null };
const epochRow = (over: Partial<EpochRow> & Pick<EpochRow, 'model'>): EpochRow => ({ accessibility: 'Open weights (unrestricted)', training_code_accessibility: null, publication_date: null, parameters: null, ...over });

function evidence({ epoch = [], votes = new Map(), dir = sourcesDir([]), repos = {}, aliases = [] }: {
  epoch?: EpochRow[]; votes?: OpenWeightsVotes; dir?: string; repos?: Record<string, string>; aliases?: { source: string; name: string; model_id: string; note: null }[];
} = {}) {
  const resolver = resolverOf(MODELS, aliases);
  const rejected = new Set<string>();
  const out = buildEvidence({ epoch: version('epoch', 'notable', '2025-09-01', epoch), openWeightsVotes: votes, resolver, sourcesDir: dir, huggingfaceRepos: new Map(Object.entries(repos)), canonical: CANONICAL, rejected });
  return { out, rejected: [...rejected], resolver };
}

describe('Epoch AI evidence', () => {
  it("a matched Epoch row gives the model Epoch's accessibility and training-code fields", () => {
    const { out } = evidence({ epoch: [epochRow({ model: 'Kimi-K2', publication_date: '2025-07-15', training_code_accessibility: 'Unreleased' })] });
    expect(out.get('kimi-k2')).toEqual({ epochModel: 'Kimi-K2', epochAccessibility: 'Open weights (unrestricted)', epochTrainingCode: 'Unreleased' });
  });
  it('a name match whose publication date contradicts the canonical model is another version: refused, reported, no evidence', () => {
    const { out, rejected } = evidence({ epoch: [epochRow({ model: 'Kimi K2', publication_date: '2024-01-01' })] });
    expect(out.has('kimi-k2')).toBe(false);
    expect(rejected).toEqual([expect.stringMatching(/^epoch "Kimi K2" → kimi-k2 \(exact match, notable-models evidence\): released 2024-01-01 vs 2025-07-11/)]);
  });
  it('a name match whose parameter count is far from the canonical one is refused too', () => {
    const { out, rejected } = evidence({ epoch: [epochRow({ model: 'Kimi K2', parameters: 32e9 })] });
    expect(out.has('kimi-k2')).toBe(false);
    expect(rejected[0]).toMatch(/total parameters 32000000000 vs 1000000000000/);
  });
  it('a reviewed alias is trusted even where the dates disagree', () => {
    const { out, rejected } = evidence({ epoch: [epochRow({ model: 'Moonshot K2 preview', publication_date: '2024-01-01' })], aliases: [{ source: 'epoch', name: 'Moonshot K2 preview', model_id: 'kimi-k2', note: null }] });
    expect(out.get('kimi-k2')?.epochModel).toBe('Moonshot K2 preview');
    expect(rejected).toEqual([]);
  });
  it("the first Epoch row of a model wins; a later one does not overwrite it", () => {
    const { out } = evidence({ epoch: [epochRow({ model: 'Kimi K2', accessibility: 'Open weights (restricted use)' }), epochRow({ model: 'kimi-k2', accessibility: 'API access' })] });
    expect(out.get('kimi-k2')).toMatchObject({ epochModel: 'Kimi K2', epochAccessibility: 'Open weights (restricted use)' });
  });
  it('every Epoch name is counted for the coverage report, matched or not', () => {
    const { resolver } = evidence({ epoch: [epochRow({ model: 'Kimi K2' }), epochRow({ model: 'Unknown-9000' })] });
    expect([...resolver.matched.get('epoch')!]).toEqual(['Kimi K2']);
    expect([...resolver.unmatched.get('epoch')!]).toEqual(['Unknown-9000']);
  });
});

describe('models.dev open_weights votes', () => {
  it("the flag is the majority over a model's listings, and a tie counts as open", () => {
    const votes: OpenWeightsVotes = new Map([['kimi-k2', { yes: 2, no: 1 }], ['glm-4-6', { yes: 1, no: 2 }], ['glm-4-6-air', { yes: 1, no: 1 }]]);
    const { out } = evidence({ votes });
    expect([out.get('kimi-k2')?.modelsDevOpenWeights, out.get('glm-4-6')?.modelsDevOpenWeights, out.get('glm-4-6-air')?.modelsDevOpenWeights]).toEqual([true, false, true]);
  });
  it('a model with no listing gets no models.dev evidence at all', () => {
    expect(evidence({ votes: new Map([['kimi-k2', { yes: 0, no: 0 }]]) }).out.has('kimi-k2')).toBe(false);
  });
});

describe('model cards and configs (the newest capture of each document)', () => {
  const config = (asOf: string, rows: Record<string, string>[], dataset = 'config__zai-org__GLM-4.6') => ({ source: 'model-cards', dataset, asOf, rows });
  it("a stated quantization wins over torch_dtype, and dtype spellings become models.csv's names", () => {
    const dir = sourcesDir([
      config('2025-09-01', [{ repo: 'moonshotai/Kimi-K2', quantization: 'fp8', torch_dtype: 'bfloat16' }], 'config__moonshotai__Kimi-K2'),
      config('2025-09-01', [{ repo: 'zai-org/GLM-4.6', quantization: '', torch_dtype: 'BFloat16' }]),
    ]);
    const { out } = evidence({ dir, repos: { 'kimi-k2': 'moonshotai/Kimi-K2', 'glm-4-6': 'zai-org/GLM-4.6' } });
    expect(out.get('kimi-k2')).toMatchObject({ nativePrecision: 'fp8', nativePrecisionSource: 'model-cards/config__moonshotai__Kimi-K2/2025-09-01 (config.json quantization)' });
    expect(out.get('glm-4-6')?.nativePrecision).toBe('bf16');
  });
  it("a dataset is read as the format its name gives, and one whose sidecar names another format is refused, naming the file", () => {
    const dir = sourcesDir([config('2025-09-01', [{ repo: 'zai-org/GLM-4.6', quantization: 'fp8', torch_dtype: '' }])]);
    const meta = join(dir, 'model-cards/config__zai-org__GLM-4.6/2025-09-01.meta.json');
    writeFileSync(meta, JSON.stringify({ format: 'model-config-json' }));
    expect(evidence({ dir, repos: { 'glm-4-6': 'zai-org/GLM-4.6' } }).out.get('glm-4-6')?.nativePrecision).toBe('fp8');
    writeFileSync(meta, JSON.stringify({ format: 'model-card-md' }));
    expect(() => evidence({ dir, repos: { 'glm-4-6': 'zai-org/GLM-4.6' } })).toThrow(/model-cards\/config__zai-org__GLM-4\.6\/2025-09-01\.meta\.json: format "model-card-md", but the dataset's name says model-config-json/);
  });
  it('a dtype the table does not know gives no precision rather than a guess', () => {
    const dir = sourcesDir([config('2025-09-01', [{ repo: 'zai-org/GLM-4.6', quantization: '', torch_dtype: 'int4-magic' }])]);
    expect(evidence({ dir, repos: { 'glm-4-6': 'zai-org/GLM-4.6' } }).out.has('glm-4-6')).toBe(false);
  });
  it('only the newest capture of a document is read', () => {
    const dir = sourcesDir([
      config('2025-08-01', [{ repo: 'zai-org/GLM-4.6', quantization: 'fp8', torch_dtype: '' }]),
      config('2025-09-01', [{ repo: 'zai-org/GLM-4.6', quantization: '', torch_dtype: 'float16' }]),
    ]);
    expect(evidence({ dir, repos: { 'glm-4-6': 'zai-org/GLM-4.6' } }).out.get('glm-4-6')?.nativePrecision).toBe('fp16');
  });
  it('repositories match case-insensitively, and feed every model that shares the repository', () => {
    const dir = sourcesDir([config('2025-09-01', [{ repo: 'ZAI-ORG/glm-4.6', quantization: 'fp8', torch_dtype: '' }])]);
    const { out } = evidence({ dir, repos: { 'glm-4-6': 'zai-org/GLM-4.6', 'glm-4-6-air': 'zai-org/GLM-4.6' } });
    expect([out.get('glm-4-6')?.nativePrecision, out.get('glm-4-6-air')?.nativePrecision]).toEqual(['fp8', 'fp8']);
  });
  it("a card's parameter counts for a variant are not the model's; the main row's are, with the span they were read from", () => {
    const card = (rows: Record<string, string>[]) => ({ source: 'model-cards', dataset: 'card__zai-org__GLM-4.6', asOf: '2025-09-01', rows });
    const dir = sourcesDir([card([
      { repo: 'zai-org/GLM-4.6', variant: 'Air', total_parameters: '106000000000', active_parameters: '12000000000', total_parameters_span: '106B' },
      { repo: 'zai-org/GLM-4.6', variant: '', total_parameters: '355000000000', active_parameters: '32000000000', total_parameters_span: '355B total' },
    ])]);
    expect(evidence({ dir, repos: { 'glm-4-6': 'zai-org/GLM-4.6' } }).out.get('glm-4-6')).toEqual({
      cardTotalParameters: 355e9, cardActiveParameters: 32e9, cardSource: 'model card zai-org/GLM-4.6 ("355B total")',
    });
  });
});

describe("Epoch's country against labs.csv (coverage report)", () => {
  const notable = (model: string, organization: string | null, country: string | null): EpochNotable & { organization: string | null } =>
    ({ model, organization, country, publication_date: null, accessibility: null, open_weights: null });
  const labs: Record<string, { labId: string; country: string }> = { 'HK Lab': { labId: 'hk-lab', country: 'HK' }, 'Moonshot': { labId: 'moonshot', country: 'CN' } };
  const disagreements = (rows: ReturnType<typeof notable>[]) => epochCountryDisagreements(rows, (org) => labs[org] ?? null, countries().toIso);
  it("a multi-country Epoch value that includes the lab's country agrees", () => {
    expect(disagreements([notable('m', 'HK Lab', 'Hong Kong;United States of America')])).toEqual([]);
  });
  it('a disagreement is reported per lab and Epoch country, with how many notable models say so', () => {
    expect(disagreements([notable('a', 'Moonshot, Partner', 'United States of America'), notable('b', 'Moonshot', 'United States of America'), notable('c', 'HK Lab', 'China')]))
      .toEqual(['hk-lab: labs.csv says HK, Epoch AI says CN (1 notable model)', 'moonshot: labs.csv says CN, Epoch AI says US (2 notable models)']);
  });
  it('an organisation with no lab, a row with no country, or a country name no resolver knows is no disagreement', () => {
    expect(disagreements([notable('a', 'Nobody', 'China'), notable('b', 'Moonshot', null), notable('c', null, 'France'), notable('d', 'Moonshot', 'Atlantis')])).toEqual([]);
  });
});
