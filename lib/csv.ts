/** CSV in and out, the same way for every source. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ParseError } from './errors.ts';

export type Cell = string | number | boolean | null | undefined;

/**
 * Text cells that a spreadsheet would run as a formula get a leading apostrophe
 * (OWASP's advice for CSV injection). Numbers are typed as numbers, so they never pass here.
 *
 * Kept instead of csv-stringify's `escape_formulas` (checked against csv-stringify 6.9): that
 * option sees the cell after our formatting, when every number is already a string, so a
 * negative number ("-0.5") would gain an apostrophe and stop being a number; passing raw
 * numbers instead would hand booleans to its cast ('1'/'' rather than true/false). It also
 * escapes the full-width ＝＋－＠, which restoreFormula below (and every reader of our
 * published CSVs) would then have to undo too. Same rule, ours states it in one line each way.
 */
export function neutraliseFormula(text: string): string {
  // Text that already starts with apostrophes before a formula character ("'=x") gets one more,
  // else restoreFormula could not tell it from a neutralised "=x" and would drop its apostrophe.
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The inverse, for reading our own CSVs back: drops the apostrophe neutraliseFormula added. */
export function restoreFormula(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function formatCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write non-finite number ${value} to CSV`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseFormula(value);
}

/** What a cell holds once read: the three kinds formatCell writes. */
export type CellKind = 'text' | 'number' | 'boolean';

/**
 * The inverse of formatCell for one non-blank cell, shared by every reader of our CSVs (the
 * source codec in lib/source-rows/codec.ts and the table reader in lib/tables/io.ts), which
 * decide what a blank means themselves. `numbers: 'as-written'` accepts only the spelling
 * formatCell writes (String(n)): "1200.0" or " 2" in a written file means another hand or
 * program wrote it. 'any' takes any finite number, for the reviewed files people edit.
 */
export function parseCell(kind: CellKind, cell: string, numbers: 'as-written' | 'any'): { value: string | number | boolean } | { problem: string } {
  const shown = JSON.stringify(cell);
  if (kind === 'text') return { value: restoreFormula(cell) };
  if (kind === 'boolean') {
    if (cell === 'true') return { value: true };
    if (cell === 'false') return { value: false };
    return { problem: `${shown} is not true/false, the only booleans the writer writes` };
  }
  const n = Number(cell);
  if (cell.trim() === '' || !Number.isFinite(n)) return { problem: `${shown} is not a number` };
  if (numbers === 'as-written' && String(n) !== cell) return { problem: `${shown} is not a number as the writer spells one (String(n) is "${String(n)}")` };
  return { value: n };
}

export function toCsv(rows: readonly object[], columns: readonly string[]): string {
  const records = rows.map((r) => columns.map((c) => formatCell((r as Record<string, unknown>)[c] as Cell)));
  return stringify([columns as string[], ...records], { record_delimiter: '\n' });
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of inventing U+FFFD characters. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ParseError('bytes are not valid UTF-8', { hint: 'the file is in another encoding (Latin-1, UTF-16) or is binary (zip, gzip)' });
  }
}

/**
 * Parses a CSV with a header row into records keyed by column name, and checks that
 * the columns the caller relies on are present (a renamed column fails here, loudly).
 */
export function readCsv(text: string, opts: { required?: readonly string[]; what?: string } = {}): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => uniqueHeader(header.map((h) => h.trim()), opts.what),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (err) {
    if (err instanceof ParseError) throw err;
    const e = err as { message: string; lines?: number; code?: string };
    throw new ParseError(`malformed CSV: ${e.message}`, {
      row: e.lines,
      hint: e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'the file was cut off mid-record (truncated download)' : 'the file is not the CSV we expect',
    });
  }
  const header = records.length > 0 ? Object.keys(records[0]!) : uniqueHeader(headerOf(text), opts.what);
  for (const col of opts.required ?? []) {
    if (!header.includes(col)) {
      throw new ParseError(`missing column "${col}"${opts.what ? ` in ${opts.what}` : ''}`, {
        field: col,
        hint: `the source renamed or dropped it; columns present: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`,
      });
    }
  }
  return records;
}

function headerOf(text: string): string[] {
  const rows = parse(text, { bom: true, to_line: 1, relax_column_count: true }) as string[][];
  return (rows[0] ?? []).map((h) => h.trim());
}

/** A named column twice would keep only the last one's values, silently: refused. (Blank names may repeat: nothing reads them.) */
function uniqueHeader(header: string[], what?: string): string[] {
  const seen = new Set<string>();
  for (const h of header) {
    if (h && seen.has(h)) {
      throw new ParseError(`column "${h}" appears twice${what ? ` in ${what}` : ''}`, { field: h, hint: 'the source added a column under an existing name; the two cannot be told apart by name' });
    }
    seen.add(h);
  }
  return header;
}
