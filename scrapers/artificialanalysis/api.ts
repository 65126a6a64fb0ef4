/** Artificial Analysis format aa-api-v2-json: API v2 /data/llms/models → one row per model. */
import { isRecord, parseJson } from '../lib/json.ts';
import { ParseError } from '../../lib/errors.ts';
import { isoDate, num, text } from '../lib/values.ts';
import { checkUnique, requirePaths } from '../lib/checks.ts';
import { at, checkModelCount, RENAMED, TWICE } from './shared.ts';
import { aaApiModelRow, type AaApiModelRow } from '../../lib/source-rows/artificialanalysis.ts';
export { aaApiModelRow, type AaApiModelRow };

// ---------------------------------------------------------------- aa-api-v2-json


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
