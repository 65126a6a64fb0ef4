/** Epoch AI: the models CSVs (old and new schema) and the ECI CSV, bare and zipped. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { epoch, parseEpochEci, parseEpochModels } from '../../scrapers/epoch.ts';
import { csvMutation, mutateCsv } from './helpers/csv.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { captureOf, checkDirect, checkFormat, expectParseError, specOf, targetOf, uncovered } from './helpers/invariant.ts';
import { fc } from './helpers/setup.ts';
import { csvProperties } from './helpers/suites.ts';

const MODELS = 'epoch-models-csv';
const ECI = 'epoch-eci-csv';
const models = specOf(epoch, MODELS);
const eci = specOf(epoch, ECI);
const modelsTarget = targetOf(epoch, MODELS, 'notable');
const eciTarget = targetOf(epoch, ECI);
const zip = (name: string) => (bytes: Uint8Array) => zipSync({ [name]: bytes });

it('every Epoch format has properties', () => {
  expect(uncovered(epoch, [MODELS, ECI])).toEqual([]);
});

describe('epoch-models-csv', () => {
  const required = ['Model', 'Organization', 'Publication date', 'Model accessibility'];
  csvProperties({ spec: models, target: modelsTarget, name: 'notable-old.csv', text: fixtureText('epoch', 'notable-old.csv') }, { required: [...required, 'Country (from Organization)'] });
  csvProperties({ spec: models, target: modelsTarget, name: 'notable-new.csv', text: fixtureText('epoch', 'notable-new.csv') }, { required: [...required, 'Country (of organization)'] });

  it('parseEpochModels on mutated text returns or throws a ParseError', () => {
    const text = fixtureText('epoch', 'notable-new.csv');
    fc.assert(fc.property(csvMutation, (m) => {
      checkDirect(() => parseEpochModels(new TextDecoder().decode(mutateCsv(text, m))));
    }));
  });
});

describe('epoch-eci-csv', () => {
  const text = fixtureText('epoch', 'eci.csv');
  csvProperties({ spec: eci, target: eciTarget, name: 'eci.csv', text }, { required: ['Model version', 'ECI Score'] });
  csvProperties({ spec: eci, target: eciTarget, name: 'eci.csv zipped', text, wrap: zip('benchmark_data/epoch_capabilities_index.csv') }, { required: ['Model version', 'ECI Score'] });

  it('a zip cut at any byte, or holding no ECI member, is a ParseError', () => {
    const bytes = zipSync({ 'epoch_capabilities_index.csv': strToU8(text), 'other.csv': strToU8('a,b\n1,2\n') });
    fc.assert(fc.property(fc.nat({ max: bytes.length }), (n) => {
      checkFormat(eci, captureOf(bytes.slice(0, n)), eciTarget, 'epoch-eci-csv zip truncation');
    }));
    expectParseError(() => eci.parse(captureOf(zipSync({ 'README.md': strToU8('# nothing') })), eciTarget));
    expectParseError(() => eci.parse(captureOf(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])), eciTarget));
  });

  it('parseEpochEci on mutated text returns or throws a ParseError', () => {
    fc.assert(fc.property(csvMutation, (m) => {
      checkDirect(() => parseEpochEci(new TextDecoder().decode(mutateCsv(text, m))));
    }));
  });
});
