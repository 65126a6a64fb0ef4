import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../lib/errors.ts';
import { parseErrorOf } from '../helpers/parse-error.ts';
import type { Capture } from '../../scrapers/lib/source.ts';
import { cardRow, configRow, documentUrl, DOCS, licenceRow, modelCards, parseLicenceText, parseModelCard, parseModelConfig, rawUrl, splitFrontMatter, type DocInfo } from '../../scrapers/model-cards.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/model-cards/${name}`, import.meta.url), 'utf8');
const hf = (repo: string, path = 'README.md'): DocInfo => ({ repo, repoHost: 'huggingface', documentUrl: `https://huggingface.co/${repo}/blob/main/${path}` });
const gh = (repo: string, path = 'README.md'): DocInfo => ({ repo, repoHost: 'github', documentUrl: `https://github.com/${repo}/blob/main/${path}` });


describe('parseModelCard', () => {
  it('reads YAML front matter and a two-column summary table (table beats prose)', () => {
    const rows = parseModelCard(fixture('front-matter-card.md'), hf('example-lab/Example-MoE-Instruct'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      repo: 'example-lab/Example-MoE-Instruct', repo_host: 'huggingface', document_url: 'https://huggingface.co/example-lab/Example-MoE-Instruct/blob/main/README.md', variant: null,
      has_front_matter: true, licence: 'other', licence_name: 'modified-mit', licence_link: 'LICENSE', licence_source: 'front_matter',
      base_model: 'example-lab/Example-MoE-Base', pipeline_tag: 'text-generation', library_name: 'transformers',
      total_parameters: 1.5e12, total_parameters_span: '| **Total Parameters** | 1.5T |',
      active_parameters: 48e9, active_parameters_span: '| **Activated Parameters** | 48B |',
      context_length: 128000, context_length_span: '| **Context Length** | 128K |',
    });
    cardRow.parse(rows[0]);
  });

  it('reads a GitHub README without front matter: prose numbers, licence section, comments and code ignored', () => {
    const [row, ...rest] = parseModelCard(fixture('github-readme.md'), gh('example/Example-M1'));
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({
      has_front_matter: false, variant: null, base_model: null, pipeline_tag: null, library_name: null,
      licence: 'This code repository and the model weights are licensed under the Apache 2.0 License.', licence_source: 'licence_section',
      total_parameters: 456e9, total_parameters_span: 'a total of 456 billion',
      active_parameters: 45.9e9, active_parameters_span: '45.9 billion parameters activated',
      context_length: 1e6, context_length_span: 'context length of 1 million',
    });
  });

  it('falls back to a shields.io licence badge when nothing else states the licence', () => {
    const md = fixture('github-readme.md').replace(/## 5\. License[\s\S]*$/, '');
    expect(parseModelCard(md, gh('example/Example-M1'))[0]).toMatchObject({ licence: 'License: Apache 2.0', licence_source: 'badge' });
  });

  it('reads HTML tables with cheerio: labelled Params cells, rowspans, and a "License:" line', () => {
    const rows = parseModelCard(fixture('html-table-card.md'), gh('example/example-models', 'models/example4/MODEL_CARD.md'));
    expect(rows.map((r) => [r.variant, r.total_parameters, r.active_parameters, r.context_length])).toEqual([
      ['Example 4 Small (17Bx16E)', 109e9, 17e9, 10e6],
      ['Example 4 Large (17Bx128E)', 400e9, 17e9, 1e6],
      ['Example 3 (text only) 8B', 8e9, null, 128000],
      ['Example 3 (text only) 70B', 70e9, null, 128000],
    ]);
    expect(rows[1]!.total_parameters_span).toBe('Example 4 Large (17Bx128E) | Params: 17B (Activated) 400B (Total)');
    expect(rows[0]).toMatchObject({ licence_source: 'licence_line', licence: 'A custom commercial license, the Example 4 Community License Agreement, is available at: https://example.org/LICENSE' });
  });

  it('reads pipe tables listing variants, "355B-A32B" sizes, and skips tables without sizes or with sizes as row labels', () => {
    const rows = parseModelCard(fixture('pipe-table-card.md'), gh('example/Example-R1'));
    expect(rows.map((r) => [r.variant, r.total_parameters, r.active_parameters, r.context_length])).toEqual([
      ['Example-R1-Zero', 671e9, 37e9, 128000],
      ['Example-R1', 671e9, 37e9, 128000],
      ['Example-Air', 106e9, 12e9, null],
    ]);
    expect(rows[0]!.context_length_span).toBe('Example-R1-Zero | Context Length: 128K');
    expect(rows[2]!.total_parameters_span).toBe('Example-Air | Model Size: 106B-A12B');
    expect(rows.every((r) => r.licence === null && r.licence_source === null)).toBe(true);
  });

  it('prefers the sentence naming the repo\'s own model when a card describes several sizes', () => {
    const big = parseModelCard(fixture('gpt-oss-style-card.md'), hf('example/example-oss-120b'))[0]!;
    const small = parseModelCard(fixture('gpt-oss-style-card.md'), hf('example/example-oss-20b'))[0]!;
    expect([big.total_parameters, big.active_parameters]).toEqual([117e9, 5.1e9]);
    expect([small.total_parameters, small.active_parameters]).toEqual([21e9, 3.6e9]);
    expect(small.total_parameters_span).toBe('21B parameters with 3.6B active');
    expect(small).toMatchObject({ licence: 'apache-2.0', licence_source: 'front_matter' });
  });

  it('reads a bold "… license:" bullet when a README has no licence section', () => {
    const md = fixture('gpt-oss-style-card.md').replace(/^---[\s\S]*?---\n/, '');
    expect(parseModelCard(md, gh('example/example-oss'))[0]).toMatchObject({ has_front_matter: false, licence: 'Permissive Apache 2.0 license', licence_source: 'licence_line' });
  });

  it('gives nulls, not guesses, when a card states no sizes', () => {
    const [row] = parseModelCard('# Example\n\nA model. Try it at example.org.\n', gh('example/Example'));
    expect(row).toMatchObject({ total_parameters: null, total_parameters_span: null, active_parameters: null, context_length: null, licence: null });
  });

  it('fails loudly on an unclosed or invalid front matter, an empty file, an HTML page, or a wrongly typed key', () => {
    expect(parseErrorOf(() => parseModelCard('---\nlicense: mit\n# Title\n', hf('a/b'))).field).toBe('front matter');
    expect(parseErrorOf(() => parseModelCard('---\nlicense: [mit\n---\n# T\n', hf('a/b'))).message).toMatch(/not valid YAML/);
    expect(parseErrorOf(() => parseModelCard('---\n- a\n- b\n---\n', hf('a/b'))).message).toMatch(/mapping/);
    expect(parseErrorOf(() => parseModelCard('  \n', hf('a/b'))).message).toMatch(/empty/);
    expect(parseErrorOf(() => parseModelCard('<!DOCTYPE html><html><body>Sign in</body></html>', hf('a/b'))).message).toMatch(/HTML page/);
    expect(parseErrorOf(() => parseModelCard('---\nlicense:\n  name: mit\n---\n', hf('a/b'))).field).toBe('license');
  });

  it('splits front matter only when the file starts with ---', () => {
    expect(splitFrontMatter('# Title\n---\nlicense: mit\n---\n').present).toBe(false);
    expect(splitFrontMatter('\uFEFF---\r\nlicense: mit\r\n---\r\n# T').data).toEqual({ license: 'mit' });
  });
});

describe('parseModelConfig', () => {
  it('reads a DeepSeek-style transformers config (n_routed_experts, fp8 quantization)', () => {
    const row = parseModelConfig(fixture('config-deepseek.json'), hf('example/DeepSeek-Style'));
    expect(row).toEqual({
      repo: 'example/DeepSeek-Style', repo_host: 'huggingface', document_url: 'https://huggingface.co/example/DeepSeek-Style/blob/main/README.md',
      config_kind: 'transformers', model_type: 'deepseek_v3', architectures: 'DeepseekV3ForCausalLM',
      num_hidden_layers: 61, hidden_size: 7168, intermediate_size: 18432, moe_intermediate_size: 2048, num_attention_heads: 128,
      experts: 256, experts_key: 'n_routed_experts', experts_per_token: 8, n_shared_experts: 1,
      vocab_size: 129280, max_position_embeddings: 163840, torch_dtype: 'bfloat16', quantization: 'fp8', notes: null,
    });
    configRow.parse(row);
  });

  it('reads Mixtral-style num_local_experts into the same experts column', () => {
    expect(parseModelConfig(fixture('config-mixtral.json'), hf('example/Mixtral-Style'))).toMatchObject({
      experts: 8, experts_key: 'num_local_experts', experts_per_token: 2, n_shared_experts: null, moe_intermediate_size: null, quantization: null,
    });
  });

  it('reads DeepSeek reference-inference configs (n_layers, dim, n_activated_experts, dtype)', () => {
    expect(parseModelConfig(fixture('config-reference.json'), gh('example/ref', 'inference/configs/config.json'))).toMatchObject({
      config_kind: 'reference', model_type: null, architectures: null, num_hidden_layers: 61, hidden_size: 7168, intermediate_size: 18432,
      moe_intermediate_size: 2048, experts: 256, experts_per_token: 8, n_shared_experts: 1, torch_dtype: 'fp8', max_position_embeddings: null,
    });
  });

  it('collapses per-layer lists that agree, and notes the ones that vary instead of picking a value', () => {
    expect(parseModelConfig(fixture('config-per-layer.json'), hf('example/per-layer'))).toMatchObject({
      moe_intermediate_size: 512, experts: 16, experts_key: 'num_experts', n_shared_experts: 1, experts_per_token: null,
      notes: 'moe_topk varies by layer (2–4)',
    });
  });

  it('reads a multimodal config from text_config', () => {
    const json = JSON.stringify({ architectures: ['ExampleVLM'], model_type: 'example_vlm', text_config: { num_hidden_layers: 48, hidden_size: 5120, num_local_experts: 128, num_experts_per_tok: 1 } });
    expect(parseModelConfig(json, hf('example/vlm'))).toMatchObject({ num_hidden_layers: 48, experts: 128, experts_per_token: 1, notes: 'architecture read from text_config' });
  });

  it('fails loudly on truncated JSON, a non-architecture file, and wrongly typed keys', () => {
    expect(parseErrorOf(() => parseModelConfig(fixture('config-deepseek.json').slice(0, 120), hf('a/b'))).message).toMatch(/not valid JSON/);
    expect(parseErrorOf(() => parseModelConfig('[1, 2]', hf('a/b'))).message).toMatch(/not a JSON object/);
    expect(parseErrorOf(() => parseModelConfig('{"bos_token_id": 0, "eos_token_id": 1}', hf('a/b'))).field).toMatch(/num_hidden_layers/);
    expect(parseErrorOf(() => parseModelConfig('{"num_hidden_layers": "sixty"}', hf('a/b'))).field).toBe('num_hidden_layers');
    expect(parseErrorOf(() => parseModelConfig('{"num_hidden_layers": 2, "architectures": [1]}', hf('a/b'))).field).toBe('architectures');
    expect(parseErrorOf(() => parseModelConfig('{"num_hidden_layers": 2, "quantization_config": {"quant_method": 4}}', hf('a/b'))).field).toBe('quant_method');
  });
});

describe('parseLicenceText', () => {
  it('detects a Llama-style community licence by its title, and its MAU threshold', () => {
    const row = parseLicenceText(fixture('licence-llama.txt'), gh('meta-llama/Llama-4', 'models/llama4/LICENSE'));
    expect(row).toMatchObject({ licence_title: 'LLAMA 4 COMMUNITY LICENSE AGREEMENT', licence_family: 'Llama 4 Community', mau_threshold: true, mau_threshold_users: 700e6 });
    licenceRow.parse(row);
  });

  it('finds clauses of an unknown family and leaves the family null', () => {
    const row = parseLicenceText(fixture('licence-community.txt'), gh('example/Example-3', 'LICENSE'));
    expect(row).toMatchObject({
      licence_title: 'EXAMPLE 3 COMMUNITY LICENSE AGREEMENT', licence_family: null,
      mau_threshold: true, mau_threshold_users: 700e6,
      attribution_display: true, attribution_text: 'Built with Example',
      use_policy_reference: true, region_exclusion: false, non_commercial: false,
    });
    expect(row.attribution_display_span).toBe('and (B) prominently display “Built with Example” on a related website.');
    expect(row.use_policy_span).toContain('Acceptable Use Policy');
  });

  it('reads a modified MIT licence: MAU and monthly revenue thresholds, attribution text', () => {
    const row = parseLicenceText(fixture('licence-modified-mit.txt'), gh('example/K2', 'LICENSE'));
    expect(row).toMatchObject({
      licence_family: 'Modified MIT', mau_threshold: true, mau_threshold_users: 100e6,
      revenue_threshold_usd: 20e6, revenue_period: 'monthly', attribution_display: true, attribution_text: 'Example K2',
    });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads region exclusions from the territory definition', () => {
    const row = parseLicenceText(fixture('licence-territory.txt'), gh('example/hy', 'LICENSE'));
    expect(row).toMatchObject({ region_exclusion: true, excluded_regions: 'European Union;United Kingdom;South Korea', attribution_display: false });
    expect(row.region_exclusion_span).toMatch(/^“Territory” shall mean the worldwide territory, excluding/);
    const caps = parseLicenceText(fixture('licence-tencent.txt'), gh('tencent/hy', 'LICENSE'));
    expect(caps).toMatchObject({ licence_family: 'Tencent Hunyuan Community', excluded_regions: 'European Union;United Kingdom;South Korea', use_policy_reference: true });
  });

  it('tells plain MIT, Apache-2.0 and non-commercial MIT-style terms apart', () => {
    const mit = fixture('licence-modified-mit.txt').replace('Modified MIT License', 'MIT License').replace(/Our only modification[\s\S]*$/, '');
    expect(parseLicenceText(mit, gh('a/b', 'LICENSE'))).toMatchObject({ licence_family: 'MIT', mau_threshold: false, attribution_display: false });
    expect(parseLicenceText(fixture('licence-apache.txt'), gh('a/b', 'LICENSE'))).toMatchObject({ licence_title: 'Apache License', licence_family: 'Apache-2.0' });
    expect(parseLicenceText(fixture('licence-non-commercial.txt'), gh('a/b', 'LICENSE'))).toMatchObject({
      licence_family: 'Non-commercial (MIT-style)', non_commercial: true, attribution_text: 'Built with Example M2', use_policy_reference: true,
    });
  });

  it('fails loudly on an empty file or an HTML page', () => {
    expect(parseErrorOf(() => parseLicenceText('\n\n', gh('a/b', 'LICENSE'))).message).toMatch(/empty/);
    expect(parseErrorOf(() => parseLicenceText('<html><head><title>GitHub</title></head></html>', gh('a/b', 'LICENSE'))).message).toMatch(/HTML page/);
  });
});

describe('modelCards source', () => {
  it('maps GitHub blob URLs to raw files and pinned Hugging Face revisions to main', () => {
    expect(rawUrl('https://github.com/MoonshotAI/Kimi-K2/blob/main/LICENSE')).toBe('https://raw.githubusercontent.com/MoonshotAI/Kimi-K2/HEAD/LICENSE');
    expect(rawUrl('https://huggingface.co/deepseek-ai/DeepSeek-R1/raw/4dc77d4932316bdaa6f255ee7ad2ea3733a8ca23/config.json')).toBe('https://huggingface.co/deepseek-ai/DeepSeek-R1/raw/main/config.json');
    expect(documentUrl('https://huggingface.co/deepseek-ai/DeepSeek-R1/raw/4dc77d4932316bdaa6f255ee7ad2ea3733a8ca23/config.json')).toBe('https://huggingface.co/deepseek-ai/DeepSeek-R1/blob/main/config.json');
  });

  it('gives every document its own live URL and output dataset, lowercase with dashes/underscores', () => {
    const targets = modelCards.targets();
    expect(new Set(targets.map((t) => t.url)).size).toBe(targets.length);
    expect(new Set(DOCS.map((d) => d.out)).size).toBe(DOCS.length);
    for (const d of DOCS) expect(d.out).toMatch(/^(card|config|licence)__[a-z0-9_-]+$/);
    expect(targets.every((t) => /^https:\/\/(huggingface\.co|raw\.githubusercontent\.com)\//.test(t.url))).toBe(true);
  });

  it('parses only the captures of its own document (siblings share a dataset and format in the manifest)', () => {
    const target = modelCards.targets().find((t) => t.url === 'https://raw.githubusercontent.com/openai/gpt-oss/HEAD/LICENSE')!;
    const capture = (url: string): Capture => ({ mode: 'replay', bytes: new TextEncoder().encode(fixture('licence-apache.txt')), url, asOf: '2025-08-05', fetchedAt: '2025-08-05T00:00:00Z', sha256: 'x' });
    const spec = modelCards.formats['license-text']!;
    expect(spec.parse(capture('https://github.com/openai/gpt-oss/blob/main/USAGE_POLICY'), target)).toEqual([]);
    const [version] = spec.parse(capture('https://github.com/openai/gpt-oss/blob/main/LICENSE'), target);
    expect(version).toMatchObject({ asOf: '2025-08-05', dataset: 'licence__openai__gpt-oss-120b' });
    expect(version!.rows[0]).toMatchObject({ repo: 'openai/gpt-oss-120b', repo_host: 'huggingface', document_url: 'https://github.com/openai/gpt-oss/blob/main/LICENSE', licence_family: 'Apache-2.0' });
  });
});
