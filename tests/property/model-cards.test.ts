/** Model cards (Markdown with front matter, pipe and HTML tables), architecture configs (JSON) and licence texts. */
import { describe, expect, it } from 'vitest';
import { modelCards, parseLicenceText, parseModelCard, parseModelConfig, splitFrontMatter, type DocInfo } from '../../scrapers/model-cards.ts';
import { allTables, htmlTables, pipeTables, proseSentences, stripNoise } from '../../scrapers/model-cards/markdown.ts';
import { parseContextCell, parseParamCell } from '../../scrapers/model-cards/quantities.ts';
import type { Target } from '../../scrapers/lib/source.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { captureOf, checkDirect, checkFormat, expectParseError, specOf, uncovered } from './helpers/invariant.ts';
import { jsonMutation, mutateJson, renameKeyEverywhere } from './helpers/json.ts';
import { applyMarkupOp, markupMutation, mutateMarkup, textMutation } from './helpers/markup.ts';
import { fc } from './helpers/setup.ts';
import { jsonProperties, markupProperties } from './helpers/suites.ts';
import { nastyCell } from './helpers/values.ts';

const CARD = 'model-card-md';
const CONFIG = 'model-config-json';
const LICENCE = 'license-text';
const targetFor = (format: string): Target => modelCards.targets().find((t) => t.format === format)!;
const spec = (f: string) => specOf(modelCards, f);
const parse = (f: string, s: string) => spec(f).parse(captureOf(s, { url: targetFor(f).url }), targetFor(f));
const info: DocInfo = { repo: 'example/Example-R1', repoHost: 'huggingface', documentUrl: 'https://huggingface.co/example/Example-R1/blob/main/README.md' };

const CARDS = ['front-matter-card.md', 'github-readme.md', 'gpt-oss-style-card.md', 'html-table-card.md', 'pipe-table-card.md'];
const CONFIGS = ['config-deepseek.json', 'config-mixtral.json', 'config-per-layer.json', 'config-reference.json'];
const LICENCES = ['licence-apache.txt', 'licence-community.txt', 'licence-llama.txt', 'licence-modified-mit.txt', 'licence-non-commercial.txt', 'licence-tencent.txt', 'licence-territory.txt'];

it('every model-cards format has properties', () => {
  expect(uncovered(modelCards, [CARD, CONFIG, LICENCE])).toEqual([]);
});

