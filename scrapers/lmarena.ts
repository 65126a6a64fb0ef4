/**
 * LMArena (formerly LMSYS Chatbot Arena, now "Arena", arena.ai): the text leaderboard, its
 * history and LMArena's model metadata. Ratings are relative Bradley–Terry/Elo scores whose
 * anchoring drifts between dates. Scores with and without style control are different
 * numbers: every leaderboard row says which it is (`style_control`), and no output dataset
 * ever holds both.
 *
 * Live URLs (no API key needed):
 * - https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text.json
 *   and leaderboard-text-style-control.json (LMArena's own dump, format lmarena-catalog-json):
 *   `{category: {model_api_name: {rating, rating_q025, rating_q975}}}`, 29 categories, `full`
 *   is the overall board; no votes, organisation, licence or rank. → datasets `text-raw`,
 *   `text-style-control`, one row per (category, model).
 * - https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/scatterplot-data.json
 *   (format lmarena-catalog-metadata-json): a list of `{name, model_api_name,
 *   input_token_price, output_token_price, organization, license, price_source,
 *   model_source, [hidden]}`, prices in USD per 1M tokens as strings or numbers, licences
 *   hand-entered by LMArena. → dataset `metadata`.
 * - https://raw.githubusercontent.com/fboulnois/llm-leaderboard-csv/main/csv/lmarena_text.csv
 *   (format lmarena-leaderboard-csv, a third party's reshaping of the HF Space tables):
 *   `rank, [rank_stylectrl], model, arena_score, 95_pct_ci ("+5/-4"), votes, organization,
 *   license, knowledge_cutoff, url`; arena_score is the unadjusted (not style-controlled)
 *   score. → dataset `text-raw-fboulnois`. `rank` is Rank (UB) in the lmsys files and the
 *   row order in lmarena_text.csv; `rank_stylectrl` is kept under the collector's name (in
 *   the 2025-08-04 file it is the pickle's final_ranking, not necessarily a style-control rank).
 * - https://raw.githubusercontent.com/nakasyou/lmarena-history/main/output/result.csv
 *   (format lmarena-history-wide-csv, a community conversion of LMArena's elo_results pickles):
 *   one row per published date (yyyymmdd in an unnamed first column), one column per model,
 *   `0.0` = not on the board that day. → dataset `text-history`, ONE version per date row,
 *   each a long table of the models on the board (0.0 cells are left out, never written as 0).
 * - https://arena.ai/leaderboard/text (format arena-top-json): captures are a community
 *   collector's JSON `{meta{leaderboard, last_updated, model_count}, models[{rank, model,
 *   vendor, license, score, ci, votes}]}`; live, the page itself is served (HTML behind
 *   Cloudflare) and its `<table>` is read by header names. The default view is style-controlled.
 *   → dataset `arena-top` (not `text-style-control`, whose rows come from the catalog).
 *
 * The official machine-readable successor is the Hugging Face dataset
 * lmarena-ai/leaderboard-dataset (CC-BY-4.0, parquet); no capture of it exists yet.
 */
import { load } from 'cheerio';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { isRecord, parseJson } from './lib/json.ts';
import { decodeUtf8, readCsv } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type ParsedVersion, type SourceDef, type Target } from './lib/source.ts';
import { checkRows, isBlank, isoDate, num, text } from './lib/values.ts';
import { arenaTopRow, historyRow, leaderboardRow, metadataRow, type ArenaTopRow, type HistoryRow, type LeaderboardRow, type MetadataRow } from '../lib/source-rows/lmarena.ts';
export { arenaTopRow, historyRow, leaderboardRow, metadataRow, type ArenaTopRow, type HistoryRow, type LeaderboardRow, type MetadataRow };

const CSV_ACCEPT = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'];
const JSON_ACCEPT = ['application/json', 'text/plain', 'application/octet-stream'];
const CATALOG = 'https://raw.githubusercontent.com/lmarena/arena-catalog/main/data';


// ---------------------------------------------------------------- leaderboards


/** The overall board's category name in LMArena's own files. */
export const OVERALL = 'full';

/** a + b without binary noise (1470.3 + 5.2 is 1475.5, not 1475.5000000000002). */
const add = (a: number, b: number) => Number((a + b).toFixed(6));

