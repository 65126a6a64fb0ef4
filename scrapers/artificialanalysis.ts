/**
 * Artificial Analysis (artificialanalysis.ai): LLM leaderboard, free data API, per-provider table.
 * AA asks for attribution: "Source: Artificial Analysis, artificialanalysis.ai".
 *
 * Live URLs and what they serve:
 * - https://artificialanalysis.ai/leaderboards/models (format aa-models-page-json, output `models`):
 *   an HTML page whose model list sits in the Next.js flight payload
 *   (`self.__next_f.push([1,"..."])`) as camelCase objects (`intelligenceIndex`,
 *   `modelCreatorCountry`, `isOpenWeights`, `totalParameters`, ...). The captures are a community
 *   collector's reshaping of that payload (oolong-tea-2026/artificial-analysis-leaderboards):
 *   `{meta, models:[{id, name, slug, release_date, reasoning_model, deprecated,
 *   creator{name, slug, country}, evaluations{artificial_analysis_intelligence_index, ...},
 *   pricing{price_1m_*}, speed{output_tokens_per_second, ...}, capabilities{total_parameters,
 *   active_parameters, ...}, open_weights{is_open_weights, license_name, commercial_allowed, ...},
 *   breakdowns{openness{opennessIndex}}}]}`. The parser reads both: the collector's JSON, and
 *   the live HTML, whose camelCase fields it maps to the collector's names (PAGE_KEYS).
 * - https://artificialanalysis.ai/api/v2/data/llms/models (format aa-api-v2-json, output `models-api`):
 *   needs the header `x-api-key`, read from the env var ARTIFICIAL_ANALYSIS_API_KEY (a free key
 *   from artificialanalysis.ai; about 1,000 requests a day). Without it the live target fails
 *   with a message saying so; replay never needs it. AA's own shape is `{status, data:[{id, name,
 *   slug, release_date, model_creator{name, slug}, evaluations{...}, pricing{...},
 *   median_output_tokens_per_second, median_time_to_first_token_seconds,
 *   median_time_to_first_answer_token}]}`; the capture is the collector's copy
 *   (`data`→`models`, `model_creator`→`creator`, the median_* fields moved into `speed{}`).
 *   Both are read. No country, open-weights, licence or parameter fields exist in this API.
 * - https://artificialanalysis.ai/leaderboards/providers (format aa-providers-table-csv, output
 *   `providers`): one row per (API provider, model). The capture is deyil's Playwright export of
 *   the page's table to CSV (headers `API Provider, Model, License, Blended USD/1M Tokens,
 *   Median Tokens/s, P5..P95 Tokens/s, Median First Chunk (s), ...`). Live, the page's HTML
 *   <table> is read with the same header names; if the server sends no table (it is rendered
 *   client-side) the scrape fails naming what is missing.
 *
 * Units and conventions in the output:
 * - Intelligence / coding / agentic / math indices are on AA's 0-100 scale; a value above 100 fails
 *   validation. AA re-bases the index when its methodology changes (GPT-5 (high): 69 in Aug 2025,
 *   44.6 in Apr-Jun 2026, 34.7 in Jul 2026) and no capture states the index version, so compare
 *   scores within one as_of only.
 * - Parameters: the page states them in billions; the CSV gives counts (total_parameters = 1e12
 *   for "1000"). Training tokens: stated in trillions, written as counts.
 * - Benchmark scores: fractions 0-1 in the JSON formats; percent (0-100, `_pct`) in the providers table.
 * - Prices are USD per 1M tokens; speeds in output tokens per second; latencies in seconds.
 * - The API writes 0 where nothing was measured: a 0 speed or latency becomes null, and prices
 *   that are all 0 on a model with no measured speed become null (0 with a measured endpoint is
 *   a free endpoint and stays 0). The page and the providers table use blanks, kept as null.
 */
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type SourceDef, type Target } from './lib/source.ts';
import { checkRows } from './lib/values.ts';
import { aaApiModelRow, parseAaApiModels, type AaApiModelRow } from './artificialanalysis/api.ts';
import { aaPageModelRow, parseAaModelsPage, type AaPageModelRow } from './artificialanalysis/models-page.ts';
import { aaProviderRow, parseAaProviders, type AaProviderRow } from './artificialanalysis/providers.ts';

