/** What a claim is, and the small helpers every step's sentences share. */
import { ordinalSuffix } from '../format.ts';

/** A number (or name) a sentence is built on, with the date of the data it comes from. */
export interface ClaimInput {
  name: string;
  value: number | string;
  /** The as-of date of the data (a snapshot, a capture, a release date); null where the input is not dated data. */
  date: string | null;
}

export interface Claim {
  id: string;
  /** The sentence as printed, numbers filled in from the data. */
  text: string;
  holds: boolean;
  /** What the predicate checks, for the error message. */
  rule: string;
  /** The numbers the sentence uses, with their dates: data/reports/claims.md lists them. */
  inputs: ClaimInput[];
  /** What a refresh of the data would have to show for the sentence to become false. */
  falsifiedBy: string;
}

export class ClaimFailed extends Error {
  constructor(claim: Claim) {
    super(`Claim "${claim.id}" is no longer supported by the data (${claim.rule}). It read: "${claim.text}" — rewrite the sentence for the new data.`);
    this.name = 'ClaimFailed';
  }
}

export interface ClaimDetail { inputs?: ClaimInput[]; falsifiedBy?: string }

/** A claim. Without `falsifiedBy`, the report says the negation of the rule (say it better where you can). */
export const claim = (id: string, text: string, holds: boolean, rule: string, detail: ClaimDetail = {}): Claim => ({
  id, text, holds, rule, inputs: detail.inputs ?? [], falsifiedBy: detail.falsifiedBy ?? `a refresh in which it is no longer true that ${rule}`,
});

/** Shorthand for a dated input. */
export const input = (name: string, value: number | string, date: string | null = null): ClaimInput => ({ name, value, date });

export const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const ordinal = ordinalSuffix;
