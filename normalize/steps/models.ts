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
import { countryGroup } from '../../lib/countries.ts';
import { aaPageModelRow } from '../../lib/source-rows/artificialanalysis.ts';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import type { SourceVersion } from '../lib/io.ts';
import { governingLicence, type LicenceText } from '../licence-text.ts';
import type { CanonicalModel } from '../match.ts';
import { resolveLab, resolveLicence, type ExtraModel, type Reference } from '../reference.ts';
import type { TableRow } from '../../lib/tables/index.ts';

/** The Artificial Analysis models-page columns this step reads, decoded and checked by the scraper's own schema. */
export const aaModelCells = csvRowCodec(aaPageModelRow.pick({ name: true, short_name: true, slug: true, creator_name: true, creator_slug: true, creator_country: true, release_date: true, deprecated: true, reasoning_model: true, open_weights: true, licence_name: true, licence_url: true, commercial_use_allowed: true, huggingface_url: true, openness_index: true, intelligence_index: true, coding_index: true, agentic_index: true, total_parameters: true, active_parameters: true, price_input_usd_per_1m: true, price_output_usd_per_1m: true, median_output_tokens_per_second: true }));
export type AaModel = z.infer<typeof aaModelCells>;

/** Evidence about one model from a source other than AA, keyed by model id. */
export interface OpennessEvidence {
  /** The Epoch AI notable-models row the Epoch fields come from. */
  epochModel?: string | null;
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
  /** Licence files captured from the model's repository (model-cards licence__ datasets). */
  licenceTexts?: LicenceText[];
  /** A Hugging Face repo id another source gives (OpenRouter's hugging_face_id), with where it came from. */
  otherRepo?: { repo: string; source: string } | null;
}


/** A row of models.csv: its contract is lib/tables/models.ts. */
export type ModelRow = TableRow<'models'>;

export interface ModelsBuild {
  rows: ModelRow[];
  /** Problems for the coverage report. */
  unknownLabs: string[];
  unknownLicences: string[];
  countryDisagreements: string[];
  /** Invalid repository ids a source gave (a GitHub URL where a Hugging Face repo belongs). */
  badRepos: string[];
  /** Parameter counts off by more than half from the size the model's name announces: a likely source error. */
  sizeContradictions: string[];
}

/**
 * The size a model's name announces ("DeepSeek LLM 67B Chat" → 67e9), for a sanity check only:
 * names round (Qwen3 0.6B has 752M weights with embeddings), so only gross contradictions count.
 */
