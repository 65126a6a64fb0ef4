/**
 * Does a source's row describe the same model version as the canonical row it joined? A name
 * match can merge two versions ("Qwen2.5-VL-72B-Instruct" into the text-only Qwen2.5 72B,
 * "gemini-exp-1206" into Gemini 2.0 Flash two months later). These checks compare what both
 * sides state independently of the name: release dates, modality, total parameters. They are
 * used to refuse family matches at build time, and by the tests over every matched pair.
 */
import { modelKey } from './match.ts';

export interface PairSide {
  name: string;
  /** ISO date, where the side states one. */
  releaseDate?: string | null;
  totalParameters?: number | null;
}

export interface PairLimits {
  /** Largest distance between two release dates that still describes one version. */
  maxDays: number;
  /** Largest relative difference between two total parameter counts (0.1 = 10%). */
  maxParamRatio: number;
}

/** Days, 90: a version and its re-dated API snapshot are weeks apart, two versions of a family months. */
export const PAIR_LIMITS: PairLimits = { maxDays: 90, maxParamRatio: 0.1 };

const MODALITY: [string, RegExp][] = [
  ['vision', /(^|-)(vl|vision|visual)(-|$)/],
  ['omni', /(^|-)omni(-|$)/],
  ['audio', /(^|-)(audio|realtime)(-|$)/],
];

/** Modalities a name announces ("Qwen2.5-VL-72B" → vision); a text model announces none. */
export function modalities(name: string): string[] {
  const key = modelKey(name);
  return MODALITY.filter(([, re]) => re.test(key)).map(([m]) => m);
}

/**
 * A full date written into a version id: "claude-3-opus-20240229", "gpt-4o-2024-05-13". Short forms
 * ("0528", "1206") are left alone: without a year they cannot be compared safely.
 */
export function dateInName(name: string): string | null {
  const m = /(?:^|[^0-9])(20[12][0-9])-?(0[1-9]|1[0-2])-?(0[1-9]|[12][0-9]|3[01])(?![0-9])/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 864e5;

/** What contradicts the pair, in words; empty when nothing does. */
export function pairContradictions(source: PairSide, model: PairSide, limits: PairLimits = PAIR_LIMITS): string[] {
  const out: string[] = [];
  const srcDate = source.releaseDate ?? dateInName(source.name);
  if (srcDate && model.releaseDate) {
    const d = daysBetween(srcDate, model.releaseDate);
    if (d > limits.maxDays) out.push(`released ${srcDate} vs ${model.releaseDate} (${Math.round(d)} days apart)`);
  }
  const a = modalities(source.name).join('+');
  const b = modalities(model.name).join('+');
  if (a !== b) out.push(`modality ${a || 'text'} vs ${b || 'text'}`);
  if (source.totalParameters && model.totalParameters) {
    const ratio = Math.abs(source.totalParameters - model.totalParameters) / Math.max(source.totalParameters, model.totalParameters);
    if (ratio > limits.maxParamRatio) out.push(`total parameters ${source.totalParameters} vs ${model.totalParameters} (${Math.round(ratio * 100)}% apart)`);
  }
  return out;
}
