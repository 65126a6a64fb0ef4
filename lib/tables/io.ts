/**
 * The one reader and the one writer of our tables, both driven by the table's contract.
 * Reading: CSV text → typed rows (blank → null, numbers and true/false parsed, neutralised
 * formula cells restored), each row checked against the contract; a bad cell is refused with
 * the file, row, column, value and the likely cause. Writing: every row checked first, then the
 * columns in contract order with lib/csv.ts's formatting (formula cells neutralised).
 */
import { parse } from 'csv-parse/sync';
import { parseCell, toCsv } from '../csv.ts';
import { columnsOf, fieldsOf, type FieldType, type RowOf, type TableContract } from './contract.ts';

/** What to check when a cell is refused: hand-edited files have an editor, published ones a producer. */
const causeOf = (c: TableContract) =>
  c.handEdited ? 'a hand edit of the reviewed file: fix the cell (data/reference/README.md says what each column holds)' : 'the CSV was edited by hand or is older than its contract: re-run npm run normalize';

export class TableCellError extends Error {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  constructor(file: string, row: number, column: string, problem: string, value: string | undefined, cause: string) {
    super(`${file} row ${row}, column ${column}: ${problem}${value === undefined ? '' : ` (value ${JSON.stringify(value)})`} — likely cause: ${cause}`);
    this.name = 'TableCellError';
    this.file = file;
    this.row = row;
    this.column = column;
  }
}

const fieldTypes = new WeakMap<TableContract, Map<string, FieldType>>();
function typesOf(c: TableContract): Map<string, FieldType> {
  let t = fieldTypes.get(c);
  if (!t) fieldTypes.set(c, (t = new Map(fieldsOf(c).map((f) => [f.name, f.type]))));
  return t;
}

/**
 * One cell's text → its typed value, or a problem (lib/csv.ts parseCell, as the source codec
 * reads). A blank is null. Numbers must be spelt as the writer spells them, except in the
 * hand-edited reference files, where "1e12" and "80.0" are as good as "1000000000000" and "80".
 */
function decodeCell(type: FieldType, raw: string, numbers: 'as-written' | 'any'): { value: unknown } | { problem: string } {
  if (raw === '') return { value: null };
  return parseCell(type === 'number' || type === 'integer' ? 'number' : type === 'boolean' ? 'boolean' : 'text', raw, numbers);
}

/**
 * Reads a table's CSV text into typed rows. `file` names it in errors (data/models.csv). Row
 * numbers count data rows from 1 (the header is row 0), as a spreadsheet's line number minus one.
 */
export function parseTable<C extends TableContract>(c: C, text: string | Uint8Array, file = `data/${c.path}`): RowOf<C>[] {
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: c.handEdited === true }) as Record<string, string>[];
  const types = typesOf(c);
  const columns = columnsOf(c);
  const header = records.length ? Object.keys(records[0]!) : [];
  for (const col of columns) {
    if (records.length && !header.includes(col)) throw new TableCellError(file, 1, col, 'column missing', undefined, causeOf(c));
  }
  for (const col of header) {
    if (!types.has(col)) throw new TableCellError(file, 1, col, `not a column of ${c.name} (its columns: ${columns.join(', ')})`, undefined, causeOf(c));
  }
  return records.map((record, i) => {
    const typed: Record<string, unknown> = {};
    for (const col of columns) {
      const decoded = decodeCell(types.get(col)!, record[col]!, c.handEdited ? 'any' : 'as-written');
      if ('problem' in decoded) throw new TableCellError(file, i + 1, col, decoded.problem, record[col], causeOf(c));
      typed[col] = decoded.value;
    }
    const res = c.row.safeParse(typed);
    if (!res.success) {
      const issue = res.error.issues[0]!;
      const col = String(issue.path[0] ?? '(row)');
      throw new TableCellError(file, i + 1, col, issue.message, record[col], causeOf(c));
    }
    return res.data as RowOf<C>;
  });
}

/**
 * Checks every row against the contract, then writes the CSV (header + rows, "\n" line ends).
 * A row that breaks the contract is a bug in the step that built it: the error names the table,
 * the row (and its first cells, to find it) and the column.
 */
export function writeTable<C extends TableContract>(c: C, rows: readonly RowOf<C>[]): string {
  rows.forEach((row, i) => {
    const res = c.row.safeParse(row);
    if (!res.success) {
      const issue = res.error.issues[0]!;
      const col = String(issue.path[0] ?? '(row)');
      const head = JSON.stringify(Object.values(row as object).slice(0, 3));
      throw new Error(`${c.path} row ${i + 1} ${head}, column ${col}: ${issue.message} — the normalize step that builds ${c.name} produced it; the contract is lib/tables/`);
    }
  });
  return toCsv(rows as readonly object[], columnsOf(c));
}
