import { mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize/cli.ts';
import { renderCoverage } from '../../normalize/coverage.ts';
import { findCollisions, modelKey, ModelResolver } from '../../normalize/match.ts';
import { loadReference, resolveLab, resolveLicence } from '../../normalize/reference.ts';
import { buildModels, type AaModel } from '../../normalize/steps/models.ts';
import { weightMemory } from '../../normalize/steps/memory.ts';
import { weightsReleased } from '../../normalize/steps/open-share.ts';

const ROOT = join(import.meta.dirname, '../..');
const REF = join(ROOT, 'data/reference');
const ref = loadReference(REF);

describe('modelKey', () => {
  it.each([
    ['Kimi K2.6', 'kimi-k2-6'],
    ['moonshotai/Kimi-K2.6', 'kimi-k2-6'],
    ['kimi-k2.6', 'kimi-k2-6'],
    ['GPT-5.1 (high)', 'gpt-5-1-high'],
    ['Qwen3_235B  A22B', 'qwen3-235b-a22b'],
  ])('%s → %s', (name, key) => expect(modelKey(name)).toBe(key));
});

describe('ModelResolver', () => {
  const models = [
    { model_id: 'kimi-k2', names: ['Kimi K2'] },
    { model_id: 'deepseek-r1', names: ['DeepSeek R1 0528', 'DeepSeek R1'] },
    { model_id: 'deepseek-r1-0120', names: ['DeepSeek R1 (Jan)', 'DeepSeek R1'] },
  ];
  const aliases = [{ source: 'lmarena', name: 'DeepSeek-R1', model_id: 'deepseek-r1-0120', note: null }];

  it('matches by alias first, then by own id, then by an unambiguous name', () => {
    const r = new ModelResolver(models, aliases);
    expect(r.resolve('lmarena', 'deepseek-r1')).toBe('deepseek-r1-0120');
    expect(r.resolve('epoch', 'DeepSeek-R1')).toBe('deepseek-r1');
    expect(r.resolve('lmarena', 'Kimi-K2')).toBe('kimi-k2');
    expect(r.resolve('lmarena', 'deepseek r1 0528')).toBe('deepseek-r1');
  });

  it('never auto-matches a name two models share, and records what it could not match', () => {
    const r = new ModelResolver([{ model_id: 'a-1', names: ['Shared'] }, { model_id: 'b-1', names: ['Shared'] }], []);
    expect(r.resolve('x', 'shared')).toBeNull();
    expect(r.ambiguousKeys()).toEqual(['shared']);
    expect([...r.unmatched.get('x')!]).toEqual(['shared']);
  });

  it('refuses an alias to an unknown model id', () => {
    expect(() => new ModelResolver(models, [{ source: 's', name: 'n', model_id: 'nope', note: null }])).toThrow(/unknown model id "nope"/);
  });

  it('reports two names of one version resolving to one id', () => {
    expect(findCollisions('v', [{ name: 'a', modelId: 'm' }, { name: 'b', modelId: 'm' }, { name: 'c', modelId: null }])).toEqual(['"a" and "b" both resolve to "m" (v)']);
  });
});

describe('reference files', () => {
  it('map licence spellings to licence ids, with OSI approval from the SPDX list', () => {
    const aa = (labId: string, modelId = 'm') => ({ source: 'artificialanalysis', labId, modelId });
    expect(resolveLicence(ref, 'Apache 2.0', aa('alibaba'))).toBe('apache-2.0');
    expect(resolveLicence(ref, 'Mit', aa('zhipu'))).toBe('mit');
    expect(resolveLicence(ref, 'Modified MIT License', aa('moonshot'))).toBe('modified-mit-kimi');
    expect(resolveLicence(ref, 'TENCENT HY COMMUNITY LICENSE AGREEMENT', aa('tencent'))).toBe('tencent-hunyuan');
    expect(resolveLicence(ref, 'Some Unknown Licence', aa('meta'))).toBeNull();
    expect(ref.licences.get('mit')!.osi_approved).toBe(true);
    expect(ref.licences.get('modified-mit-kimi')!.osi_approved).toBe(false);
    expect(ref.licences.get('tencent-hunyuan')!.regions_excluded).toMatch(/EU/);
  });

  it('bind a generic licence spelling to its source, lab and model family, never to every lab', () => {
    const ctx = (source: string, labId: string, modelId: string) => ({ source, labId, modelId });
    // "Modified MIT" is Moonshot's text for Moonshot, another text (or none known) for anyone else.
    expect(resolveLicence(ref, 'Modified MIT License', ctx('artificialanalysis', 'mistral', 'devstral-2'))).toBe('modified-mit-mistral');
    expect(resolveLicence(ref, 'Modified MIT License', ctx('artificialanalysis', 'mistral', 'mistral-large-3'))).toBeNull();
    expect(resolveLicence(ref, 'Modified MIT', ctx('model-cards', 'minimax', 'minimax-m2-5'))).toBe('modified-mit-minimax-m2-5');
    expect(resolveLicence(ref, 'Modified MIT', ctx('model-cards', 'minimax', 'minimax-m2'))).toBe('modified-mit-minimax-m2');
    // "Non-commercial license" is MiniMax-M2.7's own licence, not CC BY-NC, and means nothing elsewhere.
    expect(resolveLicence(ref, 'NON-COMMERCIAL LICENSE', ctx('artificialanalysis', 'minimax', 'minimax-m2-7'))).toBe('minimax-non-commercial');
    expect(resolveLicence(ref, 'NON-COMMERCIAL LICENSE', ctx('artificialanalysis', 'cohere', 'command-a'))).toBeNull();
    // A spelling is bound to the source that writes it.
    expect(resolveLicence(ref, 'Modified MIT', ctx('openrouter', 'moonshot', 'kimi-k2'))).toBeNull();
  });

  it('map lab spellings of each source to lab ids', () => {
    expect(resolveLab(ref, 'artificialanalysis', 'kimi')).toBe('moonshot');
    expect(resolveLab(ref, 'lmarena', 'Z.ai')).toBe('zhipu');
    expect(resolveLab(ref, 'epoch', 'Google DeepMind')).toBe('google');
    expect(resolveLab(ref, 'epoch', 'Alibaba')).toBe('alibaba');
    expect(resolveLab(ref, 'epoch', 'Nobody Labs')).toBeNull();
  });

  it('fail, naming the file, on an alias that maps one spelling to two labs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ref-'));
    cpSync(REF, dir, { recursive: true });
    writeFileSync(join(dir, 'lab_aliases.csv'), `${readFileSync(join(REF, 'lab_aliases.csv'), 'utf8')}*,z.ai,alibaba\n`);
    expect(() => loadReference(dir)).toThrow(/lab_aliases\.csv: collision, "z\.ai"/);
  });
});

