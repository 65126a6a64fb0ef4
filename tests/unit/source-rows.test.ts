/**
 * One contract per source table: the scraper's row schema (lib/source-rows/) is what normalize
 * reads back (csvRowCodec). These tests check that the contract holds in both directions:
 * every committed version reads with the full schema of the format its sidecar says wrote it
 * (scrapers/registry.ts gives format → schema); rows valid for any scraper's schema survive
 * the scrapers' writer (lib/csv.ts toCsv) and the reader unchanged; a cell the scraper could not
 * have written is refused with the file, row and column named.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toCsv } from '../../lib/csv.ts';
import { cellShape, csvRowCodec, decodeCell } from '../../lib/source-rows/codec.ts';
import { k2vvRow } from '../../lib/source-rows/k2-vendor-verifier.ts';
import { historyRow } from '../../lib/source-rows/lmarena.ts';
import { cardRow } from '../../lib/source-rows/model-cards.ts';
import { parseVersionCsv, readVersion } from '../../normalize/lib/io.ts';
import { SOURCES } from '../../scrapers/registry.ts';

const SOURCES_DIR = resolve(import.meta.dirname, '../../data/sources');

/** Every scraper row schema, with the formats that write it (read from the scrapers' own registry, not listed here). */
const SCHEMAS = [...SOURCES.flatMap((s) => Object.values(s.formats).map((f) => ({ schema: f.row, format: `${s.id} ${f.format}` })))
  .reduce((m, { schema, format }) => m.set(schema, [...(m.get(schema) ?? []), format]), new Map<z.ZodType, string[]>())]
  .map(([schema, formats]) => {
    if (!(schema instanceof z.ZodObject)) throw new Error(`${formats.join(', ')}: the row schema is not a zod object, so no CSV codec can be derived from it`);
    return { name: formats.join(', '), schema };
  });

const versionsOf = (ref: string) => readdirSync(join(SOURCES_DIR, ref)).filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f)).map((f) => f.slice(0, 10));
/** Every committed version, with the row schema of the format its sidecar says wrote it. */
const versions = readdirSync(SOURCES_DIR).flatMap((source) => readdirSync(join(SOURCES_DIR, source)).flatMap((dataset) => versionsOf(`${source}/${dataset}`).map((asOf) => {
  const meta = JSON.parse(readFileSync(join(SOURCES_DIR, source, dataset, `${asOf}.meta.json`), 'utf8')) as { format?: string };
  const schema = SOURCES.find((s) => s.id === source)?.formats[meta.format ?? '']?.row;
  return { source, dataset, asOf, format: meta.format, schema: SCHEMAS.find((s) => s.schema === schema)?.schema };
})));

/** Every committed row, read with the codec of the schema that wrote it: the examples the property test draws on. */
const committed = new Map<z.ZodType, Record<string, unknown>[]>();
for (const v of versions.filter((v) => v.schema)) {
  const rows = readVersion(SOURCES_DIR, v.source, v.dataset, v.asOf, csvRowCodec(v.schema!)).rows as Record<string, unknown>[];
  committed.set(v.schema!, [...(committed.get(v.schema!) ?? []), ...rows]);
}

describe('every committed source version reads with its scraper\'s full row schema', () => {
  it('each version\'s sidecar names a format of its source, whose row schema is known', () => {
    expect(versions.length).toBeGreaterThan(150);
    expect(versions.filter((v) => !v.schema).map((v) => `${v.source}/${v.dataset}/${v.asOf} (format ${v.format})`)).toEqual([]);
    expect(SCHEMAS.length).toBeGreaterThanOrEqual(17);
  });

  it('every version of every dataset reads, every column, with no cell refused', () => {
    // readVersion throws on the first refused cell, naming it; reaching here means none was.
    expect([...committed.values()].reduce((n, r) => n + r.length, 0)).toBeGreaterThan(50_000);
    for (const { name, schema } of SCHEMAS) expect(committed.get(schema)?.length ?? 0, name).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- write → read, for every schema

/** The schema under nullable/optional wrappers (refinements stay on it in zod 4). */
function base(field: z.ZodType): z.ZodType {
  let s = field;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/** Text that probes the writer: formula characters, apostrophes before them, quotes, commas, line breaks, spaces. */
const AWKWARD = ['=1+1', '+1', '-x', '@SUM(A1)', '\tx', '\rx', "'=x", "''@y", "'", "'plain", 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', ' padded ', 'Kimi K2', '北京', 'é'];

/** Values a field may hold: generic ones where the field takes free text or any number, else the committed ones. */
function fieldArb(field: z.ZodType, column: string, examples: unknown[]): fc.Arbitrary<unknown> {
  const shape = cellShape(field, column);
  const ok = (v: unknown) => field.safeParse(v).success;
  const seen = [...new Set(examples.filter((v) => v !== null && v !== undefined))];
  let arb: fc.Arbitrary<unknown>;
  if (shape.kind === 'boolean') arb = fc.boolean();
  else if (shape.kind === 'number') {
    arb = fc.oneof(
      fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1_000_000, max: 2_000_000_000_000 }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true }),
      ...(seen.length ? [fc.constantFrom(...seen)] : []),
    // -0 is written as "0" (String(-0)) and reads back as 0: no source tells them apart.
    ).filter((v) => ok(v) && !Object.is(v, -0));
  } else {
    const b = base(field);
    if (b instanceof z.ZodEnum) arb = fc.constantFrom(...(b.options as string[]));
    else if (ok('free text, =1+1') && ok('x')) arb = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.constantFrom(...AWKWARD)).filter(ok);
    // Patterned text (dates, hashes, URLs, repo ids): the values the scrapers actually wrote.
    else if (seen.length) arb = fc.constantFrom(...seen);
    else if (shape.nullable) return fc.constant(null);
    else throw new Error(`${column}: patterned text with no committed example to draw on`);
  }
  return shape.nullable ? fc.option(arb, { nil: null, freq: 4 }) : arb;
}

describe('rows valid for a scraper\'s schema survive the writer and the reader unchanged', () => {
  for (const { name, schema } of SCHEMAS) {
    it(name, () => {
      const examples = committed.get(schema) ?? [];
      const columns = Object.keys(schema.shape);
      const row = fc.record(Object.fromEntries(columns.map((c) => [c, fieldArb(schema.shape[c] as z.ZodType, c, examples.map((r) => r[c]))])))
        .filter((r) => schema.safeParse(r).success);
      const codec = csvRowCodec(schema);
      fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (rows) => {
        const back = parseVersionCsv(toCsv(rows, columns)).map((r) => codec.parse(r));
        expect(back).toEqual(rows);
      }), { numRuns: 60 });
    });
  }

  it('an apostrophe before a formula character survives (the writer adds one more, the reader takes one off)', () => {
    const schema = z.object({ t: z.string().min(1).nullable() });
    const rows = ["'=x", "''=x", '=x', "'x", "'"].map((t) => ({ t }));
    expect(parseVersionCsv(toCsv(rows, ['t'])).map((r) => csvRowCodec(schema).parse(r))).toEqual(rows);
  });
});

