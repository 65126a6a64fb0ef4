/** Artificial Analysis: the leaderboard page (collector JSON and live HTML payload), API v2 (raw and collector), providers table (CSV and HTML). */
import { describe, expect, it } from 'vitest';
import { artificialAnalysis, parseAaApiModels, parseAaModelsPage, parseAaProviders, PROVIDER_REQUIRED } from '../../scrapers/artificialanalysis.ts';
import { csvMutation, mutateCsv } from './helpers/csv.ts';
import { fixtureText } from './helpers/fixtures.ts';
import { captureOf, checkDirect, checkFormat, expectParseError, specOf, targetOf, uncovered } from './helpers/invariant.ts';
import { applyJsonOps, jsonMutation, mutateJson, renameKeyEverywhere } from './helpers/json.ts';
import { markupMutation, mutateMarkup, textMutation } from './helpers/markup.ts';
import { fc } from './helpers/setup.ts';
import { csvProperties, jsonProperties, markupProperties } from './helpers/suites.ts';

const PAGE = 'aa-models-page-json';
const API = 'aa-api-v2-json';
const PROVIDERS = 'aa-providers-table-csv';
const spec = (f: string) => specOf(artificialAnalysis, f);
const target = (f: string) => targetOf(artificialAnalysis, f);
const parse = (f: string, s: string) => spec(f).parse(captureOf(s), target(f));
const encode = (s: string) => new TextEncoder().encode(s);

it('every Artificial Analysis format has properties', () => {
  expect(uncovered(artificialAnalysis, [PAGE, API, PROVIDERS])).toEqual([]);
});

describe('aa-models-page-json', () => {
  const json = fixtureText('artificialanalysis', 'page.json');
  const html = fixtureText('artificialanalysis', 'page.html');
  jsonProperties({ spec: spec(PAGE), target: target(PAGE), name: 'page.json', text: json });
  markupProperties({ spec: spec(PAGE), target: target(PAGE), name: 'page.html', text: html }, textMutation);

  /** The page's flight payload, as the one row (1f:...) that holds the model list. */
  const FLIGHT = /self\.__next_f\.push\(\[1,("(?:\\.|[^"\\])*")\]\)/g;
  const stream = [...html.matchAll(FLIGHT)].map((m) => JSON.parse(m[1]!) as string).join('');
  const payloadLine = stream.split('\n').find((l) => l.startsWith('1f:'))!;
  const payload = JSON.parse(payloadLine.slice(3)) as unknown;
  /** A page whose payload is `doc`, cut into two flight chunks at `cut` (a fraction of its length). */
  const pageWith = (doc: unknown, cut: number) => {
    const row = `1f:${JSON.stringify(doc)}\n`;
    const at = Math.floor(row.length * cut);
    const chunks = [row.slice(0, at), row.slice(at)].map((c) => `<script>self.__next_f.push([1,${JSON.stringify(c)}])</script>`);
    return `<!DOCTYPE html><html><body>${chunks.join('\n')}</body></html>`;
  };

  it('page.html: the re-embedded fixture payload parses into the same rows', () => {
    expect(parse(PAGE, pageWith(payload, 0.5))).toEqual(parse(PAGE, html));
  });

  it('page.html: any JSON mutation of the flight payload gives valid rows or a ParseError', () => {
    fc.assert(fc.property(jsonMutation, fc.double({ min: 0, max: 1, noNaN: true }), (m, cut) => {
      checkFormat(spec(PAGE), captureOf(pageWith(applyJsonOps(payload, m.ops), cut)), target(PAGE), `${PAGE} page payload mutations`);
    }));
  });

  it('parseAaModelsPage on mutated JSON and HTML returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation, textMutation, (jm, tm) => {
      checkDirect(() => parseAaModelsPage(mutateJson(json, jm)));
      checkDirect(() => parseAaModelsPage(encode(mutateMarkup(html, tm))));
    }));
  });

  it.each(['id', 'name', 'slug', 'release_date', 'country', 'artificial_analysis_intelligence_index', 'is_open_weights', 'license_name', 'total_parameters', 'active_parameters', 'price_1m_input_tokens', 'price_1m_output_tokens', 'output_tokens_per_second', 'time_to_first_token_seconds'])(
    'page.json: renaming "%s" in every model is reported',
    (key) => {
      const err = expectParseError(() => parse(PAGE, renameKeyEverywhere(json, key, `${key}_v2`)));
      expect(`${err.field} ${err.message}`).toContain(key);
    },
  );

  it.each(['releaseDate', 'modelCreatorCountry', 'intelligenceIndex', 'isOpenWeights', 'totalParameters', 'price1mInputTokens', 'medianOutputTokensPerSecond'])(
    'page.html: renaming the payload key "%s" in every model is reported',
    (key) => {
      const renamed = JSON.parse(renameKeyEverywhere(JSON.stringify(payload), key, `${key}V2`)) as unknown;
      expectParseError(() => parse(PAGE, pageWith(renamed, 0.3)));
    },
  );
});