describe('openness classification', () => {
  const aa = (over: Partial<AaModel>): AaModel => ({
    name: 'M', short_name: 'M', slug: 'm', creator_name: 'Kimi', creator_slug: 'kimi', creator_country: 'cn', release_date: '2025-07-11',
    deprecated: false, reasoning_model: null, open_weights: true, licence_name: 'Modified MIT', licence_url: null, commercial_use_allowed: true,
    huggingface_url: 'https://huggingface.co/moonshotai/Kimi-K2-Instruct', openness_index: null, intelligence_index: 50, coding_index: null, agentic_index: null,
    total_parameters: 1e12, active_parameters: 32e9, price_input_usd_per_1m: null, price_output_usd_per_1m: null, median_output_tokens_per_second: null, ...over,
  });
  const version = (rows: AaModel[]) => [{ source: 'artificialanalysis', dataset: 'models', asOf: '2026-07-10', rows, meta: {} }];

  it('open weights → open-weight, with licence, lab, country and memory at each precision', () => {
    const [m] = buildModels(version([aa({})]), ref).rows;
    expect(m).toMatchObject({ model_id: 'm', openness: 'open-weight', lab_id: 'moonshot', country: 'CN', country_group: 'China', licence_id: 'modified-mit-kimi', licence_restrictiveness: 'conditional', memory_gb_16bit: 2000, memory_gb_8bit: 1000, memory_gb_4bit: 531.3 });
  });

  it('no downloadable weights → closed, and no licence is attached', () => {
    const [m] = buildModels(version([aa({ open_weights: false, slug: 'c', licence_name: null })]), ref).rows;
    expect(m).toMatchObject({ openness: 'closed', licence_id: null, openness_decided_by: 'artificialanalysis open_weights=false' });
  });

  it('weights + code + data in the reference file → open-source; a disagreeing source is recorded, not dropped', () => {
    const withOlmo = { ...ref, openSource: new Map([['o', { model_id: 'o', weights: 'yes', training_code: 'yes', training_data: 'yes', evidence_url: 'https://allenai.org/olmo', note: null }]]) };
    const [o] = buildModels(version([aa({ slug: 'o', creator_slug: 'ai2', creator_country: 'us' })]), withOlmo, new Map([['o', { epochAccessibility: 'API access' }]])).rows;
    expect(o).toMatchObject({ openness: 'open-source', training_data_released: true, country: 'US' });
    expect(o!.openness_disagreement).toMatch(/Epoch says "API access"/);
  });

  it('Epoch weights flag wins over its accessibility text; blanks stay unknown', () => {
    expect(weightsReleased({ open_weights: true, accessibility: 'API access' })).toBe(true);
    expect(weightsReleased({ open_weights: null, accessibility: 'Open weights (restricted use)' })).toBe(true);
    expect(weightsReleased({ open_weights: null, accessibility: null })).toBeNull();
  });

  it('memory arithmetic: 8 bits is a byte a weight; 4 bits cost 4.25 with block scales; 16-bit layers count at 16', () => {
    expect(weightMemory(1e12, 8)).toBe(1000);
    expect(weightMemory(1e12, 4)).toBe(531.3);
    // gpt-oss-20b: 1.8B parameters kept in BF16, the rest MXFP4: its published checkpoint is 13.8 GB, not 10.5.
    expect(weightMemory(21e9, 4, 1_804_459_584)).toBe(13.8);
    expect(weightMemory(117e9, 4, 2_167_371_072)).toBe(65.3);
    expect(weightMemory(21e9, 16, 1_804_459_584)).toBe(42);
    expect(() => weightMemory(1e9, 4, 2e9)).toThrow(/not within the total/);
  });
});

