/**
 * models.csv: one row per canonical model. The canonical list is every model Artificial
 * Analysis has listed in any capture (its slug is the model id; the newest capture's row
 * wins). Lab and country come from data/reference/labs.csv through the lab aliases, checked
 * against AA's creator country. Openness is decided from the evidence beside it:
 *   open-source  weights + training code + training data released (reference file, with a URL);
 *   open-weight  weights downloadable (AA open_weights, cross-checked with Epoch and models.dev);
 *   closed       everything else.
 */
import { z } from 'zod';
import { weightMemory } from './memory.ts';
import { countryGroup } from '../../src/charts/scales.ts';
import { cBool, cDate, cNum, cText } from '../lib/cells.ts';
import type { SourceVersion } from '../lib/io.ts';
import type { CanonicalModel } from '../match.ts';
import { resolveLab, resolveLicence, type Reference } from '../reference.ts';

export const aaModelCells = z.object({
  name: z.string().min(1),
  short_name: cText,
  slug: z.string().min(1),
  creator_name: cText,
  creator_slug: cText,
  creator_country: cText,
  release_date: cDate,
  deprecated: cBool,
  reasoning_model: cBool,
  open_weights: cBool,
  licence_name: cText,
  commercial_use_allowed: cBool,
  huggingface_url: cText,
  openness_index: cNum,
  intelligence_index: cNum,
  coding_index: cNum,
  agentic_index: cNum,
  total_parameters: cNum,
  active_parameters: cNum,
  price_input_usd_per_1m: cNum,
  price_output_usd_per_1m: cNum,
  median_output_tokens_per_second: cNum,
});
export type AaModel = z.infer<typeof aaModelCells>;

/** Evidence about one model from a source other than AA, keyed by model id. */
export interface OpennessEvidence {
  epochAccessibility?: string | null;
  epochTrainingCode?: string | null;
  modelsDevOpenWeights?: boolean | null;
  nativePrecision?: string | null;
  nativePrecisionSource?: string | null;
  cardTotalParameters?: number | null;
  cardActiveParameters?: number | null;
  cardSource?: string | null;
  /** Parameters the published checkpoint stores at 16 bits (normalize/steps/memory.ts), and where that was read. */
  parametersKept16?: number | null;
  parametersKept16Source?: string | null;
}


export interface ModelRow {
  model_id: string;
  name: string;
  family: string;
  lab_id: string | null;
  lab_name: string | null;
  country: string | null;
  country_group: string;
  release_date: string | null;
  openness: 'open-source' | 'open-weight' | 'closed';
  openness_decided_by: string;
  weights_downloadable: boolean;
  training_code_released: boolean | null;
  training_data_released: boolean | null;
  aa_open_weights: boolean | null;
  aa_openness_index: number | null;
  epoch_accessibility: string | null;
  models_dev_open_weights: boolean | null;
  openness_disagreement: string | null;
  licence_id: string | null;
  licence_name_in_source: string | null;
  licence_restrictiveness: string | null;
  commercial_use: string | null;
  huggingface_repo: string | null;
  total_parameters: number | null;
  active_parameters: number | null;
  parameters_source: string | null;
  native_precision: string | null;
  native_precision_source: string | null;
  parameters_kept_16bit: number | null;
  memory_gb_16bit: number | null;
  memory_gb_8bit: number | null;
  memory_gb_4bit: number | null;
  memory_gb_native: number | null;
  source: string;
  source_dataset: string;
  source_as_of: string;
}

export interface ModelsBuild {
  rows: ModelRow[];
  /** Problems for the coverage report. */
  unknownLabs: string[];
  unknownLicences: string[];
  countryDisagreements: string[];
}

/**
 * The model without its reasoning or effort setting: "GPT-5.6 Sol (xhigh)" → "GPT-5.6 Sol",
 * "Claude Opus 4.7 (Adaptive Reasoning, Max Effort)" → "Claude Opus 4.7". Rankings show one
 * bar per family, its best setting, rather than five settings of one model.
 */
export function modelFamily(name: string): string {
  const stripped = name.replace(/(\s*\([^)]*\))+\s*$/, '').trim();
  return stripped || name;
}

/** The canonical id of an Artificial Analysis model: its slug, lower-cased (a few slugs carry capitals). */
export const aaModelId = (slug: string) => slug.toLowerCase();

/** Nominal width of a native precision; weightMemory adds the block scales of 4-bit formats. */
const BITS_OF_PRECISION: Record<string, number> = { bf16: 16, fp16: 16, fp8: 8, int8: 8, mxfp4: 4, int4: 4, fp4: 4, nvfp4: 4.5 };


/** Every model AA has listed in any capture, by canonical id; the newest capture's row wins. */
export function latestAaRows(aaVersions: SourceVersion<AaModel>[]): Map<string, { row: AaModel; asOf: string }> {
  const latest = new Map<string, { row: AaModel; asOf: string }>();
  for (const v of [...aaVersions].sort((a, b) => a.asOf.localeCompare(b.asOf))) {
    for (const row of v.rows) latest.set(aaModelId(row.slug), { row, asOf: v.asOf });
  }
  return latest;
}

/** The canonical models and the names they go by, for entity resolution. */
export function canonicalModels(aaVersions: SourceVersion<AaModel>[]): CanonicalModel[] {
  return [...latestAaRows(aaVersions)].map(([id, { row }]) => ({
    model_id: id,
    names: [row.name, ...(row.short_name ? [row.short_name] : []), ...(row.huggingface_url ? [row.huggingface_url.split('/').pop()!] : [])],
  }));
}