describe('aa-api-v2-json', () => {
  const collector = fixtureText('artificialanalysis', 'api-collector.json');
  const raw = fixtureText('artificialanalysis', 'api-raw.json');
  jsonProperties({ spec: spec(API), target: target(API), name: 'api-collector.json', text: collector });
  jsonProperties({ spec: spec(API), target: target(API), name: 'api-raw.json', text: raw });

  it('parseAaApiModels on mutated JSON returns or throws a ParseError', () => {
    fc.assert(fc.property(jsonMutation, fc.boolean(), (m, useRaw) => {
      checkDirect(() => parseAaApiModels(mutateJson(useRaw ? raw : collector, m)));
    }));
  });

  it.each(['id', 'name', 'slug', 'release_date', 'artificial_analysis_intelligence_index', 'price_1m_input_tokens', 'price_1m_output_tokens', 'price_1m_blended_3_to_1', 'median_output_tokens_per_second', 'median_time_to_first_token_seconds'])(
    'api-raw.json: renaming "%s" in every model is reported',
    (key) => {
      const err = expectParseError(() => parse(API, renameKeyEverywhere(raw, key, `${key}_v2`)));
      expect(`${err.field} ${err.message}`).toContain(key);
    },
  );
});

describe('aa-providers-table-csv', () => {
  const csv = fixtureText('artificialanalysis', 'providers.csv');
  const html = fixtureText('artificialanalysis', 'providers.html');
  csvProperties({ spec: spec(PROVIDERS), target: target(PROVIDERS), name: 'providers.csv', text: csv }, { required: PROVIDER_REQUIRED });
  markupProperties({ spec: spec(PROVIDERS), target: target(PROVIDERS), name: 'providers.html', text: html });

  it('parseAaProviders on mutated CSV and HTML returns or throws a ParseError', () => {
    fc.assert(fc.property(csvMutation, markupMutation, (cm, mm) => {
      checkDirect(() => parseAaProviders(mutateCsv(csv, cm)));
      checkDirect(() => parseAaProviders(encode(mutateMarkup(html, mm))));
    }));
  });

  it('providers.html: a table moved into a code block or removed, or a renamed header, is reported', () => {
    const table = /<table>[\s\S]*<\/table>/.exec(html)![0];
    expectParseError(() => parse(PROVIDERS, html.replace(table, '<p>Loading…</p>')));
    expectParseError(() => parse(PROVIDERS, html.replace(table, `<pre><code>${table.replace(/</g, '&lt;')}</code></pre>`)));
    const err = expectParseError(() => parse(PROVIDERS, html.replace('Input Price<br />USD/1M Tokens', 'Input USD/1M')));
    expect(err.field).toBe('Input Price USD/1M Tokens');
  });
});
