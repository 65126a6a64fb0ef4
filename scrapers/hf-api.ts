/**
 * Hugging Face Hub model metadata: downloads, likes, parameter count, licence tag and dates of
 * the weight repositories the report follows.
 *
 * Live URLs: https://huggingface.co/api/models/{org}/{repo} for each repo in REPOS (no key
 * needed; an optional HF_TOKEN in the environment is sent as a Bearer token for higher rate
 * limits and is never written anywhere). One output dataset per repo, named after the repo id
 * with "/" → "__", lower-cased, other characters than [a-z0-9_-] → "-" (as in model-cards):
 * `openai/gpt-oss-20b` → `openai__gpt-oss-20b`, `moonshotai/Kimi-K2.5` → `moonshotai__kimi-k2-5`.
 * Each version holds the one row of that repo on that date.
 *
 * Expected schema: `{id, author, createdAt, lastModified, downloads, likes, tags[],
 * pipeline_tag, library_name, [cardData{license, license_name}], [safetensors{total}], sha}`;
 * the wrapped variant (format hf-model-info-wrapped-json, a third party's research cache) nests
 * that object under `sources.huggingface.repo_info`. Both formats read both shapes, since the
 * live answer is always the plain one. A response without `id` fails loudly.
 *
 * Caveats:
 * - `downloads` in this response is a rolling count over the last ~30 days, not all-time:
 *   the column is `downloads_30d`. (All-time counts need `?expand[]=downloadsAllTime`.)
 * - `parameters` is `safetensors.total`, the number of stored parameters across dtypes; for
 *   quantised checkpoints (gpt-oss ships MXFP4 weights as U8) it counts packed elements, so it
 *   can differ from the lab's stated parameter count.
 * - `parameters_by_dtype` is `safetensors.parameters` ("BF16=…;U8=…") and `parameters_16bit` its BF16 + F16
 *   part: the weights a quantised checkpoint keeps at 16 bits (gpt-oss: embeddings, attention, router), which
 *   memory estimates must count at 16 bits, not at the quantised width.
 * - `licence` is the card's `license` field (cardData), else the `license:` tag; `other` comes
 *   with `licence_name` (e.g. modified-mit) when the card gives one.
 */
import { isRecord, parseJson } from './lib/json.ts';
import { decodeUtf8 } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type SourceDef, type Target } from './lib/source.ts';
import { checkRows, isoDate, notScalar, num, text } from './lib/values.ts';
import { hfModelRow, type HfModelRow } from '../lib/source-rows/hf-api.ts';
export { hfModelRow, type HfModelRow };

const JSON_ACCEPT = ['application/json', 'text/plain', 'application/octet-stream'];

/**
 * The weight repositories followed: the hf-api captures, the Hugging Face repos of the model
 * cards, and the main open-weight release of the labs whose cards are GitHub READMEs (repo ids
 * as OpenRouter's hugging_face_id spells them). Each entry: repo id, and the format its
 * replay capture has (live answers are always the plain format).
 */