describe('normalize, end to end on the committed source CSVs', () => {
  const run = () => {
    const out = mkdtempSync(join(tmpdir(), 'norm-'));
    normalize({ sourcesDir: join(ROOT, 'data/sources'), referenceDir: REF, outDir: out });
    return out;
  };
  const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

  it('is deterministic, and the committed tables are exactly what the committed sources produce', () => {
    const a = run();
    const b = run();
    const names = files(a);
    expect(names).toEqual(files(b));
    expect(names).toContain('models.csv');
    expect(names).toContain('reports/coverage.md');
    for (const name of names) {
      const content = readFileSync(join(a, name), 'utf8');
      expect(readFileSync(join(b, name), 'utf8'), name).toBe(content);
      expect(readFileSync(join(ROOT, 'data', name), 'utf8'), `data/${name} is stale: run npm run normalize and commit`).toBe(content);
    }
  }, 120_000);
});

describe('coverage report', () => {
  it('renders matched shares and lists what needs a human', () => {
    expect(renderCoverage({
      matched: new Map([['lmarena', new Set(['a', 'b', 'c'])]]),
      unmatched: new Map([['lmarena', new Set(['z-model'])]]),
      ambiguousKeys: ['shared'], unknownOrgs: ['lmarena: RWKV'], unknownLabs: [], unknownLicences: ['Odd Licence'],
      countryDisagreements: [], openness: ['m: Epoch says "API access"'],
    })).toMatchInlineSnapshot(`
      "# Coverage report

      Generated by \`npm run normalize\`. Names below did not match a canonical model (models.csv) by normalised key
      or by \`data/reference/model_aliases.csv\`. Unmatched rows are still published (scores.csv keeps the source name,
      with lab and openness from the source's own columns); add an alias when a chart needs the join.

      | source | distinct names matched | unmatched | matched share |
      |---|---:|---:|---:|
      | lmarena | 3 | 1 | 75% |

      ## Organisations with no lab in data/reference/labs.csv
      - lmarena: RWKV

      ## Artificial Analysis creators with no lab
      _none_

      ## Licence names with no entry in data/reference/licence_aliases.csv
      - Odd Licence

      ## Lab countries that disagree between sources
      _none_

      ## Openness: sources that disagree (the decided class wins, reason given)
      - m: Epoch says "API access"

      ## Licence disagreements (licence text over catalogue over licences.csv; nothing overwritten)
      _none_

      ## Repository ids that are not Hugging Face owner/name ids
      _none_

      ## Parameter counts that contradict the size in the model's name (published as the source gives them; review)
      _none_

      ## Matches refused: the source contradicts the canonical row (the name stays unmatched)
      _none_

      ## Normalised keys shared by several canonical models (never auto-matched)
      - shared

      ## Unmatched names: lmarena
      - z-model
      "
    `);
  });
});

describe('modelFamily', () => {
  it.each([
    ['GPT-5.6 Sol (xhigh)', 'GPT-5.6 Sol'],
    ['Claude Opus 4.7 (Adaptive Reasoning, Max Effort)', 'Claude Opus 4.7'],
    ["DeepSeek R1 0528 (May '25)", 'DeepSeek R1 0528'],
    ['Kimi K2.6', 'Kimi K2.6'],
    ['(odd)', '(odd)'],
  ])('%s → %s', async (name, family) => {
    const { modelFamily } = await import('../../normalize/steps/models.ts');
    expect(modelFamily(name)).toBe(family);
  });
});
