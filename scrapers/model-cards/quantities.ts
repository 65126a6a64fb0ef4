/**
 * Sizes as cards write them ("1T", "671B", "45.9 billion", "128K", "1 million", "65,536",
 * "355B-A32B", "17B (Activated) 109B (Total)") turned into plain numbers.
 * K/M/B/T are decimal (128K → 128000): cards do not say whether they mean 1024, and a model's
 * config usually holds the exact power of two (131072), so the stated text is kept beside the number.
 */
import { ParseError } from '../../lib/errors.ts';

const UNITS: Record<string, number> = {
  k: 1e3, thousand: 1e3,
  m: 1e6, million: 1e6,
  b: 1e9, billion: 1e9,
  t: 1e12, trillion: 1e12,
};

export const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
export const UNIT = String.raw`(trillion|billion|million|thousand|[KMBT])`;

/** A number with an optional unit word or letter; counts are rounded to whole numbers. */
export function scaled(number: string, unit?: string | null): number {
  const n = Number(number.replace(/,/g, ''));
  const mult = unit ? UNITS[unit.toLowerCase()] : 1;
  const value = mult === undefined ? NaN : Math.round(n * mult);
  if (!Number.isFinite(value)) {
    throw new ParseError(`not a quantity: ${JSON.stringify(`${number.slice(0, 40)}${number.length > 40 ? '…' : ''} ${unit ?? ''}`.trim())}`, { hint: 'a size or context written with more digits than any count has' });
  }
  return value;
}

export interface ParamCell {
  total: number | null;
  active: number | null;
}

/**
 * A parameter cell: "671B", "1T", "17B (Activated) 109B (Total)", "355B-A32B".
 * `single` says what a lone number means for this column (total or active).
 */
export function parseParamCell(cell: string, single: 'total' | 'active'): ParamCell | null {
  const s = cell.trim();
  const labelled = [...s.matchAll(new RegExp(`${NUMBER}\\s*([KMBT])\\b\\s*\\((activated|active|total)\\)`, 'gi'))];
  if (labelled.length) {
    const out: ParamCell = { total: null, active: null };
    for (const m of labelled) out[m[3]!.toLowerCase() === 'total' ? 'total' : 'active'] = scaled(m[1]!, m[2]);
    return out;
  }
  const size = new RegExp(`^${NUMBER}\\s*([BT])\\s*-\\s*A${NUMBER}\\s*([MBT])$`, 'i').exec(s);
  if (size) return { total: scaled(size[1]!, size[2]), active: scaled(size[3]!, size[4]) };
  const one = new RegExp(`^[~≈]?\\s*${NUMBER}\\s*(trillion|billion|million|[MBT])\\b`, 'i').exec(s);
  if (!one) return null;
  const value = scaled(one[1]!, one[2]);
  return single === 'total' ? { total: value, active: null } : { total: null, active: value };
}

/** A context-length cell: "128K", "256k", "1M", "10M", "65,536", "1 million tokens". */
export function parseContextCell(cell: string): number | null {
  const m = new RegExp(`^[~≈]?\\s*${NUMBER}\\s*(million|thousand|[KM])?(?![\\w.])`, 'i').exec(cell.trim());
  return m ? scaled(m[1]!, m[2]) : null;
}