describe('model-card-md', () => {
  for (const name of CARDS) {
    markupProperties({ spec: spec(CARD), target: targetFor(CARD), name, text: fixtureText('model-cards', name) });
  }

  it('parseModelCard and the Markdown readers on mutated cards return or throw a ParseError', () => {
    fc.assert(fc.property(markupMutation, fc.constantFrom(...CARDS), (m, name) => {
      const md = mutateMarkup(fixtureText('model-cards', name), m);
      checkDirect(() => parseModelCard(md, info));
      checkDirect(() => splitFrontMatter(md));
      const body = stripNoise(md);
      checkDirect(() => [allTables(body), htmlTables(body), pipeTables(body), proseSentences(body)]);
    }));
  });

  it('front matter of any shape gives valid rows or a ParseError', () => {
    const body = fixtureText('model-cards', 'pipe-table-card.md');
    const yamlValue = fc.oneof(fc.constantFrom('', 'null', '~', '[]', '{}', '[a, [b]]', '{a: 1}', '1e400', 'true', '2025-01-01', '&a [*a]', '!!binary aGk=', '"unterminated', '|\n  x', '- a\n- b'), nastyCell.map((v) => JSON.stringify(v)));
    const key = fc.constantFrom('license', 'license_name', 'license_link', 'base_model', 'pipeline_tag', 'library_name', 'tags', '', '? x');
    fc.assert(fc.property(fc.array(fc.tuple(key, yamlValue), { maxLength: 4 }), fc.constantFrom('---', '--- ', '----'), fc.boolean(), (entries, fence, closed) => {
      const fm = `${fence}\n${entries.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${closed ? '---\n' : ''}`;
      checkFormat(spec(CARD), captureOf(`${fm}${body}`, { url: targetFor(CARD).url }), targetFor(CARD), `${CARD} front matter`);
    }));
  });

  it('size and context cells of any text give valid rows or a ParseError', () => {
    const md = fixtureText('model-cards', 'pipe-table-card.md');
    const sizes = fc.oneof(nastyCell, fc.constantFrom(`${'9'.repeat(400)}B`, `${'9'.repeat(400)}`, '1e308B', '9999999999999T', '0B', '0.0001B', '1.5T-A0B', '17B (Activated) 999999999999T (Total)', `${'9'.repeat(25)}M`, '1,000,000,000,000,000,000,000K'));
    fc.assert(fc.property(fc.nat({ max: 3 }), fc.integer({ min: 1, max: 4 }), sizes, (row, cell, value) => {
      const lines = md.split('\n');
      const i = 6 + (row % 2);
      const cells = lines[i]!.split('|');
      cells[cell + 1] = ` ${value.replace(/\n/g, ' ').replace(/\|/g, '/')} `;
      lines[i] = cells.join('|');
      checkFormat(spec(CARD), captureOf(lines.join('\n'), { url: targetFor(CARD).url }), targetFor(CARD), `${CARD} size cells`);
    }));
  });

  it('parseParamCell and parseContextCell return finite numbers or null on any text', () => {
    fc.assert(fc.property(fc.oneof(nastyCell, fc.stringMatching(/^\d{1,500}(\.\d{1,3})?\s?[KMBT]?$/)), (cell) => {
      const p = checkDirect(() => parseParamCell(cell, 'total'));
      if (p.kind === 'value' && p.value) for (const v of [p.value.total, p.value.active]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
      const c = checkDirect(() => parseContextCell(cell));
      if (c.kind === 'value' && c.value !== null) expect(Number.isFinite(c.value)).toBe(true);
    }), { numRuns: 400 });
  });

  it('an HTML table with rowspan / colspan of any size is read quickly', () => {
    const md = fixtureText('model-cards', 'html-table-card.md');
    fc.assert(fc.property(fc.nat(), fc.constantFrom('rowspan', 'colspan'), fc.constantFrom('0', '2', '1000', '65534', '999999999', '1e9', '-3', '2.5'), (at, attr, value) => {
      checkFormat(spec(CARD), captureOf(applyMarkupOp(md, { op: 'span', at, attr: attr as 'rowspan' | 'colspan', value }), { url: targetFor(CARD).url }), targetFor(CARD), `${CARD} spans`);
    }));
  });

  it('a variant table moved into a code block is ignored, exactly as if it were removed', () => {
    const md = fixtureText('model-cards', 'pipe-table-card.md');
    const fenced = parse(CARD, applyMarkupOp(md, { op: 'fenceTable', at: 0, fence: '```' }));
    const removed = parse(CARD, applyMarkupOp(md, { op: 'removeTable', at: 0 }));
    expect(fenced).toEqual(removed);
    expect(fenced).not.toEqual(parse(CARD, md));
  });

  it('an empty card, or an HTML page instead of a card, is a ParseError', () => {
    for (const s of ['', ' \n', '<!DOCTYPE html><html><body>Sign in</body></html>', '---\nlicense: mit\n']) expectParseError(() => parse(CARD, s));
  });
});

describe('model-config-json', () => {
  for (const name of CONFIGS) {
    jsonProperties({ spec: spec(CONFIG), target: targetFor(CONFIG), name, text: fixtureText('model-cards', name) });
  }
  it('parseModelConfig on mutated JSON returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation, fc.constantFrom(...CONFIGS), (m, name) => {
      checkDirect(() => parseModelConfig(new TextDecoder().decode(mutateJson(fixtureText('model-cards', name), m)), info));
    }));
  });
  it('renaming the layer count (the key that makes it an architecture config) is a ParseError', () => {
    const err = expectParseError(() => parse(CONFIG, renameKeyEverywhere(fixtureText('model-cards', 'config-deepseek.json'), 'num_hidden_layers', 'layers_v2')));
    expect(err.field).toContain('num_hidden_layers');
  });
});

describe('license-text', () => {
  for (const name of LICENCES) {
    markupProperties({ spec: spec(LICENCE), target: targetFor(LICENCE), name, text: fixtureText('model-cards', name) }, textMutation);
  }
  it('parseLicenceText on mutated texts returns or throws a ParseError', () => {
    fc.assert(fc.property(textMutation, fc.constantFrom(...LICENCES), (m, name) => {
      checkDirect(() => parseLicenceText(mutateMarkup(fixtureText('model-cards', name), m), info));
    }));
  });
  it('thresholds of any size give valid rows or a ParseError', () => {
    const text = fixtureText('model-cards', 'licence-llama.txt');
    fc.assert(fc.property(fc.oneof(nastyCell, fc.constantFrom('9'.repeat(400), '1e308', '0', '0.0000001', '1,000,000,000,000,000,000,000', '9'.repeat(20))), (n) => {
      const s = text.replace('700 million monthly active users', `${n} million monthly active users`).concat(`\nRevenue above ${n} billion US dollars in annual revenue.\n`);
      checkFormat(spec(LICENCE), captureOf(s, { url: targetFor(LICENCE).url }), targetFor(LICENCE), `${LICENCE} thresholds`);
    }));
  });
  it('an empty file or an HTML page is a ParseError', () => {
    for (const s of ['', '\n\n', '<!doctype html><html>login</html>']) expectParseError(() => parse(LICENCE, s));
  });
});

it('a capture of another document of the same dataset yields no version', () => {
  const t = targetFor(CARD);
  expect(spec(CARD).parse(captureOf(fixtureText('model-cards', 'pipe-table-card.md'), { url: 'https://example.test/other' }), t)).toEqual([]);
});
