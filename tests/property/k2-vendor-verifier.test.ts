/** Moonshot's vendor verifiers: the K2VV README (HTML and pipe tables, two metric eras) and the KVV README. */
import { describe, expect, it } from 'vitest';
import { k2VendorVerifier, parseK2vvReadme, parseKvvReadme } from '../../scrapers/k2-vendor-verifier.ts';
import { blankNoise, htmlTables, markdownTables, pipeTables } from '../../scrapers/k2-vendor-verifier/tables.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { captureOf, checkDirect, checkFormat, expectParseError, specOf, targetOf, uncovered } from './helpers/invariant.ts';
import { applyMarkupOp, markupMutation, mutateMarkup } from './helpers/markup.ts';
import { fc } from './helpers/setup.ts';
import { markupProperties } from './helpers/suites.ts';

const K2 = 'k2vv-readme-md';
const KVV = 'kvv-readme-md';
const k2 = specOf(k2VendorVerifier, K2);
const kvv = specOf(k2VendorVerifier, KVV);
const k2Target = targetOf(k2VendorVerifier, K2, 'kimi-k2');
const unmergedTarget = targetOf(k2VendorVerifier, K2, 'unmerged-third-party');
const kvvTarget = targetOf(k2VendorVerifier, KVV);
const parseK2 = (s: string) => k2.parse(captureOf(s), k2Target);
const parseKvv = (s: string) => kvv.parse(captureOf(s), kvvTarget);
const K2_FIXTURES = ['similarity-era.md', 'f1-era.md', 'pipe-results.md'];

it('every vendor-verifier format has properties', () => {
  expect(uncovered(k2VendorVerifier, [K2, KVV])).toEqual([]);
});

describe('k2vv-readme-md', () => {
  for (const name of K2_FIXTURES) {
    markupProperties({ spec: k2, target: k2Target, name, text: fixtureText('k2-vendor-verifier', name) });
  }
  markupProperties({ spec: k2, target: unmergedTarget, name: 'similarity-era.md (unmerged third party)', text: fixtureText('k2-vendor-verifier', 'similarity-era.md') });

  it('parseK2vvReadme and the table readers on mutated READMEs return or throw a ParseError', () => {
    fc.assert(fc.property(markupMutation, fc.constantFrom(...K2_FIXTURES), (m, name) => {
      const md = mutateMarkup(fixtureText('k2-vendor-verifier', name), m);
      checkDirect(() => parseK2vvReadme(md, { unmergedThirdParty: false }));
      checkDirect(() => markdownTables(blankNoise(md)));
      checkDirect(() => htmlTables(md));
      checkDirect(() => pipeTables(md));
    }));
  });

  it.each(['similarity-era.md', 'pipe-results.md'])('%s: the results table moved into a code block, or removed, is reported', (name) => {
    const md = fixtureText('k2-vendor-verifier', name);
    for (const fence of ['```', '~~~', '```html']) {
      expect(expectParseError(() => parseK2(applyMarkupOp(md, { op: 'fenceTable', at: 0, fence }))).message).toMatch(/no vendor results table/);
    }
    expect(expectParseError(() => parseK2(applyMarkupOp(md, { op: 'removeTable', at: 0 }))).message).toMatch(/no vendor results table/);
    const commented = md.replace(/<table>[\s\S]*<\/table>|(?:^\|.*\n)+/m, (t) => `<!--\n${t}\n-->`);
    expect(commented).not.toBe(md);
    expect(expectParseError(() => parseK2(commented)).message).toMatch(/no vendor results table/);
  });

  it('f1-era.md: every results table fenced is reported', () => {
    const md = fixtureText('k2-vendor-verifier', 'f1-era.md').replace(/<table>[\s\S]*?<\/table>/g, (t) => `\n\`\`\`html\n${t}\n\`\`\`\n`);
    expectParseError(() => parseK2(md));
  });

  it.each([['Providers', 'similarity-era.md'], ['Model Name', 'similarity-era.md'], ['Similarity compared to the official Implementation', 'similarity-era.md'], ['ToolCall-Trigger Similarity', 'f1-era.md'], ['schema_accuracy', 'pipe-results.md']])(
    'renaming the column "%s" (%s) is a ParseError naming it',
    (col, name) => {
      const md = fixtureText('k2-vendor-verifier', name).replaceAll(col, `Old ${col}`);
      const err = expectParseError(() => parseK2(md));
      expect(`${err.field} ${err.message}`).toContain(col);
    },
  );

  it.each(K2_FIXTURES)('%s: a results table whose rows are all gone is reported, not an empty version', (name) => {
    const md = fixtureText('k2-vendor-verifier', name);
    const headerOnly = md.replace(/<tbody>[\s\S]*?<\/tbody>/g, '<tbody></tbody>').replace(/^(\|.*\n\|[-| :]+\n)(?:\|.*\n)+/m, '$1');
    expect(headerOnly).not.toBe(md);
    expect(expectParseError(() => parseK2(headerOnly)).message).toMatch(/no rows/);
  });

  it('a model cell whose rowspan no longer covers its rows is reported', () => {
    const md = fixtureText('k2-vendor-verifier', 'f1-era.md').replace('<td rowspan="6">kimi-k2-thinking</td>', '<td>kimi-k2-thinking</td>');
    expectParseError(() => parseK2(md));
  });

  it('two equal neighbour cells merged into one colspan="2" cell give the same rows', () => {
    const md = fixtureText('k2-vendor-verifier', 'f1-era.md');
    const merged = md.replace('<td>1958</td>\n      <td>1958</td>', '<td colspan="2">1958</td>');
    expect(merged).not.toBe(md);
    expect(parseK2(merged)).toEqual(parseK2(md));
  });

  it('rowspan / colspan of any size, on any cell, give valid rows or a ParseError quickly', () => {
    const md = fixtureText('k2-vendor-verifier', 'similarity-era.md');
    fc.assert(fc.property(fc.nat(), fc.constantFrom('rowspan', 'colspan'), fc.constantFrom('0', '2', '1000', '65534', '999999999', '1e9', '-3'), (at, attr, value) => {
      checkFormat(k2, captureOf(applyMarkupOp(md, { op: 'span', at, attr: attr as 'rowspan' | 'colspan', value })), k2Target, `${K2} spans`);
    }));
  });

  it('the bad-* fixtures are ParseErrors', () => {
    for (const name of ['bad-no-table.md', 'bad-no-vendor.md', 'bad-new-column.md', 'bad-wrong-type.md', 'bad-shifted.md']) {
      expectParseError(() => parseK2(fixtureText('k2-vendor-verifier', name)));
    }
  });
});

