/**
 * The record of what the article said at each data version: every claim's sentence (and whether
 * its rule held) and a hash of every figure's CSV. tools/record-claims.ts appends to
 * data/reports/claims-history.json at build time; the "what changed" page and the refresh pull
 * request read it and compare consecutive versions: which figures and which sentences changed.
 */
import { createHash } from 'node:crypto';

export interface VersionRecord {
  version: string;
  /** Newest as-of date of the data (YYYY-MM-DD). */
  as_of: string;
  claims: Record<string, { text: string; holds: boolean; rule?: string }>;
  /** Figure id → title and the first 16 hex digits of the SHA-256 of its CSV. */
  figures: Record<string, { title: string; csv_sha256: string }>;
}

export interface ClaimsHistory { versions: VersionRecord[] }

export const csvDigest = (csv: string) => createHash('sha256').update(csv).digest('hex').slice(0, 16);

/**
 * Adds a version's record. The same version recorded again replaces its entry (the code that
 * words the sentences may have changed while the data did not); a new version is appended.
 */
export function recordVersion(history: ClaimsHistory, rec: VersionRecord): ClaimsHistory {
  const versions = history.versions.filter((v) => v.version !== rec.version);
  return { versions: [...versions, rec] };
}

export interface VersionChanges {
  version: string;
  as_of: string;
  previous: string | null;
  figures: { id: string; title: string; change: 'added' | 'removed' | 'data changed' }[];
  claims: { id: string; before: string | null; after: string | null; holds: boolean }[];
}

/** What changed from the version before (null for the first recorded version). */
export function changesOf(prev: VersionRecord | null, next: VersionRecord): VersionChanges {
  const figures: VersionChanges['figures'] = [];
  const claims: VersionChanges['claims'] = [];
  if (prev) {
    for (const [id, f] of Object.entries(next.figures)) {
      const before = prev.figures[id];
      if (!before) figures.push({ id, title: f.title, change: 'added' });
      else if (before.csv_sha256 !== f.csv_sha256) figures.push({ id, title: f.title, change: 'data changed' });
    }
    for (const [id, f] of Object.entries(prev.figures)) if (!next.figures[id]) figures.push({ id, title: f.title, change: 'removed' });
    for (const [id, c] of Object.entries(next.claims)) {
      const before = prev.claims[id]?.text ?? null;
      if (before !== c.text) claims.push({ id, before, after: c.text, holds: c.holds });
    }
    for (const [id, c] of Object.entries(prev.claims)) if (!next.claims[id]) claims.push({ id, before: c.text, after: null, holds: true });
  }
  return { version: next.version, as_of: next.as_of, previous: prev?.version ?? null, figures, claims };
}

/** Every version's changes, newest first. */
export function allChanges(history: ClaimsHistory): VersionChanges[] {
  return history.versions.map((v, i) => changesOf(history.versions[i - 1] ?? null, v)).reverse();
}
