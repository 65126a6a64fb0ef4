/**
 * Artificial Analysis (artificialanalysis.ai): LLM leaderboard, free data API, per-provider table.
 * AA asks for attribution: "Source: Artificial Analysis, artificialanalysis.ai".
 *
 * Live URLs and what they serve:
 * - https://artificialanalysis.ai/leaderboards/models (format aa-models-page-json, output `models`):
 *   an HTML page whose model list sits in the Next.js flight payload
 *   (`self.__next_f.push([1,"..."])`) as camelCase objects (`intelligenceIndex`,
 *   `modelCreatorCountry`, `isOpenWeights`, `totalParameters`, ...). The captures are a community
 *   collector's reshaping of that payload (oolong-tea-2026/artificial-analysis-leaderboards):
 *   `{meta, models:[{id, name, slug, release_date, reasoning_model, deprecated,
 *   creator{name, slug, country}, evaluations{artificial_analysis_intelligence_index, ...},
 *   pricing{price_1m_*}, speed{output_tokens_per_second, ...}, capabilities{total_parameters,
 *   active_parameters, ...}, open_weights{is_open_weights, license_name, commercial_allowed, ...},
 *   breakdowns{openness{opennessIndex}}}]}`. The parser reads both: the collector's JSON, and
 *   the live HTML, whose camelCase fields it maps to the collector's names (PAGE_KEYS).
 * - https://artificialanalysis.ai/api/v2/data/llms/models (format aa-api-v2-json, output `models-api`):
 *   needs the header `x-api-key`, read from the env var ARTIFICIAL_ANALYSIS_API_KEY (a free key
 *   from artificialanalysis.ai; about 1,000 requests a day). Without it the live target fails
 *   with a message saying so; replay never needs it. AA's own shape is `{status, data:[{id, name,
 *   slug, release_date, model_creator{name, slug}, evaluations{...}, pricing{...},
 *   median_output_tokens_per_second, median_time_to_first_token_seconds,
 *   median_time_to_first_answer_token}]}`; the capture is the collector's copy
 *   (`data`→`models`, `model_creator`→`creator`, the median_* fields moved into `speed{}`).
 *   Both are read. No country, open-weights, licence or parameter fields exist in this API.
 * - https://artificialanalysis.ai/leaderboards/providers (format aa-providers-table-csv, output
 *   `providers`): one row per (API provider, model). The capture is deyil's Playwright export of
 *   the page's table to CSV (headers `API Provider, Model, License, Blended USD/1M Tokens,
 *   Median Tokens/s, P5..P95 Tokens/s, Median First Chunk (s), ...`). Live, the page's HTML
 *   <table> is read with the same header names; if the server sends no table (it is rendered
 *   client-side) the scrape fails naming what is missing.
 *
 * Units and conventions in the output:
 * - Intelligence / coding / agentic / math indices are on AA's 0-100 scale; a value above 100 fails
 *   validation. AA re-bases the index when its methodology changes (GPT-5 (high): 69 in Aug 2025,
 *   44.6 in Apr-Jun 2026, 34.7 in Jul 2026) and no capture states the index version, so compare
 *   scores within one as_of only.
 * - Parameters: the page states them in billions; the CSV gives counts (total_parameters = 1e12
 *   for "1000"). Training tokens: stated in trillions, written as counts.
 * - Benchmark scores: fractions 0-1 in the JSON formats; percent (0-100, `_pct`) in the providers table.
 * - Prices are USD per 1M tokens; speeds in output tokens per second; latencies in seconds.
 * - The API writes 0 where nothing was measured: a 0 speed or latency becomes null, and prices
 *   that are all 0 on a model with no measured speed become null (0 with a measured endpoint is
 *   a free endpoint and stays 0). The page and the providers table use blanks, kept as null.
 */
import * as cheerio from 'cheerio';
import { z } from 'zod';
import { splitAaEndpoint } from './lib/aa-endpoint.ts';
import { isRecord, parseJson } from './lib/json.ts';
import { decodeUtf8, readCsv } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type SourceDef, type Target } from './lib/source.ts';
import { bool, checkRows, isoDate, num, text } from './lib/values.ts';
import { checkUnique, nullableText, requirePaths } from './lib/checks.ts';

export const API_KEY_ENV = 'ARTIFICIAL_ANALYSIS_API_KEY';

const PAGE_URL = 'https://artificialanalysis.ai/leaderboards/models';
const API_URL = 'https://artificialanalysis.ai/api/v2/data/llms/models';
const PROVIDERS_URL = 'https://artificialanalysis.ai/leaderboards/providers';

// ---------------------------------------------------------------- shared schema pieces

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();
const intelligenceIndex = z.number().min(0, 'Intelligence Index below 0: did the source change scale?')
  .max(100, 'Intelligence Index above 100: did the source change scale?').nullable();
const subIndex = (name: string) => z.number().min(0, `${name} below 0: did the source change scale?`)
  .max(100, `${name} above 100: did the source change scale?`).nullable();
