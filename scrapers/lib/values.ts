/** Typed cell readers shared by the parsers: blanks become null, bad values raise a ParseError naming field and row. */
import type { z } from 'zod';
import { ParseError } from '../../lib/errors.ts';

const BLANKS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '—', 'unknown']);

/**
 * A JSON object or list (or a TOML table) where a single value belongs. String() of it is
 * "[object Object]", or a TypeError when it has a "toString" key or no prototype.
 */
const isCompound = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A compound value where `expected` belongs: the source changed the field's type. */
export function notScalar(value: unknown, expected: string, field?: string, row?: number | string): never {
  let shown: string;
  try {
    shown = String(JSON.stringify(value)).slice(0, 60);
  } catch {
    shown = '(unprintable)';
  }
  throw new ParseError(`expected ${expected}, got ${Array.isArray(value) ? 'a list' : 'an object'}: ${shown}`, { field, row, hint: 'the source changed the type of this field' });
}

export function text(value: unknown, field?: string, row?: number | string): string | null {
  if (value === null || value === undefined) return null;
  if (isCompound(value)) notScalar(value, 'text', field, row);
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

export function isBlank(value: unknown): boolean {
  if (isCompound(value)) return false;
  return value === null || value === undefined || BLANKS.has(String(value).trim().toLowerCase());
}

/** A number from a cell: "1.5e+12", "13000000000.0", "1,234", "45.2%" (kept as 45.2). */
export function num(value: unknown, field: string, row?: number | string): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ParseError(`not a finite number: ${value}`, { field, row });
    return value;
  }
  if (isBlank(value)) return null;
  if (isCompound(value)) notScalar(value, 'a number', field, row);
  const s = String(value).trim().replace(/,(?=\d{3}\b)/g, '').replace(/%$/, '').trim();
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) {
    throw new ParseError(`not a number: ${JSON.stringify(String(value).slice(0, 60))}`, { field, row, hint: 'the column now holds text or another unit' });
  }
  return n;
}

/** An ISO date (YYYY-MM-DD) from "2025-08-05", "2025-08-05T10:00:00Z", "2025/08/05" or a Unix time in seconds. */
export function isoDate(value: unknown, field: string, row?: number | string): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'number') return unixToDate(value, field, row);
  if (isCompound(value)) notScalar(value, 'a date', field, row);
  const s = String(value).trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), s, field, row);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), s, field, row);
  if (/^\d{9,11}$/.test(s)) return unixToDate(Number(s), field, row);
  throw new ParseError(`not a date: ${JSON.stringify(s.slice(0, 40))}`, { field, row, hint: 'expected YYYY-MM-DD; the source changed its date format' });
}

function unixToDate(seconds: number, field: string, row?: number | string): string {
  const d = new Date(seconds * 1000);
  // Past year 9999 (or before year 0) toISOString() writes "+010000-01-01": no YYYY-MM-DD date.
  const iso = Number.isNaN(d.getTime()) ? '' : d.toISOString();
  if (!/^\d{4}-/.test(iso)) throw new ParseError(`not a timestamp: ${seconds}`, { field, row, hint: 'a Unix time outside the years 0-9999: the field changed units (milliseconds?)' });
  return iso.slice(0, 10);
}

function checkedDate(y: number, mo: number, d: number, raw: string, field: string, row?: number | string): string {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new ParseError(`impossible date ${JSON.stringify(raw)}`, { field, row });
  }
  return date.toISOString().slice(0, 10);
}

/** Yes/No, True/False, 1/0 → boolean; blank → null. */
export function bool(value: unknown, field: string, row?: number | string): boolean | null {
  if (typeof value === 'boolean') return value;
  if (isBlank(value)) return null;
  if (isCompound(value)) notScalar(value, 'yes/no', field, row);
  const s = String(value).trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(s)) return true;
  if (['no', 'false', '0', 'n'].includes(s)) return false;
  throw new ParseError(`not a yes/no value: ${JSON.stringify(s.slice(0, 40))}`, { field, row });
}

/** "A,B,A" → "A;B": distinct values in source order, joined with a semicolon. */
export function distinctList(value: unknown, separator = ','): string | null {
  const s = text(value);
  if (!s) return null;
  const parts = [...new Set(s.split(separator).map((p) => p.trim()).filter(Boolean))];
  return parts.length ? parts.join(';') : null;
}

/**
 * Checks a parser's rows against its format's row schema, so a format hands back only rows
 * that pass it: a value every reader accepts but the schema refuses (a negative score, a count
 * above 2^53, a price in another unit) is a ParseError naming field and row, like any other bad
 * value. No row at all is a ParseError too: no source publishes an empty table, so an empty one
 * is a cut-off download or an empty answer ({"data": []}, a header line), not a new version.
 */
/** Row arrays checkRows passed, with the schema they passed: the runtime then does not check them again. */
const checked = new WeakMap<readonly unknown[], z.ZodType>();

/** The schema `rows` already passed in checkRows (the same array, unchanged since), if any. */
export const checkedAgainst = (rows: readonly unknown[]): z.ZodType | undefined => checked.get(rows);

export function checkRows<Row>(schema: z.ZodType<Row>, rows: Row[]): Row[] {
  if (rows.length === 0) {
    throw new ParseError('no rows: the file holds no record', { hint: 'an empty answer ([], {"data": []}, a header line alone) was served, or the download was cut off' });
  }
  rows.forEach((row, i) => {
    const result = schema.safeParse(row);
    if (result.success) return;
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    const value = field ? (row as Record<string, unknown>)[String(issue.path[0])] : row;
    throw new ParseError(`row fails validation: ${issue.message} (value ${String(JSON.stringify(value)).slice(0, 80)})`, {
      field: field || undefined,
      row: i + 1,
      hint: 'the source changed units, format or meaning of this field',
    });
  });
  checked.set(rows, schema as z.ZodType);
  return rows;
}
