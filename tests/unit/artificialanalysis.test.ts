import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  aaApiModelRow, aaPageModelRow, aaProviderRow, API_KEY_ENV, artificialAnalysis,
  extractPagePayloadModels, parseAaApiModels, parseAaModelsPage, parseAaProviders,
} from '../../scrapers/artificialanalysis.ts';
import { ParseError } from '../../lib/errors.ts';
import { parseErrorOf } from '../helpers/parse-error.ts';

const fixtureText = (name: string) => readFileSync(new URL(`../fixtures/artificialanalysis/${name}`, import.meta.url), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => bytes(fixtureText(name));


describe('parseAaModelsPage (collector JSON)', () => {
  const rows = parseAaModelsPage(fixture('page.json'));

  it('reads every model in source order', () => {
    expect(rows.map((r) => r.slug)).toEqual(['alpha-1t', 'beta-pro', 'gamma-270m']);
  });

  it('converts parameters from billions to counts, training tokens from trillions', () => {
    expect(rows[0]).toMatchObject({ total_parameters: 1e12, active_parameters: 32e9, training_tokens: 15.5e12 });
    expect(rows[2]).toMatchObject({ total_parameters: 268_000_000, active_parameters: 268_000_000 });
  });

  it('keeps country, openness and licence fields as the source states them', () => {
    expect(rows[0]).toMatchObject({
      model_id: 'id-alpha', name: 'Alpha 1T (Reasoning)', short_name: 'Alpha 1T', creator_name: 'Lab A', creator_slug: 'lab-a',
      creator_country: 'cn', release_date: '2026-01-15', deprecated: false, reasoning_model: true, open_weights: true,
      licence_name: 'Modified MIT', commercial_use_allowed: true, openness_index: 33.5,
      intelligence_index: 44.2, intelligence_index_is_estimated: false, coding_index: 61.5, agentic_index: 30.25,
      price_input_usd_per_1m: 0.95, price_output_usd_per_1m: 4, price_blended_3to1_usd_per_1m: 1.5, intelligence_index_cost_usd: 851.5,
      median_output_tokens_per_second: 42.5, median_time_to_first_token_seconds: 2.5, p05_output_tokens_per_second: 33.2, p95_output_tokens_per_second: 74.7,
    });
  });

  it('keeps nulls as null and genuine zeros as zero', () => {
    expect(rows[1]).toMatchObject({
      release_date: null, reasoning_model: null, deprecated: true, open_weights: false, licence_name: null, commercial_use_allowed: null,
      openness_index: null, intelligence_index: null, total_parameters: null, price_input_usd_per_1m: null, median_output_tokens_per_second: null,
    });
    expect(rows[2]).toMatchObject({ price_input_usd_per_1m: 0, coding_index: 0, commercial_use_allowed: false });
  });

  it('produces rows that pass the row schema', () => {
    for (const r of rows) aaPageModelRow.parse(r);
  });

  it('fails naming the key when a field is renamed in every record', () => {
    const renamed = fixtureText('page.json').replaceAll('"artificial_analysis_intelligence_index":', '"aa_index":');
    const err = parseErrorOf(() => parseAaModelsPage(bytes(renamed)));
    expect(err.message).toMatch(/missing key "evaluations.artificial_analysis_intelligence_index"/);
    expect(err.field).toBe('evaluations.artificial_analysis_intelligence_index');
  });

  it('reports truncated JSON as malformed', () => {
    const text = fixtureText('page.json');
    expect(() => parseAaModelsPage(bytes(text.slice(0, text.length / 2)))).toThrow(/malformed JSON/);
  });

  it('fails when the file holds fewer models than meta.model_count says', () => {
    const json = JSON.parse(fixtureText('page.json'));
    json.models.pop();
    expect(() => parseAaModelsPage(bytes(JSON.stringify(json)))).toThrow(/model_count says 3 models but the file holds 2/);
  });

  it('names field and row of a value of the wrong type', () => {
    const json = JSON.parse(fixtureText('page.json'));
    json.models[0].capabilities.total_parameters = 'about a trillion';
    const err = parseErrorOf(() => parseAaModelsPage(bytes(JSON.stringify(json))));
    expect(err.field).toBe('capabilities.total_parameters');
    expect(err.row).toBe('alpha-1t');
  });

  it('refuses parameters that already look like counts, and active above total', () => {
    const json = JSON.parse(fixtureText('page.json'));
    json.models[0].capabilities.total_parameters = 1e12;
    expect(() => parseAaModelsPage(bytes(JSON.stringify(json)))).toThrow(/looks like a raw count, not billions/);
    json.models[0].capabilities.total_parameters = 10;
    expect(() => parseAaModelsPage(bytes(JSON.stringify(json)))).toThrow(/active parameters .* exceed total/);
  });

  it('fails on a file without a models array', () => {
    expect(() => parseAaModelsPage(bytes('{"meta": {}, "data": []}'))).toThrow(/no "models" array/);
  });

  it('validation rejects an Intelligence Index above 100 with a message about scale', () => {
    const result = aaPageModelRow.safeParse({ ...rows[0], intelligence_index: 120 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('Intelligence Index above 100: did the source change scale?');
    expect(aaPageModelRow.safeParse({ ...rows[0], creator_country: 'China' }).success).toBe(false);
  });
});

describe('parseAaModelsPage (live page HTML with a Next.js flight payload)', () => {
  it('finds the camelCase model list, even when a flight row spans chunks, and maps it', () => {
    const rows = parseAaModelsPage(fixture('page.html'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      slug: 'alpha-1t', creator_country: 'cn', open_weights: true, licence_name: 'Modified MIT', intelligence_index: 44.2,
      agentic_index: null, price_blended_3to1_usd_per_1m: null, total_parameters: 1e12, active_parameters: 32e9, openness_index: 33.5,
    });
    expect(rows[1]).toMatchObject({ slug: 'beta-pro', open_weights: false, commercial_use_allowed: null, total_parameters: null, median_output_tokens_per_second: null });
  });

  it('fails clearly on a page with no flight payload or no model list', () => {
    expect(() => extractPagePayloadModels('<html><body>Access denied</body></html>')).toThrow(/no Next.js flight payload/);
    const noModels = `<html><script>self.__next_f.push([1,${JSON.stringify('1:{"models":[{"name":"x"}]}\n')}])</script></html>`;
    expect(() => extractPagePayloadModels(noModels)).toThrow(/no model list with "modelCreatorId"/);
  });
});

describe('parseAaApiModels', () => {
  it('reads the collector copy, turning the API\'s "not measured" zeros into nulls', () => {
    const rows = parseAaApiModels(fixture('api-collector.json'));
    expect(rows.map((r) => r.slug)).toEqual(['alpha-1t', 'beta-realtime', 'gamma-4b']);
    expect(rows[0]).toMatchObject({
      creator_name: 'Lab A', intelligence_index: 44.6, coding_index: 36, math_index: 94.3, gpqa: 0.854, tau2: 0.848,
      price_input_usd_per_1m: 1.25, price_output_usd_per_1m: 10, price_blended_3to1_usd_per_1m: 3.438,
      median_output_tokens_per_second: 94.565, median_time_to_first_token_seconds: 95.576,
    });
    // No endpoint measured: zeros everywhere mean "no data".
    expect(rows[1]).toMatchObject({ price_input_usd_per_1m: null, price_blended_3to1_usd_per_1m: null, median_output_tokens_per_second: null, median_time_to_first_token_seconds: null, intelligence_index: null });
    // A measured endpoint with price 0 is free: the zero stays.
    expect(rows[2]).toMatchObject({ price_input_usd_per_1m: 0, price_output_usd_per_1m: 0, median_output_tokens_per_second: 30.594, release_date: null, lcr: 0 });
    for (const r of rows) aaApiModelRow.parse(r);
  });

  it('reads AA\'s own {status, data} envelope with model_creator and median_* fields', () => {
    const rows = parseAaApiModels(fixture('api-raw.json'));
    expect(rows[0]).toMatchObject({ slug: 'alpha-1t', creator_name: 'Lab A', creator_slug: 'lab-a', median_output_tokens_per_second: 94.565, median_time_to_first_token_seconds: 0.5, median_time_to_first_answer_token_seconds: 12.25, math_index: null, mmlu_pro: null });
    // Prices listed but speed not measured: prices kept, speed null.
    expect(rows[1]).toMatchObject({ price_input_usd_per_1m: 0.2, median_output_tokens_per_second: null });
  });

  it('explains an error envelope (bad key, rate limit)', () => {
    const err = parseErrorOf(() => parseAaApiModels(bytes('{"status": 401, "message": "Invalid API key"}')));
    expect(err.message).toMatch(/no "data".*Invalid API key/);
    expect(err.hint).toMatch(/status 401/);
  });

  it('fails naming a renamed key, and on truncated JSON', () => {
    const renamed = fixtureText('api-collector.json').replaceAll('"price_1m_input_tokens"', '"input_price"');
    expect(() => parseAaApiModels(bytes(renamed))).toThrow(/missing key "pricing.price_1m_input_tokens"/);
    expect(() => parseAaApiModels(bytes(fixtureText('api-raw.json').slice(0, 200)))).toThrow(/malformed JSON/);
  });

  it('names field and row of a wrong type', () => {
    const json = JSON.parse(fixtureText('api-raw.json'));
    json.data[1].pricing.price_1m_output_tokens = 'free';
    const err = parseErrorOf(() => parseAaApiModels(bytes(JSON.stringify(json))));
    expect(err).toMatchObject({ field: 'pricing.price_1m_output_tokens', row: 'delta-mini' });
  });
});

describe('parseAaProviders', () => {
  it('reads dollars, percents, abbreviated context windows, Yes/No and N/A', () => {
    const rows = parseAaProviders(fixture('providers.csv'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      provider: 'Lab A', model: 'Alpha 1T', api_id: 'alpha-2025-08-07', licence_type: 'Proprietary', context_window_tokens: 400_000,
      function_calling: true, openai_compatible: true, footnotes: null, intelligence_index: 69, mmlu_pro_pct: 87, gpqa_diamond_pct: 85,
      chatbot_arena_elo: 1266, price_blended_usd_per_1m: 3.44, price_input_usd_per_1m: 1.25, price_output_usd_per_1m: 10,
      median_output_tokens_per_second: 112.2, p5_output_tokens_per_second: 48.2, p95_output_tokens_per_second: 182.3,
      median_first_chunk_seconds: 66.95, p95_first_chunk_seconds: 361.95, total_response_seconds: 71.41, reasoning_time_seconds: null,
      hle_pct: null, humaneval_pct: null,
    });
    expect(rows[1]).toMatchObject({ model: 'Open 1T, instruct', licence_type: 'Open', context_window_tokens: 1_000_000, function_calling: false, price_blended_usd_per_1m: 1000, gpqa_diamond_pct: null, reasoning_time_seconds: 12.5 });
    expect(rows[2]).toMatchObject({ intelligence_index: null, price_input_usd_per_1m: 0, median_output_tokens_per_second: null, first_answer_token_seconds: null });
    for (const r of rows) aaProviderRow.parse(r);
  });

  it('fails naming a missing required column', () => {
    const csv = fixtureText('providers.csv').replace('Median Tokens/s', 'Median Output Speed');
    const err = parseErrorOf(() => parseAaProviders(bytes(csv)));
    expect(err.message).toMatch(/missing column "Median Tokens\/s"/);
  });

  it('fails on an unexpected licence value (a sign of shifted columns)', () => {
    const csv = fixtureText('providers.csv').replace(',Proprietary,', ',Closed,');
    expect(() => parseAaProviders(bytes(csv))).toThrow(/licence is "Closed", expected Open or Proprietary/);
  });

  it('names field and row of a value that is not a number', () => {
    const csv = fixtureText('providers.csv').replace('$1.25', 'ask us');
    const err = parseErrorOf(() => parseAaProviders(bytes(csv)));
    expect(err).toMatchObject({ field: 'Input Price USD/1M Tokens', row: 1 });
  });

  it('reports a truncated file as malformed CSV', () => {
    const csv = fixtureText('providers.csv');
    expect(() => parseAaProviders(bytes(csv.slice(0, csv.indexOf('"Open 1T') + 6)))).toThrow(/malformed CSV/);
  });

  it('reads the live page\'s HTML table (two header rows, logos naming providers)', () => {
    const rows = parseAaProviders(fixture('providers.html'));
    expect(rows.map((r) => [r.provider, r.model, r.licence_type, r.context_window_tokens, r.price_input_usd_per_1m, r.median_output_tokens_per_second])).toEqual([
      ['Fast Cloud', 'Open 1T', 'Open', 131_000, 0.6, 157.8],
      ['Lab A', 'Alpha 1T', 'Proprietary', 400_000, 1.25, 112.2],
    ]);
    expect(rows[0]!.p5_output_tokens_per_second).toBeNull();
  });

  it('fails clearly when the live page has no providers table', () => {
    const err = parseErrorOf(() => parseAaProviders(bytes('<html><body><div id="__next"></div></body></html>')));
    expect(err.message).toMatch(/no table with an "API Provider" header/);
    expect(err.hint).toMatch(/client-side/);
  });
});

describe('artificialAnalysis SourceDef', () => {
  const saved = process.env[API_KEY_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[API_KEY_ENV];
    else process.env[API_KEY_ENV] = saved;
  });

  it('names the live URLs; only the API target carries a key header', () => {
    const targets = artificialAnalysis.targets();
    expect(targets.map((t) => [t.dataset, t.format, t.url])).toEqual([
      ['models', 'aa-models-page-json', 'https://artificialanalysis.ai/leaderboards/models'],
      ['models', 'aa-api-v2-json', 'https://artificialanalysis.ai/api/v2/data/llms/models'],
      ['providers', 'aa-providers-table-csv', 'https://artificialanalysis.ai/leaderboards/providers'],
    ]);
    expect(targets.filter((t) => t.headers).map((t) => t.format)).toEqual(['aa-api-v2-json']);
    expect(artificialAnalysis.notes).toMatch(/community collector/);
  });

  it('the API target fails with a clear message when the key is not set, and sends it as x-api-key when set', () => {
    const api = artificialAnalysis.targets().find((t) => t.format === 'aa-api-v2-json')!;
    delete process.env[API_KEY_ENV];
    const err = parseErrorOf(() => api.headers!());
    expect(err.message).toMatch(/set ARTIFICIAL_ANALYSIS_API_KEY/);
    process.env[API_KEY_ENV] = 'test-key';
    expect(api.headers!()).toEqual({ 'x-api-key': 'test-key' });
  });

  it('writes the API response to its own output dataset', () => {
    const capture = { mode: 'replay' as const, bytes: fixture('api-raw.json'), url: 'u', asOf: '2026-01-01', fetchedAt: '2026-01-01T00:00:00Z', sha256: 'x' };
    const target = artificialAnalysis.targets()[1]!;
    const [version] = artificialAnalysis.formats['aa-api-v2-json']!.parse(capture, target);
    expect(version).toMatchObject({ dataset: 'models-api', asOf: '2026-01-01' });
  });
});