const fraction = z.number().min(0).max(1, 'benchmark score above 1: did the source switch from fractions to percent?').nullable();
const percent = z.number().min(0).max(100, 'percent score above 100: did the source change units?').nullable();
const usdPer1m = z.number().min(0).nullable();
const positive = z.number().positive().nullable();
const count = z.number().int().positive().nullable();

// ---------------------------------------------------------------- JSON helpers



/** Reads a dotted path; undefined means the key is absent (a layout change), null a missing value. */
function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

const RENAMED = 'the source renamed or dropped this field; compare a record of the new file with the module header';
const TWICE = 'the source lists a record twice, or the key is no longer unique';

/** Billions (as the page states them) to a count, refusing values that already look like counts. */
function billionsToCount(value: unknown, field: string, row: string | number, unit: 1e9 | 1e12 = 1e9): number | null {
  const n = num(value, field, row);
  if (n === null) return null;
  const limit = unit === 1e9 ? 1e5 : 1e4;
  if (Math.abs(n) > limit) {
    throw new ParseError(`${field} = ${n} looks like a raw count, not ${unit === 1e9 ? 'billions' : 'trillions'}`, {
      field, row, hint: 'the source changed units; drop the conversion for this field',
    });
  }
  return Math.round(n * unit);
}

// ---------------------------------------------------------------- aa-models-page-json

export const aaPageModelRow = z.object({
  model_id: z.string().min(1),
  name: z.string().min(1),
  short_name: nullableText,
  slug: z.string().min(1),
  creator_name: nullableText,
  creator_slug: nullableText,
  creator_country: z.string().regex(/^[a-z]{2}$/, 'creator_country is not a lowercase ISO-2 code: did the source change the country format?').nullable(),
  release_date: isoDateSchema,
  deprecated: z.boolean().nullable(),
  reasoning_model: z.boolean().nullable(),
  open_weights: z.boolean().nullable(),
  licence_name: nullableText,
  licence_url: nullableText,
  commercial_use_allowed: z.boolean().nullable(),
  huggingface_url: nullableText,
  openness_index: subIndex('Openness Index'),
  intelligence_index: intelligenceIndex,
  intelligence_index_is_estimated: z.boolean().nullable(),
  coding_index: subIndex('Coding Index'),
  agentic_index: subIndex('Agentic Index'),
  gpqa: fraction,
  hle: fraction,
  scicode: fraction,
  ifbench: fraction,
  aa_lcr: fraction,
  terminal_bench_hard: fraction,
  tau2_bench: fraction,
  mmmu_pro: fraction,
  total_parameters: count,
  active_parameters: count,
  training_tokens: count,
  context_window_tokens: count,
  size_class: nullableText,
  price_input_usd_per_1m: usdPer1m,
  price_output_usd_per_1m: usdPer1m,
  price_blended_3to1_usd_per_1m: usdPer1m,
  price_class: nullableText,
  intelligence_index_cost_usd: usdPer1m,
  median_output_tokens_per_second: positive,
  p05_output_tokens_per_second: positive,
  q25_output_tokens_per_second: positive,
  q75_output_tokens_per_second: positive,
  p95_output_tokens_per_second: positive,
  median_time_to_first_token_seconds: positive,
  median_time_to_first_answer_token_seconds: positive,
  median_end_to_end_response_seconds: positive,
});
export type AaPageModelRow = z.infer<typeof aaPageModelRow>;

/** The collector's field paths and the page payload's own camelCase keys for them. */
export const PAGE_KEYS: Record<string, string> = {
  id: 'id',
  name: 'name',
  short_name: 'shortName',
  slug: 'slug',
  release_date: 'releaseDate',
  reasoning_model: 'reasoningModel',
  deprecated: 'deprecated',
  'creator.name': 'modelCreatorName',
  'creator.slug': 'modelCreatorSlug',
  'creator.country': 'modelCreatorCountry',
  'evaluations.artificial_analysis_intelligence_index': 'intelligenceIndex',
  'evaluations.artificial_analysis_intelligence_index_is_estimated': 'intelligenceIndexIsEstimated',
  'evaluations.artificial_analysis_coding_index': 'codingIndex',
  'evaluations.artificial_analysis_agentic_index': 'agenticIndex',
  'evaluations.gpqa': 'gpqa',
  'evaluations.hle': 'hle',
  'evaluations.scicode': 'scicode',
  'evaluations.ifbench': 'ifbench',
  'evaluations.aa_lcr': 'lcr',
  'evaluations.terminal_bench_hard': 'terminalbenchHard',
  'evaluations.tau2_bench': 'tau2',
  'evaluations.mmmu_pro': 'mmmuPro',
  'pricing.price_1m_blended_3_to_1': 'price1mBlended3To1',
  'pricing.price_1m_input_tokens': 'price1mInputTokens',
  'pricing.price_1m_output_tokens': 'price1mOutputTokens',
  'pricing.intelligence_index_cost_total': 'intelligenceIndexCostTotal',
  'pricing.price_class': 'priceClass',
  'speed.output_tokens_per_second': 'medianOutputTokensPerSecond',
  'speed.time_to_first_token_seconds': 'medianTimeToFirstTokenSeconds',
  'speed.time_to_first_answer_token_seconds': 'medianTimeToFirstAnswerTokenSeconds',
  'speed.end_to_end_response_time_seconds': 'medianEndToEndResponseTimeSeconds',
  'speed.percentile_05_output_tokens_per_second': 'percentile05OutputTokensPerSecond',
  'speed.quartile_25_output_tokens_per_second': 'quartile25OutputTokensPerSecond',
  'speed.quartile_75_output_tokens_per_second': 'quartile75OutputTokensPerSecond',
  'speed.percentile_95_output_tokens_per_second': 'percentile95OutputTokensPerSecond',
  'capabilities.context_window_tokens': 'contextWindowTokens',
  'capabilities.total_parameters': 'totalParameters',
  'capabilities.active_parameters': 'activeParameters',
  'capabilities.training_tokens_trillions': 'trainingTokensTrillions',
  'capabilities.size_class': 'sizeClass',
  'open_weights.is_open_weights': 'isOpenWeights',
  'open_weights.commercial_allowed': 'commercialAllowed',
  'open_weights.license_name': 'licenseName',
  'open_weights.license_url': 'licenseUrl',
  'open_weights.huggingface_url': 'huggingfaceUrl',
  'breakdowns.openness.opennessIndex': 'opennessBreakdown.opennessIndex',
};

