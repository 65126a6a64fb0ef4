/**
 * Model cards, architecture configs and licence files of the open-weight models the report
 * follows, read from each lab's Hugging Face repo or GitHub repo (licences: each lab's own).
 *
 * Live URLs (one target per document; the static list DOCS below names every repo the
 * replay manifest holds):
 * - Hugging Face raw files: https://huggingface.co/{org}/{repo}/raw/main/README.md (and /config.json)
 * - GitHub files: https://raw.githubusercontent.com/{owner}/{repo}/HEAD/{path}, for the manifest's
 *   https://github.com/{owner}/{repo}/blob/main/{path} (a blob URL serves an HTML page, the raw host the file).
 *   Pinned Hugging Face revisions in the manifest (…/raw/<commit>/…) are fetched at main live.
 * No API key is needed (gated repos such as meta-llama are read from GitHub).
 *
 * Formats and output datasets (one CSV per document and date; document_url names the document's page):
 * - model-card-md → card__<repo>[__<doc>]: one row per card, or one per variant when a table of
 *   the card lists variants (a model-name column with a size or context column). Columns: repo,
 *   licence as stated (front matter license / license_name / license_link; else the README's
 *   licence section's first sentence, a "License:" line, a "released under … licence" sentence,
 *   or a shields.io licence badge; licence_source says which), base_model, pipeline_tag,
 *   library_name, and total/active parameters and context length as stated, each with the text
 *   span it was read from. K/M/B/T are decimal (128K → 128000). Nothing stated → null.
 * - model-config-json → config__<repo>[__<doc>]: layers, widths, experts (n_routed_experts /
 *   num_local_experts / num_experts → experts, with experts_key naming the spelling),
 *   experts_per_token, shared experts, vocab, max positions, dtype, quant_method.
 * - license-text → licence__<repo>[__<doc>]: title line, licence family from text markers,
 *   MAU / revenue thresholds, attribution display, region exclusions, use-policy reference,
 *   non-commercial terms (booleans with their sentence), sha256 of the text.
 * <repo> is the manifest dataset (org__name, gh__owner__repo for GitHub-only family READMEs)
 * lowercased with dots as dashes; `repo` in the rows keeps the original spelling, with __ as /.
 *
 * Replay: several documents of one repo can share a manifest dataset, format and as_of (the
 * gpt-oss-120b LICENSE and USAGE_POLICY; OLMo-core's OLMo2 and OLMo3 READMEs; gpt-oss-20b's
 * config.json and original/config.json). Each target parses only the captures whose live_url
 * is its own document; the runtime replays one capture per (dataset, format, as_of), so of
 * such a pair only one is replayed until the runtime selects captures per live_url too.
 */
import { decodeUtf8 } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type SourceDef, type Target } from './lib/source.ts';
import { checkRows } from './lib/values.ts';
import { MODEL_CARD_PREFIX, type ModelCardFormat } from '../lib/source-rows/model-cards.ts';
import { cardRow, parseModelCard, type CardRow, type DocInfo } from './model-cards/card.ts';
import { configRow, parseModelConfig, type ConfigRow } from './model-cards/config.ts';
import { licenceRow, parseLicenceText, type LicenceRow } from './model-cards/licence.ts';

export { parseModelCard, splitFrontMatter } from './model-cards/card.ts';
export { parseModelConfig } from './model-cards/config.ts';
export { parseLicenceText } from './model-cards/licence.ts';
export { cardRow, configRow, licenceRow };
export type { CardRow, ConfigRow, DocInfo, LicenceRow };

type Format = ModelCardFormat;

