/** OpenRouter: the models response (`{data: [...]}`) and the bare-list variant. */
import { describe, expect, it } from 'vitest';
import { openrouter, parseOpenrouterModels, perMillion } from '../../scrapers/openrouter.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { captureOf, checkDirect, checkFormat, expectParseError, specOf, targetOf, uncovered } from './helpers/invariant.ts';
import { jsonMutation, mutateJson, renameKeyEverywhere } from './helpers/json.ts';
import { fc } from './helpers/setup.ts';
import { jsonProperties } from './helpers/suites.ts';
import { nastyCell, nastyJson } from './helpers/values.ts';

const MODELS = 'openrouter-models-json';
const LIST = 'openrouter-models-list-json';
const models = fixtureText('openrouter', 'models.json');
const list = fixtureText('openrouter', 'tools-list.json');

it('every OpenRouter format has properties', () => {
  expect(uncovered(openrouter, [MODELS, LIST])).toEqual([]);
});

describe.each([MODELS, LIST])('%s', (format) => {
  const spec = specOf(openrouter, format);
  const target = targetOf(openrouter, format);
  jsonProperties({ spec, target, name: 'models.json', text: models });
  jsonProperties({ spec, target, name: 'tools-list.json', text: format === LIST ? list : JSON.stringify({ data: JSON.parse(list) }) });

  it.each(['id', 'pricing', 'prompt', 'completion', 'name', 'created', 'context_length', 'canonical_slug', 'hugging_face_id', 'supported_parameters'])(
    'renaming "%s" in every model is reported, not turned into nulls',
    (key) => {
      const err = expectParseError(() => spec.parse(captureOf(renameKeyEverywhere(models, key, `${key}_v2`)), target));
      expect(`${err.field} ${err.message}`).toContain(key);
    },
  );
});

describe('direct parsers', () => {
  it('parseOpenrouterModels on mutated JSON returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation, fc.boolean(), (m, allowBare) => {
      checkDirect(() => parseOpenrouterModels(mutateJson(models, m), { allowBare }));
    }));
  });

  it('perMillion on any price text or JSON value returns a finite number or null, or throws a ParseError', () => {
    fc.assert(fc.property(fc.oneof(nastyCell, nastyJson, fc.double().map(String), fc.stringMatching(/^-?\d{0,30}(\.\d{0,30})?([eE][+-]?\d{1,12})?$/)), (value) => {
      const out = checkDirect(() => perMillion(value, 'pricing.prompt', 'x'));
      if (out.kind === 'value' && out.value.value !== null) expect(Number.isFinite(out.value.value)).toBe(true);
    }), { numRuns: 500 });
  });

  it('a links.details that is no URL is a ParseError, not a TypeError', () => {
    const doc = JSON.parse(models) as { data: { links: { details: unknown } }[] };
    for (const details of ['http://[', '//a b', 'http://exa mple.com/x', 'https://:80', '\u0000']) {
      doc.data[0]!.links.details = details;
      checkFormat(specOf(openrouter, MODELS), captureOf(JSON.stringify(doc)), targetOf(openrouter, MODELS));
    }
  });
});