/** "+5/-4" → the distances above and below the score; blank → null. */
export function parseCiText(value: unknown, field: string, row: number): { plus: number; minus: number } | null {
  if (isBlank(value)) return null;
  const m = /^\+\s*(\d+(?:\.\d+)?)\s*\/\s*-\s*(\d+(?:\.\d+)?)$/.exec(String(value).trim());
  if (!m) throw new ParseError(`not a "+a/-b" confidence interval: ${JSON.stringify(String(value).slice(0, 40))}`, { field, row, hint: 'the CI column changed format' });
  return { plus: Number(m[1]), minus: Number(m[2]) };
}

const sameExceptRank = (a: LeaderboardRow, b: LeaderboardRow) =>
  (Object.keys(a) as (keyof LeaderboardRow)[]).every((k) => k === 'rank' || a[k] === b[k]);

/**
 * The fboulnois leaderboard CSV (unadjusted scores, overall board only). A model listed
 * twice with identical values (it happens: Yi-34B-Chat in the 2025-08-04 file) is kept once
 * and counted as skipped; listed twice with different values, it is an error.
 */
export function parseLeaderboardCsv(csvText: string): { rows: LeaderboardRow[]; skipped: number } {
  const records = readCsv(csvText, {
    required: ['rank', 'model', 'arena_score', '95_pct_ci', 'votes', 'organization', 'license'],
    what: 'LMArena leaderboard CSV',
  });
  const rows: LeaderboardRow[] = [];
  const byModel = new Map<string, LeaderboardRow>();
  records.forEach((r, i) => {
    const row = i + 1;
    const model = text(r['model']);
    if (!model) throw new ParseError('blank model name', { field: 'model', row, hint: 'the model column moved or was renamed' });
    const score = num(r['arena_score'], 'arena_score', row);
    if (score === null) throw new ParseError('blank arena_score', { field: 'arena_score', row });
    const ci = parseCiText(r['95_pct_ci'], '95_pct_ci', row);
    const parsed: LeaderboardRow = {
      category: OVERALL,
      rank: num(r['rank'], 'rank', row),
      model,
      rating: score,
      rating_lower: ci ? add(score, -ci.minus) : null,
      rating_upper: ci ? add(score, ci.plus) : null,
      votes: num(r['votes'], 'votes', row),
      organization: text(r['organization']),
      licence: text(r['license']),
      style_control: false,
      rank_stylectrl: num(r['rank_stylectrl'], 'rank_stylectrl', row),
      knowledge_cutoff: isBlank(r['knowledge_cutoff']) ? null : text(r['knowledge_cutoff']),
      url: text(r['url']),
    };
    const earlier = byModel.get(model);
    if (earlier) {
      if (sameExceptRank(earlier, parsed)) return;
      throw new ParseError(`model "${model}" is listed twice with different values`, { field: 'model', row, hint: 'two different models share a display name; the table cannot be keyed by model' });
    }
    byModel.set(model, parsed);
    rows.push(parsed);
  });
  return { rows, skipped: records.length - rows.length };
}


