/**
 * Artificial Analysis format aa-models-page-json: the models leaderboard page payload (or a
 * collector's reshaping of it) → one row per model. The source and its conventions: scrapers/artificialanalysis.ts.
 */
import { isRecord, parseJson } from '../lib/json.ts';
import { decodeUtf8 } from '../../lib/csv.ts';
import { ParseError } from '../../lib/errors.ts';
import { bool, isoDate, num, text } from '../lib/values.ts';
import { checkUnique, requirePaths } from '../lib/checks.ts';
import { at, billionsToCount, checkModelCount, RENAMED, TWICE } from './shared.ts';
import { aaPageModelRow, type AaPageModelRow } from '../../lib/source-rows/artificialanalysis.ts';
export { aaPageModelRow, type AaPageModelRow };

// ---------------------------------------------------------------- aa-models-page-json


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
