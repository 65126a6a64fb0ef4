/** The shared readers every parser is built on: readCsv / decodeUtf8 and the typed cell readers. */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, readCsv } from '../../lib/csv.ts';
import { bool, distinctList, isBlank, isoDate, num, text } from '../../scrapers/lib/values.ts';
import { csvMutation, mutateCsv } from './helpers/csv.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { checkDirect, expectParseError } from './helpers/invariant.ts';
import { fc } from './helpers/setup.ts';
import { NASTY_DATES, nastyCell, nastyJson } from './helpers/values.ts';

const anyValue = fc.oneof(nastyCell, nastyJson, fc.double(), fc.integer(), fc.constantFrom<unknown>(undefined, Symbol.for('x').description, 1e21, -1e21, 8.64e12, 8.64e12 + 1, -8.64e12, 253402300800, 253402300799));

describe('decodeUtf8', () => {
  it('returns text or throws a ParseError for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      checkDirect(() => decodeUtf8(bytes));
    }), { numRuns: 300 });
  });
});

describe('readCsv', () => {
  const csvText = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '\uFEFF', 'é'), maxLength: 40 }),
    csvMutation.map((m) => new TextDecoder().decode(mutateCsv(fixtureText('lmarena', 'leaderboard-old.csv'), m))),
  );

  it('returns records or throws a ParseError for any text, with or without required columns', () => {
    fc.assert(fc.property(csvText, fc.array(fc.constantFrom('a', 'b', 'model', 'rank'), { maxLength: 2 }), (s, required) => {
      const out = checkDirect(() => readCsv(s, { required }));
      if (out.kind === 'value') for (const r of out.value) for (const col of required) expect(typeof r[col]).toBe('string');
    }), { numRuns: 400 });
  });

  it('a header-only file that is malformed is a ParseError, not a csv-parse error', () => {
    for (const s of ['"a,b', 'a,"b\n', '"a""', 'a,b\r\n"']) expectParseError(() => readCsv(s, { required: ['a'] }));
  });

  it('a column named twice is a ParseError naming it (one of the two would be silently lost)', () => {
    for (const s of ['model,score,model\nx,1,y\n', 'model,score,model\n', 'model, model\nx,y\n']) {
      expect(expectParseError(() => readCsv(s, { required: ['model'] })).field).toBe('model');
    }
  });

  it('prototype-like column names are read as plain columns', () => {
    const [record] = readCsv('__proto__,constructor,toString\n1,2,3\n', { required: ['__proto__', 'constructor', 'toString'] });
    expect(Object.entries(record!)).toEqual([['__proto__', '1'], ['constructor', '2'], ['toString', '3']]);
  });
});

describe('cell readers', () => {
  it('text returns a non-empty single-line string or null, or throws a ParseError for an object or list', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const t = checkDirect(() => text(v, 'f', 1));
      if (t.kind === 'value' && t.value !== null) expect(t.value).toMatch(/^\S(.*\S)?$/s);
      if (t.kind === 'error') expect(typeof v).toBe('object');
      expect(typeof isBlank(v)).toBe('boolean');
      checkDirect(() => distinctList(v));
    }), { numRuns: 500 });
  });

  it('objects and lists where a value belongs are ParseErrors, never "[object Object]" or a TypeError', () => {
    const odd = [{}, [], [5], ['2025-01-01'], { toString: 'x' }, { valueOf: 1, toString: null }, Object.create(null) as object, [{ toString: {} }], new Date(0)];
    for (const v of odd) {
      expectParseError(() => text(v, 'f', 1));
      expectParseError(() => num(v, 'f', 1));
      expectParseError(() => isoDate(v, 'f', 1));
      expectParseError(() => bool(v, 'f', 1));
      expect(isBlank(v)).toBe(false);
    }
  });

  it('num returns a finite number or null, or throws a ParseError', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const out = checkDirect(() => num(v, 'f', 1));
      if (out.kind === 'value' && out.value !== null) expect(Number.isFinite(out.value)).toBe(true);
    }), { numRuns: 500 });
  });

  it('isoDate returns YYYY-MM-DD or null, or throws a ParseError, for any text or number', () => {
    const dates = fc.oneof(anyValue, fc.constantFrom(...NASTY_DATES), fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 99999999999 }).map(String), fc.stringMatching(/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/));
    fc.assert(fc.property(dates, (v) => {
      const out = checkDirect(() => isoDate(v, 'f', 1));
      if (out.kind === 'value' && out.value !== null) expect(out.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }), { numRuns: 1000 });
  });

  it('isoDate: timestamps beyond year 9999 or before year 0 are ParseErrors, not "+010000-01-01"', () => {
    for (const v of [1e12, 253402300800, '999999999999', -1e11, 8.64e12]) expectParseError(() => isoDate(v, 'created', 1));
    expect(isoDate(253402300799, 'created', 1)).toBe('9999-12-31');
    expect(isoDate(1752451200, 'created', 1)).toBe('2025-07-14');
  });

  it('bool returns a boolean or null, or throws a ParseError', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const out = checkDirect(() => bool(v, 'f', 1));
      if (out.kind === 'value') expect([true, false, null]).toContain(out.value);
    }), { numRuns: 500 });
  });
});
