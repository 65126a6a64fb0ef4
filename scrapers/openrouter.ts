/**
 * OpenRouter: the model list of a large API router, with its default (lowest-price route)
 * prices, context lengths and supported request parameters.
 *
 * Live URLs (no API key needed):
 * - https://openrouter.ai/api/v1/models → dataset `models` (format openrouter-models-json,
 *   `{data: [model, ...]}`).
 * - https://openrouter.ai/api/v1/models?supported_parameters=tools → dataset `tools-subset`
 *   (format openrouter-models-list-json): the models that accept `tools`. Its only capture is
 *   a third party's bare list (the `data` envelope removed); the live answer has the envelope,
 *   so this format reads both shapes.
 *
 * Expected schema per model: `{id, canonical_slug, name, created (Unix seconds),
 * context_length, pricing{prompt, completion, ...}, [hugging_face_id], supported_parameters[],
 * [knowledge_cutoff], [links{details}]}`. A model without `id` or `pricing` fails loudly.
 *
 * Units: `pricing.prompt` / `pricing.completion` are strings of USD per token. They are
 * converted to USD per 1M tokens by shifting the decimal point of the string (no binary
 * arithmetic: "0.0000006" → 0.6), then rounded to 6 significant digits, half up. A negative
 * price ("-1", on openrouter/auto and other routers) means "variable: depends on the model
 * routed to"; it is written as blank and explained in `price_note`. The model-level price is
 * OpenRouter's default route, not a per-provider price.
 *
 * `endpoints_url` is the per-provider endpoints API of the model. OpenRouter's own
 * `links.details` is used where present; it is keyed by `canonical_slug`, not `id`
 * (`moonshotai/kimi-k2-thinking` → /api/v1/models/moonshotai/kimi-k2-thinking-20251106/endpoints),
 * so older responses without `links` get the same form built from `canonical_slug`.
 */
import { isRecord, parseJson } from './lib/json.ts';
import { decodeUtf8 } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type SourceDef, type Target } from './lib/source.ts';
import { checkRows, isBlank, isoDate, notScalar, num, text } from './lib/values.ts';
import { hasPath, requirePaths } from './lib/checks.ts';
import { openrouterRow, type OpenrouterRow } from '../lib/source-rows/openrouter.ts';
export { openrouterRow, type OpenrouterRow };

export const BASE = 'https://openrouter.ai';
export const MODELS_URL = `${BASE}/api/v1/models`;
export const TOOLS_URL = `${MODELS_URL}?supported_parameters=tools`;
const JSON_ACCEPT = ['application/json', 'text/plain', 'application/octet-stream'];
export const VARIABLE_PRICE_NOTE = 'variable: a router whose price is that of the model it routes to (source price -1)';





/**
 * USD per token (a decimal string) → USD per 1M tokens, exactly: the decimal point is moved in
 * the digits, then the result is rounded to 6 significant digits (half up). Negative → null
 * with `variable` set; blank → null.
 */
export function perMillion(value: unknown, field: string, row: string): { value: number | null; variable: boolean } {
  if (isBlank(value)) return { value: null, variable: false };
  if (typeof value === 'object') notScalar(value, 'a price', field, row);
  const s = String(value).trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    throw new ParseError(`not a price: ${JSON.stringify(s.slice(0, 40))}`, { field, row, hint: 'OpenRouter prices are decimal strings of USD per token' });
  }
  let digits = BigInt(`${m[2] ?? ''}${m[3] ?? ''}` || '0');
  if (m[1] === '-' && digits !== 0n) return { value: null, variable: true };
  // value = digits × 10^exp (per token); × 10^6 for per million.
  let exp = Number(m[4] ?? 0) - (m[3] ?? '').length + 6;
  const length = digits.toString().length;
  if (digits !== 0n && length > 6) {
    const drop = length - 6;
    const unit = 10n ** BigInt(drop);
    digits = (digits + unit / 2n) / unit;
    exp += drop;
  }
  const perM = Number(`${digits}e${exp}`);
  if (!Number.isFinite(perM)) throw new ParseError(`price out of range: ${JSON.stringify(s.slice(0, 40))}`, { field, row, hint: 'OpenRouter prices are decimal strings of USD per token' });
  return { value: perM, variable: false };
}

/** The model list out of a response: `{data: [...]}`, or a bare list when `allowBare`. */
function modelList(doc: unknown, allowBare: boolean): unknown[] {
  if (Array.isArray(doc)) {
    if (allowBare) return doc;
    throw new ParseError('expected {"data": [...]}, got a bare list', { field: 'data', hint: 'this is the list variant (openrouter-models-list-json)' });
  }
  if (!isRecord(doc) || !Array.isArray(doc['data'])) {
    throw new ParseError('no "data" list in the models response', { field: 'data', hint: 'OpenRouter changed the response envelope, or an error object was served' });
  }
  return doc['data'];
}

