import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hfApi, hfModelRow, outputDataset, parseHfModelInfo, repoDataset } from '../../scrapers/hf-api.ts';
import { ParseError } from '../../lib/errors.ts';
import type { Capture } from '../../scrapers/lib/source.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/hf-api/${name}`, import.meta.url), 'utf8');
const capture = (text: string): Capture => ({ mode: 'replay', bytes: new TextEncoder().encode(text), url: 'https://huggingface.co/api/models/x/y', asOf: '2025-09-13', fetchedAt: '2025-09-13T00:00:00Z', sha256: '' });

describe('parseHfModelInfo', () => {
  it('reads the plain /api/models/{id} response', () => {
    const row = parseHfModelInfo(fixture('model-info.json'));
    expect(row).toEqual({
      id: 'lab-a/Alpha-1', author: 'lab-a', created_at: '2025-07-10', last_modified: '2025-08-26', downloads_30d: 123456, likes: 789,
      parameters: 32_000_000_000, licence: 'other', licence_name: 'modified-mit', pipeline_tag: 'text-generation', library_name: 'transformers',
      gated: 'false', sha: '0123456789abcdef0123456789abcdef01234567',
      parameters_by_dtype: 'BF16=1000000000;F8_E4M3=31000000000', parameters_16bit: 1_000_000_000,
    });
    hfModelRow.parse(row);
  });

  it('unwraps a research cache (sources.huggingface.repo_info); licence from the tag when the card has none; no safetensors → null', () => {
    const row = parseHfModelInfo(fixture('wrapped.json'));
    expect(row).toMatchObject({ id: 'lab-a/Alpha-2', licence: 'apache-2.0', licence_name: null, parameters: null, gated: 'manual', downloads_30d: 42, created_at: '2025-08-30' });
  });

  it('fails naming the key: no id (an error object), wrapper without repo_info, wrong types, truncated JSON', () => {
    const errorOf = (s: string) => { try { parseHfModelInfo(s); } catch (e) { return e as ParseError; } throw new Error('no error'); };
    expect(errorOf('{"error": "Repository not found"}')).toMatchObject({ field: 'id' });
    const wrapped = JSON.parse(fixture('wrapped.json'));
    delete wrapped.sources.huggingface.repo_info;
    expect(errorOf(JSON.stringify(wrapped))).toMatchObject({ field: 'sources.huggingface.repo_info' });
    const plain = JSON.parse(fixture('model-info.json'));
    expect(errorOf(JSON.stringify({ ...plain, downloads: 'many' }))).toMatchObject({ field: 'downloads', row: 'lab-a/Alpha-1' });
    expect(errorOf(JSON.stringify({ ...plain, tags: 'license:mit' }))).toMatchObject({ field: 'tags' });
    expect(errorOf(JSON.stringify({ ...plain, safetensors: 5 }))).toMatchObject({ field: 'safetensors' });
    expect(errorOf(JSON.stringify({ ...plain, createdAt: 'last summer' }))).toMatchObject({ field: 'createdAt' });
    expect(errorOf(fixture('model-info.json').slice(0, 120))).toBeInstanceOf(ParseError);
    expect(errorOf('[]')).toBeInstanceOf(ParseError);
  });

  it('takes a list of licences from the card as a ;-joined value', () => {
    const plain = JSON.parse(fixture('model-info.json'));
    plain.cardData.license = ['apache-2.0', 'mit'];
    expect(parseHfModelInfo(JSON.stringify(plain)).licence).toBe('apache-2.0;mit');
  });
});

describe('hfApi SourceDef', () => {
  it('names datasets after the repo (manifest style) and writes lower-case folder names', () => {
    expect(repoDataset('moonshotai/Kimi-K2.5')).toBe('moonshotai__Kimi-K2.5');
    expect(outputDataset('moonshotai/Kimi-K2.5')).toBe('moonshotai__kimi-k2-5');
    expect(outputDataset('openai/gpt-oss-20b')).toBe('openai__gpt-oss-20b');
  });

  it('lists one live URL per repo, optional each, the token only from HF_TOKEN', () => {
    const targets = hfApi.targets();
    expect(new Set(targets.map((t) => t.dataset)).size).toBe(targets.length);
    expect(targets.find((t) => t.dataset === 'openai__gpt-oss-120b')).toMatchObject({ format: 'hf-model-info-wrapped-json', url: 'https://huggingface.co/api/models/openai/gpt-oss-120b', optional: true });
    expect(targets.find((t) => t.dataset === 'moonshotai__Kimi-K2-Instruct')!.url).toBe('https://huggingface.co/api/models/moonshotai/Kimi-K2-Instruct');
    const saved = process.env.HF_TOKEN;
    try {
      delete process.env.HF_TOKEN;
      expect(targets[0]!.headers!()).toEqual({});
      process.env.HF_TOKEN = 'hf_test';
      expect(targets[0]!.headers!()).toEqual({ authorization: 'Bearer hf_test' });
    } finally {
      if (saved === undefined) delete process.env.HF_TOKEN; else process.env.HF_TOKEN = saved;
    }
  });

  it('either format reads either shape, and a response for another repo fails', () => {
    const target = hfApi.targets().find((t) => t.dataset === 'openai__gpt-oss-20b')!;
    const wrongRepo = () => hfApi.formats['hf-model-info-json']!.parse(capture(fixture('model-info.json')), target);
    expect(wrongRepo).toThrow(/not "openai\/gpt-oss-20b"/);
    const free = { ...target, dataset: 'lab-a__Alpha-2' };
    for (const format of ['hf-model-info-json', 'hf-model-info-wrapped-json']) {
      const [v] = hfApi.formats[format]!.parse(capture(fixture('wrapped.json')), free);
      expect(v).toMatchObject({ asOf: '2025-09-13', dataset: 'lab-a__alpha-2' });
      expect(v!.rows).toHaveLength(1);
    }
  });
});
