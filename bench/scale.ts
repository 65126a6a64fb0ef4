/**
 * Synthetic inputs for the scaling runs: a copy of data/sources in which the newest capture of
 * each multiplied dataset holds F times its rows. Copy k (k = 1 … F−1) of a row gets "-x<k>"
 * appended to the columns that name the model, so every row stays unique and resolves like a
 * new model (an AA slug "foo-x3" and an LMArena name "foo-x3" still match each other). Older
 * captures and the other datasets are copied as they are. Written only to a temp dir.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** dataset → the columns that identify a model in it. */
export const MULTIPLIED: readonly { source: string; dataset: string; idColumns: string[] }[] = [
  { source: 'artificialanalysis', dataset: 'models', idColumns: ['model_id', 'name', 'short_name', 'slug'] },
  { source: 'artificialanalysis', dataset: 'providers', idColumns: ['model', 'api_id'] },
  { source: 'lmarena', dataset: 'text-style-control', idColumns: ['model'] },
  { source: 'lmarena', dataset: 'text-raw', idColumns: ['model'] },
  { source: 'lmarena', dataset: 'text-raw-fboulnois', idColumns: ['model'] },
  { source: 'lmarena', dataset: 'arena-top', idColumns: ['model'] },
  { source: 'lmarena', dataset: 'text-history', idColumns: ['model'] },
  { source: 'epoch', dataset: 'notable', idColumns: ['model'] },
  { source: 'epoch', dataset: 'eci', idColumns: ['model_version', 'model_name', 'display_name'] },
  { source: 'models-dev', dataset: 'api', idColumns: ['model_id', 'name'] },
  { source: 'openrouter', dataset: 'models', idColumns: ['id', 'canonical_slug', 'name'] },
];

/** reference tables keyed by model: their rows are multiplied the same way, so copies resolve like the originals. */
export const MULTIPLIED_REFERENCE: readonly { file: string; idColumns: string[] }[] = [
  { file: 'model_aliases.csv', idColumns: ['name', 'model_id'] },
  { file: 'open_source_models.csv', idColumns: ['model_id'] },
  { file: 'extra_models.csv', idColumns: ['model_id', 'name', 'source_name'] },
  { file: 'training_code.csv', idColumns: ['model_id'] },
  { file: 'parameter_counts.csv', idColumns: ['model_id'] },
  { file: 'training_disclosure.csv', idColumns: ['model_id'] },
];

const VERSION = /^\d{4}-\d{2}-\d{2}\.csv$/;

export interface ScaleStats {
  factor: number;
  /** rows in the newest captures that were multiplied, before → after */
  latestRowsBase: number;
  latestRows: number;
  /** rows in every source CSV of the copy (all captures, all datasets) */
  allSourceRows: number;
  sourceBytes: number;
  skipped: string[];
}

function csvRows(file: string): number {
  const text = readFileSync(file, 'utf8');
  return (parse(text, { columns: false, bom: true, relax_column_count: true }) as unknown[]).length - 1;
}

function walkCsv(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walkCsv(p, out);
    else if (VERSION.test(e.name)) out.push(p);
  }
  return out;
}

export function countSources(dir: string): { rows: number; bytes: number } {
  let rows = 0;
  let bytes = 0;
  for (const f of walkCsv(dir)) { rows += csvRows(f); bytes += statSync(f).size; }
  return { rows, bytes };
}

function multiplyCsv(file: string, idColumns: readonly string[], factor: number): { base: number; idsFound: boolean } {
  const [header, ...rows] = parse(readFileSync(file, 'utf8'), { columns: false, bom: true }) as string[][];
  const idx = idColumns.map((c) => header!.indexOf(c)).filter((i) => i >= 0);
  if (!idx.length) return { base: rows.length, idsFound: false };
  const out: string[][] = [header!, ...rows];
  for (let k = 1; k < factor; k++) {
    for (const row of rows) {
      const copy = row.slice();
      for (const i of idx) if (copy[i]) copy[i] = `${copy[i]}-x${k}`;
      out.push(copy);
    }
  }
  writeFileSync(file, stringify(out, { record_delimiter: '\n' }));
  return { base: rows.length, idsFound: true };
}

/** A copy of data/reference whose model-keyed tables are multiplied like the sources. */
export function makeScaledReference(baseReference: string, outReference: string, factor: number): string[] {
  cpSync(baseReference, outReference, { recursive: true });
  const skipped: string[] = [];
  for (const spec of MULTIPLIED_REFERENCE) {
    const file = join(outReference, spec.file);
    if (!existsSync(file)) { skipped.push(`reference/${spec.file} (missing)`); continue; }
    if (!multiplyCsv(file, spec.idColumns, factor).idsFound) skipped.push(`reference/${spec.file} (none of ${spec.idColumns.join(', ')})`);
  }
  return skipped;
}

export function makeScaledSources(baseSources: string, outSources: string, factor: number): ScaleStats {
  cpSync(baseSources, outSources, { recursive: true });
  let latestRowsBase = 0;
  let latestRows = 0;
  const skipped: string[] = [];
  for (const spec of MULTIPLIED) {
    const dir = join(outSources, spec.source, spec.dataset);
    const latest = existsSync(dir) ? readdirSync(dir).filter((f) => VERSION.test(f)).sort().at(-1) : undefined;
    if (!latest) { skipped.push(`${spec.source}/${spec.dataset} (no capture)`); continue; }
    const file = join(dir, latest);
    const { base, idsFound } = multiplyCsv(file, spec.idColumns, factor);
    if (!idsFound) { skipped.push(`${spec.source}/${spec.dataset} (none of ${spec.idColumns.join(', ')})`); continue; }
    const metaFile = file.replace(/\.csv$/, '.meta.json');
    if (existsSync(metaFile)) {
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
      meta.rows = base * factor;
      meta.synthetic = `benchmark: rows multiplied ${factor}x with suffixed model names; not real data`;
      writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
    }
    latestRowsBase += base;
    latestRows += base * factor;
  }
  const all = countSources(outSources);
  return { factor, latestRowsBase, latestRows, allSourceRows: all.rows, sourceBytes: all.bytes, skipped };
}

/** Row counts of the published tables that normalize wrote into outDir. */
export function tableRows(outDir: string): Record<string, number> {
  const res: Record<string, number> = {};
  for (const f of readdirSync(outDir).filter((n) => n.endsWith('.csv')).sort()) res[f.replace(/\.csv$/, '')] = csvRows(join(outDir, f));
  return res;
}
