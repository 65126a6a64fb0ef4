/**
 * The data version and the per-file facts of datapackage.json, computed from the published
 * files themselves once they are written. Deterministic on purpose: re-running normalize on the
 * same inputs gives the same version and a byte-identical datapackage.json, so `created` is the
 * newest as-of date of the data (when the data was current), not the wall-clock time of the run.
 *
 * Data version: `YYYY.MM.DD-xxxxxxx`, the newest as_of of any published row, then the first 7
 * hex digits of a SHA-256 over every published table (name and SHA-256 of its bytes, in
 * datapackage order). Same tables, same version; any changed byte, a new version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Release, TableSpec } from './schema.ts';

/** Columns that date a row's source version. */
const AS_OF_FIELDS = ['as_of', 'source_as_of'];

export interface ReleaseDirs { outDir: string; referenceDir: string }

/** Where a resource's file is: reference tables live in the reference folder, the rest in outDir. */
export function resourceFile(spec: TableSpec, dirs: ReleaseDirs): string {
  return spec.path.startsWith('reference/') ? join(dirs.referenceDir, spec.path.slice('reference/'.length)) : join(dirs.outDir, spec.path);
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The newest ISO date in any as_of / source_as_of column of the given CSV texts. */
export function newestAsOf(csvTexts: string[]): string {
  let newest = '';
  for (const text of csvTexts) {
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      for (const f of AS_OF_FIELDS) {
        const d = row[f];
        if (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && d > newest) newest = d;
      }
    }
  }
  return newest;
}

export function dataVersion(asOf: string, files: { name: string; hash: string }[]): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`data version: no as_of date in the published tables (got "${asOf}")`);
  const digest = sha256(files.map((f) => `${f.name} ${f.hash}\n`).join(''));
  return `${asOf.replaceAll('-', '.')}-${digest.slice(0, 7)}`;
}

/**
 * Reads every published file and returns what datapackage.json needs about this release.
 * `staged` holds outputs not yet on disk (normalize publishes every file together, so the
 * tables are hashed from the contents about to be published, keyed by their path under outDir).
 */
export function release(specs: TableSpec[], dirs: ReleaseDirs, homepage: string, staged: ReadonlyMap<string, string> = new Map()): Release {
  const files: Release['files'] = {};
  const texts: string[] = [];
  for (const spec of specs) {
    const path = resourceFile(spec, dirs);
    let bytes: Buffer;
    try {
      const pending = staged.get(spec.path);
      bytes = pending !== undefined ? Buffer.from(pending, 'utf8') : readFileSync(path);
    } catch (err) {
      throw new Error(`datapackage: cannot read ${path} for resource ${spec.name} (${(err as Error).message})`);
    }
    files[spec.name] = { bytes: bytes.length, hash: `sha256:${sha256(bytes)}` };
    if (spec.fields.some((f) => AS_OF_FIELDS.includes(f.name))) texts.push(bytes.toString('utf8'));
  }
  const asOf = newestAsOf(texts);
  const version = dataVersion(asOf, specs.map((s) => ({ name: s.name, hash: files[s.name]!.hash })));
  return { version, created: `${asOf}T00:00:00Z`, homepage, files };
}