export const REPOS: readonly { repo: string; format?: 'hf-model-info-wrapped-json' }[] = [
  { repo: 'openai/gpt-oss-20b' },
  { repo: 'openai/gpt-oss-120b', format: 'hf-model-info-wrapped-json' },
  { repo: 'moonshotai/Kimi-K2-Instruct' },
  { repo: 'moonshotai/Kimi-K2-Thinking' },
  { repo: 'moonshotai/Kimi-K2.5' },
  { repo: 'deepseek-ai/DeepSeek-V3' },
  { repo: 'deepseek-ai/DeepSeek-R1' },
  { repo: 'deepseek-ai/DeepSeek-V3.1' },
  { repo: 'deepseek-ai/DeepSeek-V3.2-Exp' },
  { repo: 'Qwen/Qwen3-235B-A22B' },
  { repo: 'Qwen/Qwen3-Coder-480B-A35B-Instruct' },
  { repo: 'Qwen/Qwen3.5-397B-A17B' },
  { repo: 'zai-org/GLM-4.5' },
  { repo: 'zai-org/GLM-5' },
  { repo: 'MiniMaxAI/MiniMax-M1-80k' },
  { repo: 'MiniMaxAI/MiniMax-M2' },
  { repo: 'MiniMaxAI/MiniMax-M2.5' },
  { repo: 'MiniMaxAI/MiniMax-M2.7' },
  { repo: 'tencent/Hunyuan-A13B-Instruct' },
  { repo: 'meta-llama/Llama-3.1-405B' },
  { repo: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct' },
  { repo: 'allenai/Olmo-3-32B-Think' },
];

/** Manifest dataset of a repo: its id with "/" → "__" (case kept, as the captures name it). */
export const repoDataset = (repo: string) => repo.split('/').join('__');
/** Output dataset (a folder name): lower-case, [a-z0-9_-] only. */
export const outputDataset = (repo: string) => repoDataset(repo).toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
export const modelInfoUrl = (repo: string) => `https://huggingface.co/api/models/${repo}`;





/** The model-info object: the document itself, or the one a research cache nests under sources.huggingface.repo_info. */
export function unwrapModelInfo(doc: unknown): Record<string, unknown> {
  if (!isRecord(doc)) throw new ParseError('model info is not a JSON object', { hint: 'expected the /api/models/{id} object' });
  const sources = doc['sources'];
  if ('id' in doc || !isRecord(sources)) return doc;
  const hf = sources['huggingface'];
  const info = isRecord(hf) ? hf['repo_info'] : undefined;
  if (!isRecord(info)) {
    throw new ParseError('wrapped file without sources.huggingface.repo_info', { field: 'sources.huggingface.repo_info', hint: 'the research cache changed its layout' });
  }
  return info;
}

/** One comma-free text from a string or a list of strings (cards sometimes list several licences). */
function textOrList(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = [...new Set(value.map((v) => text(v)).filter((v): v is string => !!v))];
    return parts.length ? parts.join(';') : null;
  }
  return text(value);
}

/**
 * Keys every model-info response carries (null allowed): one renamed at the source would
 * otherwise become a silent blank. pipeline_tag, library_name, cardData and safetensors are
 * legitimately absent for some repos.
 */
const EXPECTED_KEYS = ['author', 'createdAt', 'lastModified', 'downloads', 'likes', 'tags', 'sha', 'gated'] as const;

/** Parses a /api/models/{id} response (plain or wrapped) into its one row. */
export function parseHfModelInfo(content: Uint8Array | string): HfModelRow {
  const info = unwrapModelInfo(parseJson(content, 'Hugging Face model info'));
  const id = text(info['id']) ?? text(info['modelId']);
  if (!id) throw new ParseError('model info without "id"', { field: 'id', hint: 'an error object was served ({"error": ...}) or the API renamed the field' });
  for (const key of EXPECTED_KEYS) {
    if (!(key in info)) throw new ParseError(`model info without "${key}"`, { field: key, row: id, hint: `the API renamed or dropped it; keys present: ${Object.keys(info).slice(0, 20).join(', ')}` });
  }
  const tags = info['tags'];
  if (tags !== undefined && !Array.isArray(tags)) throw new ParseError('"tags" is not a list', { field: 'tags', row: id });
  const licenceTag = (tags ?? []).filter((t): t is string => typeof t === 'string').find((t) => t.startsWith('license:'))?.slice('license:'.length);
  const card = isRecord(info['cardData']) ? info['cardData'] : {};
  const safetensors = info['safetensors'];
  if (safetensors !== undefined && safetensors !== null && !isRecord(safetensors)) {
    throw new ParseError('"safetensors" is not an object', { field: 'safetensors', row: id });
  }
  const gated = info['gated'];
  if (typeof gated === 'object' && gated !== null) notScalar(gated, 'a gating mode (false, "auto" or "manual")', 'gated', id);
  return {
    id,
    author: text(info['author']),
    created_at: isoDate(info['createdAt'], 'createdAt', id),
    last_modified: isoDate(info['lastModified'], 'lastModified', id),
    downloads_30d: num(info['downloads'], 'downloads', id),
    likes: num(info['likes'], 'likes', id),
    parameters: safetensors ? num(safetensors['total'], 'safetensors.total', id) : null,
    licence: textOrList(card['license']) ?? text(licenceTag),
    licence_name: textOrList(card['license_name']),
    pipeline_tag: text(info['pipeline_tag']),
    library_name: text(info['library_name']),
    gated: gated === undefined || gated === null ? null : String(gated),
    sha: text(info['sha']),
    ...dtypeCounts(safetensors ? safetensors['parameters'] : undefined, id),
  };
}

