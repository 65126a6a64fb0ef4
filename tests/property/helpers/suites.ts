/**
 * The standard properties of one format, built from one valid fixture: random mutations keep
 * the invariant, and layout drift that changes nothing (column order, BOM, CRLF, quoting) changes
 * no row, while drift that loses a column the parser needs is a ParseError naming it.
 */
import { afterAll, expect, it } from 'vitest';
import type { FormatSpec, ParsedVersion, Target } from '../../../scrapers/lib/source.ts';
import { applyCsvOps, csvMutation, mutateCsv, readTable, writeTable } from './csv.ts';
import { captureOf, checkFormat, expectParseError, printTallies } from './invariant.ts';
import { jsonMutation, mutateJson } from './json.ts';
import { markupMutation, mutateMarkup, type MarkupMutation } from './markup.ts';
import { fc } from './setup.ts';

afterAll(printTallies);

export interface FormatCase {
  spec: FormatSpec;
  target: Target;
  /** Fixture file name, for test titles. */
  name: string;
  text: string;
  /** The capture's URL (model-cards parses only captures of its own document). */
  url?: string;
  /** Turns the mutated bytes into the capture's bytes (e.g. zip or gzip them). */
  wrap?: (bytes: Uint8Array) => Uint8Array;
}

const parseOk = (c: FormatCase, bytes: Uint8Array): ParsedVersion<Record<string, unknown>>[] => c.spec.parse(captureOf(bytes, { url: c.url ?? c.target.url }), c.target);
const encode = (s: string) => new TextEncoder().encode(s);

/** The fixture itself parses into valid rows (else every property below would be vacuous). */
function baseline(c: FormatCase): void {
  it(`${c.spec.format} ${c.name}: the fixture parses into valid rows`, () => {
    const outcome = checkFormat(c.spec, captureOf((c.wrap ?? ((b) => b))(encode(c.text)), { url: c.url ?? c.target.url }), c.target);
    expect(outcome.kind === 'error' ? outcome.error.message : 'rows').toBe('rows');
    expect(outcome.kind === 'rows' && outcome.rows).toBeGreaterThan(0);
  });
}

