/** Typed cell readers shared by the parsers: blanks become null, bad values raise a ParseError naming field and row. */
import { ParseError } from './errors.ts';

const BLANKS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '—', 'unknown']);

export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || BLANKS.has(String(value).trim().toLowerCase());
}

/** A number from a cell: "1.5e+12", "13000000000.0", "1,234", "45.2%" (kept as 45.2). */
export function num(value: unknown, field: string, row?: number | string): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ParseError(`not a finite number: ${value}`, { field, row });
    return value;
  }
  if (isBlank(value)) return null;
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
  if (Number.isNaN(d.getTime())) throw new ParseError(`not a timestamp: ${seconds}`, { field, row });
  return d.toISOString().slice(0, 10);
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