/** Keys whose absence from the whole file means the layout changed (the rest may be absent: null). */
const PAGE_REQUIRED = [
  'id', 'name', 'slug', 'release_date', 'creator.name', 'creator.country',
  'evaluations.artificial_analysis_intelligence_index', 'open_weights.is_open_weights', 'open_weights.license_name',
  'capabilities.total_parameters', 'capabilities.active_parameters',
  'pricing.price_1m_input_tokens', 'pricing.price_1m_output_tokens',
  'speed.output_tokens_per_second', 'speed.time_to_first_token_seconds',
] as const;

type Getter = (record: unknown, path: string) => unknown;
const collectorGet: Getter = (r, path) => at(r, path);
/** The page payload writes JS undefined as the string "$undefined". */
const payloadGet: Getter = (r, path) => {
  const v = at(r, PAGE_KEYS[path] ?? path);
  return v === '$undefined' ? null : v;
};

/** Parses either the collector's `{meta, models}` JSON or the live page HTML. */
export function parseAaModelsPage(bytes: Uint8Array): AaPageModelRow[] {
  const content = decodeUtf8(bytes);
  if (content.trimStart().startsWith('<')) {
    return pageRows(extractPagePayloadModels(content), payloadGet, 'the leaderboard page payload');
  }
  const json = parseJson(content, 'the leaderboard page JSON');
  if (!isRecord(json) || !Array.isArray(json.models)) {
    throw new ParseError('no "models" array in the leaderboard page JSON', { field: 'models', hint: 'not the collector\'s {meta, models} file' });
  }
  checkModelCount(json, json.models.length);
  return pageRows(json.models, collectorGet, 'the leaderboard page JSON');
}

function checkModelCount(json: Record<string, unknown>, actual: number): void {
  const declared = at(json, 'meta.model_count');
  if (typeof declared === 'number' && declared !== actual) {
    throw new ParseError(`meta.model_count says ${declared} models but the file holds ${actual}`, { field: 'meta.model_count', hint: 'the file was truncated or edited' });
  }
}

