/**
 * Epoch AI, "Data on AI Models" and the Epoch Capabilities Index (CC BY 4.0).
 *
 * Live URLs:
 * - https://epoch.ai/data/notable_ai_models.csv, all_ai_models.csv, large_scale_ai_models.csv
 * - https://epoch.ai/data/generated/frontier_ai_models.csv
 * - https://epoch.ai/data/benchmark_data.zip (member epoch_capabilities_index.csv, or
 *   epoch_capabilities_index/eci_scores.csv in later layouts); a plain CSV is read as is.
 *
 * Expected schema: a header row with "Model", "Organization", "Publication date",
 * "Model accessibility" and a country column, which older files name
 * "Country (from Organization)" and newer ones "Country (of organization)". Files before
 * late 2025 lack "Open model weights?" and sometimes "Training code accessibility"; those
 * columns are then blank, never guessed. The ECI file needs "Model version" and "ECI Score".
 */
import { unzipSync } from 'fflate';
import { decodeUtf8, readCsv } from '../lib/csv.ts';
import { ParseError } from '../lib/errors.ts';
import { defineFormat, type Capture, type SourceDef, type Target } from './lib/source.ts';
import { bool, checkRows, distinctList, isoDate, num, text } from './lib/values.ts';
import { epochEciRow, epochModelRow, type EpochEciRow, type EpochModelRow } from '../lib/source-rows/epoch.ts';
export { epochEciRow, epochModelRow, type EpochEciRow, type EpochModelRow };

const COUNTRY_COLUMNS = ['Country (of organization)', 'Country (from Organization)', 'Country'];
const CSV_ACCEPT = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'];



/** Epoch's exports hold a few placeholder records with no model and only bookkeeping fields. */
const BOOKKEEPING = new Set(['Confidence', 'Last modified']);
const isPlaceholder = (r: Record<string, string>) =>
  !text(r['Model']) && Object.entries(r).every(([k, v]) => BOOKKEEPING.has(k) || !text(v));

export function parseEpochModels(csvText: string): { rows: EpochModelRow[]; skipped: number } {
  const records = readCsv(csvText, { required: ['Model', 'Organization', 'Publication date', 'Model accessibility'], what: 'Epoch models CSV' });
  const header = Object.keys(records[0] ?? {});
  const countryCol = COUNTRY_COLUMNS.find((c) => header.includes(c));
  if (records.length > 0 && !countryCol) {
    throw new ParseError('no country column', { field: COUNTRY_COLUMNS.join(' | '), hint: 'Epoch renamed the country column again; add the new name to COUNTRY_COLUMNS' });
  }
  const rows: EpochModelRow[] = [];
  records.forEach((r, i) => {
    const row = i + 1;
    if (isPlaceholder(r)) return;
    const model = text(r['Model']);
    if (!model) throw new ParseError('blank model name in a record that has other data', { field: 'Model', row, hint: 'the model column moved or was renamed' });
    rows.push({
      model,
      organization: text(r['Organization']),
      organization_category: distinctList(r['Organization categorization']),
      country: countryCol ? distinctList(r[countryCol]) : null,
      publication_date: isoDate(r['Publication date'], 'Publication date', row),
      domain: distinctList(r['Domain']),
      accessibility: text(r['Model accessibility']),
      open_weights: bool(r['Open model weights?'], 'Open model weights?', row),
      training_code_accessibility: text(r['Training code accessibility']),
      inference_code_accessibility: text(r['Inference code accessibility']),
      parameters: num(r['Parameters'], 'Parameters', row),
      training_compute_flop: num(r['Training compute (FLOP)'], 'Training compute (FLOP)', row),
      notability_criteria: distinctList(r['Notability criteria']),
      frontier_model: bool(r['Frontier model'], 'Frontier model', row),
      base_model: text(r['Base model']),
      link: text(r['Link'])?.split(/\s+/)[0] ?? null,
    });
  });
  return { rows, skipped: records.length - rows.length };
}


