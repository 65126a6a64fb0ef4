/** Hugging Face Hub model info: the plain /api/models/{id} object and the research cache's wrapped copy. */
import { describe, expect, it } from 'vitest';
import { hfApi, parseHfModelInfo } from '../../scrapers/hf-api.ts';
import type { Target } from '../../scrapers/lib/source.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { captureOf, checkDirect, expectParseError, specOf, uncovered } from './helpers/invariant.ts';
import { jsonMutation, mutateJson, renameKeyEverywhere } from './helpers/json.ts';
import { fc } from './helpers/setup.ts';
import { jsonProperties } from './helpers/suites.ts';

const PLAIN = 'hf-model-info-json';
const WRAPPED = 'hf-model-info-wrapped-json';
const plain = fixtureText('hf-api', 'model-info.json');
const wrapped = fixtureText('hf-api', 'wrapped.json');
/** A target whose dataset is no registered repo, so the fixture's own id is accepted. */
const target = (format: string): Target => ({ dataset: 'lab-a__fixture', format, url: 'https://huggingface.co/api/models/lab-a/fixture' });

it('every Hugging Face format has properties', () => {
  expect(uncovered(hfApi, [PLAIN, WRAPPED])).toEqual([]);
});

describe.each([PLAIN, WRAPPED])('%s', (format) => {
  const spec = specOf(hfApi, format);
  jsonProperties({ spec, target: target(format), name: 'model-info.json', text: plain });
  jsonProperties({ spec, target: target(format), name: 'wrapped.json', text: wrapped });

  it.each(['id', 'author', 'createdAt', 'lastModified', 'downloads', 'likes', 'tags', 'sha', 'gated'])('renaming "%s" is reported, not turned into a null', (key) => {
    for (const text of [plain, wrapped]) {
      // Renaming id leaves modelId standing in for it (as the API has both); rename both.
      const renamed = key === 'id' ? renameKeyEverywhere(renameKeyEverywhere(text, 'id', 'id_v2'), 'modelId', 'modelId_v2') : renameKeyEverywhere(text, key, `${key}_v2`);
      const err = expectParseError(() => spec.parse(captureOf(renamed), target(format)));
      expect(`${err.field} ${err.message}`).toContain(key);
    }
  });

  it('a response for another repo than the target\'s is a ParseError', () => {
    const t = hfApi.targets().find((x) => x.format === PLAIN)!;
    expectParseError(() => spec.parse(captureOf(plain), t));
  });
});

it('parseHfModelInfo on mutated JSON returns or throws a ParseError', () => {
  fc.assert(fc.property(jsonMutation, fc.boolean(), (m, useWrapped) => {
    checkDirect(() => parseHfModelInfo(mutateJson(useWrapped ? wrapped : plain, m)));
  }));
});
