/**
 * Mutations of a valid CSV: structural ones on the parsed table (drop, rename, reorder, add
 * columns; set cells to nasty values; drop or repeat rows; header only; empty file), then
 * byte-level ones on the written text (BOM, CRLF, truncation at a random byte).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { strToU8 } from 'fflate';
import { fc } from './setup.ts';
import { nastyCell, nastyName, permutation, sometimes } from './values.ts';

export interface Table {
  header: string[];
  rows: string[][];
}

export function readTable(text: string): Table {
  const [header = [], ...rows] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return { header, rows };
}

export function writeTable(t: Table, opts: { eol?: '\n' | '\r\n'; quoted?: boolean } = {}): string {
  return stringify([t.header, ...t.rows], { record_delimiter: opts.eol === '\r\n' ? 'windows' : 'unix', quoted: opts.quoted ?? false });
}

export type CsvOp =
  | { op: 'drop'; col: number }
  | { op: 'rename'; col: number; name: string }
  | { op: 'reorder'; keys: number[] }
  | { op: 'add'; name: string; values: string[] }
  | { op: 'set'; row: number; col: number; value: string }
  | { op: 'setColumn'; col: number; value: string }
  | { op: 'dropRow'; row: number }
  | { op: 'repeatRow'; row: number }
  | { op: 'headerOnly' }
  | { op: 'ragged'; row: number; extra: string[] };

export interface CsvMutation {
  ops: CsvOp[];
  empty: boolean;
  bom: boolean;
  crlf: boolean;
  quoted: boolean;
  /** Cut the encoded bytes at this fraction of their length. */
  truncateAt: number | null;
}

const idx = fc.nat({ max: 1000 });

export const csvOp: fc.Arbitrary<CsvOp> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), col: idx }),
  fc.record({ op: fc.constant('rename' as const), col: idx, name: nastyName }),
  fc.record({ op: fc.constant('reorder' as const), keys: fc.array(fc.integer(), { minLength: 1, maxLength: 40 }) }),
  fc.record({ op: fc.constant('add' as const), name: nastyName, values: fc.array(nastyCell, { maxLength: 6 }) }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), row: idx, col: idx, value: nastyCell }) },
  fc.record({ op: fc.constant('setColumn' as const), col: idx, value: nastyCell }),
  fc.record({ op: fc.constant('dropRow' as const), row: idx }),
  fc.record({ op: fc.constant('repeatRow' as const), row: idx }),
  fc.record({ op: fc.constant('headerOnly' as const) }),
  fc.record({ op: fc.constant('ragged' as const), row: idx, extra: fc.array(nastyCell, { maxLength: 2 }) }),
);

export const csvMutation: fc.Arbitrary<CsvMutation> = fc.record({
  ops: fc.array(csvOp, { minLength: 1, maxLength: 4 }),
  empty: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  quoted: fc.boolean(),
  truncateAt: sometimes(fc.double({ min: 0, max: 1, noNaN: true }), 6),
});

const at = <T>(list: readonly T[], i: number): number => (list.length ? i % list.length : -1);

export function applyCsvOps(t: Table, ops: readonly CsvOp[]): Table {
  let header = [...t.header];
  let rows = t.rows.map((r) => [...r]);
  for (const o of ops) {
    switch (o.op) {
      case 'drop': {
        const c = at(header, o.col);
        if (c < 0) break;
        header = header.filter((_, i) => i !== c);
        rows = rows.map((r) => r.filter((_, i) => i !== c));
        break;
      }
      case 'rename': {
        const c = at(header, o.col);
        if (c >= 0) header[c] = o.name;
        break;
      }
      case 'reorder': {
        const order = permutation(o.keys, header.length);
        header = order.map((i) => header[i]!);
        rows = rows.map((r) => order.map((i) => r[i] ?? ''));
        break;
      }
      case 'add':
        header.push(o.name);
        rows = rows.map((r, i) => [...r, o.values.length ? o.values[i % o.values.length]! : '']);
        break;
      case 'set': {
        const r = at(rows, o.row);
        const row = rows[r];
        if (row && row.length) row[at(row, o.col)] = o.value;
        break;
      }
      case 'setColumn': {
        const c = at(header, o.col);
        if (c >= 0) rows = rows.map((r) => r.map((v, i) => (i === c ? o.value : v)));
        break;
      }
      case 'dropRow': {
        const r = at(rows, o.row);
        rows = rows.filter((_, i) => i !== r);
        break;
      }
      case 'repeatRow': {
        const r = at(rows, o.row);
        if (r >= 0) rows.splice(r, 0, [...rows[r]!]);
        break;
      }
      case 'headerOnly':
        rows = [];
        break;
      case 'ragged': {
        const r = at(rows, o.row);
        if (r >= 0) rows[r] = o.extra.length ? [...rows[r]!, ...o.extra] : rows[r]!.slice(0, -1);
        break;
      }
    }
  }
  return { header, rows };
}

export function truncateBytes(bytes: Uint8Array, fraction: number | null): Uint8Array {
  if (fraction === null) return bytes;
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** The mutated CSV as bytes. */
export function mutateCsv(text: string, m: CsvMutation): Uint8Array {
  if (m.empty) return new Uint8Array(0);
  const out = writeTable(applyCsvOps(readTable(text), m.ops), { eol: m.crlf ? '\r\n' : '\n', quoted: m.quoted });
  return truncateBytes(strToU8(`${m.bom ? '\uFEFF' : ''}${out}`), m.truncateAt);
}