export interface Doc {
  /** The manifest dataset: org__name, or gh__owner__repo. */
  dataset: string;
  format: Format;
  /** The live_url the manifest records for this document. */
  manifestUrl: string;
  /** Where a live run fetches the raw bytes. */
  url: string;
  /** Output dataset: <kind>__<repo slug>[__<suffix>]. */
  out: string;
  info: DocInfo;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');

/** github.com blob URLs → raw.githubusercontent.com at HEAD; pinned Hugging Face revisions → main. */
export function rawUrl(manifestUrl: string): string {
  const gh = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/blob\/[^/]+\/(.+)$/.exec(manifestUrl);
  if (gh) return `https://raw.githubusercontent.com/${gh[1]}/${gh[2]}/HEAD/${gh[3]}`;
  const hf = /^https:\/\/huggingface\.co\/([^/]+\/[^/]+)\/raw\/[^/]+\/(.+)$/.exec(manifestUrl);
  if (hf) return `https://huggingface.co/${hf[1]}/raw/main/${hf[2]}`;
  throw new Error(`model-cards: no raw URL rule for ${manifestUrl}`);
}

/** The document's web page, the same in live and replay runs: blob/main on GitHub and on Hugging Face. */
export function documentUrl(manifestUrl: string): string {
  const m = /^(https:\/\/(?:github\.com|huggingface\.co)\/[^/]+\/[^/]+)\/(?:blob|raw)\/[^/]+\/(.+)$/.exec(manifestUrl);
  if (!m) throw new Error(`model-cards: no file path in ${manifestUrl}`);
  return `${m[1]}/blob/main/${m[2]}`;
}

function doc(dataset: string, format: Format, manifestUrl: string, suffix?: string): Doc {
  const github = dataset.startsWith('gh__');
  return {
    dataset,
    format,
    manifestUrl,
    url: rawUrl(manifestUrl),
    out: `${MODEL_CARD_PREFIX[format]}${slug(dataset)}${suffix ? `__${slug(suffix)}` : ''}`,
    info: {
      repo: (github ? dataset.slice(4) : dataset).split('__').join('/'),
      repoHost: github ? 'github' : 'huggingface',
      documentUrl: documentUrl(manifestUrl),
    },
  };
}

const HF = (repo: string, file: string) => `https://huggingface.co/${repo}/raw/main/${file}`;
const GH = (repo: string, path: string) => `https://github.com/${repo}/blob/main/${path}`;
const CARD = 'model-card-md';
const CONFIG = 'model-config-json';
const LICENCE = 'license-text';

/** Every document of the replay manifest, with its live URL and output dataset. */
export const DOCS: readonly Doc[] = [
  // Model cards (Hugging Face cards where the manifest points at one; some captures are the GitHub README standing in).
  doc('MiniMaxAI__MiniMax-M1-80k', CARD, HF('MiniMaxAI/MiniMax-M1-80k', 'README.md')),
  doc('MiniMaxAI__MiniMax-M2', CARD, HF('MiniMaxAI/MiniMax-M2', 'README.md')),
  doc('MiniMaxAI__MiniMax-M2.5', CARD, HF('MiniMaxAI/MiniMax-M2.5', 'README.md')),
  doc('MiniMaxAI__MiniMax-M2.7', CARD, HF('MiniMaxAI/MiniMax-M2.7', 'README.md')),
  doc('deepseek-ai__DeepSeek-R1', CARD, 'https://huggingface.co/deepseek-ai/DeepSeek-R1/raw/4dc77d4932316bdaa6f255ee7ad2ea3733a8ca23/README.md'),
  doc('deepseek-ai__DeepSeek-R1', CARD, GH('deepseek-ai/DeepSeek-R1', 'README.md'), 'github'),
  doc('deepseek-ai__DeepSeek-V3', CARD, HF('deepseek-ai/DeepSeek-V3', 'README.md')),
  doc('deepseek-ai__DeepSeek-V3', CARD, GH('deepseek-ai/DeepSeek-V3', 'README_WEIGHTS.md'), 'readme_weights'),
  doc('deepseek-ai__DeepSeek-V3.2-Exp', CARD, HF('deepseek-ai/DeepSeek-V3.2-Exp', 'README.md')),
  doc('gh__MiniMax-AI__MiniMax-M3', CARD, GH('MiniMax-AI/MiniMax-M3', 'README.md')),
  doc('gh__QwenLM__Qwen3', CARD, GH('QwenLM/Qwen3', 'README.md')),
  doc('gh__QwenLM__Qwen3-Coder', CARD, GH('QwenLM/Qwen3-Coder', 'README.md')),
  doc('gh__QwenLM__Qwen3.5', CARD, GH('QwenLM/Qwen3.5', 'README.md')),
  doc('gh__allenai__OLMo', CARD, GH('allenai/OLMo', 'README.md')),
  doc('gh__allenai__OLMo-core', CARD, GH('allenai/OLMo-core', 'src/scripts/official/OLMo2/README.md'), 'olmo2'),
  doc('gh__allenai__OLMo-core', CARD, GH('allenai/OLMo-core', 'src/scripts/official/OLMo3/README.md'), 'olmo3'),
  doc('gh__mistralai__mistral-inference', CARD, GH('mistralai/mistral-inference', 'README.md')),
  doc('gh__zai-org__GLM-4.5', CARD, GH('zai-org/GLM-4.5', 'README.md')),
  doc('gh__zai-org__GLM-5', CARD, GH('zai-org/GLM-5', 'README.md')),
  doc('meta-llama__Llama-3.1-405B', CARD, GH('meta-llama/llama-models', 'models/llama3_1/MODEL_CARD.md')),
  doc('meta-llama__Llama-4-Maverick-17B-128E-Instruct', CARD, GH('meta-llama/llama-models', 'models/llama4/MODEL_CARD.md')),
  doc('moonshotai__Kimi-K2-Instruct', CARD, HF('moonshotai/Kimi-K2-Instruct', 'README.md')),
  doc('moonshotai__Kimi-K2.5', CARD, HF('moonshotai/Kimi-K2.5', 'README.md')),
  doc('openai__gpt-oss-120b', CARD, HF('openai/gpt-oss-120b', 'README.md')),
  doc('openai__gpt-oss-120b', CARD, GH('openai/gpt-oss', 'README.md'), 'github'),
  doc('openai__gpt-oss-20b', CARD, HF('openai/gpt-oss-20b', 'README.md')),
  doc('tencent__Hunyuan-A13B-Instruct', CARD, HF('tencent/Hunyuan-A13B-Instruct', 'README.md')),

  // Architecture configs (DeepSeek's inference/ configs are its reference-code format, not transformers').
  doc('MiniMaxAI__MiniMax-M1-80k', CONFIG, GH('MiniMax-AI/MiniMax-M1', 'config.json')),
  doc('deepseek-ai__DeepSeek-R1', CONFIG, 'https://huggingface.co/deepseek-ai/DeepSeek-R1/raw/4dc77d4932316bdaa6f255ee7ad2ea3733a8ca23/config.json'),
  doc('deepseek-ai__DeepSeek-V3', CONFIG, GH('deepseek-ai/DeepSeek-V3', 'inference/configs/config_671B.json'), 'inference'),
  doc('deepseek-ai__DeepSeek-V3.1', CONFIG, GH('deepseek-ai/DeepSeek-V3', 'inference/configs/config_v3.1.json'), 'inference'),
  doc('deepseek-ai__DeepSeek-V3.2-Exp', CONFIG, GH('deepseek-ai/DeepSeek-V3.2-Exp', 'inference/config_671B_v3.2.json'), 'inference'),
  doc('openai__gpt-oss-20b', CONFIG, HF('openai/gpt-oss-20b', 'config.json')),
  doc('openai__gpt-oss-20b', CONFIG, HF('openai/gpt-oss-20b', 'original/config.json'), 'original'),
  doc('tencent__Hunyuan-A13B-Instruct', CONFIG, GH('Tencent-Hunyuan/Hunyuan-A13B', 'models/config.json')),

  // Licence files.
  doc('MiniMaxAI__MiniMax-M2', LICENCE, GH('MiniMax-AI/MiniMax-M2', 'LICENSE')),
  doc('MiniMaxAI__MiniMax-M2.5', LICENCE, GH('MiniMax-AI/MiniMax-M2.5', 'LICENSE')),
  doc('MiniMaxAI__MiniMax-M2.5', LICENCE, GH('MiniMax-AI/MiniMax-M2.5', 'LICENSE-MODEL'), 'license-model'),
  doc('MiniMaxAI__MiniMax-M2.7', LICENCE, GH('MiniMax-AI/MiniMax-M2.7', 'LICENSE')),
  doc('deepseek-ai__DeepSeek-V3', LICENCE, GH('deepseek-ai/DeepSeek-V3', 'LICENSE-MODEL'), 'license-model'),
  doc('gh__zai-org__GLM-4.5', LICENCE, GH('zai-org/GLM-4.5', 'LICENSE')),
  doc('meta-llama__Llama-3.1-405B', LICENCE, GH('meta-llama/llama-models', 'models/llama3_1/LICENSE')),
  doc('meta-llama__Llama-4-Maverick-17B-128E-Instruct', LICENCE, GH('meta-llama/llama-models', 'models/llama4/LICENSE')),
  doc('moonshotai__Kimi-K2-Instruct', LICENCE, GH('MoonshotAI/Kimi-K2', 'LICENSE')),
  doc('moonshotai__Kimi-K2.5', LICENCE, GH('MoonshotAI/Kimi-K2.5', 'LICENSE')),
  doc('openai__gpt-oss-120b', LICENCE, GH('openai/gpt-oss', 'LICENSE')),
  doc('openai__gpt-oss-120b', LICENCE, GH('openai/gpt-oss', 'USAGE_POLICY'), 'usage_policy'),
  doc('tencent__Hunyuan-A13B-Instruct', LICENCE, GH('Tencent-Hunyuan/Hunyuan-A13B', 'LICENSE')),
];

const DOCS_BY_URL = new Map(DOCS.map((d) => [d.url, d]));
if (DOCS_BY_URL.size !== DOCS.length) throw new Error('model-cards: two documents share a live URL');

const TEXT_ACCEPT = ['text/plain', 'text/markdown', 'application/octet-stream'];
const JSON_ACCEPT = ['application/json', 'text/plain', 'application/octet-stream'];

function docFor(target: Target): Doc {
  const d = DOCS_BY_URL.get(target.url);
  if (!d) throw new ParseError(`no model-cards document is registered for ${target.url}`, { hint: 'add it to DOCS in scrapers/model-cards.ts' });
  return d;
}

/**
 * The capture belongs to this target's document (its own live URL, or the manifest's URL for
 * it). Replay hands every target all captures of its (dataset, format): the others are siblings'.
 */
const isOwn = (capture: Capture, d: Doc) => capture.url === d.url || capture.url === d.manifestUrl;

export const modelCards: SourceDef = {
  id: 'model-cards',
  name: 'Model cards, configs and licences (Hugging Face and GitHub)',
  homepage: 'https://huggingface.co/models',
  licence: 'Each file under its own repository licence (MIT, Apache-2.0, Modified MIT, Llama Community, DeepSeek, Tencent Hunyuan, MiniMax licences); facts extracted, texts not republished',
  citation: 'Model cards, config.json and LICENSE files of each model repository on huggingface.co and github.com, as named in each version\'s live_url',
  notes: 'Replay captures are copies from public git snapshots (see ../shared/snapshots/model-cards/PROVENANCE.md); most cards are the labs\' GitHub READMEs standing in for the Hugging Face card, without its front matter.',
  targets(): Target[] {
    return DOCS.map((d) => ({ dataset: d.dataset, format: d.format, url: d.url, accept: d.format === CONFIG ? JSON_ACCEPT : TEXT_ACCEPT }));
  },
  formats: {
    [CARD]: defineFormat({
      format: CARD,
      columns: Object.keys(cardRow.shape) as (keyof CardRow)[],
      row: cardRow,
      parse: (capture: Capture, target: Target) => {
        const d = docFor(target);
        if (!isOwn(capture, d)) return [];
        return [{ asOf: capture.asOf, dataset: d.out, rows: checkRows(cardRow, parseModelCard(decodeUtf8(capture.bytes), d.info)) }];
      },
    }),
    [CONFIG]: defineFormat({
      format: CONFIG,
      columns: Object.keys(configRow.shape) as (keyof ConfigRow)[],
      row: configRow,
      parse: (capture: Capture, target: Target) => {
        const d = docFor(target);
        if (!isOwn(capture, d)) return [];
        return [{ asOf: capture.asOf, dataset: d.out, rows: checkRows(configRow, [parseModelConfig(decodeUtf8(capture.bytes), d.info)]) }];
      },
    }),
    [LICENCE]: defineFormat({
      format: LICENCE,
      columns: Object.keys(licenceRow.shape) as (keyof LicenceRow)[],
      row: licenceRow,
      parse: (capture: Capture, target: Target) => {
        const d = docFor(target);
        if (!isOwn(capture, d)) return [];
        return [{ asOf: capture.asOf, dataset: d.out, rows: checkRows(licenceRow, [parseLicenceText(decodeUtf8(capture.bytes), d.info)]) }];
      },
    }),
  },
};