/**
 * Fields that a model may lack, or hold null, but that some model of any response has: absent
 * from every model, the field was renamed or moved, and the column would silently be all blank.
 * (`knowledge_cutoff` and `links` are newer than some captures, so they are not listed.)
 */
const EXPECTED_PATHS = ['name', 'created', 'context_length', 'canonical_slug', 'hugging_face_id', 'supported_parameters', 'pricing.prompt', 'pricing.completion'] as const;


/** An absolute URL from OpenRouter's (usually relative) links.details. */
function detailsUrl(details: string, row: string): string {
  try {
    return new URL(details, BASE).href;
  } catch {
    throw new ParseError(`links.details is not a URL: ${JSON.stringify(details.slice(0, 80))}`, { field: 'links.details', row });
  }
}

/** Parses an OpenRouter /api/v1/models response into one row per model, in the response's order. */
export function parseOpenrouterModels(content: Uint8Array | string, opts: { allowBare?: boolean } = {}): OpenrouterRow[] {
  const list = modelList(parseJson(content, 'OpenRouter models response'), opts.allowBare ?? false);
  requirePaths(list, EXPECTED_PATHS, hasPath, 'model', 'OpenRouter renamed or dropped this field; compare a model of the new response with the module header');
  return list.map((model, i) => {
    const index = i + 1;
    if (!isRecord(model)) throw new ParseError('model entry is not an object', { row: index });
    const id = text(model['id']);
    if (!id) throw new ParseError('model without "id"', { field: 'id', row: index, hint: 'the model object was renamed or restructured' });
    const pricing = model['pricing'];
    if (!isRecord(pricing)) throw new ParseError(`model "${id}" has no "pricing" object`, { field: 'pricing', row: id, hint: 'OpenRouter moved or renamed the price fields' });
    const prompt = perMillion(pricing['prompt'], 'pricing.prompt', id);
    const completion = perMillion(pricing['completion'], 'pricing.completion', id);
    const params = model['supported_parameters'];
    if (params !== undefined && params !== null && !Array.isArray(params)) {
      throw new ParseError(`"supported_parameters" of "${id}" is not a list`, { field: 'supported_parameters', row: id });
    }
    const canonical = text(model['canonical_slug']);
    const links = isRecord(model['links']) ? model['links'] : {};
    const details = text(links['details']);
    const endpoints = details ? detailsUrl(details, id) : canonical ? `${MODELS_URL}/${canonical}/endpoints` : null;
    return {
      id,
      canonical_slug: canonical,
      name: text(model['name']),
      created: isoDate(model['created'], 'created', id),
      context_length: num(model['context_length'], 'context_length', id),
      prompt_price_per_1m: prompt.value,
      completion_price_per_1m: completion.value,
      price_note: prompt.variable || completion.variable ? VARIABLE_PRICE_NOTE : null,
      hugging_face_id: text(model['hugging_face_id']),
      knowledge_cutoff: isoDate(model['knowledge_cutoff'], 'knowledge_cutoff', id),
      supports_tools: Array.isArray(params) ? params.includes('tools') : null,
      endpoints_url: endpoints,
    };
  });
}

const columns = Object.keys(openrouterRow.shape) as (keyof OpenrouterRow)[];

export const openrouter: SourceDef = {
  id: 'openrouter',
  name: 'OpenRouter',
  homepage: 'https://openrouter.ai/models',
  licence: 'OpenRouter Terms of Service (API output; no open licence)',
  citation: 'OpenRouter, models API (https://openrouter.ai/api/v1/models)',
  notes: 'Prices are OpenRouter\'s default-route prices converted from USD per token to USD per 1M tokens; routers with a variable price (source -1) are blank, see price_note. tools-subset 2025-11-08 is a third party\'s copy (danielrosehill/OR-Models-With-Tools-0811) keeping only models that support tools; models 2026-05-15 is a raw response committed in anomalyco/models.dev.',
  targets(): Target[] {
    return [
      { dataset: 'models', format: 'openrouter-models-json', url: MODELS_URL, accept: JSON_ACCEPT },
      { dataset: 'tools-subset', format: 'openrouter-models-list-json', url: TOOLS_URL, accept: JSON_ACCEPT },
    ];
  },
  formats: {
    'openrouter-models-json': defineFormat({
      format: 'openrouter-models-json',
      columns,
      row: openrouterRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, rows: checkRows(openrouterRow, parseOpenrouterModels(capture.bytes)) }],
    }),
    'openrouter-models-list-json': defineFormat({
      format: 'openrouter-models-list-json',
      columns,
      row: openrouterRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, rows: checkRows(openrouterRow, parseOpenrouterModels(capture.bytes, { allowBare: true })) }],
    }),
  },
};