// ---------------------------------------------------------------- refusals

describe('a cell the scraper could not have written is refused, naming file, row and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-rows-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (csv: string) => {
    mkdirSync(join(dir, 'lmarena/text-history'), { recursive: true });
    writeFileSync(join(dir, 'lmarena/text-history/2025-01-01.csv'), csv);
  };
  const read = () => readVersion(dir, 'lmarena', 'text-history', '2025-01-01', csvRowCodec(historyRow));

  it('reads a file the scraper wrote', () => {
    write(toCsv([{ model: 'gpt-4', rating: 1250.5, style_control: false }], ['model', 'rating', 'style_control']));
    expect(read().rows).toEqual([{ model: 'gpt-4', rating: 1250.5, style_control: false }]);
  });

  it.each([
    ['a number spelt another way', 'model,rating,style_control\na,1200,false\nb,1200.0,false\n', /text-history\/2025-01-01\.csv row 2, column rating \(cell "1200\.0"\): "1200\.0" is not a number as the writer spells one/],
    ['a boolean spelt another way', 'model,rating,style_control\na,1200,yes\n', /row 1, column style_control \(cell "yes"\): "yes" is not true\/false/],
    ['a blank cell in a column the schema never leaves blank', 'model,rating,style_control\na,,false\n', /row 1, column rating \(cell ""\): blank cell, but the scraper's schema never leaves this number column empty/],
    ['a value the scraper\'s own refinement refuses', 'model,rating,style_control\na,4000,false\n', /row 1, column rating \(cell "4000"\): rating above 3000: did LMArena change the scale\?/],
    ['a blank required text', 'model,rating,style_control\n,1200,false\n', /row 1, column model \(cell ""\)/],
    ['a column the file lacks', 'model,rating\na,1200\n', /row 1, column style_control: no such column in the file/],
  ])('%s', (_, csv, message) => {
    write(csv);
    expect(read).toThrow(message);
  });

  it('a codec cannot be built for a field with no cell form, or one where a blank cell would be ambiguous', () => {
    expect(() => csvRowCodec(z.object({ tags: z.array(z.string()) }))).toThrow(/column tags: zod type "array" has no CSV cell form/);
    expect(() => csvRowCodec(z.object({ note: z.string().nullable() }))).toThrow(/column note: both a missing value and "" are valid/);
    expect(() => csvRowCodec(z.object({ note: z.string().optional() }))).toThrow(/column note: both a missing value and "" are valid/);
  });

  it('decodes each base type the way formatCell writes it', () => {
    expect(decodeCell({ kind: 'number', nullable: true }, '')).toEqual({ value: null });
    expect(decodeCell({ kind: 'number', nullable: false, optional: true }, '')).toEqual({ value: undefined });
    expect(csvRowCodec(z.object({ n: z.number().optional(), b: z.boolean().nullable().optional() })).parse({ n: '', b: '' })).toEqual({ b: null });
    expect(decodeCell({ kind: 'number', nullable: false }, '1e+21')).toEqual({ value: 1e21 });
    expect(decodeCell({ kind: 'number', nullable: false }, 'Infinity')).toHaveProperty('problem');
    expect(decodeCell({ kind: 'text', nullable: false }, '')).toEqual({ value: '' });
    expect(decodeCell({ kind: 'text', nullable: true }, "'@cf/x")).toEqual({ value: '@cf/x' });
    expect(cellShape(cardRow.shape.total_parameters, 'total_parameters')).toEqual({ kind: 'number', nullable: true });
    expect(cellShape(z.string().transform((s) => s.length).pipe(z.number()), 'x')).toEqual({ kind: 'text', nullable: false });
    expect(cellShape(k2vvRow.shape.group, 'group')).toEqual({ kind: 'text', nullable: true });
  });
});