const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function requiredNumber(entry: Record<string, unknown>, key: string, row: string): number {
  if (!(key in entry)) throw new ParseError(`missing key "${key}"`, { field: key, row, hint: `LMArena renamed it; keys present: ${Object.keys(entry).join(', ')}` });
  const v = entry[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ParseError(`"${key}" is not a number: ${JSON.stringify(v)}`, { field: key, row, hint: 'the value type changed' });
  return v;
}

/** LMArena's catalog dump: one row per (category, model), in the file's order. */
export function parseCatalog(json: unknown, opts: { styleControl: boolean }): LeaderboardRow[] {
  if (!isObject(json)) throw new ParseError('expected an object of categories', { field: '(top level)', hint: 'the dump is no longer {category: {model: {...}}}' });
  if (!(OVERALL in json)) throw new ParseError(`no "${OVERALL}" category (the overall board)`, { field: OVERALL, hint: `categories present: ${Object.keys(json).slice(0, 10).join(', ')}` });
  const rows: LeaderboardRow[] = [];
  for (const [category, models] of Object.entries(json)) {
    if (!isObject(models)) throw new ParseError(`category "${category}" is not an object of models`, { field: category });
    for (const [model, entry] of Object.entries(models)) {
      const row = `${category}/${model}`;
      if (!isObject(entry)) throw new ParseError('model entry is not an object', { field: model, row });
      const r = requiredNumber(entry, 'rating', row);
      const lower = requiredNumber(entry, 'rating_q025', row);
      const upper = requiredNumber(entry, 'rating_q975', row);
      if (lower > r || upper < r) {
        throw new ParseError(`rating ${r} outside its interval [${lower}, ${upper}]`, { field: 'rating_q025', row, hint: 'the quantile keys were swapped or changed meaning' });
      }
      rows.push({
        category, rank: null, model, rating: r, rating_lower: lower, rating_upper: upper, votes: null,
        organization: null, licence: null, style_control: opts.styleControl, rank_stylectrl: null, knowledge_cutoff: null, url: null,
      });
    }
  }
  return rows;
}

/** Which catalog file is style-controlled is told by the target's dataset, never guessed. */
export const CATALOG_DATASETS: Record<string, { styleControl: boolean; url: string }> = {
  'text-raw': { styleControl: false, url: `${CATALOG}/leaderboard-text.json` },
  'text-style-control': { styleControl: true, url: `${CATALOG}/leaderboard-text-style-control.json` },
};

// ---------------------------------------------------------------- history


/**
 * The wide history CSV → one version per date row: the models with a rating that day, in
 * the file's column order. `0.0` (and a blank cell) means "not on the board" and is left out.
 */
export function parseHistoryWide(csvText: string): ParsedVersion<HistoryRow>[] {
  let table: string[][];
  try {
    table = parseCsv(csvText, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    const e = err as { message: string; lines?: number; code?: string };
    throw new ParseError(`malformed CSV: ${e.message}`, { row: e.lines, hint: e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'a row has a different number of cells than the header (truncated download?)' : 'the file is not the CSV we expect' });
  }
  const [header, ...body] = table;
  if (!header || header.length < 2) throw new ParseError('no model columns in the header', { field: '(header)', hint: 'the file is empty or no longer wide (one column per model)' });
  const models = header.slice(1).map((h) => h.trim());
  const seen = new Set<string>();
  models.forEach((m, i) => {
    if (!m) throw new ParseError('blank model name in the header', { field: `column ${i + 2}` });
    if (seen.has(m)) throw new ParseError(`model column "${m}" appears twice`, { field: m, hint: 'the collector changed how it merges pickles' });
    seen.add(m);
  });
  const dates = new Set<string>();
  return body.map((cells, i) => {
    const row = i + 1;
    const raw = cells[0]!.trim();
    if (!/^\d{8}$/.test(raw)) throw new ParseError(`first cell is not a yyyymmdd date: ${JSON.stringify(raw.slice(0, 20))}`, { field: header[0] || '(date column)', row, hint: 'the date column moved or changed format' });
    const asOf = isoDate(raw, header[0] || '(date column)', row)!;
    if (dates.has(asOf)) throw new ParseError(`date ${raw} appears twice`, { field: '(date column)', row });
    dates.add(asOf);
    const rows: HistoryRow[] = [];
    models.forEach((model, j) => {
      const value = num(cells[j + 1], model, raw);
      if (value === null || value === 0) return;
      rows.push({ model, rating: value, style_control: false });
    });
    if (rows.length === 0) throw new ParseError(`no model has a rating on ${raw}`, { row: raw, hint: 'a date row of zeros: the collector wrote an empty board' });
    return { asOf, rows };
  });
}

// ---------------------------------------------------------------- metadata


/**
 * LMArena's hand-curated model metadata (prices already in USD per 1M tokens). `hidden` is
 * a flag LMArena writes only when true; its absence means false.
 */
export function parseMetadata(json: unknown): MetadataRow[] {
  if (!Array.isArray(json)) throw new ParseError('expected a list of model objects', { field: '(top level)', hint: 'scatterplot-data.json is no longer a JSON array' });
  const seen = new Set<string>();
  return json.map((entry, i) => {
    const row = i + 1;
    if (!isObject(entry)) throw new ParseError('entry is not an object', { row });
    for (const key of ['model_api_name', 'name', 'organization', 'license', 'input_token_price', 'output_token_price']) {
      if (!(key in entry)) throw new ParseError(`missing key "${key}"`, { field: key, row, hint: `LMArena renamed it; keys present: ${Object.keys(entry).join(', ')}` });
    }
    const model = text(entry['model_api_name']);
    if (!model) throw new ParseError('blank model_api_name', { field: 'model_api_name', row });
    if (seen.has(model)) throw new ParseError(`model_api_name "${model}" appears twice`, { field: 'model_api_name', row, hint: 'the metadata can no longer be joined by model' });
    seen.add(model);
    const hidden = entry['hidden'];
    if (hidden !== undefined && typeof hidden !== 'boolean') throw new ParseError(`"hidden" is not a boolean: ${JSON.stringify(hidden)}`, { field: 'hidden', row });
    const optionalText = (v: unknown) => (isBlank(v) ? null : text(v));
    return {
      model,
      name: text(entry['name']),
      organization: text(entry['organization']),
      licence: text(entry['license']),
      input_price_usd_per_1m: num(entry['input_token_price'], 'input_token_price', row),
      output_price_usd_per_1m: num(entry['output_token_price'], 'output_token_price', row),
      price_source: optionalText(entry['price_source']),
      model_source: optionalText(entry['model_source']),
      hidden: hidden === true,
    };
  });
}

// ---------------------------------------------------------------- arena.ai top of the board


function arenaRow(r: { rank: number; model: string; organization: string | null; licence: string | null; score: number; ci: number | null; votes: number | null; lastUpdated: string | null }): ArenaTopRow {
  return {
    rank: r.rank, model: r.model, organization: r.organization, licence: r.licence, rating: r.score, ci_95: r.ci,
    rating_lower: r.ci === null ? null : add(r.score, -r.ci), rating_upper: r.ci === null ? null : add(r.score, r.ci),
    votes: r.votes, style_control: true, board_last_updated: r.lastUpdated,
  };
}

/** Keys of the collector's model objects that may be null in a record but never absent from all. */
const ARENA_TOP_KEYS = ['vendor', 'license', 'ci', 'votes'] as const;

/** The community collector's JSON (arena-ai-leaderboards data/<date>/text.json). */
export function parseArenaTopJson(json: unknown): ArenaTopRow[] {
  if (!isObject(json) || !Array.isArray(json['models'])) throw new ParseError('no "models" list', { field: 'models', hint: 'the collector changed its schema' });
  const meta = isObject(json['meta']) ? json['meta'] : {};
  if (meta['leaderboard'] !== undefined && meta['leaderboard'] !== 'text') {
    throw new ParseError(`this is the ${JSON.stringify(meta['leaderboard'])} board, not "text"`, { field: 'meta.leaderboard', hint: 'the wrong file was fetched' });
  }
  const models = json['models'] as unknown[];
  if (typeof meta['model_count'] === 'number' && meta['model_count'] !== models.length) {
    throw new ParseError(`meta.model_count is ${meta['model_count']} but ${models.length} models are listed`, { field: 'meta.model_count', hint: 'the file was cut or edited' });
  }
  const lastUpdated = text(meta['last_updated']);
  // A key renamed by the collector is absent from every model: fail, rather than write a column of nulls.
  for (const key of ARENA_TOP_KEYS) {
    if (models.length > 0 && !models.some((m) => isObject(m) && key in m)) {
      throw new ParseError(`missing key "${key}" in every model`, { field: key, hint: 'the collector renamed or dropped this field' });
    }
  }
  return models.map((m, i) => {
    const row = i + 1;
    if (!isObject(m)) throw new ParseError('model entry is not an object', { row });
    for (const key of ['rank', 'model', 'score']) {
      if (m[key] === undefined || m[key] === null) throw new ParseError(`missing key "${key}"`, { field: key, row, hint: `keys present: ${Object.keys(m).join(', ')}` });
    }
    const model = text(m['model']);
    if (!model) throw new ParseError('blank model name', { field: 'model', row });
    return arenaRow({
      rank: num(m['rank'], 'rank', row)!, model, organization: text(m['vendor']), licence: text(m['license']),
      score: num(m['score'], 'score', row)!, ci: num(m['ci'], 'ci', row), votes: num(m['votes'], 'votes', row), lastUpdated,
    });
  });
}

const headerIndex = (headers: string[], name: string) => {
  const exact = headers.indexOf(name);
  return exact >= 0 ? exact : headers.findIndex((h) => h.startsWith(name));
};

/**
 * The live page (https://arena.ai/leaderboard/text): the table whose header names Rank,
 * Model and Score. Score cells read like "1504±8" (sometimes followed by "Preliminary");
 * the model id is the link's title. Written from the page's description; no capture of the
 * HTML exists yet, so it fails loudly on any other layout.
 */
export function parseArenaPage(html: string): ArenaTopRow[] {
  const $ = load(html);
  const headersOf = (table: ReturnType<typeof $>) => table.find('thead th, thead td').map((_, th) => $(th).text().replace(/\s+/g, ' ').trim().toLowerCase()).get();
  const table = $('table').toArray().map((t) => $(t)).find((t) => {
    const h = headersOf(t);
    return headerIndex(h, 'rank') >= 0 && headerIndex(h, 'model') >= 0 && headerIndex(h, 'score') >= 0;
  });
  if (!table) {
    throw new ParseError('no leaderboard <table> with Rank, Model and Score headers', { field: 'table', hint: /challenge|cloudflare|just a moment/i.test(html) ? 'Cloudflare served a challenge page instead of the board' : 'arena.ai changed its page layout' });
  }
  const headers = headersOf(table);
  const col = { rank: headerIndex(headers, 'rank'), model: headerIndex(headers, 'model'), score: headerIndex(headers, 'score'), votes: headerIndex(headers, 'votes'), organization: headerIndex(headers, 'organization'), licence: headerIndex(headers, 'license') };
  // A renamed optional column would otherwise become a column of nulls.
  for (const [name, index] of [['Votes', col.votes], ['Organization', col.organization], ['License', col.licence]] as const) {
    if (index < 0) throw new ParseError(`no "${name}" column in the leaderboard table`, { field: name, hint: `arena.ai renamed or dropped it; headers present: ${headers.join(', ')}` });
  }
  const rows: ArenaTopRow[] = [];
  table.find('tbody tr').each((i, tr) => {
    const row = i + 1;
    const cells = $(tr).children('td');
    const cell = (k: number) => (k >= 0 ? cells.eq(k) : null);
    const cellText = (k: number) => cell(k)?.text().replace(/\s+/g, ' ').trim() ?? null;
    const modelCell = cell(col.model)!;
    const model = text(modelCell.find('a[title]').first().attr('title')) ?? text(modelCell.text());
    if (!model) throw new ParseError('blank model name', { field: 'Model', row });
    const scoreText = cellText(col.score) ?? '';
    const m = /^(\d+(?:\.\d+)?)\s*(?:±\s*(\d+(?:\.\d+)?))?/.exec(scoreText);
    if (!m) throw new ParseError(`not a score: ${JSON.stringify(scoreText.slice(0, 40))}`, { field: 'Score', row, hint: 'the score cell changed format (expected "1504±8")' });
    const rankValue = num(cellText(col.rank), 'Rank', row);
    if (rankValue === null) throw new ParseError('blank rank', { field: 'Rank', row });
    rows.push(arenaRow({
      rank: rankValue, model, organization: text(cellText(col.organization)), licence: text(cellText(col.licence)),
      score: Number(m[1]), ci: m[2] === undefined ? null : Number(m[2]), votes: num(cellText(col.votes), 'Votes', row), lastUpdated: null,
    }));
  });
  if (rows.length === 0) throw new ParseError('the leaderboard table has no rows', { field: 'tbody', hint: 'the rows are now rendered client-side only' });
  return rows;
}

/** Captures hold the collector's JSON; live, the page's HTML arrives. */
export function parseArenaTop(bytes: Uint8Array): ArenaTopRow[] {
  const s = decodeUtf8(bytes).trimStart();
  if (s.startsWith('<')) return parseArenaPage(s);
  return parseArenaTopJson(parseJson(bytes, 'arena.ai leaderboard JSON'));
}

// ---------------------------------------------------------------- source

const columnsOf = <T extends z.ZodObject>(schema: T) => Object.keys(schema.shape) as (keyof z.infer<T> & string)[];

export const lmarena: SourceDef = {
  id: 'lmarena',
  name: 'LMArena (Chatbot Arena, arena.ai) text leaderboard',
  homepage: 'https://arena.ai/leaderboard/text',
  licence: 'No licence stated for lmarena/arena-catalog (LMArena\'s official leaderboard-dataset on Hugging Face is CC-BY-4.0); community copies: fboulnois/llm-leaderboard-csv MPL-2.0, nakasyou/lmarena-history MIT, oolong-tea-2026/arena-ai-leaderboards MIT',
  citation: "LMArena, Text Arena leaderboard (lmarena.ai / arena.ai); Chiang et al., 'Chatbot Arena: An Open Platform for Evaluating LLMs by Human Preference', ICML 2024",
  notes: [
    'Ratings are relative Bradley-Terry/Elo scores; the anchoring drifts between dates, and raw and style-controlled scores are different numbers (never mixed in one dataset: see style_control).',
    'text-raw and text-style-control: LMArena\'s own dump (lmarena/arena-catalog), one row per (category, model); category "full" is the overall board; no votes, organisation, licence or rank in the source.',
    'metadata: LMArena\'s hand-curated scatterplot data; licences are hand-entered (e.g. deepseek-v3.2 listed as "Apache 2.0") and it also lists some image models.',
    'text-raw-fboulnois: a third party\'s reshaping (fboulnois/llm-leaderboard-csv) of the tables of LMArena\'s Hugging Face Space; unadjusted scores; rank is Rank (UB) in the lmsys files and row order in lmarena_text.csv.',
    'text-history: a community conversion (nakasyou/lmarena-history) of LMArena\'s published elo_results pickles, one version per pickle date; 0.0 cells (not on the board) are left out.',
    'arena-top: a community collector\'s capture (oolong-tea-2026/arena-ai-leaderboards) of the top of arena.ai\'s default, style-controlled board, extracted from the page text by an LLM; licence is coarsened to "open"/"proprietary".',
  ].join(' '),
  targets(): Target[] {
    return [
      ...Object.entries(CATALOG_DATASETS).map(([dataset, { url }]) => ({ dataset, format: 'lmarena-catalog-json', url, accept: JSON_ACCEPT })),
      { dataset: 'metadata', format: 'lmarena-catalog-metadata-json', url: `${CATALOG}/scatterplot-data.json`, accept: JSON_ACCEPT },
      { dataset: 'text', format: 'lmarena-leaderboard-csv', url: 'https://raw.githubusercontent.com/fboulnois/llm-leaderboard-csv/main/csv/lmarena_text.csv', accept: CSV_ACCEPT },
      { dataset: 'text-history', format: 'lmarena-history-wide-csv', url: 'https://raw.githubusercontent.com/nakasyou/lmarena-history/main/output/result.csv', accept: CSV_ACCEPT },
      // The manifest files this capture under text-style-control; its rows go to their own dataset.
      { dataset: 'text-style-control', format: 'arena-top-json', url: 'https://arena.ai/leaderboard/text', accept: ['text/html', ...JSON_ACCEPT], optional: true },
    ];
  },
  formats: {
    'lmarena-catalog-json': defineFormat({
      format: 'lmarena-catalog-json',
      columns: columnsOf(leaderboardRow),
      row: leaderboardRow,
      parse: (capture: Capture, target: Target) => {
        const kind = CATALOG_DATASETS[target.dataset];
        if (!kind) throw new ParseError(`unknown catalog dataset "${target.dataset}": raw or style-controlled?`, { field: 'dataset', hint: `add it to CATALOG_DATASETS (${Object.keys(CATALOG_DATASETS).join(', ')})` });
        return [{ asOf: capture.asOf, dataset: target.dataset, rows: checkRows(leaderboardRow, parseCatalog(parseJson(capture.bytes, 'LMArena catalog JSON'), kind)) }];
      },
    }),
    'lmarena-catalog-metadata-json': defineFormat({
      format: 'lmarena-catalog-metadata-json',
      columns: columnsOf(metadataRow),
      row: metadataRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'metadata', rows: checkRows(metadataRow, parseMetadata(parseJson(capture.bytes, 'LMArena model metadata JSON'))) }],
    }),
    'lmarena-leaderboard-csv': defineFormat({
      format: 'lmarena-leaderboard-csv',
      columns: columnsOf(leaderboardRow),
      row: leaderboardRow,
      parse: (capture: Capture) => {
        const { rows, skipped } = parseLeaderboardCsv(decodeUtf8(capture.bytes));
        return [{ asOf: capture.asOf, dataset: 'text-raw-fboulnois', rows: checkRows(leaderboardRow, rows), skipped: { count: skipped, reason: 'the same model listed twice with identical values' } }];
      },
    }),
    'lmarena-history-wide-csv': defineFormat({
      format: 'lmarena-history-wide-csv',
      columns: columnsOf(historyRow),
      row: historyRow,
      parse: (capture: Capture) => {
        const versions = parseHistoryWide(decodeUtf8(capture.bytes));
        if (versions.length === 0) throw new ParseError('no date rows in the history CSV', { field: '(date column)', hint: 'a header line alone was served, or the download was cut off' });
        return versions.map((v) => ({ ...v, rows: checkRows(historyRow, v.rows), dataset: 'text-history' }));
      },
    }),
    'arena-top-json': defineFormat({
      format: 'arena-top-json',
      columns: columnsOf(arenaTopRow),
      row: arenaTopRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'arena-top', rows: checkRows(arenaTopRow, parseArenaTop(capture.bytes)) }],
    }),
  },
};
