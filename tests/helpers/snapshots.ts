/**
 * Replay tests read the real captures in ../shared/snapshots. A fork without that folder
 * skips them with a message saying why; the rest of the suite still runs.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { readManifest, type ManifestEntry } from '../../scrapers/lib/transport.ts';

export const SNAPSHOTS_DIR = resolve(process.env.SNAPSHOTS_DIR ?? join(import.meta.dirname, '../../../shared/snapshots'));
export const HAS_SNAPSHOTS = existsSync(join(SNAPSHOTS_DIR, 'manifest.json'));
export const SKIP_REASON = `replay tests skipped: no captured snapshots at ${SNAPSHOTS_DIR} (they live in ../shared/snapshots beside the repo; set SNAPSHOTS_DIR to point elsewhere)`;

if (!HAS_SNAPSHOTS && !(globalThis as { __warnedSnapshots?: boolean }).__warnedSnapshots) {
  (globalThis as { __warnedSnapshots?: boolean }).__warnedSnapshots = true;
  console.warn(SKIP_REASON);
}

/** describe() that runs only where the captures exist; its name carries the skip reason otherwise. */
export const describeReplay = (name: string, fn: () => void) =>
  HAS_SNAPSHOTS ? describe(name, fn) : describe.skip(`${name} — ${SKIP_REASON}`, fn);

export function manifestEntries(filter: Partial<Pick<ManifestEntry, 'source' | 'format' | 'dataset'>> = {}): ManifestEntry[] {
  if (!HAS_SNAPSHOTS) return [];
  return readManifest(SNAPSHOTS_DIR).filter((e) =>
    (!filter.source || e.source === filter.source) &&
    (!filter.format || e.format === filter.format) &&
    (!filter.dataset || e.dataset === filter.dataset));
}

export const snapshotPath = (file: string) => join(SNAPSHOTS_DIR, file);