export function csvProperties(c: FormatCase, opts: { required: readonly string[]; reorder?: 'all' | 'keep-first' | 'none'; sortRows?: (v: ParsedVersion<Record<string, unknown>>[]) => unknown }): void {
  const name = `${c.spec.format} ${c.name}`;
  const wrap = c.wrap ?? ((b: Uint8Array) => b);
  baseline(c);

  it(`${name}: any CSV mutation gives valid rows or a ParseError`, () => {
    fc.assert(fc.property(csvMutation, (m) => {
      checkFormat(c.spec, captureOf(wrap(mutateCsv(c.text, m)), { url: c.url ?? c.target.url }), c.target, `${name} csv mutations`);
    }));
  });

  const expected = parseOk(c, wrap(encode(c.text)));
  const normal = opts.sortRows ?? ((v) => v);

  if ((opts.reorder ?? 'all') !== 'none') {
    it(`${name}: reordering columns gives exactly the same rows (read by name, never by position)`, () => {
      fc.assert(fc.property(fc.array(fc.integer(), { minLength: 2, maxLength: 40 }), (keys) => {
        const t = readTable(c.text);
        const shuffled = opts.reorder === 'keep-first'
          ? (() => {
            const rest = applyCsvOps({ header: t.header.slice(1), rows: t.rows.map((r) => r.slice(1)) }, [{ op: 'reorder', keys }]);
            return { header: [t.header[0]!, ...rest.header], rows: t.rows.map((r, i) => [r[0]!, ...rest.rows[i]!]) };
          })()
          : applyCsvOps(t, [{ op: 'reorder', keys }]);
        expect(normal(parseOk(c, wrap(encode(writeTable(shuffled)))))).toEqual(normal(expected));
      }));
    });
  }

  it(`${name}: a BOM, CRLF line endings and quoting every field change no row`, () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (bom, crlf, quoted) => {
      const out = writeTable(readTable(c.text), { eol: crlf ? '\r\n' : '\n', quoted });
      expect(parseOk(c, wrap(encode(`${bom ? '\uFEFF' : ''}${out}`)))).toEqual(expected);
    }), { numRuns: 8 });
  });

  it(`${name}: an empty file, or a header line alone, is a ParseError (not an empty version)`, () => {
    const t = readTable(c.text);
    for (const bytes of [new Uint8Array(0), encode('\n'), encode('\uFEFF'), encode(writeTable({ header: t.header, rows: [] })), encode(`\uFEFF${writeTable({ header: t.header, rows: [] }, { eol: '\r\n' })}\r\n\r\n`)]) {
      expectParseError(() => parseOk(c, wrap(bytes)));
    }
  });

  for (const col of opts.required) {
    it(`${name}: renaming, dropping or doubling the required column "${col}" is a ParseError naming it`, () => {
      const t = readTable(c.text);
      const i = t.header.indexOf(col);
      expect(i, `fixture ${c.name} has no column ${col}`).toBeGreaterThanOrEqual(0);
      const renamed = applyCsvOps(t, [{ op: 'rename', col: i, name: `${col} (renamed)` }]);
      const dropped = applyCsvOps(t, [{ op: 'drop', col: i }]);
      // A second column under the same name: which one is read would be an accident of order.
      const doubled = applyCsvOps(t, [{ op: 'add', name: col, values: ['1'] }]);
      for (const table of [renamed, dropped, doubled]) {
        const err = expectParseError(() => parseOk(c, wrap(encode(writeTable(table)))));
        expect(`${err.field ?? ''} ${err.message}`).toContain(col);
      }
    });
  }
}

export function jsonProperties(c: FormatCase): void {
  const name = `${c.spec.format} ${c.name}`;
  const wrap = c.wrap ?? ((b: Uint8Array) => b);
  baseline(c);
  it(`${name}: any JSON mutation gives valid rows or a ParseError`, () => {
    fc.assert(fc.property(jsonMutation, (m) => {
      checkFormat(c.spec, captureOf(wrap(mutateJson(c.text, m)), { url: c.url ?? c.target.url }), c.target, `${name} json mutations`);
    }));
  });
  it(`${name}: empty, truncated and non-JSON documents are ParseErrors`, () => {
    for (const s of ['', ' ', '{}', '[]', 'null', '0', '"text"', '{"a":', c.text.slice(0, Math.floor(c.text.length / 2)), '<!DOCTYPE html><html><body>Just a moment...</body></html>', '\uFEFF{}', '{"data": []}', '{"models": []}', '{"meta": {}, "models": []}']) {
      expectParseError(() => parseOk(c, wrap(encode(s))));
    }
  });
}

export function markupProperties(c: FormatCase, arbitrary: fc.Arbitrary<MarkupMutation> = markupMutation): void {
  const name = `${c.spec.format} ${c.name}`;
  const wrap = c.wrap ?? ((b: Uint8Array) => b);
  baseline(c);
  it(`${name}: any Markdown/HTML mutation gives valid rows or a ParseError`, () => {
    fc.assert(fc.property(arbitrary, (m) => {
      checkFormat(c.spec, captureOf(wrap(encode(mutateMarkup(c.text, m))), { url: c.url ?? c.target.url }), c.target, `${name} markup mutations`);
    }));
  });
  it(`${name}: bytes cut at any point give valid rows or a ParseError`, () => {
    const bytes = encode(c.text);
    fc.assert(fc.property(fc.nat({ max: bytes.length }), (n) => {
      checkFormat(c.spec, captureOf(wrap(bytes.slice(0, n)), { url: c.url ?? c.target.url }), c.target, `${name} truncation`);
    }), { numRuns: 60 });
  });
}
