/** An index of the versioned source CSVs, read from their provenance sidecars (for the methodology and data pages). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './tables.ts';

export interface SourceVersionInfo {
  source: string;
  source_name: string;
  dataset: string;
  as_of: string;
  rows: number;
  live_url: string;
  licence: string;
  citation: string;
  copied_from?: { repo: string; commit: string };
  notes?: string;
}

export function sourceVersions(): SourceVersionInfo[] {
  const root = join(DATA_DIR, 'sources');
  if (!existsSync(root)) return [];
  const out: SourceVersionInfo[] = [];
  for (const source of readdirSync(root).sort()) {
    for (const dataset of readdirSync(join(root, source)).sort()) {
      const dir = join(root, source, dataset);
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.meta.json')).sort()) {
        out.push(JSON.parse(readFileSync(join(dir, f), 'utf8')) as SourceVersionInfo);
      }
    }
  }
  return out;
}

/** One line per (source, dataset): how many versions, the date range and the latest row count. */
export function sourceSummary(): { source: string; source_name: string; dataset: string; versions: number; first: string; last: string; rows: number; licence: string; live_url: string; third_party_copy: boolean }[] {
  const groups = new Map<string, SourceVersionInfo[]>();
  for (const v of sourceVersions()) {
    const key = `${v.source}/${v.dataset}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(v);
  }
  return [...groups.values()].map((vs) => {
    const last = vs.at(-1)!;
    return { source: last.source, source_name: last.source_name, dataset: last.dataset, versions: vs.length, first: vs[0]!.as_of, last: last.as_of, rows: last.rows, licence: last.licence, live_url: last.live_url, third_party_copy: Boolean(last.copied_from) };
  });
}