export function parseEpochEci(csvText: string): EpochEciRow[] {
  const records = readCsv(csvText, { required: ['Model version', 'ECI Score'], what: 'Epoch Capabilities Index CSV' });
  return records.map((r, i) => {
    const row = i + 1;
    const version = text(r['Model version']);
    if (!version) throw new ParseError('blank model version', { field: 'Model version', row });
    return {
      model_version: version,
      model_name: text(r['Model name']),
      display_name: text(r['Display name']),
      eci_score: num(r['ECI Score'], 'ECI Score', row),
      release_date: isoDate(r['Release date'], 'Release date', row),
      organization: text(r['Organization']),
      country: distinctList(r['Country']),
      accessibility: text(r['Model accessibility']),
      training_compute_flop: num(r['Training compute (FLOP)'], 'Training compute (FLOP)', row),
      confidence: text(r['Confidence']),
    };
  });
}

const ECI_MEMBERS = [/(^|\/)epoch_capabilities_index\.csv$/, /(^|\/)epoch_capabilities_index\/eci_scores\.csv$/, /(^|\/)eci_scores\.csv$/];

/** The ECI ships inside a zip live; captures hold the bare CSV. */
export function eciCsvText(bytes: Uint8Array): string {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) return decodeUtf8(bytes);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (err) {
    throw new ParseError(`corrupt zip: ${(err as Error).message}`, { hint: 'truncated download' });
  }
  for (const pattern of ECI_MEMBERS) {
    const name = Object.keys(files).find((n) => pattern.test(n));
    if (name) return decodeUtf8(files[name]!);
  }
  throw new ParseError('no ECI CSV inside benchmark_data.zip', {
    field: 'epoch_capabilities_index.csv',
    hint: `Epoch moved the file; members: ${Object.keys(files).slice(0, 10).join(', ')}`,
  });
}

const MODEL_DATASETS: Record<string, string> = {
  notable: 'https://epoch.ai/data/notable_ai_models.csv',
  all: 'https://epoch.ai/data/all_ai_models.csv',
  large_scale: 'https://epoch.ai/data/large_scale_ai_models.csv',
  frontier: 'https://epoch.ai/data/generated/frontier_ai_models.csv',
};

export const epoch: SourceDef = {
  id: 'epoch',
  name: 'Epoch AI',
  homepage: 'https://epoch.ai/data/ai-models',
  licence: 'CC-BY-4.0',
  citation: "Epoch AI, 'Data on AI Models' and 'AI Benchmarking Hub', epoch.ai",
  targets(): Target[] {
    return [
      ...Object.entries(MODEL_DATASETS).map(([dataset, url]) => ({ dataset, format: 'epoch-models-csv', url, accept: CSV_ACCEPT })),
      { dataset: 'eci', format: 'epoch-eci-csv', url: 'https://epoch.ai/data/benchmark_data.zip', accept: [...CSV_ACCEPT, 'application/zip'] },
    ];
  },
  formats: {
    'epoch-models-csv': defineFormat({
      format: 'epoch-models-csv',
      columns: Object.keys(epochModelRow.shape) as (keyof EpochModelRow)[],
      row: epochModelRow,
      parse: (capture: Capture) => {
        const { rows, skipped } = parseEpochModels(decodeUtf8(capture.bytes));
        return [{ asOf: capture.asOf, rows: checkRows(epochModelRow, rows), skipped: { count: skipped, reason: 'placeholder records with no model name and no data' } }];
      },
    }),
    'epoch-eci-csv': defineFormat({
      format: 'epoch-eci-csv',
      columns: Object.keys(epochEciRow.shape) as (keyof EpochEciRow)[],
      row: epochEciRow,
      parse: (capture: Capture) => [{ asOf: capture.asOf, rows: checkRows(epochEciRow, parseEpochEci(eciCsvText(capture.bytes))) }],
    }),
  },
};
