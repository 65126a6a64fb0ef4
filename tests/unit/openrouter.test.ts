import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../lib/errors.ts';
import { openrouter, openrouterRow, parseOpenrouterModels, perMillion, VARIABLE_PRICE_NOTE } from '../../scrapers/openrouter.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/openrouter/${name}`, import.meta.url), 'utf8');

describe('perMillion', () => {
  it('shifts the decimal point exactly, without binary noise', () => {
    const v = (s: string) => perMillion(s, 'p', 'r').value;
    expect(v('0.0000006')).toBe(0.6);
    expect(v('0.0000025')).toBe(2.5);
    expect(v('0.00000015')).toBe(0.15);
    expect(v('0.0000001495')).toBe(0.1495);
    expect(v('0.000003')).toBe(3);
    expect(v('0.00003')).toBe(30);
    expect(v('0.00000057')).toBe(0.57);
    expect(v('0')).toBe(0);
    expect(v('0.00000000000000000000000')).toBe(0);
    expect(v('6e-7')).toBe(0.6);
    expect(v('1')).toBe(1_000_000);
  });

  it('rounds to 6 significant digits, half up', () => {
    expect(perMillion('0.00000123456789', 'p', 'r').value).toBe(1.23457);
    expect(perMillion('0.0000001234565', 'p', 'r').value).toBe(0.123457);
    expect(perMillion('0.000000000000123', 'p', 'r').value).toBe(1.23e-7);
  });

  it('turns a negative (router) price into null + variable, a blank into null', () => {
    expect(perMillion('-1', 'p', 'r')).toEqual({ value: null, variable: true });
    expect(perMillion('', 'p', 'r')).toEqual({ value: null, variable: false });
    expect(perMillion(undefined, 'p', 'r')).toEqual({ value: null, variable: false });
  });

  it('refuses text that is not a decimal', () => {
    expect(() => perMillion('$0.60/M', 'pricing.prompt', 'x')).toThrow(ParseError);
    expect(() => perMillion('.', 'pricing.prompt', 'x')).toThrow(/not a price/);
  });
});

describe('parseOpenrouterModels', () => {
  it('reads {data: [...]}: ids, dates, prices per 1M, tools, endpoints', () => {
    const rows = parseOpenrouterModels(fixture('models.json'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      id: 'lab-a/alpha-1', canonical_slug: 'lab-a/alpha-1-20250714', name: 'Lab A: Alpha 1', created: '2025-07-14', context_length: 131072,
      prompt_price_per_1m: 0.6, completion_price_per_1m: 2.5, price_note: null, hugging_face_id: 'lab-a/Alpha-1', knowledge_cutoff: '2024-12-31',
      supports_tools: true, endpoints_url: 'https://openrouter.ai/api/v1/models/lab-a/alpha-1-20250714/endpoints',
    });
    expect(rows[1]).toMatchObject({ id: 'lab-a/alpha-1:free', hugging_face_id: null, prompt_price_per_1m: 0, supports_tools: false, knowledge_cutoff: null });
    expect(rows[2]).toMatchObject({ id: 'router/auto', prompt_price_per_1m: null, completion_price_per_1m: null, price_note: VARIABLE_PRICE_NOTE, created: '2023-11-08' });
    expect(rows[3]).toMatchObject({ prompt_price_per_1m: 0.1495, completion_price_per_1m: 1.23457, supports_tools: false });
    for (const r of rows) openrouterRow.parse(r);
  });

  it('reads the bare-list variant only when allowed, building the endpoints URL from canonical_slug', () => {
    expect(() => parseOpenrouterModels(fixture('tools-list.json'))).toThrow(/bare list/);
    const rows = parseOpenrouterModels(fixture('tools-list.json'), { allowBare: true });
    expect(rows.map((r) => [r.id, r.prompt_price_per_1m, r.completion_price_per_1m, r.supports_tools, r.knowledge_cutoff])).toEqual([
      ['lab-a/alpha-1', 0.57, 2.3, true, null],
      ['lab-b/beta', 3, 15, true, null],
    ]);
    expect(rows[0]!.endpoints_url).toBe('https://openrouter.ai/api/v1/models/lab-a/alpha-1-20250714/endpoints');
    // The live tools filter answers with the envelope: the list format reads it too.
    expect(parseOpenrouterModels(fixture('models.json'), { allowBare: true })).toHaveLength(4);
  });

  it('fails naming "data" when the envelope changed, and on truncated JSON', () => {
    expect(() => parseOpenrouterModels('{"models": []}')).toThrow(/no "data" list/);
    try { parseOpenrouterModels('{"error": {"code": 500}}'); expect.unreachable(); } catch (e) { expect((e as ParseError).field).toBe('data'); }
    expect(() => parseOpenrouterModels(fixture('models.json').slice(0, 300))).toThrow(/malformed JSON/);
    expect(() => parseOpenrouterModels('<!DOCTYPE html><html></html>')).toThrow(/malformed JSON/);
  });

  it('fails naming the key when a model lost id or pricing, or a field changed type', () => {
    const doc = JSON.parse(fixture('models.json'));
    const withModel = (fn: (m: Record<string, unknown>) => void) => { const d = structuredClone(doc); fn(d.data[1]); return JSON.stringify(d); };
    const errorOf = (s: string) => { try { parseOpenrouterModels(s); } catch (e) { return e as ParseError; } throw new Error('no error'); };
    expect(errorOf(withModel((m) => { delete m.id; }))).toMatchObject({ field: 'id', row: 2 });
    expect(errorOf(withModel((m) => { m.prices = m.pricing; delete m.pricing; }))).toMatchObject({ field: 'pricing', row: 'lab-a/alpha-1:free' });
    expect(errorOf(withModel((m) => { m.context_length = 'long'; }))).toMatchObject({ field: 'context_length' });
    expect(errorOf(withModel((m) => { m.supported_parameters = 'tools'; }))).toMatchObject({ field: 'supported_parameters' });
    expect(errorOf(withModel((m) => { (m.pricing as Record<string, string>).prompt = 'free'; }))).toMatchObject({ field: 'pricing.prompt' });
  });
});

describe('openrouter SourceDef', () => {
  it('names both live URLs; the tools subset uses OpenRouter\'s own filter', () => {
    expect(openrouter.targets().map((t) => [t.dataset, t.format, t.url])).toEqual([
      ['models', 'openrouter-models-json', 'https://openrouter.ai/api/v1/models'],
      ['tools-subset', 'openrouter-models-list-json', 'https://openrouter.ai/api/v1/models?supported_parameters=tools'],
    ]);
  });
});