function pageRows(models: unknown[], get: Getter, what: string): AaPageModelRow[] {
  requirePaths(models, PAGE_REQUIRED, (r, p) => get(r, p) !== undefined, `record of ${what}`, RENAMED);
  const rows = models.map((m, i): AaPageModelRow => {
    if (!isRecord(m)) throw new ParseError('a model entry is not an object', { row: i + 1 });
    const slug = text(get(m, 'slug'));
    const row = slug ?? i + 1;
    const name = text(get(m, 'name'));
    const id = text(get(m, 'id'));
    if (!slug || !name || !id) throw new ParseError('model without id, name or slug', { field: !id ? 'id' : !name ? 'name' : 'slug', row: i + 1 });
    const n = (path: string) => num(get(m, path), path, row);
    const b = (path: string) => bool(get(m, path), path, row);
    const total = billionsToCount(get(m, 'capabilities.total_parameters'), 'capabilities.total_parameters', row);
    const active = billionsToCount(get(m, 'capabilities.active_parameters'), 'capabilities.active_parameters', row);
    if (total !== null && active !== null && active > total) {
      throw new ParseError(`active parameters (${active}) exceed total parameters (${total})`, { field: 'capabilities.active_parameters', row, hint: 'the two fields changed units or meaning' });
    }
    const country = text(get(m, 'creator.country'));
    return {
      model_id: id,
      name,
      short_name: text(get(m, 'short_name')),
      slug,
      creator_name: text(get(m, 'creator.name')),
      creator_slug: text(get(m, 'creator.slug')),
      creator_country: country,
      release_date: isoDate(get(m, 'release_date'), 'release_date', row),
      deprecated: b('deprecated'),
      reasoning_model: b('reasoning_model'),
      open_weights: b('open_weights.is_open_weights'),
      licence_name: text(get(m, 'open_weights.license_name')),
      licence_url: text(get(m, 'open_weights.license_url')),
      commercial_use_allowed: b('open_weights.commercial_allowed'),
      huggingface_url: text(get(m, 'open_weights.huggingface_url')),
      openness_index: n('breakdowns.openness.opennessIndex'),
      intelligence_index: n('evaluations.artificial_analysis_intelligence_index'),
      intelligence_index_is_estimated: b('evaluations.artificial_analysis_intelligence_index_is_estimated'),
      coding_index: n('evaluations.artificial_analysis_coding_index'),
      agentic_index: n('evaluations.artificial_analysis_agentic_index'),
      gpqa: n('evaluations.gpqa'),
      hle: n('evaluations.hle'),
      scicode: n('evaluations.scicode'),
      ifbench: n('evaluations.ifbench'),
      aa_lcr: n('evaluations.aa_lcr'),
      terminal_bench_hard: n('evaluations.terminal_bench_hard'),
      tau2_bench: n('evaluations.tau2_bench'),
      mmmu_pro: n('evaluations.mmmu_pro'),
      total_parameters: total,
      active_parameters: active,
      training_tokens: billionsToCount(get(m, 'capabilities.training_tokens_trillions'), 'capabilities.training_tokens_trillions', row, 1e12),
      context_window_tokens: n('capabilities.context_window_tokens'),
      size_class: text(get(m, 'capabilities.size_class')),
      price_input_usd_per_1m: n('pricing.price_1m_input_tokens'),
      price_output_usd_per_1m: n('pricing.price_1m_output_tokens'),
      price_blended_3to1_usd_per_1m: n('pricing.price_1m_blended_3_to_1'),
      price_class: text(get(m, 'pricing.price_class')),
      intelligence_index_cost_usd: n('pricing.intelligence_index_cost_total'),
      median_output_tokens_per_second: n('speed.output_tokens_per_second'),
      p05_output_tokens_per_second: n('speed.percentile_05_output_tokens_per_second'),
      q25_output_tokens_per_second: n('speed.quartile_25_output_tokens_per_second'),
      q75_output_tokens_per_second: n('speed.quartile_75_output_tokens_per_second'),
      p95_output_tokens_per_second: n('speed.percentile_95_output_tokens_per_second'),
      median_time_to_first_token_seconds: n('speed.time_to_first_token_seconds'),
      median_time_to_first_answer_token_seconds: n('speed.time_to_first_answer_token_seconds'),
      median_end_to_end_response_seconds: n('speed.end_to_end_response_time_seconds'),
    };
  });
  checkUnique(rows.map((r) => r.slug), 'slug', (k) => `duplicate slug ${JSON.stringify(k)} in ${what}`, TWICE);
  return rows;
}

