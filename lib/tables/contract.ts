/**
 * A table's contract, written once: a zod object of its typed row. From it come the TypeScript
 * row type (TableRow), the Frictionless Table Schema fields in data/datapackage.json
 * (fieldsOf, read off z.toJSONSchema), and the one reader and writer (lib/tables/io.ts).
 *
 * Cells are typed values, not CSV text: a blank cell is null (`.nullable()` marks a column that
 * may be blank; one without it is `required` in the Table Schema). The field builders below set
 * the description (`.meta`) and the constraints the Table Schema publishes (enum, minimum,
 * maximum, pattern). A check a reviewer relies on that the Table Schema does not publish (an id's
 * spelling in a reference file) is a `.refine`, which JSON Schema, and so datapackage.json, leaves out.
 */
import { z } from 'zod';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date';

/** One column as the Table Schema states it (derived, never written by hand). */
export interface FieldSpec {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export type RowSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

export interface TableContract<Name extends string = string, Row extends RowSchema = RowSchema> {
  name: Name;
  /** Path under data/ (reference tables under reference/). */
  path: string;
  /** The typed row, one key per column in column order. */
  row: Row;
  /**
   * Hand-edited reference files: cells are trimmed on read (a stray space from an editor is not
   * data). Published tables are read exactly as written.
   */
  handEdited?: boolean;
}

/** Published in data/datapackage.json: what a reader of the package sees besides the fields. */
export interface PublishedContract<Name extends string = string, Row extends RowSchema = RowSchema> extends TableContract<Name, Row> {
  title: string;
  description: string;
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

/** The typed row of a contract. */
export type RowOf<C extends TableContract> = z.output<C['row']>;

export function defineTable<const Name extends string, Shape extends z.ZodRawShape>(
  c: Omit<TableContract<Name>, 'row'> & { row: Shape },
): TableContract<Name, z.ZodObject<Shape, z.core.$strict>> {
  return { ...c, row: z.strictObject(c.row) };
}

export function definePublished<const Name extends string, Shape extends z.ZodRawShape>(
  c: Omit<PublishedContract<Name>, 'row'> & { row: Shape },
): PublishedContract<Name, z.ZodObject<Shape, z.core.$strict>> {
  return { ...c, row: z.strictObject(c.row) };
}

// ---- Field builders: each returns the required column; `.nullable()` makes it optional. ----

/** min/max are published (minimum/maximum); positive (greater than 0) is a reviewer's check only. */
interface Bounds { min?: number; max?: number; positive?: boolean }

/** Text that is never empty (a blank cell is null, not ""), optionally matching a pattern. */
export function text(description: string, opts: { pattern?: RegExp; check?: Check } = {}) {
  let s = z.string().min(1, 'empty text: write a blank cell (null) instead');
  if (opts.pattern) s = s.regex(opts.pattern, `does not match ${opts.pattern.source}`);
  if (opts.check) s = s.refine(opts.check.test, opts.check.message);
  return s.meta({ description });
}

/** A reviewer's check the Table Schema does not publish (it is left out of datapackage.json). */
export interface Check { test: (s: string) => boolean; message: string }
export const matches = (re: RegExp, message: string): Check => ({ test: (s) => re.test(s), message });
export const isUrl: Check = { test: (s) => URL.canParse(s) && /^https?:/.test(s), message: 'not an http(s) URL' };

export function oneOf<const T extends readonly string[]>(values: T, description: string) {
  return z.enum(values).meta({ description });
}

export function num(description: string, b: Bounds = {}) {
  let n = z.number();
  if (b.min !== undefined) n = n.min(b.min, `below ${b.min}`);
  if (b.max !== undefined) n = n.max(b.max, `above ${b.max}`);
  if (b.positive) n = n.refine((v) => v > 0, 'must be greater than 0');
  return n.meta({ description });
}

export function int(description: string, b: Bounds = {}) {
  let n = z.int();
  if (b.min !== undefined) n = n.min(b.min, `below ${b.min}`);
  if (b.max !== undefined) n = n.max(b.max, `above ${b.max}`);
  return n.meta({ description });
}

export function bool(description: string) {
  return z.boolean().meta({ description });
}

/** A calendar date, YYYY-MM-DD (2026-02-30 is refused). */
export function date(description: string) {
  return z.iso.date('expected a calendar date, YYYY-MM-DD').meta({ description });
}

// ---- Table Schema, derived ----

interface JsonField {
  type?: string | string[];
  anyOf?: JsonField[];
  description?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

/**
 * The Table Schema fields of a contract, read off zod's own JSON Schema of the row: the JSON
 * type (and format "date") gives the field type, a null branch makes it optional, and the
 * numeric bounds zod adds to every integer (±2^53-1) are not constraints anyone wrote.
 */
export function fieldsOf(c: TableContract): FieldSpec[] {
  const json = z.toJSONSchema(c.row, { io: 'output' }) as { properties: Record<string, JsonField> };
  return Object.entries(json.properties).map(([name, outer]) => {
    const branches = outer.anyOf ?? [outer];
    const nonNull = branches.filter((b) => b.type !== 'null');
    const inner: JsonField = nonNull.length === 1 ? nonNull[0]! : {};
    const types = ([] as string[]).concat(inner.type ?? []).filter((t) => t !== 'null');
    const nullable = branches.length > 1 || ([] as string[]).concat(outer.type ?? []).includes('null');
    const type = inner.format === 'date' ? 'date' : types[0];
    if (type !== 'string' && type !== 'number' && type !== 'integer' && type !== 'boolean' && type !== 'date') {
      throw new Error(`${c.path}: column ${name} is not a Table Schema type (got ${JSON.stringify(inner.type ?? outer)}): build it with lib/tables/contract.ts's text, oneOf, num, int, bool or date`);
    }
    const description = outer.description ?? inner.description;
    if (!description) throw new Error(`${c.path}: column ${name} has no description: pass one to its field builder`);
    const field: FieldSpec = { name, type, description };
    if (!nullable) field.required = true;
    if (inner.enum) field.enum = [...inner.enum];
    if (inner.minimum !== undefined && inner.minimum !== Number.MIN_SAFE_INTEGER) field.minimum = inner.minimum;
    if (inner.maximum !== undefined && inner.maximum !== Number.MAX_SAFE_INTEGER) field.maximum = inner.maximum;
    // RegExp.source writes "/" as "\/"; the Table Schema pattern (XML Schema syntax) takes "/" as it is.
    if (inner.pattern && type !== 'date') field.pattern = inner.pattern.replaceAll('\\/', '/');
    return field;
  });
}

/** The column names, in order. */
export const columnsOf = (c: TableContract): string[] => Object.keys(c.row.shape);

/** One field as datapackage.json writes it: this key order is part of the published bytes. */
export function tableSchemaField(fl: FieldSpec) {
  const constrained = fl.required || fl.enum || fl.minimum !== undefined || fl.maximum !== undefined || fl.pattern;
  return {
    name: fl.name,
    type: fl.type,
    description: fl.description,
    ...(fl.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(constrained
      ? { constraints: { ...(fl.required ? { required: true } : {}), ...(fl.enum ? { enum: fl.enum } : {}), ...(fl.minimum !== undefined ? { minimum: fl.minimum } : {}), ...(fl.maximum !== undefined ? { maximum: fl.maximum } : {}), ...(fl.pattern ? { pattern: fl.pattern } : {}) } }
      : {}),
  };
}
