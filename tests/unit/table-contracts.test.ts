/**
 * The table contracts (lib/tables/): one zod schema per table gives the published Table Schema,
 * the reader and the writer. Each test names the rule it holds the contracts to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACTS, fieldsOf, PUBLISHED, REFERENCE_INPUTS, tableSchemaField, type FieldSpec, type TableContract } from '../../lib/tables/index.ts';
import { parseTable, TableCellError, writeTable } from '../../lib/tables/io.ts';
import { dataPackage, TABLES } from '../../normalize/schema.ts';

const DATA = resolve(import.meta.dirname, '../../data');
const committed = JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8')) as { resources: { name: string; schema: unknown }[] };

describe('the Table Schema is derived from the contract', () => {
  it('every published resource, in order, has the schema datapackage.json publishes (fields, keys, key order)', () => {
    const derived = dataPackage(TABLES).resources;
    expect(derived.map((r) => r.name)).toEqual(committed.resources.map((r) => r.name));
    derived.forEach((r, i) => expect(JSON.stringify(r.schema), r.name).toBe(JSON.stringify(committed.resources[i]!.schema)));
  });

  it('reads type, required, enum, bounds and pattern off the zod schema', () => {
    const f = (name: string): FieldSpec => fieldsOf(CONTRACTS.models).find((x) => x.name === name)!;
    expect(f('model_id')).toEqual({ name: 'model_id', type: 'string', description: expect.any(String), required: true, pattern: '^[a-z0-9][a-z0-9.-]*$' });
    expect(f('release_date')).toMatchObject({ type: 'date' });
    expect(f('release_date').required).toBeUndefined();
    expect(f('openness')).toMatchObject({ required: true, enum: ['open-source', 'open-weight', 'closed'] });
    expect(f('aa_openness_index')).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    // zod gives every integer ±(2^53-1) bounds in JSON Schema: not a constraint anyone wrote.
    expect(f('parameters_kept_16bit')).toEqual(expect.objectContaining({ type: 'integer', minimum: 0 }));
    expect(f('parameters_kept_16bit').maximum).toBeUndefined();
    expect(f('weights_downloadable')).toMatchObject({ type: 'boolean', required: true });
    // "/" is written as it is, not as RegExp.source's "\/".
    expect(f('huggingface_repo').pattern).toBe('^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$');
    expect(tableSchemaField(f('weights_downloadable'))).toEqual({ name: 'weights_downloadable', type: 'boolean', description: expect.any(String), trueValues: ['true'], falseValues: ['false'], constraints: { required: true } });
  });

  it('a reviewer-only check (refine) is enforced on read but not published', () => {
    expect(fieldsOf(CONTRACTS.labs).find((x) => x.name === 'lab_id')).not.toHaveProperty('pattern');
    const csv = 'lab_id,name,country,kind,country_source,notes\nBad Lab,Bad,US,company,its site,\n';
    expect(() => parseTable(CONTRACTS.labs, csv)).toThrow(/data\/reference\/labs\.csv row 1, column lab_id: lab_id must be lower-case/);
  });
});

describe('the reader', () => {
  it('every CSV in data/ and data/reference/ has a contract (none is read by hand)', () => {
    const files = [...readdirSync(DATA).filter((f) => f.endsWith('.csv')), ...readdirSync(join(DATA, 'reference')).filter((f) => f.endsWith('.csv')).map((f) => `reference/${f}`)].sort();
    expect(Object.values(CONTRACTS).map((c) => c.path).sort()).toEqual(files);
  });

  it('reads every committed table and reference file through its contract', () => {
    for (const c of [...PUBLISHED, ...REFERENCE_INPUTS] as TableContract[]) {
      const rows = parseTable(c, readFileSync(join(DATA, c.path)));
      expect(rows.length, c.path).toBeGreaterThan(0);
    }
  });

  const HEAD = 'year,country_group,models,open_weight_models,closed_models,unknown_access_models,open_weight_share,source,source_as_of';
  const good = '2025,China,10,6,4,0,0.6,epoch notable,2026-01-01';
  const read = (line: string, head = HEAD) => () => parseTable(CONTRACTS.notable_open_share, `${head}\n${good}\n${line}\n`);

  it('a hand-edited reference file may spell a number any way ("80.0", "1.28e3"); a written table may not', () => {
    const head = 'hardware_id,name,memory_gb,kind,available,example,source_url,notes';
    const [a, b] = parseTable(CONTRACTS.hardware, `${head}\ndc-80,H100,80.0,datacentre-gpu,2022,H100,https://example.org/h100,\nserver-1,8x,1.28e3,server,2024,8x,https://example.org/s,\n`);
    expect([a!.memory_gb, b!.memory_gb]).toEqual([80, 1280]);
  });

  it('types the cells: blank is null, numbers and booleans parsed', () => {
    const [row] = parseTable(CONTRACTS.notable_open_share, `${HEAD}\n2025,China,10,6,4,0,,epoch notable,2026-01-01\n`);
    expect(row).toEqual({ year: 2025, country_group: 'China', models: 10, open_weight_models: 6, closed_models: 4, unknown_access_models: 0, open_weight_share: null, source: 'epoch notable', source_as_of: '2026-01-01' });
  });

  it.each([
    ['a number cell that is not a number', '2025,Europe,ten,6,4,0,0.6,epoch notable,2026-01-01', /row 2, column models: "ten" is not a number \(value "ten"\)/],
    ['a value outside the enum', '2025,Mars,10,6,4,0,0.6,epoch notable,2026-01-01', /row 2, column country_group: .*\(value "Mars"\)/],
    ['a value below its minimum', '2025,Europe,10,-6,4,0,0.6,epoch notable,2026-01-01', /row 2, column open_weight_models: below 0/],
    ['a fraction in an integer column', '2025,Europe,10.5,6,4,0,0.6,epoch notable,2026-01-01', /row 2, column models: /],
    ['a date that is not on the calendar', '2025,Europe,10,6,4,0,0.6,epoch notable,2026-02-30', /row 2, column source_as_of: expected a calendar date/],
    ['a blank required cell', '2025,Europe,10,6,4,0,0.6,,2026-01-01', /row 2, column source: /],
    ['a number the writer would not spell that way', '2025,Europe,10.0,6,4,0,0.6,epoch notable,2026-01-01', /row 2, column models: "10\.0" is not a number as the writer spells one/],
  ])('refuses %s, naming file, row, column and the likely cause', (_what, line, message) => {
    expect(read(line)).toThrow(TableCellError);
    expect(read(line)).toThrow(message);
    expect(read(line)).toThrow(/^data\/notable_open_share\.csv row 2.*likely cause: .*re-run npm run normalize/);
  });

  it('refuses a missing or an unknown column', () => {
    expect(() => parseTable(CONTRACTS.notable_open_share, `${HEAD.replace(',source_as_of', '')}\n2025,Europe,10,6,4,0,0.6,epoch notable\n`)).toThrow(/column source_as_of: column missing/);
    expect(() => parseTable(CONTRACTS.video, 'event_id,title,date_earliest,date_latest,evidence,url,extra\nv,t,2025-11-01,2025-11-02,e,,x\n')).toThrow(/column extra: not a column of video/);
  });

  it('restores neutralised formula cells, and trims only hand-edited files', () => {
    const [row] = parseTable(CONTRACTS.video, "event_id,title,date_earliest,date_latest,evidence,url\n v ,'=HYPERLINK(1),2025-11-01,2025-11-02,e,\n");
    expect(row).toMatchObject({ event_id: 'v', title: '=HYPERLINK(1)', url: null });
    expect(read('2025,Europe,10,6,4,0,0.6, epoch notable ,2026-01-01')().at(-1)!.source).toBe(' epoch notable ');
  });
});

describe('the writer', () => {
  it('refuses a row that breaks the contract, naming the table, row and column', () => {
    const row = parseTable(CONTRACTS.notable_open_share, `year,country_group,models,open_weight_models,closed_models,unknown_access_models,open_weight_share,source,source_as_of\n2025,China,10,6,4,0,0.6,epoch notable,2026-01-01\n`)[0]!;
    expect(() => writeTable(CONTRACTS.notable_open_share, [row, { ...row, open_weight_share: 1.5 }])).toThrow(/notable_open_share\.csv row 2 .*column open_weight_share: above 1/);
    // @ts-expect-error a column the contract does not have is a type error, and refused at run time too
    expect(() => writeTable(CONTRACTS.notable_open_share, [{ ...row, extra: 1 }])).toThrow(/row 1 .*Unrecognized key/);
  });

  it('writes the columns in contract order, blank for null', () => {
    const csv = writeTable(CONTRACTS.video, [{ event_id: 'v', title: '=t', date_earliest: '2025-11-01', date_latest: '2025-11-02', evidence: 'e', url: null }]);
    expect(csv).toBe("event_id,title,date_earliest,date_latest,evidence,url\nv,'=t,2025-11-01,2025-11-02,e,\n");
  });

  it('write → read gives the typed rows back (property, every published table)', () => {
    for (const c of PUBLISHED as readonly TableContract[]) {
      fc.assert(fc.property(fc.array(rowArbitrary(c), { maxLength: 5 }), (rows) => {
        expect(parseTable(c, writeTable(c, rows))).toEqual(rows);
      }), { numRuns: 40 });
    }
  });
});

/** Ids the reference contracts check with a reviewer's rule (a refine, not in the Table Schema). */
const REVIEWED_IDS: Record<string, RegExp> = { 'labs.lab_id': /^[a-z0-9][a-z0-9-]*$/, 'licences.licence_id': /^[a-z0-9][a-z0-9.-]*$/ };