const FLIGHT_CHUNK = /self\.__next_f\.push\(\[1,("(?:\\.|[^"\\])*")\]\)/g;

/**
 * Finds the model list in the page's Next.js flight payload: the first array under a "models"
 * key whose entries carry `modelCreatorId` (the test the collector uses too).
 */
export function extractPagePayloadModels(html: string): unknown[] {
  const chunks: string[] = [];
  for (const m of html.matchAll(FLIGHT_CHUNK)) {
    try {
      chunks.push(JSON.parse(m[1]!) as string);
    } catch {
      // a chunk that is not a JSON string literal cannot hold the payload
    }
  }
  if (chunks.length === 0) {
    throw new ParseError('no Next.js flight payload (self.__next_f.push) in the leaderboard page', {
      field: 'self.__next_f', hint: 'the page is no longer a Next.js app-router page, or an error page was served',
    });
  }
  // A flight row may span chunks: try each chunk, then each line of the joined stream.
  const candidates = [...chunks, ...chunks.join('').split('\n')];
  for (const candidate of candidates) {
    const body = candidate.replace(/^[0-9a-f]+:/, '');
    if (!body.includes('"models"') || !/^[[{]/.test(body)) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(body);
    } catch {
      continue;
    }
    const found = findModelList(obj);
    if (found) return found;
  }
  throw new ParseError('no model list with "modelCreatorId" entries in the page payload', {
    field: 'models', hint: 'the page payload was restructured; inspect self.__next_f chunks containing "intelligenceIndex"',
  });
}

function findModelList(root: unknown): unknown[] | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
    } else if (isRecord(node)) {
      const models = node.models;
      if (Array.isArray(models) && models.length > 0 && isRecord(models[0]) && 'modelCreatorId' in models[0]) return models;
      const values = Object.values(node);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
  return null;
}

// ---------------------------------------------------------------- aa-api-v2-json

export const aaApiModelRow = z.object({
  model_id: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().min(1),
  creator_name: nullableText,
  creator_slug: nullableText,
  release_date: isoDateSchema,
  intelligence_index: intelligenceIndex,
  coding_index: subIndex('Coding Index'),
  math_index: subIndex('Math Index'),
  mmlu_pro: fraction,
  gpqa: fraction,
  hle: fraction,
  livecodebench: fraction,
  scicode: fraction,
  math_500: fraction,
  aime: fraction,
  aime_25: fraction,
  ifbench: fraction,
  lcr: fraction,
  terminalbench_hard: fraction,
  tau2: fraction,
  price_input_usd_per_1m: usdPer1m,
  price_output_usd_per_1m: usdPer1m,
  price_blended_3to1_usd_per_1m: usdPer1m,
  median_output_tokens_per_second: positive,
  median_time_to_first_token_seconds: positive,
  median_time_to_first_answer_token_seconds: positive,
});
export type AaApiModelRow = z.infer<typeof aaApiModelRow>;

const API_BENCHMARKS = ['mmlu_pro', 'gpqa', 'hle', 'livecodebench', 'scicode', 'math_500', 'aime', 'aime_25', 'ifbench', 'lcr', 'terminalbench_hard', 'tau2'] as const;

/** Field paths in AA's own response, and where the collector moved them. */
const API_PATHS = {
  raw: {
    creatorName: 'model_creator.name', creatorSlug: 'model_creator.slug',
    tps: 'median_output_tokens_per_second', ttft: 'median_time_to_first_token_seconds', ttfat: 'median_time_to_first_answer_token',
  },
  collector: {
    creatorName: 'creator.name', creatorSlug: 'creator.slug',
    tps: 'speed.output_tokens_per_second', ttft: 'speed.time_to_first_token_seconds', ttfat: 'speed.time_to_first_answer_token',
  },
} as const;

/** Parses the API v2 models response: AA's `{status, data}` or the collector's `{meta, models}`. */
export function parseAaApiModels(bytes: Uint8Array): AaApiModelRow[] {
  const json = parseJson(bytes, 'the API v2 response');
  if (!isRecord(json)) throw new ParseError('the API v2 response is not a JSON object', { hint: 'an error payload or another endpoint was served' });
  let models: unknown[];
  let paths: (typeof API_PATHS)[keyof typeof API_PATHS];
  if (Array.isArray(json.data)) {
    models = json.data;
    paths = API_PATHS.raw;
  } else if (Array.isArray(json.models)) {
    models = json.models;
    paths = API_PATHS.collector;
    checkModelCount(json, models.length);
  } else {
    const message = typeof json.message === 'string' ? `: ${json.message.slice(0, 120)}` : '';
    throw new ParseError(`no "data" (or collector "models") array in the API v2 response${message}`, {
      field: 'data', hint: json.status && json.status !== 200 ? `the API answered status ${JSON.stringify(json.status)} (bad or missing API key, or rate limit)` : 'the API changed its envelope',
    });
  }
  const required = ['id', 'name', 'slug', 'release_date', paths.creatorName, 'evaluations.artificial_analysis_intelligence_index',
    'pricing.price_1m_input_tokens', 'pricing.price_1m_output_tokens', 'pricing.price_1m_blended_3_to_1', paths.tps, paths.ttft];
  requirePaths(models, required, (r, p) => at(r, p) !== undefined, 'record of the API v2 response', RENAMED);

  const rows = models.map((m, i): AaApiModelRow => {
    if (!isRecord(m)) throw new ParseError('a model entry is not an object', { row: i + 1 });
    const slug = text(m.slug);
    const row = slug ?? i + 1;
    const name = text(m.name);
    const id = text(m.id);
    if (!slug || !name || !id) throw new ParseError('model without id, name or slug', { field: !id ? 'id' : !name ? 'name' : 'slug', row: i + 1 });
    const n = (path: string) => num(at(m, path), path, row);
    // The API writes 0 for "not measured": no endpoint has 0 tokens/s or a 0 s first token.
    const measured = (path: string) => {
      const v = n(path);
      return v === 0 ? null : v;
    };
    const tps = measured(paths.tps);
    const prices = [n('pricing.price_1m_input_tokens'), n('pricing.price_1m_output_tokens'), n('pricing.price_1m_blended_3_to_1')];
    const unpriced = tps === null && prices.every((p) => p === 0 || p === null);
    const [input, output, blended] = unpriced ? [null, null, null] : prices;
    const bench = Object.fromEntries(API_BENCHMARKS.map((k) => [k, n(`evaluations.${k}`)])) as Record<(typeof API_BENCHMARKS)[number], number | null>;
    return {
      model_id: id,
      name,
      slug,
      creator_name: text(at(m, paths.creatorName)),
      creator_slug: text(at(m, paths.creatorSlug)),
      release_date: isoDate(m.release_date, 'release_date', row),
      intelligence_index: n('evaluations.artificial_analysis_intelligence_index'),
      coding_index: n('evaluations.artificial_analysis_coding_index'),
      math_index: n('evaluations.artificial_analysis_math_index'),
      ...bench,
      price_input_usd_per_1m: input ?? null,
      price_output_usd_per_1m: output ?? null,
      price_blended_3to1_usd_per_1m: blended ?? null,
      median_output_tokens_per_second: tps,
      median_time_to_first_token_seconds: measured(paths.ttft),
      median_time_to_first_answer_token_seconds: measured(paths.ttfat),
    };
  });
  checkUnique(rows.map((r) => r.slug), 'slug', (k) => `duplicate slug ${JSON.stringify(k)} in the API v2 response`, TWICE);
  return rows;
}

// ---------------------------------------------------------------- aa-providers-table-csv

export const aaProviderRow = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
  api_id: nullableText,
  licence_type: z.enum(['Open', 'Proprietary']),
  context_window_tokens: count,
  function_calling: z.boolean().nullable(),
  json_mode: z.boolean().nullable(),
  openai_compatible: z.boolean().nullable(),
  footnotes: nullableText,
  intelligence_index: intelligenceIndex,
  mmlu_pro_pct: percent,
  gpqa_diamond_pct: percent,
  hle_pct: percent,
  livecodebench_pct: percent,
  scicode_pct: percent,
  ifbench_pct: percent,
  aime_2025_pct: percent,
  aa_lcr_pct: percent,
  aime_2024_pct: percent,
  math_500_pct: percent,
  humaneval_pct: percent,
  chatbot_arena_elo: positive,
  price_blended_usd_per_1m: usdPer1m,
  price_input_usd_per_1m: usdPer1m,
  price_output_usd_per_1m: usdPer1m,
  median_output_tokens_per_second: positive,
  p5_output_tokens_per_second: positive,
  p25_output_tokens_per_second: positive,
  p75_output_tokens_per_second: positive,
  p95_output_tokens_per_second: positive,
  median_first_chunk_seconds: positive,
  first_answer_token_seconds: positive,
  p5_first_chunk_seconds: positive,
  p25_first_chunk_seconds: positive,
  p75_first_chunk_seconds: positive,
  p95_first_chunk_seconds: positive,
  total_response_seconds: positive,
  reasoning_time_seconds: positive,
  // Derived from the provider and model cells (scrapers/lib/aa-endpoint.ts): an endpoint variant is a separate offer of one model.
  host: z.string().min(1),
  base_model: z.string().min(1),
  endpoint_variant: nullableText,
  precision: nullableText,
});
export type AaProviderRow = z.infer<typeof aaProviderRow>;