/** safetensors.parameters ({"BF16": n, "U8": m}) → the by-dtype text and the 16-bit count; null where absent. */
function dtypeCounts(value: unknown, id: string): { parameters_by_dtype: string | null; parameters_16bit: number | null } {
  if (value === undefined || value === null) return { parameters_by_dtype: null, parameters_16bit: null };
  if (!isRecord(value)) throw new ParseError('"safetensors.parameters" is not an object', { field: 'safetensors.parameters', row: id, hint: 'expected {dtype: count}' });
  const entries = Object.entries(value).map(([dtype, n]) => [dtype, num(n, `safetensors.parameters.${dtype}`, id)] as const).sort(([a], [b]) => a.localeCompare(b));
  const sixteen = entries.filter(([dtype]) => /^(BF16|F16)$/i.test(dtype)).reduce((sum, [, n]) => sum + (n ?? 0), 0);
  return { parameters_by_dtype: entries.map(([d, n]) => `${d}=${n}`).join(';') || null, parameters_16bit: entries.length ? sixteen : null };
}

function parseCapture(capture: Capture, target: Target) {
  const row = parseHfModelInfo(capture.bytes);
  const expected = REPOS.find((r) => repoDataset(r.repo) === target.dataset)?.repo;
  if (expected && row.id.toLowerCase() !== expected.toLowerCase()) {
    throw new ParseError(`response is for "${row.id}", not "${expected}"`, { field: 'id', hint: 'the repo was renamed or redirected; update REPOS' });
  }
  return [{ asOf: capture.asOf, dataset: outputDataset(expected ?? row.id), rows: checkRows(hfModelRow, [row]) }];
}

/** An optional HF_TOKEN raises rate limits; never required, never written. */
function hfHeaders(): Record<string, string> {
  const token = process.env.HF_TOKEN?.trim();
  return token ? { authorization: `Bearer ${token}` } : {};
}

const format = (name: string) => defineFormat({
  format: name,
  columns: Object.keys(hfModelRow.shape) as (keyof HfModelRow)[],
  row: hfModelRow,
  parse: parseCapture,
});

export const hfApi: SourceDef = {
  id: 'hf-api',
  name: 'Hugging Face Hub API',
  homepage: 'https://huggingface.co/models',
  licence: 'Hugging Face Hub API output (Hugging Face Terms of Service); each model under its own licence',
  citation: 'Hugging Face Hub, model metadata API (https://huggingface.co/api/models/{id})',
  notes: 'downloads_30d is Hugging Face\'s rolling ~30-day download count at the as_of date, not an all-time total. parameters is safetensors.total (stored elements; packed quantised weights count as stored). The 2025-09-13 captures were cached by a third party (daniel-p-green/alain-ai-learning-platform); the gpt-oss-120b one inside its research-data wrapper.',
  targets(): Target[] {
    return REPOS.map(({ repo, format: fmt }) => ({
      dataset: repoDataset(repo),
      format: fmt ?? 'hf-model-info-json',
      url: modelInfoUrl(repo),
      accept: JSON_ACCEPT,
      // Each repo is fetched on its own: a renamed or removed repo must not stop the others.
      optional: true,
      headers: hfHeaders,
    }));
  },
  formats: {
    'hf-model-info-json': format('hf-model-info-json'),
    'hf-model-info-wrapped-json': format('hf-model-info-wrapped-json'),
  },
};
