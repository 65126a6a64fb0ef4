/**
 * Licence terms read from the licence file shipped with the weights (captured by the
 * model-cards scraper as `licence__<repo>[__<file>]` datasets), not from a catalogue's label.
 * The scraper has already reduced each text to its family and clause flags; this module only
 * turns those flags into this project's classes and picks which captured document governs the
 * weights. It reads no free text, so it runs no pattern over untrusted input.
 */
import { z } from 'zod';
import { csvRowCodec } from '../lib/source-rows/codec.ts';
import { licenceRow } from '../lib/source-rows/model-cards.ts';
import type { LicenceRestrictiveness } from '../lib/tables/enums.ts';

/** The licence-file columns read here, decoded and checked by the model-cards scraper's own schema. */
export const licenceTextCells = csvRowCodec(licenceRow.pick({ repo: true, repo_host: true, document_url: true, licence_family: true, mau_threshold: true, revenue_threshold_usd: true, attribution_display: true, region_exclusion: true, use_policy_reference: true, non_commercial: true }));
export type LicenceTextRow = z.infer<typeof licenceTextCells>;

/** A licence text always reads as one of the kinds; 'unknown' is for licences nobody has read. */
export type Restrictiveness = Exclude<LicenceRestrictiveness, 'unknown'>;

export interface LicenceText {
  repo: string;
  /** The family the scraper recognised in the text ("Modified MIT", "MiniMax Model License"). */
  family: string;
  documentUrl: string;
  /** model-cards/<dataset>/<as_of>: the capture the terms were read from. */
  capture: string;
  asOf: string;
  restrictiveness: Restrictiveness;
  commercialUse: 'yes' | 'no';
  /** A LICENSE-MODEL file governs the weights where a repository ships both it and a code LICENSE. */
  governsWeights: boolean;
}

/**
 * The class a licence's clauses put it in, most restrictive first: no commercial use; a use
 * policy or excluded regions; a duty (display the name, thresholds) on otherwise free terms; none.
 */
export function classifyClauses(r: LicenceTextRow): { restrictiveness: Restrictiveness; commercialUse: 'yes' | 'no' } {
  if (r.non_commercial) return { restrictiveness: 'non-commercial', commercialUse: 'no' };
  if (r.use_policy_reference || r.region_exclusion) return { restrictiveness: 'restricted', commercialUse: 'yes' };
  if (r.attribution_display || r.mau_threshold || r.revenue_threshold_usd) return { restrictiveness: 'conditional', commercialUse: 'yes' };
  return { restrictiveness: 'permissive', commercialUse: 'yes' };
}

export function licenceText(r: LicenceTextRow, dataset: string, asOf: string): LicenceText | null {
  // A document whose family the scraper could not recognise (a usage policy, a README) is not a licence;
  // a GitHub code repository's LICENSE covers the code, not the weights published on Hugging Face.
  if (!r.licence_family || r.repo_host !== 'huggingface') return null;
  return {
    repo: r.repo, family: r.licence_family, documentUrl: r.document_url, capture: `model-cards/${dataset}/${asOf}`, asOf,
    ...classifyClauses(r),
    governsWeights: /license-model$/i.test(dataset) || /\/LICENSE-MODEL$/i.test(r.document_url),
  };
}

/** The document that governs a repository's weights now: a LICENSE-MODEL over a LICENSE, then the newest capture. */
export function governingLicence(docs: LicenceText[]): LicenceText | null {
  return [...docs].sort((a, b) => Number(b.governsWeights) - Number(a.governsWeights) || b.asOf.localeCompare(a.asOf))[0] ?? null;
}
