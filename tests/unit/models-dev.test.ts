import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../lib/errors.ts';
import { readTree } from '../../scrapers/lib/transport.ts';
import { maybeGunzip, modelsDev, modelsDevRow, parseModelsDevApi, parseModelsDevTomlTree, partialDate, TOML_TREE_TARGET, treeFiles } from '../../scrapers/models-dev.ts';

const fixture = () => readFileSync(new URL('../fixtures/models-dev/api.json', import.meta.url), 'utf8');
const edit = (fn: (doc: Record<string, any>) => void) => {
  const doc = JSON.parse(fixture());
  fn(doc);
  return JSON.stringify(doc);
};

describe('parseModelsDevApi', () => {
  it('gives one row per (provider, model) in file order, prices already per 1M tokens', () => {
    const rows = parseModelsDevApi(fixture());
    expect(rows.map((r) => `${r.provider_id}|${r.model_id}`)).toEqual(['lab-a|alpha-1', 'lab-a|alpha-0', 'reseller-b|lab-a/alpha-1']);
    expect(rows[0]).toEqual({
      provider_id: 'lab-a', provider_name: 'Lab A', model_id: 'alpha-1', name: 'Alpha 1', family: 'alpha', open_weights: true,
      release_date: '2025-07-14', last_updated: '2025-07-20', knowledge_cutoff: '2024-10',
      input_price_per_1m: 0.6, output_price_per_1m: 2.5, cache_read_price_per_1m: 0.15,
      context_limit: 131072, output_limit: 16384, tool_call: true, reasoning: true, status: null, issues: null,
    });
    for (const r of rows) modelsDevRow.parse(r);
  });

  it('keeps month-only dates as YYYY-MM, and a model without cost has null prices (not 0)', () => {
    const [, alpha0] = parseModelsDevApi(fixture());
    expect(alpha0).toMatchObject({ release_date: '2024-03', family: null, input_price_per_1m: null, output_price_per_1m: null, status: 'deprecated', open_weights: false });
  });

  it('keeps a real zero price as 0, and blanks impossible dates with the raw value in issues', () => {
    const [, , hosted] = parseModelsDevApi(fixture());
    expect(hosted).toMatchObject({ input_price_per_1m: 0, output_price_per_1m: 0, release_date: null, knowledge_cutoff: null, last_updated: '2025-07-20' });
    expect(hosted!.issues).toBe('release_date "2025-25-11" is not a calendar date: left blank; knowledge "2025-02-31" is not a calendar date: left blank');
  });

  it('reads gzipped bytes by their magic number, whatever the format name', () => {
    const gz = gzipSync(strToU8(fixture()));
    expect(gz[0]).toBe(0x1f);
    expect(parseModelsDevApi(gz)).toEqual(parseModelsDevApi(strToU8(fixture())));
    const capture = { mode: 'replay' as const, bytes: gz, url: 'https://models.dev/api.json', asOf: '2026-01-12', fetchedAt: '2026-01-12T00:00:00Z', sha256: '' };
    const target = modelsDev.targets()[0]!;
    for (const format of ['models-dev-api-json', 'models-dev-api-json.gz']) {
      const [v] = modelsDev.formats[format]!.parse(capture, target);
      expect(v!.asOf).toBe('2026-01-12');
      expect(v!.rows).toHaveLength(3);
    }
  });

  it('fails on a truncated gzip and on truncated JSON', () => {
    const gz = gzipSync(strToU8(fixture()));
    expect(() => maybeGunzip(gz.slice(0, 40))).toThrow(/corrupt gzip/);
    try {
      parseModelsDevApi(fixture().slice(0, 200));
      expect.unreachable();
    } catch (e) {
      expect((e as ParseError).message).toMatch(/malformed JSON/);
      expect((e as ParseError).hint).toMatch(/truncated/);
    }
  });

  it('fails naming "models" when a provider lost its models object', () => {
    const bad = edit((d) => { d['lab-a'].items = d['lab-a'].models; delete d['lab-a'].models; });
    const err = (() => { try { parseModelsDevApi(bad); } catch (e) { return e as ParseError; } })();
    expect(err).toBeInstanceOf(ParseError);
    expect(err!.field).toBe('models');
    expect(err!.row).toBe('lab-a');
    expect(err!.hint).toMatch(/layout changed/);
  });

  it('fails on wrong types, naming field and row', () => {
    expect(() => parseModelsDevApi(edit((d) => { d['lab-a'].models['alpha-1'].cost.input = 'cheap'; }))).toThrow(/not a number/);
    try {
      parseModelsDevApi(edit((d) => { d['lab-a'].models['alpha-1'].cost = 0.6; }));
      expect.unreachable();
    } catch (e) {
      expect((e as ParseError).field).toBe('cost');
      expect((e as ParseError).row).toBe('lab-a/alpha-1');
    }
    expect(() => parseModelsDevApi(edit((d) => { d['lab-a'].models['alpha-1'].open_weights = 'partly'; }))).toThrow(/not a yes\/no value/);
    expect(() => parseModelsDevApi('[]')).toThrow(/not an object of providers/);
    expect(() => parseModelsDevApi('{}')).toThrow(/no providers/);
  });

  it('fails on a date in another format rather than guessing', () => {
    expect(() => parseModelsDevApi(edit((d) => { d['lab-a'].models['alpha-1'].release_date = 'July 14, 2025'; }))).toThrow(/not a date/);
  });
});

