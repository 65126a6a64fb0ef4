/**
 * Reading a source CSV back with the schema that wrote it. Every scraper validates its rows
 * with a zod object schema (lib/source-rows/<source>.ts) and writes them with lib/csv.ts
 * (formatCell: null → blank, numbers as String(n), booleans as true/false, formula-like text
 * behind an apostrophe). csvRowCodec derives the inverse from the same schema: each cell is
 * turned back into the field's base type (text, number, boolean, enum) and then validated by
 * the field's own schema, refinements included. So normalize reads exactly the contract the
 * scraper wrote, declared once, and a CSV the scraper could not have written is refused.
 */
import { z } from 'zod';
import { parseCell, type CellKind } from '../csv.ts';

export type { CellKind };

export interface CellShape {
  kind: CellKind;
  /** The field may be null: a blank cell reads as null. */
  nullable: boolean;
  /** The field may be absent (formatCell writes undefined as a blank too): a blank cell reads as undefined when null is not allowed. */
  optional?: boolean;
}

/**
 * The base type under a field's wrappers (nullable, optional, default, pipe). Refinements in
 * zod 4 live on the schema they refine, so they need no unwrapping and stay in force.
 * A field type with no cell form (an array, an object, a date object) is a contract we could
 * not write to CSV: refused when the codec is built, not when a row arrives.
 */
export function cellShape(schema: z.ZodType, column: string): CellShape {
  let nullable = false;
  let optional = false;
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodNullable) { nullable = true; s = s.unwrap() as z.ZodType; continue; }
    if (s instanceof z.ZodOptional) { optional = true; s = s.unwrap() as z.ZodType; continue; }
    if (s instanceof z.ZodDefault) { s = s.unwrap() as z.ZodType; continue; }
    if (s instanceof z.ZodPipe) { s = s.in as z.ZodType; continue; }
    break;
  }
  const base = (kind: CellKind): CellShape => (optional ? { kind, nullable, optional } : { kind, nullable });
  if (s instanceof z.ZodString || s instanceof z.ZodEnum) return base('text');
  if (s instanceof z.ZodNumber) return base('number');
  if (s instanceof z.ZodBoolean) return base('boolean');
  throw new Error(`column ${column}: zod type "${s.def.type}" has no CSV cell form — the row schemas in lib/source-rows/ may use text, numbers, booleans and enums only`);
}

/** One cell → its base value, or the reason the scraper could not have written it. */
export function decodeCell(shape: CellShape, cell: string): { value: unknown } | { problem: string } {
  if (cell === '') {
    if (shape.nullable) return { value: null };
    if (shape.optional) return { value: undefined };
    // A required text field may legitimately be '' (its own schema then decides); a number or boolean may not.
    if (shape.kind === 'text') return { value: '' };
    return { problem: `blank cell, but the scraper's schema never leaves this ${shape.kind} column empty` };
  }
  return parseCell(shape.kind, cell, 'as-written');
}

/**
 * The codec of a whole row: the record csv-parse gives (column → cell) → the row the scraper's
 * schema describes, validated by that schema. Pass the schema, or a `.pick()` of it for the
 * columns a reader needs; other columns of the file are ignored, as the scraper's schema does.
 * Issues carry the column as their path, so readVersion can name file, row and column.
 * A column the scraper adds later is missing from older versions: replaying their captures
 * rewrites them with today's columns, which is why no reader accepts a missing column (none of
 * the committed versions lacks one: tests/unit/source-rows.test.ts reads them all).
 */
export function csvRowCodec<S extends z.ZodObject>(schema: S) {
  const shapes = Object.entries(schema.shape).map(([column, field]) => {
    const shape = cellShape(field as z.ZodType, column);
    // A blank cell reads as null (or undefined); were '' also a valid value, a written '' would not come back.
    if ((shape.nullable || shape.optional) && shape.kind === 'text' && (field as z.ZodType).safeParse('').success) {
      throw new Error(`column ${column}: both a missing value and "" are valid, but both are written as a blank cell — give the text a .min(1) (nullableText)`);
    }
    return [column, shape] as const;
  });
  return z.record(z.string(), z.string())
    .transform((record, ctx) => {
      const row: Record<string, unknown> = {};
      for (const [column, shape] of shapes) {
        const cell = record[column];
        if (cell === undefined) {
          ctx.addIssue({ code: 'custom', path: [column], message: 'no such column in the file, but the scraper writes it in every row' });
          continue;
        }
        const read = decodeCell(shape, cell);
        if ('problem' in read) ctx.addIssue({ code: 'custom', path: [column], message: read.problem });
        else row[column] = read.value;
      }
      return row;
    })
    .pipe(schema);
}