type ProviderCol = keyof AaProviderRow;
type Kind = 'text' | 'bool' | 'num' | 'pct' | 'usd' | 'tokens' | 'licence';

/** Source header → output column and how to read it. Benchmarks come and go: only REQUIRED ones must exist. */
const PROVIDER_COLUMNS: [string, ProviderCol, Kind][] = [
  ['API Provider', 'provider', 'text'],
  ['Model', 'model', 'text'],
  ['API ID', 'api_id', 'text'],
  ['License', 'licence_type', 'licence'],
  ['Context Window', 'context_window_tokens', 'tokens'],
  ['Function Calling', 'function_calling', 'bool'],
  ['JSON Mode', 'json_mode', 'bool'],
  ['OpenAI Compatible', 'openai_compatible', 'bool'],
  ['Footnotes', 'footnotes', 'text'],
  ['Artificial Analysis Intelligence Index', 'intelligence_index', 'num'],
  ['MMLU-Pro (Reasoning & Knowledge)', 'mmlu_pro_pct', 'pct'],
  ['GPQA Diamond (Scientific Reasoning)', 'gpqa_diamond_pct', 'pct'],
  ["Humanity's Last Exam (Reasoning & Knowledge)", 'hle_pct', 'pct'],
  ['LiveCodeBench (Coding)', 'livecodebench_pct', 'pct'],
  ['SciCode (Coding)', 'scicode_pct', 'pct'],
  ['IFBench (Instruction Following)', 'ifbench_pct', 'pct'],
  ['AIME 2025 (Competition Math)', 'aime_2025_pct', 'pct'],
  ['AA-LCR (Long Context Reasoning)', 'aa_lcr_pct', 'pct'],
  ['AIME 2024 (Competition Math)', 'aime_2024_pct', 'pct'],
  ['Math 500 (Competition Math)', 'math_500_pct', 'pct'],
  ['HumanEval (Coding)', 'humaneval_pct', 'pct'],
  ['Chatbot Arena', 'chatbot_arena_elo', 'num'],
  ['Blended USD/1M Tokens', 'price_blended_usd_per_1m', 'usd'],
  ['Input Price USD/1M Tokens', 'price_input_usd_per_1m', 'usd'],
  ['Output Price USD/1M Tokens', 'price_output_usd_per_1m', 'usd'],
  ['Median Tokens/s', 'median_output_tokens_per_second', 'num'],
  ['P5 Tokens/s', 'p5_output_tokens_per_second', 'num'],
  ['P25 Tokens/s', 'p25_output_tokens_per_second', 'num'],
  ['P75 Tokens/s', 'p75_output_tokens_per_second', 'num'],
  ['P95 Tokens/s', 'p95_output_tokens_per_second', 'num'],
  ['Median First Chunk (s)', 'median_first_chunk_seconds', 'num'],
  ['First Answer Token (s)', 'first_answer_token_seconds', 'num'],
  ['P5 First Chunk (s)', 'p5_first_chunk_seconds', 'num'],
  ['P25 First Chunk (s)', 'p25_first_chunk_seconds', 'num'],
  ['P75 First Chunk (s)', 'p75_first_chunk_seconds', 'num'],
  ['P95 First Chunk (s)', 'p95_first_chunk_seconds', 'num'],
  ['Total Response (s)', 'total_response_seconds', 'num'],
  ['Reasoning Time (s)', 'reasoning_time_seconds', 'num'],
];

