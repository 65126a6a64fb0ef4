/** Cell and key values that real sources have served, or that a drifting source could serve. */
import { fc } from './setup.ts';

/** Numbers written as text: huge, negative, tiny, non-finite, localised, with units. */
export const NASTY_NUMBERS = [
  '1e308', '-1e308', '1e309', '9'.repeat(400), `-${'9'.repeat(400)}`, `0.${'0'.repeat(400)}1`, '-5', '-0.5', '-0', '0', '1e-320',
  'NaN', 'Infinity', '-Infinity', '1,234', '1.234,5', '12%', '-12%', '$1.25', '$-3', '1_000', '0x1F', '1e', '.', '+', '1e+1000',
  '12.5k', '1B', '400k', ' 7 ', '+5/-4', '+-5/-4', '±3',
] as const;

/** Dates in other formats, impossible dates and timestamps out of range. */
export const NASTY_DATES = [
  '05/03/2025', '2025/3/5', 'March 5, 2025', '5 March 2025', '2025-13-45', '2025-02-30', '2025-00-10', '0000-00-00', '0001-01-01',
  '9999-12-31', '99999-01-01', '20251345', '2025-1-5', '2025-07', '2025', 'yesterday', '1e308', '-1', '0', '99999999999',
  '999999999999999', '2025-07-14T25:61:00Z', '2025-07-14 garbage', '2025–07–14',
] as const;

/** Text that breaks naive CSV / Markdown / HTML handling. */
export const NASTY_TEXT = [
  '', ' ', '"', '""', '"quoted, with comma"', 'a,b', 'line1\nline2', 'a\r\nb', '\r', 'tab\there', '|', 'a | b', '\\|', '<', '</td>',
  '<table>', '<td rowspan="0">', '-->', '<!--', '```', '~~~', '---', '#', '**', 'N/A', 'n/a', '-', '—', 'TBD', 'true', 'Yes', 'no',
  '=cmd()', '@SUM(1)', '\u0000', '\uFEFF', '\u200B', '\u202E', 'é', 'e\u0301', '🙂', '👩‍👩‍👧', '中文', 'ﷺ', '\uD800', 'null',
  'undefined', '$undefined', '{}', '[]', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '>=80%', '≥ 80 %', 'x'.repeat(2000),
] as const;

export const nastyCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS, ...NASTY_DATES, ...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** Names a renamed column or key may get: blanks, case and spacing variants, prototype names, unicode. */
export const nastyName: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'Model', 'model', 'MODEL', 'id', 'name', 'rank', 'Provider', 'score', 'data', 'models', 'x'.repeat(300)) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
);

/** JSON values a drifting API might put where something else was. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(1e308, -1e308, -1, -0.5, 0, 1, 1.5, 2 ** 53 + 2, 1e21, 99999999999, -99999999999, '', ' ', '9'.repeat(400), '1e309', true, false, null, [], {}, [null], { '': null }, '$undefined', 'null') },
  { weight: 2, arbitrary: nastyCell },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A permutation of n items from random sort keys (shrinks towards the identity). */
export function permutation(keys: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[a % Math.max(1, keys.length)] ?? 0) - (keys[b % Math.max(1, keys.length)] ?? 0) || a - b);
}

/** The value one run in `oneIn`, null otherwise. */
export function sometimes<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}
