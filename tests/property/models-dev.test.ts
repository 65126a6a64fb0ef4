/** models.dev: api.json (plain and gzipped) and the TOML source tree (as files or as GitHub's zip). */
import { gzipSync, strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { modelsDev, parseModelsDevApi, parseModelsDevTomlTree, partialDate, TOML_TREE_TARGET } from '../../scrapers/models-dev.ts';
import { fixtureText, fixtureTree } from './helpers/fixtures.ts';
import { captureOf, checkDirect, checkFormat, expectParseError, specOf, uncovered } from './helpers/invariant.ts';
import { jsonMutation, mutateJson, renameKeyEverywhere } from './helpers/json.ts';
import { mutateMarkup, textMutation, type MarkupMutation } from './helpers/markup.ts';
import { fc } from './helpers/setup.ts';
import { jsonProperties } from './helpers/suites.ts';
import { NASTY_DATES, nastyCell, nastyName, sometimes } from './helpers/values.ts';

const API = 'models-dev-api-json';
const API_GZ = 'models-dev-api-json.gz';
const TREE = 'models-dev-toml-tree';
const text = fixtureText('models-dev', 'api.json');
const tree = fixtureTree('models-dev', 'tree');
const apiTarget = modelsDev.targets()[0]!;

it('every models.dev format has properties', () => {
  expect(uncovered(modelsDev, [API, API_GZ, TREE])).toEqual([]);
});

describe('api.json', () => {
  jsonProperties({ spec: specOf(modelsDev, API), target: { ...apiTarget, format: API }, name: 'api.json', text });
  jsonProperties({ spec: specOf(modelsDev, API_GZ), target: apiTarget, name: 'api.json', text });
  jsonProperties({ spec: specOf(modelsDev, API_GZ), target: apiTarget, name: 'api.json gzipped', text, wrap: (b) => gzipSync(b) });

  it('a gzip cut at any byte is a ParseError, found quickly (no output sized from garbage trailer bytes)', () => {
    const gz = gzipSync(strToU8(text));
    for (let n = 0; n < gz.length; n++) {
      const outcome = checkFormat(specOf(modelsDev, API_GZ), captureOf(gz.slice(0, n)), apiTarget, 'models-dev gzip truncation');
      expect(outcome.kind, `cut at byte ${n}`).toBe('error');
    }
    // A flipped byte in the deflate data or the CRC is caught too.
    const flipped = gz.slice();
    flipped[gz.length - 6]! ^= 0xff;
    expectParseError(() => specOf(modelsDev, API_GZ).parse(captureOf(flipped), apiTarget));
  });

  it.each(['models', 'name', 'family', 'release_date', 'last_updated', 'knowledge', 'open_weights', 'tool_call', 'reasoning', 'cost', 'limit', 'input', 'output', 'context'])(
    'renaming "%s" in every record is reported, not turned into nulls',
    (key) => {
      const err = expectParseError(() => specOf(modelsDev, API).parse(captureOf(renameKeyEverywhere(text, key, `${key}_v2`)), apiTarget));
      expect(`${err.field} ${err.message}`).toContain(key);
    },
  );

  it('parseModelsDevApi on mutated JSON returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation, (m) => {
      checkDirect(() => parseModelsDevApi(mutateJson(text, m)));
    }));
  });

  it('partialDate on any text returns YYYY-MM(-DD), null, or throws a ParseError', () => {
    fc.assert(fc.property(fc.oneof(nastyCell, fc.constantFrom(...NASTY_DATES), fc.stringMatching(/^\d{4}-\d{2}(-\d{2})?$/)), (value) => {
      const out = checkDirect(() => partialDate(value, 'release_date', 'p/m', []));
      if (out.kind === 'value' && out.value !== null) expect(out.value).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }), { numRuns: 500 });
  });
});

