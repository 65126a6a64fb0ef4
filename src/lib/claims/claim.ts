/** What a claim is, and the small helpers every step's sentences share. */
import { ordinalSuffix } from '../format.ts';

export interface Claim {
  id: string;
  /** The sentence as printed, numbers filled in from the data. */
  text: string;
  holds: boolean;
  /** What the predicate checks, for the error message. */
  rule: string;
}

export class ClaimFailed extends Error {
  constructor(claim: Claim) {
    super(`Claim "${claim.id}" is no longer supported by the data (${claim.rule}). It read: "${claim.text}" — rewrite the sentence for the new data.`);
    this.name = 'ClaimFailed';
  }
}

export const claim = (id: string, text: string, holds: boolean, rule: string): Claim => ({ id, text, holds, rule });

export const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const ordinal = ordinalSuffix;
