/**
 * Moonshot AI's vendor verifiers: how faithfully third-party API vendors serve Kimi models.
 *
 * Live URLs (no API key needed):
 * - https://raw.githubusercontent.com/MoonshotAI/K2-Vendor-Verifier/main/README.md
 *   (format k2vv-readme-md) → dataset `kimi-k2`. No licence is stated in that repository.
 * - https://raw.githubusercontent.com/MoonshotAI/K2-Vendor-Verifier/bfacb062828966db0caa6cf7074d816f8d4949c3/README.md
 *   (format k2vv-readme-md) → dataset `unmerged-third-party`: the head of pull request #6,
 *   never merged, where a contributor added a "Groq (99 samples, normalized)" row to the
 *   2025-09-22 table. Not a Moonshot measurement; every row of it has unmerged_third_party=true.
 *   The URL is pinned to that commit so a live run can never mistake Moonshot's README for it.
 * - https://raw.githubusercontent.com/MoonshotAI/Kimi-Vendor-Verifier/main/README.md
 *   (format kvv-readme-md, MIT) → dataset `kimi-k3`.
 *
 * Expected schema, K2VV: one HTML <table> per model (Markdown pipe tables are read too), with
 * a two-row header, a "Model Name" cell spanning the model's rows and a "Provider(s)" column.
 * Up to the 2025-10-10 table the metric is "Similarity compared to the official
 * Implementation" (percent) next to counts of finish reasons and tool calls (metric_era
 * `similarity`); from the 2025-10-23 table on it is "ToolCall-Trigger Similarity"
 * (tool_call_f1, percent) and "schema_accuracy" (metric_era `f1`). In the f1 tables one
 * merged cell ">=80%" covers every vendor at or above the README's acceptance threshold
 * (no exact score is published for them): those rows get group `acceptable`, tool_call_f1_pct
 * null and f1_threshold_pct 80; vendors listed with their own score below the threshold get
 * `below-threshold`; the official API, the reference the others are compared with (its
 * metric cell is "-"), gets `official-reference`. "**Test Time**: YYYY-MM-DD" above a table
 * is its test_date, and the version date (as_of) of the file; sampling settings listed under
 * it ("- temperature=1.0") go to test_settings.
 *
 * Expected schema, KVV: a pipe table "Provider | OCRBench | MMMU Pro Vision | BEAM (1M) |
 * DeepSWE" under "model: kimi-k3" and "thinking effort: max" lines, scores written as
 * fractions (0.89), output as percent (89). A cell written as a percent instead (the README
 * briefly had "65.8" and "67.8" before fixing them to 0.658 and 0.678) is kept as that
 * percent and said so in `notes`; "TBD" cells are null and listed in `pending`. No test date
 * is written, so as_of is the capture (commit) date.
 *
 * Any other column, a missing Provider or Model column, or no results table at all, is a
 * ParseError naming what is missing.
 */
import { decodeUtf8 } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type ParsedVersion, type SourceDef, type Target } from './lib/source.ts';
import { checkRows, isBlank, isoDate, num, text } from './lib/values.ts';
import { blankNoise, markdownTables, type Grid, type GridCell } from './k2-vendor-verifier/tables.ts';
import { checkUnique } from './lib/checks.ts';
import { k2vvRow, kvvRow, type K2vvRow, type KvvRow } from '../lib/source-rows/k2-vendor-verifier.ts';
export { k2vvRow, kvvRow, type K2vvRow, type KvvRow };

const TEXT_ACCEPT = ['text/plain', 'text/markdown', 'application/octet-stream'];
const K2VV_README = 'https://raw.githubusercontent.com/MoonshotAI/K2-Vendor-Verifier/main/README.md';
const PR6_README = 'https://raw.githubusercontent.com/MoonshotAI/K2-Vendor-Verifier/bfacb062828966db0caa6cf7074d816f8d4949c3/README.md';
const KVV_README = 'https://raw.githubusercontent.com/MoonshotAI/Kimi-Vendor-Verifier/main/README.md';
const UNMERGED_DATASET = 'unmerged-third-party';


/** Column-name matching ignores case, underscores, colons and extra spaces. */
const norm = (s: string) => s.toLowerCase().replace(/[_:]/g, ' ').replace(/\s+/g, ' ').trim();