export function sizeInName(name: string): number | null {
  const m = /(?:^|[\s_(-])(\d{1,4}(?:\.\d{1,2})?)([BT])(?=$|[\s_),-])/.exec(name);
  return m ? Number(m[1]) * (m[2] === 'T' ? 1e12 : 1e9) : null;
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

/** The canonical models and the names they go by, for entity resolution: every AA model, then the reviewed extra models. */
export function canonicalModels(aaVersions: SourceVersion<AaModel>[], extras: ExtraModel[] = []): CanonicalModel[] {
  return [
    ...[...latestAaRows(aaVersions)].map(([id, { row }]) => ({
      model_id: id,
      names: [row.name, ...(row.short_name ? [row.short_name] : []), ...(row.huggingface_url ? [row.huggingface_url.split('/').pop()!] : [])],
    })),
    ...extras.map((m) => ({ model_id: m.model_id, names: [m.name, m.source_name] })),
  ];
}

/** A Hugging Face repository id: owner and name, nothing else (no scheme, host, branch or file path). */
export const HF_REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * "https://huggingface.co/moonshotai/Kimi-K2.6" → "moonshotai/Kimi-K2.6". Anything that is not a
 * Hugging Face model URL or repo id (a GitHub URL, a collection, a blob path) gives null: a repo
 * column that sometimes holds GitHub URLs cannot be joined on.
 */
export function huggingfaceRepo(url: string | null | undefined): string | null {
  if (!url) return null;
  // A link to the repository's file tree or a file in it names the repository too.
  const id = url.trim().replace(/^https?:\/\/(www\.)?huggingface\.co\//i, '').replace(/\/(tree|blob|resolve)\/.*$/, '').replace(/\/+$/, '');
  return HF_REPO_ID.test(id) ? id : null;
}

/**
 * extraAsOf: for each source an extra model stands for ("epoch eci", "lmarena"), the as_of of its
 * newest capture, which dates the extra rows. Without it (a test of AA rows alone) no extra rows are built.
 */
export function buildModels(aaVersions: SourceVersion<AaModel>[], ref: Reference, evidence: Map<string, OpennessEvidence> = new Map(), extraAsOf?: Record<string, string>): ModelsBuild {
  const latest = latestAaRows(aaVersions);
  const unknownLabs = new Set<string>();
  const unknownLicences = new Set<string>();
  const countryDisagreements = new Set<string>();
  const badRepos = new Set<string>();
  const sizeContradictions = new Set<string>();
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
    const lic = decideLicence(ref, slug, lab?.lab_id ?? null, weights, row, ev.licenceTexts ?? [], unknownLicences);
    const repo = huggingfaceRepo(row.huggingface_url);
    if (row.huggingface_url && !repo) badRepos.add(`${slug}: Artificial Analysis huggingface_url "${row.huggingface_url}" is not a Hugging Face repo id${ev.otherRepo ? `; ${ev.otherRepo.source} gives ${ev.otherRepo.repo}` : ''}`);
    const repoPick = repo ? { repo, source: 'artificialanalysis huggingface_url' } : weights && ev.otherRepo && HF_REPO_ID.test(ev.otherRepo.repo) ? ev.otherRepo : null;
    const code = trainingCode(ref, slug, Boolean(os), ev.epochTrainingCode ?? null);
    const restated = ref.parameterCounts.get(slug);
    const total = restated?.total_parameters ?? row.total_parameters ?? ev.cardTotalParameters ?? null;
    const active = restated ? restated.active_parameters : row.active_parameters ?? ev.cardActiveParameters ?? null;
    const paramsSource = restated
      ? `data/reference/parameter_counts.csv (${restated.evidence_url})${row.total_parameters !== null && row.total_parameters !== restated.total_parameters ? `; Artificial Analysis says ${row.total_parameters}` : ''}`
      : row.total_parameters !== null ? 'artificialanalysis' : ev.cardTotalParameters ? (ev.cardSource ?? 'model card') : null;
    const named = sizeInName(row.name);
    if (total && named && Math.abs(total - named) / Math.max(total, named) > 0.5) sizeContradictions.add(`${slug}: "${row.name}" names ${named / 1e9}B, ${paramsSource} gives ${total} parameters`);
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
      training_code_released: code.released,
      training_code_basis: code.basis,
      training_data_released: os ? true : null,
      aa_open_weights: row.open_weights,
      aa_openness_index: row.openness_index === null ? null : Math.round(row.openness_index * 10) / 10,
      epoch_model: ev.epochModel ?? null,
      epoch_accessibility: ev.epochAccessibility ?? null,
      models_dev_open_weights: ev.modelsDevOpenWeights ?? null,
      openness_disagreement: disagreements.length ? `${disagreements.join('; ')}; Artificial Analysis wins (it tracks current releases)` : null,
      licence_id: lic.id,
      licence_name_in_source: weights ? row.licence_name : null,
      licence_restrictiveness: lic.restrictiveness,
      commercial_use: lic.commercialUse,
      licence_source: lic.source,
      licence_url: lic.url,
      licence_disagreement: lic.disagreements.length ? lic.disagreements.join('; ') : null,
      huggingface_repo: repoPick?.repo ?? null,
      huggingface_repo_source: repoPick?.source ?? null,
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
  for (const m of extraAsOf ? ref.extraModels : []) {
    if (latest.has(m.model_id)) throw new Error(`data/reference/extra_models.csv: "${m.model_id}" is now listed by Artificial Analysis: delete the extra row (and alias "${m.source_name}" to it if the names differ)`);
    const asOf = extraAsOf![m.source];
    if (!asOf) throw new Error(`data/reference/extra_models.csv: "${m.model_id}" stands for a ${m.source} row, but no ${m.source} capture was read`);
    rows.push(extraModel(ref, m, evidence.get(m.model_id) ?? {}, asOf));
  }
  rows.sort((a, b) => a.model_id.localeCompare(b.model_id));
  return { rows, unknownLabs: [...unknownLabs].sort(), unknownLicences: [...unknownLicences].sort(), countryDisagreements: [...countryDisagreements].sort(), badRepos: [...badRepos].sort(), sizeContradictions: [...sizeContradictions].sort() };
}

/** A models.csv row for a model Artificial Analysis never listed, from data/reference/extra_models.csv. */
function extraModel(ref: Reference, m: ExtraModel, ev: OpennessEvidence, asOf: string): ModelRow {
  const lab = ref.labs.get(m.lab_id)!;
  const total = m.total_parameters ?? ev.cardTotalParameters ?? null;
  const code = trainingCode(ref, m.model_id, false, ev.epochTrainingCode ?? null);
  return {
    model_id: m.model_id, name: m.name, family: modelFamily(m.name), lab_id: lab.lab_id, lab_name: lab.name,
    country: lab.country, country_group: countryGroup(lab.country), release_date: m.release_date,
    openness: m.open_weights ? 'open-weight' : 'closed',
    openness_decided_by: `data/reference/extra_models.csv (${m.source} "${m.source_name}")`,
    weights_downloadable: m.open_weights, training_code_released: code.released, training_code_basis: code.basis, training_data_released: null,
    aa_open_weights: null, aa_openness_index: null, epoch_model: ev.epochModel ?? null, epoch_accessibility: ev.epochAccessibility ?? null, models_dev_open_weights: ev.modelsDevOpenWeights ?? null,
    openness_disagreement: null,
    licence_id: null, licence_name_in_source: null, licence_restrictiveness: null, commercial_use: null, licence_source: null, licence_url: null, licence_disagreement: null,
    huggingface_repo: null, huggingface_repo_source: null,
    total_parameters: total, active_parameters: null, parameters_source: m.total_parameters ? 'data/reference/extra_models.csv' : null,
    native_precision: null, native_precision_source: null,
    parameters_kept_16bit: null,
    memory_gb_16bit: total ? weightMemory(total, 16) : null, memory_gb_8bit: total ? weightMemory(total, 8) : null, memory_gb_4bit: total ? weightMemory(total, 4) : null, memory_gb_native: null,
    source: 'reference', source_dataset: 'extra_models', source_as_of: asOf,
  };
}

interface LicenceDecision { id: string | null; restrictiveness: ModelRow['licence_restrictiveness']; commercialUse: ModelRow['commercial_use']; source: string | null; url: string | null; disagreements: string[] }

const yesNo = (b: boolean | null) => (b === null ? null : b ? 'yes' : 'no');

/**
 * Licence id, restrictiveness and commercial use, from the strongest evidence there is: the
 * licence file captured from the model's repository, then Artificial Analysis's licence name and
 * commercial flag, then the licences.csv row (which only ever speaks for the text it links).
 * Weaker evidence that disagrees is recorded, never overwritten and never overwriting.
 */
function decideLicence(ref: Reference, modelId: string, labId: string | null, weights: boolean, row: AaModel, texts: LicenceText[], unknown: Set<string>): LicenceDecision {
  const ctx = { labId, modelId };
  const aaCommercial = yesNo(row.commercial_use_allowed);
  if (!weights) return { id: null, restrictiveness: null, commercialUse: aaCommercial, source: null, url: null, disagreements: [] };
  const text = governingLicence(texts);
  const textId = text ? resolveLicence(ref, text.family, { source: 'model-cards', ...ctx }) : null;
  if (text && !textId) unknown.add(`"${text.family}" read from ${text.documentUrl} (${text.capture}; lab ${labId}, model ${modelId})`);
  const aaId = resolveLicence(ref, row.licence_name, { source: 'artificialanalysis', ...ctx });
  if (row.licence_name && !aaId) unknown.add(`"${row.licence_name}" (artificialanalysis; lab ${labId}, model ${modelId})`);
  const id = textId ?? aaId;
  const licence = id ? ref.licences.get(id)! : null;
  const tableCommercial = licence && licence.commercial_use !== 'unknown' ? licence.commercial_use : null;
  const commercialUse = text?.commercialUse ?? aaCommercial ?? tableCommercial ?? (licence ? 'unknown' : null);
  const restrictiveness = text?.restrictiveness ?? licence?.restrictiveness ?? null;
  const who = text ? `the licence text (${text.capture})` : aaCommercial ? 'Artificial Analysis commercial_use_allowed' : 'licences.csv';
  const d: string[] = [];
  if (text && row.licence_name && aaId !== textId) d.push(`Artificial Analysis names "${row.licence_name}"${aaId ? ` (${aaId})` : ''}; the licence text (${text.documentUrl}, ${text.capture}) is ${textId ?? `"${text.family}"`}, which wins`);
  if (text && aaCommercial && aaCommercial !== text.commercialUse) d.push(`Artificial Analysis commercial_use_allowed=${row.commercial_use_allowed}; the licence text says commercial use ${text.commercialUse}, which wins`);
  if (tableCommercial && tableCommercial !== commercialUse) d.push(`licences.csv (${id}) says commercial use ${tableCommercial}; ${who} says ${commercialUse}, which wins`);
  if (text && licence && licence.restrictiveness !== 'unknown' && licence.restrictiveness !== text.restrictiveness) d.push(`licences.csv (${id}) says ${licence.restrictiveness}; the text's clauses read ${text.restrictiveness}, which wins`);
  return {
    id, restrictiveness, commercialUse, disagreements: d,
    source: text ? `${text.capture} (licence_family "${text.family}")` : aaId ? `artificialanalysis licence_name "${row.licence_name}"` : null,
    url: text?.documentUrl ?? row.licence_url ?? null,
  };
}

/**
 * Training code: released for the fully open models of the reference file; otherwise Epoch's
 * training-code field, unless a reviewed reading (data/reference/training_code.csv) says the code it
 * points at does not train the model (fine-tuning recipes, inference code).
 */
function trainingCode(ref: Reference, modelId: string, openSource: boolean, epoch: string | null): { released: boolean | null; basis: string | null } {
  if (openSource) return { released: true, basis: 'data/reference/open_source_models.csv' };
  const reviewed = ref.trainingCode.get(modelId);
  if (reviewed) return { released: reviewed.training_code_released, basis: `data/reference/training_code.csv: ${reviewed.code_released} (${reviewed.evidence_url})${epoch ? `; Epoch says "${epoch}"` : ''}` };
  if (!epoch) return { released: null, basis: null };
  return { released: /^open/i.test(epoch), basis: `Epoch training_code_accessibility "${epoch}"` };
}