/** Arbitrary typed rows of a contract, from its derived fields. Hand-edited files are trimmed on read, so their text is generated trimmed. */
function rowArbitrary(c: TableContract): fc.Arbitrary<Record<string, unknown>> {
  const text = (f: FieldSpec) => {
    const reviewed = REVIEWED_IDS[`${c.name}.${f.name}`];
    if (reviewed) return fc.stringMatching(reviewed);
    if (f.pattern) return fc.stringMatching(new RegExp(f.pattern));
    // Awkward text on purpose: "'=x" (an apostrophe already before a formula character) must come back whole.
    const s = fc.oneof(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ unit: 'grapheme' }).map((x) => `'=${x}`), fc.string({ unit: 'grapheme' }).map((x) => `''@${x}`));
    return c.handEdited ? s.map((x) => x.trim()).filter((x) => x.length > 0) : s;
  };
  const value = (f: FieldSpec): fc.Arbitrary<unknown> => {
    if (f.enum) return fc.constantFrom(...f.enum);
    switch (f.type) {
      case 'integer': return fc.integer({ min: f.minimum ?? -1e9, max: f.maximum ?? 1e9 });
      case 'number': return fc.double({ min: f.minimum ?? -1e12, max: f.maximum ?? 1e12, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
      case 'boolean': return fc.boolean();
      case 'date': return fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      default: return text(f);
    }
  };
  return fc.record(Object.fromEntries(fieldsOf(c).map((f) => [f.name, f.required ? value(f) : fc.option(value(f), { nil: null })])));
}