/** Where a README states its test date, settings and thresholds: the text of a table's own section. */
function sectionBefore(md: string, grid: Grid, prevEnd: number): string {
  const before = md.slice(prevEnd, grid.start);
  const lines = before.split('\n');
  let last = -1;
  lines.forEach((l, i) => {
    if (/^\s{0,3}#{1,6}\s/.test(l)) last = i;
  });
  return lines.slice(last + 1).join('\n');
}

/** The text after a table up to the next heading of level 1–4 (level-5 notes belong to the table). */
function sectionAfter(md: string, grid: Grid): string {
  const rest = md.slice(grid.end);
  const m = /^\s{0,3}#{1,4}\s/m.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

function testDate(section: string, row: string): string | null {
  const m = /\*\*\s*test\s+time\s*:?\s*\*\*\s*:?\s*([0-9][0-9/-]+)/i.exec(section);
  return m ? isoDate(m[1], 'Test Time', row) : null;
}

/** as_of: the README's latest test date (the measurement), else the capture's date. */
function versionDate(dates: (string | null)[], capture: Capture): string {
  const known = dates.filter((d): d is string => d !== null).sort();
  return known.at(-1) ?? capture.asOf;
}

/** Each known column's index; unknown columns are checked by the caller after the required ones, so a renamed required column is named as missing. */
function findColumns<K extends string>(grid: Grid, spec: readonly (readonly [K, RegExp])[]): { col: Partial<Record<K, number>>; unknown: number[] } {
  const col: Partial<Record<K, number>> = {};
  const unknown: number[] = [];
  grid.header.forEach((label, i) => {
    const hit = spec.find(([, re]) => re.test(norm(label)));
    if (!hit) {
      unknown.push(i);
    } else if (col[hit[0]] !== undefined) {
      throw new ParseError(`two columns read as ${hit[0]}`, { field: label, hint: 'the README repeats a column or a pattern is too broad' });
    } else {
      col[hit[0]] = i;
    }
  });
  return { col, unknown };
}

function rejectUnknown(grid: Grid, unknown: number[], what: string): void {
  const i = unknown[0];
  if (i === undefined) return;
  const label = grid.header[i] ?? '';
  throw new ParseError(`unknown column ${JSON.stringify(label)} in the ${what} table`, {
    field: grid.headerPath[i] || label || `column ${i + 1}`,
    hint: 'the README added or renamed a column; map it in the column list so no metric is dropped',
  });
}

function noTable(field: string, hint: string): never {
  throw new ParseError('no vendor results table found', { field, hint });
}

/** Tables found but without a single vendor row: a truncated README, or rows moved out of the table. */
function noRows(): never {
  throw new ParseError('the vendor results tables have no rows', { field: 'tbody', hint: 'the README was cut off after the table header, or its rows moved elsewhere' });
}

const checkUniqueRows = <R>(rows: R[], key: (r: R) => string, fields: string) =>
  checkUnique(rows.map(key), fields, (k) => `duplicate row for ${k}`, 'the README lists one vendor twice in a group');

// ---------------------------------------------------------------- K2 Vendor Verifier

type K2Key = 'model' | 'vendor' | 'api_source' | 'similarity' | 'tool_call_f1' | 'schema_accuracy'
  | 'count_finish_reason_stop' | 'count_finish_reason_tool_calls' | 'count_finish_reason_others'
  | 'count_schema_validation_error' | 'count_successful_tool_call';

/** Header labels (normalized by norm) of both metric eras. The f1 pattern comes before the similarity one. */
const K2_COLUMNS: readonly (readonly [K2Key, RegExp])[] = [
  ['model', /^model( name)?$/],
  ['vendor', /^(providers?|vendors?)$/],
  ['api_source', /^(api source|api endpoint|endpoint|base url)$/],
  ['tool_call_f1', /^(toolcall-trigger similarity|tool call f1)$/],
  ['similarity', /^similarity\b/],
  ['schema_accuracy', /^schema accuracy$/],
  ['count_finish_reason_stop', /^count (of )?finish reason stop$/],
  ['count_finish_reason_tool_calls', /^count (of )?finish reason tool ?calls$/],
  ['count_finish_reason_others', /^count (of )?finish reason others$/],
  ['count_schema_validation_error', /^(schema validation error count|count schema validation errors?)$/],
  ['count_successful_tool_call', /^(successful tool call count|count successful tool calls?)$/],
];
const K2_RESULT_KEYS = new Set<K2Key>(['vendor', 'similarity', 'tool_call_f1', 'schema_accuracy']);

const isK2Results = (g: Grid) => g.header.some((h) => K2_COLUMNS.some(([k, re]) => K2_RESULT_KEYS.has(k) && re.test(norm(h))));
const isDash = (s: string) => /^[-–—]$/.test(s.trim());

/** "97.5%" → 97.5; "-" and blanks → null. */
const pctCell = (cell: GridCell | undefined, field: string, row: string) => (cell ? num(cell.text, field, row) : null);
const countCell = pctCell;

/**
 * The README's results tables, in order, each with the text between it and the table before
 * (where the README states the test date, settings and model), and its stated test date.
 */
function resultTables(markdown: string, isResults: (g: Grid) => boolean, selector: string, hint: string) {
  const md = blankNoise(markdown.replace(/\r\n?/g, '\n'));
  const all = markdownTables(md);
  const grids = all.filter(isResults);
  if (grids.length === 0) noTable(selector, hint);
  return grids.map((grid, i) => {
    const prevEnd = all.filter((g) => g.end <= grid.start).at(-1)?.end ?? 0;
    const before = sectionBefore(md, grid, prevEnd);
    const where = (r: number) => `table ${i + 1} row ${r}`;
    return { grid, md, before, where, date: testDate(before, where(0)) };
  });
}

/** Rows of every K2VV results table in a README, in the README's order. */
export function parseK2vvReadme(markdown: string, opts: { unmergedThirdParty: boolean }): { rows: K2vvRow[]; testDates: (string | null)[] } {
  const rows: K2vvRow[] = [];
  const testDates: (string | null)[] = [];
  const results = resultTables(markdown, isK2Results, '<table> with a Provider column', 'the README no longer holds an HTML or pipe table with a "Providers" column and a similarity / ToolCall-Trigger Similarity column');
  for (const { grid, md, before, where, date } of results) {
    testDates.push(date);
    const settings = [...before.matchAll(/^[ \t]*[-*][ \t]+([A-Za-z_]+[ \t]*=[ \t]*\S+)[ \t]*$/gm)].map((m) => m[1]!.replace(/\s+/g, '')).join('; ') || null;

    const { col, unknown } = findColumns(grid, K2_COLUMNS);
    if (col.vendor === undefined) throw new ParseError('results table has no vendor column', { field: 'Providers', hint: 'the provider column was renamed; expected "Provider", "Providers" or "Vendor"' });
    if (col.model === undefined) throw new ParseError('results table has no model column', { field: 'Model Name', hint: 'the model column was renamed or dropped' });
    if (col.similarity !== undefined && col.tool_call_f1 !== undefined) throw new ParseError('table has both a similarity and a tool_call_f1 column', { field: 'ToolCall-Trigger Similarity', hint: 'a third metric era: decide how to label it' });
    const era = col.tool_call_f1 !== undefined ? 'f1' : col.similarity !== undefined ? 'similarity' : null;
    if (!era) throw new ParseError('results table has neither metric column', { field: 'ToolCall-Trigger Similarity | Similarity compared to the official Implementation', hint: 'the headline metric was renamed' });
    rejectUnknown(grid, unknown, 'K2VV results');

    // The acceptance threshold: the merged ">=80%" cell, else the README's "score above **80%**" note.
    const f1Texts = col.tool_call_f1 === undefined ? [] : grid.rows.map((r) => r[col.tool_call_f1!]!.text);
    const atLeast = f1Texts.map((t) => /^>=?\s*([\d.]+)\s*%$/.exec(t.replace(/≥/, '>=').replace(/\s+/g, ''))).find(Boolean);
    const noted = /score above \**\s*([\d.]+)\s*%/i.exec(sectionAfter(md, grid));
    const threshold = era === 'f1' ? num(atLeast?.[1] ?? noted?.[1] ?? null, 'tool_call_f1 threshold', where(0)) : null;

    grid.rows.forEach((cells, i) => {
      if (cells.every((c) => !c.text)) return;
      const row = where(i + 1);
      const model = text(cells[col.model!]!.text);
      const vendorCell = cells[col.vendor!]!;
      const vendor = text(vendorCell.text);
      if (!model) throw new ParseError('blank model name', { field: grid.header[col.model!], row, hint: 'the Model Name cell no longer spans this row' });
      if (!vendor) throw new ParseError('blank vendor name', { field: grid.header[col.vendor!], row });
      const apiSource = col.api_source === undefined ? null : text(cells[col.api_source]!.text);

      let group: K2vvRow['group'] = null;
      let f1: number | null = null;
      if (era === 'f1') {
        const raw = cells[col.tool_call_f1!]!.text;
        const bound = /^>=?\s*([\d.]+)\s*%$/.exec(raw.replace(/≥/, '>=').replace(/\s+/g, ''));
        if (isDash(raw)) group = 'official-reference';
        else if (bound) group = 'acceptable';
        else {
          f1 = num(raw, grid.header[col.tool_call_f1!]!, row);
          if (f1 !== null && threshold !== null) group = f1 >= threshold ? 'acceptable' : 'below-threshold';
        }
      } else if (isDash(cells[col.similarity!]!.text)) {
        group = 'official-reference';
      }
      const cell = (k: K2Key) => (col[k] === undefined ? undefined : cells[col[k]!]);
      const label = (k: K2Key) => grid.header[col[k] ?? 0] ?? k;
      rows.push({
        model,
        vendor,
        api_source: apiSource,
        vendor_url: text(vendorCell.href),
        group,
        metric_era: era,
        test_date: date,
        similarity_pct: pctCell(cell('similarity'), label('similarity'), row),
        tool_call_f1_pct: f1,
        f1_threshold_pct: threshold,
        schema_accuracy_pct: pctCell(cell('schema_accuracy'), label('schema_accuracy'), row),
        count_finish_reason_stop: countCell(cell('count_finish_reason_stop'), label('count_finish_reason_stop'), row),
        count_finish_reason_tool_calls: countCell(cell('count_finish_reason_tool_calls'), label('count_finish_reason_tool_calls'), row),
        count_finish_reason_others: countCell(cell('count_finish_reason_others'), label('count_finish_reason_others'), row),
        count_schema_validation_error: countCell(cell('count_schema_validation_error'), label('count_schema_validation_error'), row),
        count_successful_tool_call: countCell(cell('count_successful_tool_call'), label('count_successful_tool_call'), row),
        test_settings: settings,
        unmerged_third_party: opts.unmergedThirdParty,
      });
    });
  }
  if (rows.length === 0) noRows();
  checkUniqueRows(rows, (r) => `${r.model} / ${r.vendor} / ${r.api_source ?? '-'} / ${r.group ?? '-'}`, 'model, vendor, api_source, group');
  return { rows, testDates };
}

// ---------------------------------------------------------------- Kimi Vendor Verifier (K3 onwards)

type KvvKey = 'vendor' | 'ocrbench_pct' | 'mmmu_pro_vision_pct' | 'beam_1m_pct' | 'deepswe_pct';
type KvvMetric = Exclude<KvvKey, 'vendor'>;

const KVV_COLUMNS: readonly (readonly [KvvKey, RegExp])[] = [
  ['vendor', /^(providers?|vendors?)$/],
  ['ocrbench_pct', /^ocrbench$/],
  ['mmmu_pro_vision_pct', /^mmmu pro vision$/],
  ['beam_1m_pct', /^beam \(1m\)$/],
  ['deepswe_pct', /^deepswe$/],
];
const KVV_METRICS: readonly KvvMetric[] = ['ocrbench_pct', 'mmmu_pro_vision_pct', 'beam_1m_pct', 'deepswe_pct'];
const isKvvResults = (g: Grid) => g.header.some((h) => KVV_COLUMNS.some(([, re]) => re.test(norm(h))));

/** Fraction 0–1 → percent, without float noise (0.3037 → 30.37). */
const toPct = (fraction: number) => Number((fraction * 100).toFixed(8));

export function parseKvvReadme(markdown: string): { rows: KvvRow[]; testDates: (string | null)[] } {
  const rows: KvvRow[] = [];
  const testDates: (string | null)[] = [];
  const results = resultTables(markdown, isKvvResults, '| Provider | OCRBench | ... | table', 'the README no longer holds a results table with a Provider column and OCRBench / MMMU Pro Vision / BEAM (1M) / DeepSWE columns');
  for (const { grid, before, where, date } of results) {
    testDates.push(date);
    const model = text(/^[ \t]*model[ \t]*:\s*(\S(?:.*\S)?)[ \t]*$/im.exec(before)?.[1]);
    if (!model) throw new ParseError('no "model:" line above the results table', { field: 'model:', hint: 'the README names the model some other way now' });
    const effort = text(/^[ \t]*thinking effort[ \t]*:\s*(\S(?:.*\S)?)[ \t]*$/im.exec(before)?.[1]);

    const { col, unknown } = findColumns(grid, KVV_COLUMNS);
    if (col.vendor === undefined) throw new ParseError('results table has no vendor column', { field: 'Provider', hint: 'the provider column was renamed; expected "Provider" or "Vendor"' });
    rejectUnknown(grid, unknown, 'KVV results');
    grid.rows.forEach((cells, i) => {
      const row = where(i + 1);
      const vendor = text(cells[col.vendor!]!.text);
      if (!vendor) throw new ParseError('blank provider name', { field: grid.header[col.vendor!], row });
      const values: Record<KvvMetric, number | null> = { ocrbench_pct: null, mmmu_pro_vision_pct: null, beam_1m_pct: null, deepswe_pct: null };
      const pending: string[] = [];
      const notes: string[] = [];
      for (const key of KVV_METRICS) {
        if (col[key] === undefined) continue;
        const label = grid.header[col[key]]!;
        const raw = cells[col[key]]!.text;
        if (/^(tbd|pending|wip|tba)$/i.test(raw.trim())) {
          pending.push(label);
          continue;
        }
        if (isBlank(raw)) continue;
        const percentSign = /%\s*$/.test(raw);
        const n = num(raw, label, row)!;
        if (percentSign || n > 1) {
          values[key] = n;
          if (!percentSign) notes.push(`${label} written as ${raw.trim()} (a percent, where the other cells are fractions)`);
        } else {
          values[key] = toPct(n);
        }
      }
      rows.push({
        model,
        thinking_effort: effort,
        vendor,
        listed_order: i + 1,
        test_date: date,
        ...values,
        pending: pending.length ? pending.join(';') : null,
        notes: notes.length ? notes.join('; ') : null,
      });
    });
  }
  if (rows.length === 0) noRows();
  checkUniqueRows(rows, (r) => `${r.model} / ${r.thinking_effort ?? '-'} / ${r.vendor}`, 'model, thinking_effort, vendor');
  return { rows, testDates };
}

// ---------------------------------------------------------------- source

export const k2VendorVerifier: SourceDef = {
  id: 'k2-vendor-verifier',
  name: 'Moonshot AI K2 Vendor Verifier / Kimi Vendor Verifier',
  homepage: 'https://github.com/MoonshotAI/K2-Vendor-Verifier',
  licence: 'K2-Vendor-Verifier: no licence stated; Kimi-Vendor-Verifier: MIT',
  citation: 'Moonshot AI, "K2 Vendor Verifier" (github.com/MoonshotAI/K2-Vendor-Verifier) and "Kimi Vendor Verifier" (github.com/MoonshotAI/Kimi-Vendor-Verifier)',
  notes: 'Vendor results transcribed from the projects\' README tables. The tool-call metric changed on 2025-10-27 (similarity → tool_call_f1 + schema_accuracy; see metric_era). Dataset unmerged-third-party is the head of the never-merged PR #6, whose Groq row is a contributor\'s own measurement, not Moonshot\'s.',
  targets(): Target[] {
    return [
      { dataset: 'kimi-k2', format: 'k2vv-readme-md', url: K2VV_README, accept: TEXT_ACCEPT },
      { dataset: UNMERGED_DATASET, format: 'k2vv-readme-md', url: PR6_README, accept: TEXT_ACCEPT },
      { dataset: 'kimi-k3', format: 'kvv-readme-md', url: KVV_README, accept: TEXT_ACCEPT },
    ];
  },
  formats: {
    'k2vv-readme-md': defineFormat({
      format: 'k2vv-readme-md',
      columns: Object.keys(k2vvRow.shape) as (keyof K2vvRow)[],
      row: k2vvRow,
      parse: (capture: Capture, target: Target): ParsedVersion<K2vvRow>[] => {
        const { rows, testDates } = parseK2vvReadme(decodeUtf8(capture.bytes), { unmergedThirdParty: target.dataset === UNMERGED_DATASET });
        return [{ asOf: versionDate(testDates, capture), rows: checkRows(k2vvRow, rows) }];
      },
    }),
    'kvv-readme-md': defineFormat({
      format: 'kvv-readme-md',
      columns: Object.keys(kvvRow.shape) as (keyof KvvRow)[],
      row: kvvRow,
      parse: (capture: Capture): ParsedVersion<KvvRow>[] => {
        const { rows, testDates } = parseKvvReadme(decodeUtf8(capture.bytes));
        return [{ asOf: versionDate(testDates, capture), rows: checkRows(kvvRow, rows) }];
      },
    }),
  },
};