export const PROVIDER_REQUIRED = [
  'API Provider', 'Model', 'License', 'Artificial Analysis Intelligence Index',
  'Blended USD/1M Tokens', 'Input Price USD/1M Tokens', 'Output Price USD/1M Tokens',
  'Median Tokens/s', 'Median First Chunk (s)',
] as const;

/** "$1.25" → 1.25 (USD per 1M tokens as displayed). */
function usd(value: unknown, field: string, row: number): number | null {
  const s = text(value);
  return num(s === null ? null : s.replace(/^\$\s*/, ''), field, row);
}

/** "131k" → 131000, "1m" → 1000000: the table's rounded display, not the exact token limit. */
function tokens(value: unknown, field: string, row: number): number | null {
  const s = text(value);
  const m = s === null ? null : /^(\d+(?:\.\d+)?)\s*([kmb]?)$/i.exec(s.replace(/,/g, ''));
  if (!m) return num(s, field, row); // blank → null; anything else fails naming the field
  const scale = { '': 1, k: 1e3, m: 1e6, b: 1e9 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'b'];
  return Math.round(Number(m[1]) * scale);
}

function providerRecordsToRows(records: Record<string, string>[], header: string[]): AaProviderRow[] {
  for (const col of PROVIDER_REQUIRED) {
    if (!header.includes(col)) {
      throw new ParseError(`missing column "${col}" in the providers table`, {
        field: col, hint: `the source renamed or dropped it; columns present: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`,
      });
    }
  }
  const rows = records.map((r, i) => {
    const row = i + 1;
    const out: Record<string, unknown> = {};
    for (const [src, col, kind] of PROVIDER_COLUMNS) {
      const raw = header.includes(src) ? r[src] : undefined;
      switch (kind) {
        case 'text': out[col] = text(raw); break;
        case 'bool': out[col] = bool(raw, src, row); break;
        case 'num': case 'pct': out[col] = num(raw, src, row); break;
        case 'usd': out[col] = usd(raw, src, row); break;
        case 'tokens': out[col] = tokens(raw, src, row); break;
        case 'licence': {
          const v = text(raw);
          if (v !== 'Open' && v !== 'Proprietary') {
            throw new ParseError(`licence is ${JSON.stringify(v)}, expected Open or Proprietary`, { field: src, row, hint: 'the licence column changed its values or the columns shifted' });
          }
          out[col] = v;
          break;
        }
      }
    }
    if (!out.provider || !out.model) throw new ParseError('blank provider or model', { field: out.provider ? 'Model' : 'API Provider', row, hint: 'the columns shifted' });
    Object.assign(out, splitAaEndpoint(out.provider as string, out.model as string));
    return out as AaProviderRow;
  });
  checkUnique(rows.map((r) => `${r.provider} | ${r.model} | ${r.api_id ?? ''}`), 'provider | model | API ID', (k) => `duplicate provider | model | API ID ${JSON.stringify(k)} in the providers table`, TWICE);
  return rows;
}

/** The CSV export of the providers table (replay), or the page's HTML <table> (live). */
export function parseAaProviders(bytes: Uint8Array): AaProviderRow[] {
  const content = decodeUtf8(bytes);
  if (/^\s*</.test(content)) return providerRowsFromHtml(content);
  const records = readCsv(content, { required: PROVIDER_REQUIRED, what: 'the providers table CSV' });
  const header = records.length > 0 ? Object.keys(records[0]!) : [...PROVIDER_REQUIRED];
  return providerRowsOrEmpty(records, header);
}

function providerRowsOrEmpty(records: Record<string, string>[], header: string[]): AaProviderRow[] {
  if (records.length === 0) throw new ParseError('the providers table has a header but no rows', { hint: 'the scrape stopped before the table loaded' });
  return providerRecordsToRows(records, header);
}

