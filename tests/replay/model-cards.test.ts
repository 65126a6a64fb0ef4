import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { ManifestEntry } from '../../scrapers/lib/transport.ts';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import type { Capture, ParsedVersion, Target } from '../../scrapers/lib/source.ts';
import { DOCS, modelCards, type CardRow, type ConfigRow, type LicenceRow } from '../../scrapers/model-cards.ts';
import { describeReplay, manifestEntries, snapshotPath, SNAPSHOTS_DIR } from '../helpers/snapshots.ts';

const raw = (e: ManifestEntry) => readFileSync(snapshotPath(e.file), 'utf8');

/** Body rows of the first pipe table whose header line matches: counted from the raw text, not by the parser. */
function pipeTableRows(text: string, header: RegExp): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith('|') && header.test(l));
  if (start < 0) throw new Error(`no table header ${header}`);
  let n = 0;
  for (let i = start + 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) n++;
  return n;
}

/** Rows of the first HTML table, header row excluded. */
const htmlTableRows = (text: string) => (/<table\b[\s\S]*?<\/table>/i.exec(text)![0].match(/<tr\b/gi) ?? []).length - 1;

/** Expected rows per card file: variant tables counted in the raw text; other cards are one row. */
const EXPECTED_CARD_ROWS: Record<string, (text: string) => number> = {
  'model-cards/deepseek-ai__DeepSeek-R1/README.md': (t) => pipeTableRows(t, /#Total Params/),
  'model-cards/deepseek-ai__DeepSeek-R1/README.github.md': (t) => pipeTableRows(t, /#Total Params/),
  'model-cards/deepseek-ai__DeepSeek-V3/README.md': (t) => pipeTableRows(t, /#Total Params/),
  'model-cards/gh__QwenLM__Qwen3-Coder/README.md': (t) => pipeTableRows(t, /model name\s*\|\s*type\s*\|\s*length/),
  'model-cards/gh__zai-org__GLM-4.5/README.md': (t) => pipeTableRows(t, /Model Size/),
  'model-cards/gh__zai-org__GLM-5/README.md': (t) => pipeTableRows(t, /Model Size/),
  'model-cards/gh__allenai__OLMo-core/OLMo3-README.md': (t) => pipeTableRows(t, /Context Length/),
  'model-cards/meta-llama__Llama-3.1-405B/MODEL_CARD.md': htmlTableRows,
  'model-cards/meta-llama__Llama-4-Maverick-17B-128E-Instruct/MODEL_CARD.md': htmlTableRows,
};

function docOf(e: ManifestEntry) {
  const d = DOCS.find((x) => x.dataset === e.dataset && x.format === e.format && x.manifestUrl === e.live_url);
  expect(d, `no document in DOCS for ${e.file} (${e.live_url})`).toBeDefined();
  return d!;
}

/** Parses one manifest entry through the source's format spec, with a capture built from the file itself. */
function parseEntry(e: ManifestEntry): ParsedVersion<Record<string, unknown>> {
  const d = docOf(e);
  const bytes = readFileSync(snapshotPath(e.file));
  const capture: Capture = { mode: 'replay', bytes, url: e.live_url, asOf: e.as_of, fetchedAt: `${e.captured}T00:00:00Z`, sha256: e.sha256 ?? '', replayFile: e.file };
  const target: Target = modelCards.targets().find((t) => t.url === d.url)!;
  const versions = modelCards.formats[e.format]!.parse(capture, target);
  expect(versions).toHaveLength(1);
  return versions[0]!;
}

const rowsOf = <R,>(file: string) => {
  const e = manifestEntries({ source: 'model-cards' }).find((x) => x.file === file);
  expect(e, `${file} not in the manifest`).toBeDefined();
  return parseEntry(e!).rows as unknown as R[];
};

describeReplay('model-cards replay over every capture', () => {
  const entries = manifestEntries({ source: 'model-cards' });

  it('covers every model-cards capture in the manifest, each with a document in DOCS', () => {
    expect(entries.length).toBeGreaterThanOrEqual(51);
    for (const e of entries) docOf(e);
    const used = new Set(entries.map((e) => `${e.dataset}|${e.format}|${e.live_url}`));
    expect(DOCS.filter((d) => !used.has(`${d.dataset}|${d.format}|${d.manifestUrl}`)).map((d) => d.out)).toEqual([]);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: parses to the expected rows, each valid', (_file, e) => {
    const version = parseEntry(e);
    expect(version.asOf).toBe(e.as_of);
    expect(version.dataset).toBe(docOf(e).out);
    const expected = e.format === 'model-card-md' ? (EXPECTED_CARD_ROWS[e.file]?.(raw(e)) ?? 1) : 1;
    expect(version.rows).toHaveLength(expected);
    for (const row of version.rows) modelCards.formats[e.format]!.row.parse(row);
    if (e.format === 'license-text') expect((version.rows[0] as LicenceRow).sha256).toBe(e.sha256);
  });

  it('spot values: Kimi K2 and Kimi K2.5 summary tables', () => {
    const [k2] = rowsOf<CardRow>('model-cards/moonshotai__Kimi-K2-Instruct/README.md');
    expect(k2).toMatchObject({ repo: 'moonshotai/Kimi-K2-Instruct', total_parameters: 1e12, active_parameters: 32e9, context_length: 128000, has_front_matter: false, licence_source: 'licence_section' });
    expect(raw(entries.find((x) => x.file === 'model-cards/moonshotai__Kimi-K2-Instruct/README.md')!)).toContain(k2!.total_parameters_span!);
    const [k25] = rowsOf<CardRow>('model-cards/moonshotai__Kimi-K2.5/README.md');
    expect(k25).toMatchObject({ total_parameters: 1e12, active_parameters: 32e9, context_length: 256000 });
  });

  it('spot values: DeepSeek V3 and R1 download tables, R1 front matter', () => {
    const v3 = rowsOf<CardRow>('model-cards/deepseek-ai__DeepSeek-V3/README.md').find((r) => r.variant === 'DeepSeek-V3');
    expect(v3).toMatchObject({ total_parameters: 671e9, active_parameters: 37e9, context_length: 128000 });
    const weights = rowsOf<CardRow>('model-cards/deepseek-ai__DeepSeek-V3/README_WEIGHTS.md')[0];
    expect(weights).toMatchObject({ total_parameters: 671e9, active_parameters: 36.7e9, active_parameters_span: 'Activation parameters: 36.7B' });
    const r1 = rowsOf<CardRow>('model-cards/deepseek-ai__DeepSeek-R1/README.md');
    expect(r1.map((r) => r.variant)).toEqual(['DeepSeek-R1-Zero', 'DeepSeek-R1']);
    expect(r1[1]).toMatchObject({ has_front_matter: true, licence: 'mit', licence_source: 'front_matter', library_name: 'transformers', total_parameters: 671e9, active_parameters: 37e9 });
  });

  it('spot values: gpt-oss cards and licence, Llama 4 HTML table, MiniMax-M1 and Hunyuan prose', () => {
    expect(rowsOf<CardRow>('model-cards/openai__gpt-oss-120b/README.md')[0]).toMatchObject({ licence: 'apache-2.0', pipeline_tag: 'text-generation', total_parameters: 117e9, active_parameters: 5.1e9 });
    expect(rowsOf<CardRow>('model-cards/openai__gpt-oss-20b/README.md')[0]).toMatchObject({ total_parameters: 21e9, active_parameters: 3.6e9 });
    expect(rowsOf<LicenceRow>('model-cards/openai__gpt-oss-120b/LICENSE')[0]).toMatchObject({ licence_family: 'Apache-2.0', mau_threshold: false });
    expect(rowsOf<LicenceRow>('model-cards/openai__gpt-oss-120b/USAGE_POLICY')[0]!.licence_family).toBeNull();
    const maverick = rowsOf<CardRow>('model-cards/meta-llama__Llama-4-Maverick-17B-128E-Instruct/MODEL_CARD.md').find((r) => r.variant?.startsWith('Llama 4 Maverick'));
    expect(maverick).toMatchObject({ total_parameters: 400e9, active_parameters: 17e9, context_length: 1e6 });
    expect(rowsOf<CardRow>('model-cards/MiniMaxAI__MiniMax-M1-80k/README.md')[0]).toMatchObject({ total_parameters: 456e9, active_parameters: 45.9e9, context_length: 1e6 });
    expect(rowsOf<CardRow>('model-cards/tencent__Hunyuan-A13B-Instruct/README.md')[0]).toMatchObject({ total_parameters: 80e9, active_parameters: 13e9, context_length: 256000 });
  });

  it('spot values: licence families and clauses', () => {
    expect(rowsOf<LicenceRow>('model-cards/moonshotai__Kimi-K2-Instruct/LICENSE')[0]).toMatchObject({
      licence_family: 'Modified MIT', mau_threshold: true, mau_threshold_users: 100e6, revenue_threshold_usd: 20e6, revenue_period: 'monthly', attribution_text: 'Kimi K2',
    });
    expect(rowsOf<LicenceRow>('model-cards/moonshotai__Kimi-K2-Instruct/LICENSE')[0]).toMatchObject({ repo: 'moonshotai/Kimi-K2-Instruct', repo_host: 'huggingface', document_url: 'https://github.com/MoonshotAI/Kimi-K2/blob/main/LICENSE' });
    expect(rowsOf<CardRow>('model-cards/gh__QwenLM__Qwen3/README.md')[0]).toMatchObject({ repo: 'QwenLM/Qwen3', repo_host: 'github', licence: 'All our open-weight models are licensed under Apache 2.0.' });
    expect(rowsOf<LicenceRow>('model-cards/meta-llama__Llama-3.1-405B/LICENSE')[0]).toMatchObject({ licence_family: 'Llama 3.1 Community', mau_threshold_users: 700e6, attribution_text: 'Built with Llama', use_policy_reference: true });
    expect(rowsOf<LicenceRow>('model-cards/tencent__Hunyuan-A13B-Instruct/LICENSE')[0]).toMatchObject({ licence_family: 'Tencent Hunyuan Community', region_exclusion: true, excluded_regions: 'European Union;United Kingdom;South Korea', mau_threshold_users: 100e6 });
    expect(rowsOf<LicenceRow>('model-cards/deepseek-ai__DeepSeek-V3/LICENSE-MODEL')[0]).toMatchObject({ licence_family: 'DeepSeek License', use_policy_reference: true, mau_threshold: false });
    const m2 = ['LICENSE.2025-10-26-apache', 'LICENSE.2025-10-27-mit', 'LICENSE.current'].map((f) => rowsOf<LicenceRow>(`model-cards/MiniMaxAI__MiniMax-M2/${f}`)[0]!);
    expect(m2.map((r) => r.licence_family)).toEqual(['Apache-2.0', 'MIT', 'Modified MIT']);
    expect(m2[2]).toMatchObject({ mau_threshold_users: 100e6, revenue_threshold_usd: 30e6, revenue_period: 'annual', attribution_text: 'MiniMax M2' });
    expect(rowsOf<LicenceRow>('model-cards/MiniMaxAI__MiniMax-M2.7/LICENSE')[0]).toMatchObject({ licence_family: 'Non-commercial (MIT-style)', non_commercial: true });
  });

  it('spot values: configs with DeepSeek, Mixtral-style and reference expert keys', () => {
    expect(rowsOf<ConfigRow>('model-cards/deepseek-ai__DeepSeek-R1/config.json')[0]).toMatchObject({ experts: 256, experts_key: 'n_routed_experts', experts_per_token: 8, n_shared_experts: 1, quantization: 'fp8', max_position_embeddings: 163840 });
    expect(rowsOf<ConfigRow>('model-cards/openai__gpt-oss-20b/config.json')[0]).toMatchObject({ experts: 32, experts_key: 'num_local_experts', experts_per_token: 4, quantization: 'mxfp4' });
    expect(rowsOf<ConfigRow>('model-cards/deepseek-ai__DeepSeek-V3/config_671B.json')[0]).toMatchObject({ config_kind: 'reference', num_hidden_layers: 61, experts: 256, experts_per_token: 8, torch_dtype: 'fp8' });
    expect(rowsOf<ConfigRow>('model-cards/tencent__Hunyuan-A13B-Instruct/config.json')[0]).toMatchObject({ experts: 64, experts_per_token: 8, n_shared_experts: 1, moe_intermediate_size: 3072 });
  });

  it('through the replay transport, every capture is parsed except runtime-dropped duplicates of one (dataset, format, as_of)', async () => {
    const transport = new ReplayTransport(SNAPSHOTS_DIR);
    const parsed = new Set<string>();
    for (const target of modelCards.targets()) {
      for (const capture of await transport.fetch('model-cards', target, { allDates: true })) {
        if (modelCards.formats[target.format]!.parse(capture, target).length) parsed.add(capture.replayFile!);
      }
    }
    const key = (e: ManifestEntry) => `${e.dataset}|${e.format}|${e.as_of}`;
    const shared = new Set(entries.filter((e) => entries.some((o) => o !== e && key(o) === key(e))).map((e) => e.file));
    const missing = entries.filter((e) => !parsed.has(e.file)).map((e) => e.file);
    for (const f of missing) expect(shared.has(f), `${f} was not parsed`).toBe(true);
  });
});
