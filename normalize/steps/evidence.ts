/**
 * Evidence about each canonical model from sources other than Artificial Analysis, keyed by
 * model id: Epoch AI's accessibility and training-code fields, models.dev's open_weights flag
 * (a majority over the model's listings, because hosts set it inconsistently), and the
 * published config's native precision and the card's stated parameter counts, matched through
 * the Hugging Face repository.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { epochModelRow } from '../../lib/source-rows/epoch.ts';
import { cardRow, configRow, modelCardFormatOf } from '../../lib/source-rows/model-cards.ts';
import { listVersions, readVersion, type SourceVersion } from '../lib/io.ts';
import { licenceText, licenceTextCells } from '../licence-text.ts';
import type { ModelResolver } from '../match.ts';
import { pairContradictions, type PairSide } from '../pair-check.ts';
import type { OpennessEvidence } from './models.ts';
import type { EpochNotable } from './open-share.ts';

// The source columns this step reads, decoded and checked by each scraper's own schema.
export const epochEvidenceCells = csvRowCodec(epochModelRow.pick({ model: true, accessibility: true, training_code_accessibility: true, publication_date: true, parameters: true }));
const configCells = csvRowCodec(configRow.pick({ repo: true, quantization: true, torch_dtype: true }));
const cardCells = csvRowCodec(cardRow.pick({ repo: true, variant: true, total_parameters: true, active_parameters: true, total_parameters_span: true }));

/** config.json dtype spellings → the precision names models.csv uses. */
const DTYPES: Record<string, string> = { bfloat16: 'bf16', bf16: 'bf16', float16: 'fp16', fp16: 'fp16', fp8: 'fp8', float8: 'fp8', float8_e4m3fn: 'fp8' };

/** models.dev listings resolved to a model id: how many say open_weights true and false. */
export type OpenWeightsVotes = Map<string, { yes: number; no: number }>;

export function buildEvidence(opts: {
  epoch: SourceVersion<z.infer<typeof epochEvidenceCells>>;
  openWeightsVotes: OpenWeightsVotes;
  resolver: ModelResolver;
  sourcesDir: string;
  huggingfaceRepos: Map<string, string>;
  /** What the canonical side states about each model, to refuse an Epoch row that describes another version. */
  canonical?: Map<string, PairSide>;
  /** Refused joins, in the coverage report's words. */
  rejected?: Set<string>;
}): Map<string, OpennessEvidence> {
  const out = new Map<string, OpennessEvidence>();
  const get = (id: string) => out.get(id) ?? out.set(id, {}).get(id)!;
  for (const r of opts.epoch.rows) {
    const m = opts.resolver.peek('epoch', r.model);
    const model = m ? opts.canonical?.get(m.id) : undefined;
    // Epoch's notable table dates and sizes each model: a name match whose date or size contradicts is another version.
    const why = m && m.kind !== 'alias' && model ? pairContradictions({ name: r.model, releaseDate: r.publication_date ?? null, totalParameters: r.parameters ?? null }, model) : [];
    if (why.length) opts.rejected?.add(`epoch "${r.model}" → ${m!.id} (${m!.kind} match, notable-models evidence): ${why.join('; ')}`);
    const id = m && !why.length ? m.id : null;
    opts.resolver.record('epoch', r.model, id);
    if (!id) continue;
    const e = get(id);
    e.epochModel ??= r.model;
    e.epochAccessibility ??= r.accessibility;
    e.epochTrainingCode ??= r.training_code_accessibility;
  }
  for (const [id, v] of opts.openWeightsVotes) {
    if (v.yes + v.no === 0) continue;
    get(id).modelsDevOpenWeights = v.yes >= v.no;
  }
  // Model cards and configs: one dataset per document, the newest version of each.
  const cardsDir = join(opts.sourcesDir, 'model-cards');
  const byRepo = new Map<string, string[]>();
  for (const [id, repo] of opts.huggingfaceRepos) (byRepo.get(repo.toLowerCase()) ?? byRepo.set(repo.toLowerCase(), []).get(repo.toLowerCase())!).push(id);
  if (existsSync(cardsDir)) {
    for (const dataset of readdirSync(cardsDir).sort()) {
      const latest = listVersions(opts.sourcesDir, 'model-cards', dataset).at(-1);
      if (!latest) continue;
      const format = modelCardFormatOf(dataset);
      // The scraper names each dataset by its format; a version whose sidecar says otherwise was not written by it.
      const read = <S extends z.ZodType>(cells: S) => {
        const v = readVersion(opts.sourcesDir, 'model-cards', dataset, latest, cells);
        if (v.meta.format !== undefined && v.meta.format !== format) throw new Error(`model-cards/${dataset}/${latest}.meta.json: format ${JSON.stringify(v.meta.format)}, but the dataset's name says ${format} (lib/source-rows/model-cards.ts MODEL_CARD_PREFIX) — a renamed or hand-made dataset`);
        return v;
      };
      if (format === 'model-config-json') {
        const v = read(configCells);
        for (const r of v.rows) {
          const precision = r.quantization ?? DTYPES[r.torch_dtype?.toLowerCase() ?? ''] ?? null;
          if (!precision) continue;
          for (const id of byRepo.get(r.repo.toLowerCase()) ?? []) {
            get(id).nativePrecision = precision;
            get(id).nativePrecisionSource = `model-cards/${dataset}/${latest} (config.json quantization)`;
          }
        }
      } else if (format === 'license-text') {
        const v = read(licenceTextCells);
        for (const r of v.rows) {
          const text = licenceText(r, dataset, latest);
          if (!text) continue;
          for (const id of byRepo.get(r.repo.toLowerCase()) ?? []) (get(id).licenceTexts ??= []).push(text);
        }
      } else if (format === 'model-card-md') {
        const v = read(cardCells);
        for (const r of v.rows) {
          if (r.variant || r.total_parameters === null) continue;
          for (const id of byRepo.get(r.repo.toLowerCase()) ?? []) {
            const e = get(id);
            e.cardTotalParameters ??= r.total_parameters;
            e.cardActiveParameters ??= r.active_parameters;
            e.cardSource ??= `model card ${r.repo} ("${r.total_parameters_span ?? ''}")`;
          }
        }
      }
    }
  }
  return out;
}


/**
 * Labs whose country in data/reference/labs.csv disagrees with Epoch AI's country of
 * organisation, with how many notable models say so: kept for the coverage report, never
 * silently resolved (a multi-country Epoch value that includes the lab's country agrees).
 */
export function epochCountryDisagreements(
  rows: (EpochNotable & { organization: string | null })[],
  labCountry: (org: string) => { labId: string; country: string } | null,
  toIso: (names: string | null, context: string) => string | null,
): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const org = r.organization?.split(',')[0]?.trim();
    if (!org || !r.country) continue;
    const lab = labCountry(org);
    const iso = toIso(r.country, `epoch notable: ${r.model}`);
    if (!lab || !iso) continue;
    const labCodes = lab.country.split(';');
    if (iso.split(';').some((c) => labCodes.includes(c))) continue;
    const key = `${lab.labId}: labs.csv says ${lab.country}, Epoch AI says ${iso}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} (${n} notable model${n > 1 ? 's' : ''})`);
}
