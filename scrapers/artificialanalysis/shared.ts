/** Artificial Analysis: the schema pieces and value readers its three formats share. */
import { isRecord } from '../lib/json.ts';
import { ParseError } from '../../lib/errors.ts';
import { num } from '../lib/values.ts';

// ---------------------------------------------------------------- shared schema pieces

// Defined with the row schemas below scrapers/ (normalize reads the same rows), re-exported for the format modules.
export { count, fraction, intelligenceIndex, isoDateSchema, percent, positive, subIndex, usdPer1m } from '../../lib/source-rows/artificialanalysis.ts';

// ---------------------------------------------------------------- JSON helpers



/** Reads a dotted path; undefined means the key is absent (a layout change), null a missing value. */
export function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export const RENAMED = 'the source renamed or dropped this field; compare a record of the new file with the module header';
export const TWICE = 'the source lists a record twice, or the key is no longer unique';

/** Billions (as the page states them) to a count, refusing values that already look like counts. */
export function billionsToCount(value: unknown, field: string, row: string | number, unit: 1e9 | 1e12 = 1e9): number | null {
  const n = num(value, field, row);
  if (n === null) return null;
  const limit = unit === 1e9 ? 1e5 : 1e4;
  if (Math.abs(n) > limit) {
    throw new ParseError(`${field} = ${n} looks like a raw count, not ${unit === 1e9 ? 'billions' : 'trillions'}`, {
      field, row, hint: 'the source changed units; drop the conversion for this field',
    });
  }
  return Math.round(n * unit);
}

/** The collector's files state their model count: a different count is a cut or edited file. */
export function checkModelCount(json: Record<string, unknown>, actual: number): void {
  const declared = at(json, 'meta.model_count');
  if (typeof declared === 'number' && declared !== actual) {
    throw new ParseError(`meta.model_count says ${declared} models but the file holds ${actual}`, { field: 'meta.model_count', hint: 'the file was truncated or edited' });
  }
}