describe('kvv-readme-md', () => {
  const md = fixtureText('k2-vendor-verifier', 'kvv.md');
  markupProperties({ spec: kvv, target: kvvTarget, name: 'kvv.md', text: md });

  it('parseKvvReadme on mutated READMEs returns or throws a ParseError', () => {
    fc.assert(fc.property(markupMutation, (m) => {
      checkDirect(() => parseKvvReadme(mutateMarkup(md, m)));
    }));
  });

  it('the results table moved into a code block, or removed, is reported', () => {
    expect(expectParseError(() => parseKvv(applyMarkupOp(md, { op: 'fenceTable', at: 0, fence: '```' }))).message).toMatch(/no vendor results table/);
    expect(expectParseError(() => parseKvv(applyMarkupOp(md, { op: 'removeTable', at: 0 }))).message).toMatch(/no vendor results table/);
  });

  it('a results table whose rows are all gone is reported, not an empty version', () => {
    const headerOnly = md.replace(/(\| Provider .*\n\|[-| ]+\n)(?:\|.*\n)+/, '$1');
    expect(headerOnly).not.toBe(md);
    expect(expectParseError(() => parseKvv(headerOnly)).message).toMatch(/no rows/);
  });

  it.each(['Provider', 'OCRBench', 'MMMU Pro Vision', 'BEAM (1M)', 'DeepSWE'])('renaming the column "%s" is a ParseError', (col) => {
    expectParseError(() => parseKvv(md.replace(`| ${col} |`, `| ${col} v2 |`)));
  });

  it('reordering the columns gives the same rows', () => {
    const lines = md.split('\n');
    const reorder = (line: string) => {
      const cells = line.split('|');
      // | Provider | OCRBench | MMMU Pro Vision | BEAM (1M) | DeepSWE |  →  | DeepSWE | Provider | BEAM (1M) | OCRBench | MMMU Pro Vision |
      return [cells[0], cells[5], cells[1], cells[4], cells[2], cells[3], cells[6]].join('|');
    };
    const start = lines.findIndex((l) => l.startsWith('| Provider'));
    const shuffled = lines.map((l, i) => (i >= start && i < start + 5 ? reorder(l) : l)).join('\n');
    expect(parseKvv(shuffled)).toEqual(parseKvv(md));
  });

  it('the bad-kvv fixtures are ParseErrors', () => {
    for (const name of ['bad-kvv-no-model.md', 'bad-kvv-no-vendor.md', 'bad-no-table.md']) {
      expectParseError(() => parseKvv(fixtureText('k2-vendor-verifier', name)));
    }
  });
});