describe('TOML source tree', () => {
  const spec = specOf(modelsDev, TREE);
  const TOML_JUNK = [
    'base_model = "lab-a/nope"\n', 'base_model = 5\n', 'base_model_omit = "limit"\n', 'base_model_omit = [1, {a = 1}]\n', 'release_date = 2025-13-45\n',
    'release_date = 2025-02-30\n', 'release_date = "March 5, 2025"\n', 'last_updated = 1979-05-27T07:32:00Z\n', '[cost]\ninput = -1\n', '[cost]\ninput = 1e400\n',
    'input = inf\n', 'input = nan\n', 'context = -5\n', 'context = 99999999999999999999\n', 'open_weights = "partly"\n', 'cost = 0.6\n', 'limit = []\n',
    '[limit\n', 'name = """\n', 'name = "unterminated\n', '= 1\n', '[[models]]\n', 'models = {}\n', 'tool_call = 1\n',
  ];
  type TreeOp =
    | { op: 'text'; file: number; m: MarkupMutation }
    | { op: 'toml'; file: number; at: number; line: string }
    | { op: 'delete'; file: number }
    | { op: 'rename'; file: number; name: string }
    | { op: 'add'; path: string; content: string };
  const treeOp: fc.Arbitrary<TreeOp> = fc.oneof(
    fc.record({ op: fc.constant('text' as const), file: fc.nat(), m: textMutation }),
    { weight: 3, arbitrary: fc.record({ op: fc.constant('toml' as const), file: fc.nat(), at: fc.nat(), line: fc.oneof(fc.constantFrom(...TOML_JUNK), nastyCell.map((v) => `name = ${JSON.stringify(v)}\n`)) }) },
    fc.record({ op: fc.constant('delete' as const), file: fc.nat() }),
    fc.record({ op: fc.constant('rename' as const), file: fc.nat(), name: nastyName }),
    fc.record({ op: fc.constant('add' as const), path: fc.constantFrom('providers/new/provider.toml', 'providers/new/models/x.toml', 'providers/lab-a/models/x/y.toml', 'models/lab-a/alpha-1.toml', 'README.md', 'providers/provider.toml'), content: fc.oneof(fc.constantFrom(...TOML_JUNK), fc.string({ maxLength: 40 })) }),
  );
  const applyTree = (files: Record<string, Uint8Array>, ops: TreeOp[]) => {
    const out = { ...files };
    for (const o of ops) {
      const keys = Object.keys(out).sort();
      const key = 'file' in o ? keys[o.file % Math.max(1, keys.length)] : undefined;
      if (o.op === 'add') out[o.path] = strToU8(o.content);
      else if (!key) continue;
      else if (o.op === 'delete') delete out[key];
      else if (o.op === 'rename') {
        const v = out[key]!;
        delete out[key];
        out[key.replace(/[^/]+(?=\.toml$)|[^/]+$/, o.name)] = v;
      } else if (o.op === 'text') out[key] = strToU8(mutateMarkup(strFromU8(out[key]!), o.m));
      else {
        const lines = strFromU8(out[key]!).split('\n');
        lines.splice(o.at % (lines.length + 1), 0, o.line.replace(/\n$/, ''));
        out[key] = strToU8(lines.join('\n'));
      }
    }
    return out;
  };
  const treeOps = fc.array(treeOp, { minLength: 1, maxLength: 4 });

  it(`${TREE}: the fixture tree parses into valid rows`, () => {
    const outcome = checkFormat(spec, captureOf(new Uint8Array(0), { files: tree }), TOML_TREE_TARGET);
    expect(outcome.kind === 'rows' && outcome.rows).toBeGreaterThan(0);
  });

  it(`${TREE}: any file edit, deletion, rename or addition gives valid rows or a ParseError`, () => {
    fc.assert(fc.property(treeOps, (ops) => {
      checkFormat(spec, captureOf(new Uint8Array(0), { files: applyTree(tree, ops) }), TOML_TREE_TARGET, `${TREE} file mutations`);
    }));
  });

  it(`${TREE}: the same mutations zipped (GitHub's archive), and the zip cut at any byte`, () => {
    fc.assert(fc.property(treeOps, sometimes(fc.double({ min: 0, max: 1, noNaN: true }), 3), (ops, cut) => {
      const zipped = zipSync(Object.fromEntries(Object.entries(applyTree(tree, ops)).map(([k, v]) => [`models.dev-dev/${k}`, v])));
      const bytes = cut === null ? zipped : zipped.slice(0, Math.floor(zipped.length * cut));
      checkFormat(spec, captureOf(bytes), TOML_TREE_TARGET, `${TREE} zipped mutations`);
    }));
    expectParseError(() => spec.parse(captureOf('<!DOCTYPE html>'), TOML_TREE_TARGET));
    expectParseError(() => spec.parse(captureOf(new Uint8Array(0)), TOML_TREE_TARGET));
  });

  it('parseModelsDevTomlTree on mutated trees returns or throws a ParseError', () => {
    fc.assert(fc.property(treeOps, (ops) => {
      checkDirect(() => parseModelsDevTomlTree(applyTree(tree, ops)));
    }));
  });

  it.each(['name', 'release_date', 'open_weights', 'tool_call', 'context'])('renaming "%s" in every TOML file is reported', (key) => {
    const renamed = Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, strToU8(strFromU8(v).replace(new RegExp(`^${key} =`, 'gm'), `${key}_v2 =`))]));
    const err = expectParseError(() => parseModelsDevTomlTree(renamed));
    expect(`${err.field} ${err.message}`).toContain(key);
  });
});
