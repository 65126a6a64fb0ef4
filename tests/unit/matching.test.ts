/** Version-safe matching and licence-text classification, on hand-written cases. */
import { describe, expect, it } from 'vitest';
import { classifyClauses, governingLicence, licenceText, type LicenceTextRow } from '../../normalize/licence-text.ts';
import { dateInName, modalities, pairContradictions } from '../../normalize/pair-check.ts';
import { withoutSetting } from '../../normalize/steps/scores.ts';
import { huggingfaceRepo, sizeInName } from '../../normalize/steps/models.ts';

describe('pair checks', () => {
  it('reads full dates out of version ids, never a bare MMDD', () => {
    expect(dateInName('claude-3-opus-20240229')).toBe('2024-02-29');
    expect(dateInName('gpt-4o-2024-05-13')).toBe('2024-05-13');
    expect(dateInName('deepseek-r1-0528')).toBeNull();
    expect(dateInName('gemini-exp-1206')).toBeNull();
  });

  it('tells a vision model from a text model by its name', () => {
    expect(modalities('Qwen2.5-VL-72B-Instruct')).toEqual(['vision']);
    expect(modalities('Llama 3.2 Instruct 90B (Vision)')).toEqual(['vision']);
    expect(modalities('Qwen2.5 Instruct 72B')).toEqual([]);
  });

  it('flags dates too far apart, a modality change and sizes more than 10% apart; passes a true pair', () => {
    expect(pairContradictions({ name: 'gemini-1.5-pro-001-feb24', releaseDate: '2024-02-15' }, { name: 'Gemini 1.5 Pro (Sep)', releaseDate: '2024-09-24' })[0]).toMatch(/222 days apart/);
    expect(pairContradictions({ name: 'Qwen2.5-VL-72B-Instruct' }, { name: 'Qwen2.5 Instruct 72B' })).toEqual(['modality vision vs text']);
    expect(pairContradictions({ name: 'x', totalParameters: 685e9 }, { name: 'x', totalParameters: 500e9 })[0]).toMatch(/27% apart/);
    expect(pairContradictions({ name: 'claude-3-opus-20240229' }, { name: 'Claude 3 Opus', releaseDate: '2024-03-04' })).toEqual([]);
    expect(pairContradictions({ name: 'gemini-exp-1206', releaseDate: '2024-12-06' }, { name: 'Gemini 2.0 Flash', releaseDate: '2025-02-05' }, { maxDays: 31, maxParamRatio: 0.1 })[0]).toMatch(/61 days/);
  });

  it('strips Epoch\'s effort or budget suffix, which is a setting of one version', () => {
    expect(withoutSetting('gpt-5-2025-08-07_high')).toBe('gpt-5-2025-08-07');
    expect(withoutSetting('claude-opus-4-5-20251101_32K')).toBe('claude-opus-4-5-20251101');
    expect(withoutSetting('gemini-2.5-flash-preview-04-17 (16K thinking)')).toBe('gemini-2.5-flash-preview-04-17');
    expect(withoutSetting('Qwen2.5-72B')).toBe('Qwen2.5-72B');
  });
});

describe('repositories and sizes', () => {
  it('keeps only Hugging Face owner/name ids', () => {
    expect(huggingfaceRepo('https://huggingface.co/zai-org/GLM-4.6')).toBe('zai-org/GLM-4.6');
    expect(huggingfaceRepo('https://huggingface.co/google/gemma-4-12B-it/tree/main')).toBe('google/gemma-4-12B-it');
    expect(huggingfaceRepo('https://github.com/zai-org/GLM-4.6')).toBeNull();
    expect(huggingfaceRepo('https://huggingface.co/collections/Qwen/qwen3')).toBeNull();
    expect(huggingfaceRepo(null)).toBeNull();
  });

  it('reads the size a name announces', () => {
    expect(sizeInName('DeepSeek LLM 67B Chat (V1)')).toBe(67e9);
    expect(sizeInName('Kimi K2')).toBeNull();
    expect(sizeInName('Qwen3 0.6B (Reasoning)')).toBe(0.6e9);
  });
});

describe('licence text → class', () => {
  const row = (over: Partial<LicenceTextRow>): LicenceTextRow => ({
    repo: 'o/m', repo_host: 'huggingface', document_url: 'https://github.com/o/m/blob/main/LICENSE', licence_family: 'MIT',
    mau_threshold: false, revenue_threshold_usd: null, attribution_display: false, region_exclusion: false, use_policy_reference: false, non_commercial: false, ...over,
  });

  it('classes clauses from most to least restrictive', () => {
    expect(classifyClauses(row({}))).toEqual({ restrictiveness: 'permissive', commercialUse: 'yes' });
    expect(classifyClauses(row({ attribution_display: true }))).toEqual({ restrictiveness: 'conditional', commercialUse: 'yes' });
    expect(classifyClauses(row({ use_policy_reference: true, attribution_display: true }))).toEqual({ restrictiveness: 'restricted', commercialUse: 'yes' });
    expect(classifyClauses(row({ non_commercial: true, use_policy_reference: true }))).toEqual({ restrictiveness: 'non-commercial', commercialUse: 'no' });
  });

  it('ignores unrecognised documents and GitHub code licences; a LICENSE-MODEL governs the weights over a newer LICENSE', () => {
    expect(licenceText(row({ licence_family: null }), 'licence__o__m', '2026-01-01')).toBeNull();
    expect(licenceText(row({ repo_host: 'github' }), 'licence__gh__o__m', '2026-01-01')).toBeNull();
    const code = licenceText(row({}), 'licence__o__m', '2026-04-01')!;
    const model = licenceText(row({ licence_family: 'MiniMax Model License', use_policy_reference: true, document_url: 'https://github.com/o/m/blob/main/LICENSE-MODEL' }), 'licence__o__m__license-model', '2026-03-01')!;
    expect(governingLicence([code, model])).toBe(model);
    const older = licenceText(row({}), 'licence__o__m', '2025-10-26')!;
    expect(governingLicence([older, code])).toBe(code);
  });
});