function providerRowsFromHtml(html: string): AaProviderRow[] {
  const $ = cheerio.load(html);
  const cellText = (el: Parameters<typeof $>[0]) => {
    const c = $(el).clone();
    c.find('br').replaceWith(' ');
    c.find('svg, script, style').remove();
    return c.text().replace(/\s+/g, ' ').trim();
  };
  for (const table of $('table').toArray()) {
    const headRows = $(table).find('thead tr').toArray();
    const header = headRows.length > 0 ? $(headRows.at(-1)!).find('th, td').toArray().map(cellText) : [];
    if (!header.some((h) => h.toLowerCase() === 'api provider')) continue;
    const normalised = header.map((h) => (h.toLowerCase() === 'api provider' ? 'API Provider' : h));
    const records = $(table).find('tbody tr').toArray().map((tr) => {
      const cells = $(tr).find('td, th').toArray();
      const rec: Record<string, string> = {};
      normalised.forEach((h, i) => {
        const cell = cells[i];
        if (!cell) return;
        // The provider cell is a logo: its alt text names the provider.
        const alt = i === 0 ? withoutLogoSuffix($(cell).find('img').attr('alt')) : undefined;
        rec[h] = alt || cellText(cell);
      });
      return rec;
    }).filter((rec) => Object.values(rec).some((v) => v !== ''));
    return providerRowsOrEmpty(records, normalised);
  }
  throw new ParseError('no table with an "API Provider" header in the providers page', {
    field: 'API Provider',
    hint: 'the table is rendered client-side or its columns are collapsed; export it with a headless browser (as the deyil scraper does) and replay the CSV',
  });
}

// ---------------------------------------------------------------- the source

function apiKeyHeaders(): Record<string, string> {
  const key = process.env[API_KEY_ENV]?.trim();
  if (!key) {
    throw new ParseError(`the Artificial Analysis API needs a key: set ${API_KEY_ENV}`, {
      field: API_KEY_ENV,
      hint: `create a free key at https://artificialanalysis.ai (API access), then run with ${API_KEY_ENV}=... in the environment; replay mode needs no key`,
    });
  }
  return { 'x-api-key': key };
}

/** "DeepInfra logo" → "DeepInfra". Not `/\s+logo$/`: that is tried from every blank of a long blank run. */
function withoutLogoSuffix(alt: string | undefined): string | undefined {
  if (alt === undefined) return undefined;
  return (/\slogo$/i.test(alt) ? alt.slice(0, -4) : alt).trim();
}

export const artificialAnalysis: SourceDef = {
  id: 'artificialanalysis',
  name: 'Artificial Analysis',
  homepage: 'https://artificialanalysis.ai',
  licence: 'Attribution required (Artificial Analysis terms of use)',
  citation: 'Source: Artificial Analysis, artificialanalysis.ai',
  notes: [
    'models: the leaderboard page payload (https://artificialanalysis.ai/leaderboards/models); the captured files are a community collector\'s reshaping of that payload (oolong-tea-2026/artificial-analysis-leaderboards, MIT), not raw AA bytes.',
    'models-api: AA API v2 /data/llms/models (x-api-key from ARTIFICIAL_ANALYSIS_API_KEY); the capture is the same collector\'s reshaped copy; the API writes 0 for unmeasured speed/price, kept as null.',
    'providers: the per-provider table, captured by deyil/artificial-analysis-leaderboards-scraper (Playwright export to CSV, GPL-3.0 repository).',
    'The Intelligence Index is re-based when AA changes its methodology and the data does not state the index version: compare scores within one as_of only.',
    'Parameters are converted from billions to counts; benchmark scores are fractions in models/models-api and percent (_pct) in providers.',
  ].join(' '),
  targets(): Target[] {
    return [
      // A page behind a bot wall: optional, so its failure does not sink the API and the providers table.
      { dataset: 'models', format: 'aa-models-page-json', url: PAGE_URL, accept: ['text/html', 'application/json'], optional: true },
      { dataset: 'models', format: 'aa-api-v2-json', url: API_URL, accept: ['application/json'], headers: apiKeyHeaders, requiresEnv: API_KEY_ENV },
      { dataset: 'providers', format: 'aa-providers-table-csv', url: PROVIDERS_URL, accept: ['text/csv', 'text/html', 'text/plain'] },
    ];
  },
  formats: {
    'aa-models-page-json': defineFormat({
      format: 'aa-models-page-json',
      columns: Object.keys(aaPageModelRow.shape) as (keyof AaPageModelRow)[],
      row: aaPageModelRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'models', rows: checkRows(aaPageModelRow, parseAaModelsPage(capture.bytes)) }],
    }),
    'aa-api-v2-json': defineFormat({
      format: 'aa-api-v2-json',
      columns: Object.keys(aaApiModelRow.shape) as (keyof AaApiModelRow)[],
      row: aaApiModelRow,
      // The manifest files this under dataset "models"; its fields differ, so it gets its own table.
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'models-api', rows: checkRows(aaApiModelRow, parseAaApiModels(capture.bytes)) }],
    }),
    'aa-providers-table-csv': defineFormat({
      format: 'aa-providers-table-csv',
      columns: Object.keys(aaProviderRow.shape) as (keyof AaProviderRow)[],
      row: aaProviderRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'providers', rows: checkRows(aaProviderRow, parseAaProviders(capture.bytes)) }],
    }),
  },
};