describe('partialDate', () => {
  it('accepts YYYY-MM-DD and YYYY-MM, blanks impossible dates and records why', () => {
    const issues: string[] = [];
    expect(partialDate('2025-07-14', 'd', 'r', issues)).toBe('2025-07-14');
    expect(partialDate('2025-07', 'd', 'r', issues)).toBe('2025-07');
    expect(partialDate('', 'd', 'r', issues)).toBeNull();
    expect(partialDate('2025-13', 'd', 'r', issues)).toBeNull();
    expect(issues).toEqual(['d "2025-13" is not a calendar date: left blank']);
  });
});

describe('modelsDev SourceDef', () => {
  it('fetches the live api.json once, under the format of the dated captures', () => {
    expect(modelsDev.targets()).toEqual([expect.objectContaining({ dataset: 'api', format: 'models-dev-api-json.gz', url: 'https://models.dev/api.json' })]);
    expect(modelsDev.formats['models-dev-api-json']!.columns).toContain('input_price_per_1m');
  });
});

describe('parseModelsDevTomlTree', () => {
  const treeDir = fileURLToPath(new URL('../fixtures/models-dev/tree', import.meta.url));
  const rootTree = () => readTree(treeDir);
  const providersOnly = () => readTree(join(treeDir, 'providers'));

  it('resolves base_model: objects deep-merge, the provider\'s values win, base_model_omit drops paths', () => {
    const rows = parseModelsDevTomlTree(rootTree());
    expect(rows.map((r) => `${r.provider_id}|${r.model_id}`)).toEqual(['lab-a|alpha-1', 'reseller-b|lab-a/alpha-1', 'reseller-b|own-model']);
    expect(rows[0]).toEqual({
      provider_id: 'lab-a', provider_name: 'Lab A', model_id: 'alpha-1', name: 'Alpha 1', family: 'alpha', open_weights: true,
      release_date: '2025-07-14', last_updated: '2025-07-20', knowledge_cutoff: '2024-10',
      input_price_per_1m: 0.6, output_price_per_1m: 2.5, cache_read_price_per_1m: 0.15,
      context_limit: 131072, output_limit: 16384, tool_call: true, reasoning: true, status: null, issues: null,
    });
    expect(rows[1]).toMatchObject({ name: 'Alpha 1 (hosted)', family: 'alpha', open_weights: true, input_price_per_1m: 0.5, cache_read_price_per_1m: null, context_limit: 131072, output_limit: 8192, status: 'beta' });
    // An unquoted TOML date comes back as text.
    expect(rows[2]).toMatchObject({ release_date: '2024-03', last_updated: '2024-03-05', family: null, input_price_per_1m: null });
    for (const r of rows) modelsDevRow.parse(r);
  });

  it('reads GitHub\'s zip of the repository (one archive folder, non-TOML files ignored)', () => {
    const zipped = zipSync(Object.fromEntries(Object.entries(rootTree()).map(([k, v]) => [`models.dev-dev/${k}`, v])));
    const capture = { mode: 'live' as const, bytes: zipped, url: TOML_TREE_TARGET.url, asOf: '2026-07-02', fetchedAt: '2026-07-02T00:00:00Z', sha256: '' };
    const [v] = modelsDev.formats['models-dev-toml-tree']!.parse(capture, TOML_TREE_TARGET);
    expect(v).toMatchObject({ asOf: '2026-07-02', dataset: 'toml-tree' });
    expect(v!.rows).toEqual(parseModelsDevTomlTree(rootTree()));
    expect(() => treeFiles({ ...capture, bytes: strToU8('<html>') })).toThrow(/expected a zip/);
  });

  it('fails on a providers/-only tree, naming base_model and the file', () => {
    try {
      parseModelsDevTomlTree(providersOnly());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).field).toBe('base_model');
      expect((e as ParseError).row).toBe('lab-a/models/alpha-1.toml');
      expect((e as ParseError).hint).toMatch(/models\/ folder/);
    }
  });

  it('fails on malformed TOML naming the file, on a missing provider.toml, and on a tree that is not one', () => {
    const broken = { ...rootTree(), 'providers/lab-a/models/alpha-1.toml': strToU8('name = "Alpha\n[cost\n') };
    expect(() => parseModelsDevTomlTree(broken)).toThrow(/malformed TOML/);
    try { parseModelsDevTomlTree(broken); } catch (e) { expect((e as ParseError).field).toBe('providers/lab-a/models/alpha-1.toml'); }
    const noProvider = rootTree();
    delete noProvider['providers/reseller-b/provider.toml'];
    expect(() => parseModelsDevTomlTree(noProvider)).toThrow(/no provider\.toml/);
    expect(() => parseModelsDevTomlTree({ 'README.md': strToU8('# hi') })).toThrow(/no providers\/<id>\/provider\.toml/);
    const missingBase = { ...rootTree() };
    delete missingBase['models/lab-a/alpha-1.toml'];
    expect(() => parseModelsDevTomlTree(missingBase)).toThrow(/base_model "lab-a\/alpha-1" not found/);
  });
});