export const huggingfaceRepo = (url: string | null) => url?.replace(/^https:\/\/huggingface\.co\//, '').replace(/\/$/, '') ?? null;

export function buildModels(aaVersions: SourceVersion<AaModel>[], ref: Reference, evidence: Map<string, OpennessEvidence> = new Map()): ModelsBuild {
  const latest = latestAaRows(aaVersions);
  const unknownLabs = new Set<string>();
  const unknownLicences = new Set<string>();
  const countryDisagreements = new Set<string>();
  const rows: ModelRow[] = [];
  for (const [slug, { row, asOf }] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    const labId = resolveLab(ref, 'artificialanalysis', row.creator_slug) ?? resolveLab(ref, 'artificialanalysis', row.creator_name);
    const lab = labId ? ref.labs.get(labId)! : null;
    if (!lab) unknownLabs.add(`${row.creator_name} (${row.creator_slug})`);
    const aaCountry = row.creator_country?.toUpperCase() ?? null;
    if (lab && aaCountry && !lab.country.split(';').includes(aaCountry)) {
      countryDisagreements.add(`${lab.lab_id}: labs.csv says ${lab.country}, Artificial Analysis creator.country says ${aaCountry}`);
    }
    const country = lab?.country ?? aaCountry;
    const ev = evidence.get(slug) ?? {};
    const os = ref.openSource.get(slug);
    const weights = row.open_weights === true || Boolean(os);
    const openness: ModelRow['openness'] = os ? 'open-source' : weights ? 'open-weight' : 'closed';
    const decidedBy = os
      ? `data/reference/open_source_models.csv (${os.evidence_url})`
      : row.open_weights !== null
        ? `artificialanalysis open_weights=${row.open_weights}`
        : 'no source reports downloadable weights';
    const disagreements: string[] = [];
    const epochOpen = ev.epochAccessibility ? ev.epochAccessibility.toLowerCase().startsWith('open weights') : null;
    if (epochOpen !== null && row.open_weights !== null && epochOpen !== row.open_weights) {
      disagreements.push(`Epoch says "${ev.epochAccessibility}"`);
    }
    if (ev.modelsDevOpenWeights !== undefined && ev.modelsDevOpenWeights !== null && row.open_weights !== null && ev.modelsDevOpenWeights !== row.open_weights) {
      disagreements.push(`models.dev says open_weights=${ev.modelsDevOpenWeights}`);
    }
    const licenceId = weights ? resolveLicence(ref, row.licence_name) : null;
    if (weights && row.licence_name && !licenceId) unknownLicences.add(row.licence_name);
    const licence = licenceId ? ref.licences.get(licenceId)! : null;
    const total = row.total_parameters ?? ev.cardTotalParameters ?? null;
    const active = row.active_parameters ?? ev.cardActiveParameters ?? null;
    const paramsSource = row.total_parameters !== null ? 'artificialanalysis' : ev.cardTotalParameters ? (ev.cardSource ?? 'model card') : null;
    const precision = ev.nativePrecision?.toLowerCase() ?? null;
    const nativeBits = precision ? BITS_OF_PRECISION[precision] ?? null : null;
    // A checkpoint's 16-bit count can exceed a rounded stated total only by rounding: never count more than the total.
    const kept16 = total && ev.parametersKept16 ? Math.min(ev.parametersKept16, total) : null;
    rows.push({
      model_id: slug,
      name: row.name,
      family: modelFamily(row.name),
      lab_id: lab?.lab_id ?? null,
      lab_name: lab?.name ?? row.creator_name,
      country,
      country_group: countryGroup(country),
      release_date: row.release_date,
      openness,
      openness_decided_by: decidedBy,
      weights_downloadable: weights,
      training_code_released: os ? true : ev.epochTrainingCode ? /^open/i.test(ev.epochTrainingCode) : null,
      training_data_released: os ? true : null,
      aa_open_weights: row.open_weights,
      aa_openness_index: row.openness_index === null ? null : Math.round(row.openness_index * 10) / 10,
      epoch_accessibility: ev.epochAccessibility ?? null,
      models_dev_open_weights: ev.modelsDevOpenWeights ?? null,
      openness_disagreement: disagreements.length ? `${disagreements.join('; ')}; Artificial Analysis wins (it tracks current releases)` : null,
      licence_id: licenceId,
      licence_name_in_source: weights ? row.licence_name : null,
      licence_restrictiveness: licence?.restrictiveness ?? null,
      commercial_use: licence?.commercial_use ?? (row.commercial_use_allowed === null ? null : row.commercial_use_allowed ? 'yes' : 'no'),
      huggingface_repo: huggingfaceRepo(row.huggingface_url),
      total_parameters: total,
      active_parameters: active,
      parameters_source: paramsSource,
      native_precision: precision,
      native_precision_source: ev.nativePrecisionSource ?? null,
      parameters_kept_16bit: kept16,
      memory_gb_16bit: total ? weightMemory(total, 16, kept16 ?? 0) : null,
      memory_gb_8bit: total ? weightMemory(total, 8, kept16 ?? 0) : null,
      memory_gb_4bit: total ? weightMemory(total, 4, kept16 ?? 0) : null,
      memory_gb_native: total && nativeBits ? weightMemory(total, nativeBits, kept16 ?? 0) : null,
      source: 'artificialanalysis',
      source_dataset: 'models',
      source_as_of: asOf,
    });
  }
  return { rows, unknownLabs: [...unknownLabs].sort(), unknownLicences: [...unknownLicences].sort(), countryDisagreements: [...countryDisagreements].sort() };
}