// One module per format, like scrapers/model-cards/; re-exported so callers keep one import.
export * from './artificialanalysis/api.ts';
export * from './artificialanalysis/models-page.ts';
export * from './artificialanalysis/providers.ts';

export const API_KEY_ENV = 'ARTIFICIAL_ANALYSIS_API_KEY';

const PAGE_URL = 'https://artificialanalysis.ai/leaderboards/models';
const API_URL = 'https://artificialanalysis.ai/api/v2/data/llms/models';
const PROVIDERS_URL = 'https://artificialanalysis.ai/leaderboards/providers';

// ---------------------------------------------------------------- the source

function apiKeyHeaders(): Record<string, string> {
  const key = process.env[API_KEY_ENV]?.trim();
  if (!key) {
    throw new ParseError(`the Artificial Analysis API needs a key: set ${API_KEY_ENV}`, {
      field: API_KEY_ENV,
      hint: `create a free key at https://artificialanalysis.ai (API access), then run with ${API_KEY_ENV}=... in the environment; replay mode needs no key`,
    });
  }
  return { 'x-api-key': key };
}

export const artificialAnalysis: SourceDef = {
  id: 'artificialanalysis',
  name: 'Artificial Analysis',
  homepage: 'https://artificialanalysis.ai',
  licence: 'Attribution required (Artificial Analysis terms of use)',
  citation: 'Source: Artificial Analysis, artificialanalysis.ai',
  notes: [
    'models: the leaderboard page payload (https://artificialanalysis.ai/leaderboards/models); the captured files are a community collector\'s reshaping of that payload (oolong-tea-2026/artificial-analysis-leaderboards, MIT), not raw AA bytes.',
    'models-api: AA API v2 /data/llms/models (x-api-key from ARTIFICIAL_ANALYSIS_API_KEY); the capture is the same collector\'s reshaped copy; the API writes 0 for unmeasured speed/price, kept as null.',
    'providers: the per-provider table, captured by deyil/artificial-analysis-leaderboards-scraper (Playwright export to CSV, GPL-3.0 repository).',
    'The Intelligence Index is re-based when AA changes its methodology and the data does not state the index version: compare scores within one as_of only.',
    'Parameters are converted from billions to counts; benchmark scores are fractions in models/models-api and percent (_pct) in providers.',
  ].join(' '),
  targets(): Target[] {
    return [
      // A page behind a bot wall: optional, so its failure does not sink the API and the providers table.
      { dataset: 'models', format: 'aa-models-page-json', url: PAGE_URL, accept: ['text/html', 'application/json'], optional: true },
      { dataset: 'models', format: 'aa-api-v2-json', url: API_URL, accept: ['application/json'], headers: apiKeyHeaders, requiresEnv: API_KEY_ENV },
      { dataset: 'providers', format: 'aa-providers-table-csv', url: PROVIDERS_URL, accept: ['text/csv', 'text/html', 'text/plain'] },
    ];
  },
  formats: {
    'aa-models-page-json': defineFormat({
      format: 'aa-models-page-json',
      columns: Object.keys(aaPageModelRow.shape) as (keyof AaPageModelRow)[],
      row: aaPageModelRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'models', rows: checkRows(aaPageModelRow, parseAaModelsPage(capture.bytes)) }],
    }),
    'aa-api-v2-json': defineFormat({
      format: 'aa-api-v2-json',
      columns: Object.keys(aaApiModelRow.shape) as (keyof AaApiModelRow)[],
      row: aaApiModelRow,
      // The manifest files this under dataset "models"; its fields differ, so it gets its own table.
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'models-api', rows: checkRows(aaApiModelRow, parseAaApiModels(capture.bytes)) }],
    }),
    'aa-providers-table-csv': defineFormat({
      format: 'aa-providers-table-csv',
      columns: Object.keys(aaProviderRow.shape) as (keyof AaProviderRow)[],
      row: aaProviderRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, dataset: 'providers', rows: checkRows(aaProviderRow, parseAaProviders(capture.bytes)) }],
    }),
  },
};