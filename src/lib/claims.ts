/**
 * Every data-backed sentence of the article, with the predicate that must hold for it to be
 * printed. The page asks for a claim by id; if a refresh of the data falsifies it, the build
 * fails with the claim's text, so a sentence that stopped being true gets rewritten instead
 * of silently staying. The sentences live in src/lib/claims/, one module per step of the argument.
 */
import { ClaimFailed, type Claim } from './claims/claim.ts';
import { frontierClaims } from './claims/frontier.ts';
import { hostingClaims } from './claims/hosting.ts';
import { memoryClaims } from './claims/memory.ts';
import { opennessClaims } from './claims/openness.ts';
import { rankingClaims } from './claims/ranking.ts';
import { downloadsTakeaway } from './claims/takeaways.ts';
import { verifierClaims } from './claims/verifier.ts';

export { ClaimFailed, type Claim };

/** In the article's order: steps 1–2, 3–4, 5, 6, 7, 8. */
export function buildClaims(): Claim[] {
  return [...rankingClaims(), ...hostingClaims(), downloadsTakeaway(), ...verifierClaims(), ...opennessClaims(), ...memoryClaims(), ...frontierClaims()];
}

let cache: Map<string, Claim> | undefined;

/** The sentence for a claim id; throws ClaimFailed if the data no longer supports it. */
export function say(id: string): string {
  cache ??= new Map(buildClaims().map((c) => [c.id, c]));
  const c = cache.get(id);
  if (!c) throw new Error(`no claim "${id}" in src/lib/claims/`);
  if (!c.holds) {
    // REPORT_CLAIMS=warn is for builds on synthetic data (the benchmark's scaled inputs), never for the report.
    if (process.env.REPORT_CLAIMS === 'warn') {
      console.warn(new ClaimFailed(c).message);
      return c.text;
    }
    throw new ClaimFailed(c);
  }
  return c.text;
}
