/**
 * Small hand-written inputs for the normalize steps' focused tests: a reference with only the
 * labs a test names, canonical model rows with neutral defaults, source versions, and a country
 * resolver over a fixed list. Each test states the few fields its rule depends on.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { CountryResolver } from '../../normalize/countries.ts';
import type { SourceVersion } from '../../normalize/lib/io.ts';
import { ModelResolver } from '../../normalize/match.ts';
import type { Lab, ModelAlias, ProviderClass, Reference } from '../../normalize/reference.ts';
import type { ModelRow } from '../../normalize/steps/models.ts';

/** A lab row of data/reference/labs.csv. */
export const lab = (lab_id: string, name: string, country: string): Lab => ({ lab_id, name, country, kind: 'company', country_source: 'test', notes: null });

/**
 * A reference holding only `labs`, lab aliases (source → spelling → lab id) and provider classes
 * (source → provider id → class); every other file empty.
 */
export function reference(labs: Lab[] = [], labAliases: Record<string, Record<string, string>> = {}, providerClasses: Record<string, Record<string, ProviderClass>> = {}): Reference {
  const classRows = (source: string, ids: Record<string, ProviderClass>) =>
    new Map(Object.entries(ids).map(([id, cls]) => [id.toLowerCase(), { source, provider_id: id, name: id, class: cls, decided_by: 'hand' as const, evidence: 'test' }]));
  return {
    labs: new Map(labs.map((l) => [l.lab_id, l])),
    labAliases: new Map(Object.entries(labAliases).map(([source, names]) => [source, new Map(Object.entries(names).map(([n, id]) => [n.toLowerCase(), id]))])),
    licences: new Map(), licenceAliases: [], modelAliases: [], openSource: new Map(), trainingCode: new Map(),
    extraModels: [], parameterCounts: new Map(), hardware: [],
    providerClasses: new Map(Object.entries(providerClasses).map(([source, ids]) => [source, classRows(source, ids)])),
  };
}

/** A models.csv row: an open-weight model of no lab, released 2025-01-01, unless `over` says otherwise. */
export function modelRow(over: Partial<ModelRow> & Pick<ModelRow, 'model_id'>): ModelRow {
  return {
    name: over.model_id, family: over.model_id, lab_id: null, lab_name: null, country: null, country_group: 'Other',
    release_date: '2025-01-01', openness: 'open-weight', openness_decided_by: 'test', weights_downloadable: true,
    training_code_released: null, training_code_basis: null, training_data_released: null, aa_open_weights: null,
    aa_openness_index: null, epoch_model: null, epoch_accessibility: null, models_dev_open_weights: null,
    openness_disagreement: null, licence_id: null, licence_name_in_source: null, licence_restrictiveness: null,
    commercial_use: null, licence_source: null, licence_url: null, licence_disagreement: null, huggingface_repo: null,
    huggingface_repo_source: null, total_parameters: null, active_parameters: null, parameters_source: null,
    native_precision: null, native_precision_source: null, parameters_kept_16bit: null, memory_gb_16bit: null,
    memory_gb_8bit: null, memory_gb_4bit: null, memory_gb_native: null, source: 'artificialanalysis',
    source_dataset: 'models', source_as_of: '2025-06-01', ...over,
  };
}

/** A resolver over model rows (their id and name), with reviewed aliases. */
export const resolverOf = (models: ModelRow[], aliases: ModelAlias[] = []) =>
  new ModelResolver(models.map((m) => ({ model_id: m.model_id, names: [m.name] })), aliases);

/** One version of a source dataset, as normalize/lib/io.ts reads it. */
export const version = <Row>(source: string, dataset: string, asOf: string, rows: Row[]): SourceVersion<Row> => ({ source, dataset, asOf, rows, meta: {} });

/** Country names → ISO codes for the few names tests use; any other name is unresolved. */
export function countries(names: Record<string, string> = { China: 'CN', 'Hong Kong': 'HK', 'United States of America': 'US', France: 'FR' }): CountryResolver {
  const unresolved = new Set<string>();
  return {
    unresolved,
    toIso(list, context) {
      if (!list) return null;
      const codes = list.split(';').map((n) => n.trim()).filter(Boolean).flatMap((n) => (names[n] ? [names[n]] : (unresolved.add(`${n} (${context})`), [])));
      return codes.length ? [...new Set(codes)].join(';') : null;
    },
  };
}

/**
 * A temporary sources folder with CSV versions written as the scrapers write them
 * (<dir>/<source>/<dataset>/<as_of>.csv). Returns the folder.
 */
export function sourcesDir(files: { source: string; dataset: string; asOf: string; rows: Record<string, unknown>[] }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sources-'));
  for (const f of files) {
    mkdirSync(join(dir, f.source, f.dataset), { recursive: true });
    writeFileSync(join(dir, f.source, f.dataset, `${f.asOf}.csv`), stringify(f.rows, { header: true }));
  }
  return dir;
}
