/**
 * What changed between two versions of a source dataset: rows added, removed, and changed
 * (with old and new values). Rows are matched by a key: the fewest leading columns that are
 * unique in both versions (the model name, or provider + model, ...).
 *
 *   npm run diff -- SOURCE DATASET DATE_A DATE_B [--json]
 */
import { parse } from 'csv-parse/sync';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listVersions } from './lib/io.ts';

export interface RowChange { key: string; field: string; before: string; after: string }
export interface DatasetDiff {
  source: string;
  dataset: string;
  from: string;
  to: string;
  keyColumns: string[];
  added: string[];
  removed: string[];
  changed: RowChange[];
  columnsAdded: string[];
  columnsRemoved: string[];
}

type Rows = Record<string, string>[];

/**
 * The version file, once source, dataset and date are each checked against what is listed under
 * the sources folder: names are compared with the folder's own entries (never joined as given),
 * so "..", an absolute path or a symlink cannot make the tool read a CSV elsewhere.
 */
export function versionFile(sourcesDir: string, source: string, dataset: string, asOf: string): string {
  const sources = readdirSafe(sourcesDir);
  if (!sources.includes(source)) throw new Error(`no source ${JSON.stringify(source)} under ${sourcesDir}; sources: ${sources.join(', ') || '(none)'}`);
  const datasets = readdirSafe(join(sourcesDir, source));
  if (!datasets.includes(dataset)) throw new Error(`no dataset ${JSON.stringify(dataset)} of ${source}; datasets: ${datasets.join(', ') || '(none)'}`);
  const known = listVersions(sourcesDir, source, dataset);
  if (!known.includes(asOf)) throw new Error(`no version ${JSON.stringify(asOf)} of ${source}/${dataset}; versions: ${known.join(', ') || '(none)'}`);
  const path = join(sourcesDir, source, dataset, `${asOf}.csv`);
  if (!lstatSync(path).isFile()) throw new Error(`${path} is not a regular file (a link?): refusing to read it`);
  return path;
}

function readRows(sourcesDir: string, source: string, dataset: string, asOf: string): { columns: string[]; rows: Rows } {
  const path = versionFile(sourcesDir, source, dataset, asOf);
  const records = parse(readFileSync(path), { bom: true }) as string[][];
  const [columns = [], ...body] = records;
  return { columns, rows: body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))) };
}

/**
 * The key that matches rows across versions: the first column alone if it identifies every row
 * of both versions, else the first column with one, then two, other columns (Epoch's "all"
 * table repeats model names across organisations and dates). All columns as a last resort.
 */
export function chooseKey(columns: string[], a: Rows, b: Rows): string[] {
  const unique = (key: string[], rows: Rows) => new Set(rows.map((r) => key.map((k) => r[k]).join('\u0000'))).size === rows.length;
  const works = (key: string[]) => unique(key, a) && unique(key, b);
  const [first, ...rest] = columns;
  if (first === undefined) return columns;
  if (works([first])) return [first];
  for (const c of rest) if (works([first, c])) return [first, c];
  for (let i = 0; i < rest.length; i++) for (let j = i + 1; j < rest.length; j++) if (works([first, rest[i]!, rest[j]!])) return [first, rest[i]!, rest[j]!];
  return columns;
}

export function diffRows(source: string, dataset: string, from: string, to: string, a: { columns: string[]; rows: Rows }, b: { columns: string[]; rows: Rows }): DatasetDiff {
  const shared = a.columns.filter((c) => b.columns.includes(c));
  const keyColumns = chooseKey(shared, a.rows, b.rows);
  // An opaque id (a UUID) says nothing to a reader: show the row's name beside it.
  const nameColumn = ['name', 'model', 'display_name'].find((c) => shared.includes(c) && !keyColumns.includes(c));
  const keyOf = (r: Record<string, string>) => keyColumns.map((k) => r[k]).join(' | ');
  const label = (key: string, r: Record<string, string>) => (nameColumn ? `${key} (${r[nameColumn]})` : key);
  const before = new Map(a.rows.map((r) => [keyOf(r), r]));
  const after = new Map(b.rows.map((r) => [keyOf(r), r]));
  const changed: RowChange[] = [];
  for (const [key, rb] of after) {
    const ra = before.get(key);
    if (!ra) continue;
    for (const field of shared) if (ra[field] !== rb[field]) changed.push({ key: label(key, rb), field, before: ra[field]!, after: rb[field]! });
  }
  return {
    source, dataset, from, to, keyColumns,
    added: [...after].filter(([k]) => !before.has(k)).map(([k, r]) => label(k, r)),
    removed: [...before].filter(([k]) => !after.has(k)).map(([k, r]) => label(k, r)),
    changed,
    columnsAdded: b.columns.filter((c) => !a.columns.includes(c)),
    columnsRemoved: a.columns.filter((c) => !b.columns.includes(c)),
  };
}

export function diffVersions(sourcesDir: string, source: string, dataset: string, from: string, to: string): DatasetDiff {
  return diffRows(source, dataset, from, to, readRows(sourcesDir, source, dataset, from), readRows(sourcesDir, source, dataset, to));
}

export function renderDiff(d: DatasetDiff, { limit = Infinity }: { limit?: number } = {}): string {
  const cut = <T,>(xs: T[]): (T | string)[] => (xs.length > limit ? [...xs.slice(0, limit), `… and ${xs.length - limit} more`] : xs);
  const lines = [
    `${d.source}/${d.dataset}: ${d.from} → ${d.to} (rows matched on ${d.keyColumns.join(' + ')})`,
    `  ${d.added.length} added, ${d.removed.length} removed, ${new Set(d.changed.map((c) => c.key)).size} changed (${d.changed.length} cells)`,
  ];
  if (d.columnsAdded.length) lines.push(`  columns added: ${d.columnsAdded.join(', ')}`);
  if (d.columnsRemoved.length) lines.push(`  columns removed: ${d.columnsRemoved.join(', ')}`);
  for (const k of cut(d.added)) lines.push(k.startsWith('…') ? `  ${k}` : `  + ${k}`);
  for (const k of cut(d.removed)) lines.push(k.startsWith('…') ? `  ${k}` : `  - ${k}`);
  for (const c of cut(d.changed)) lines.push(typeof c === 'string' ? `  ${c}` : `  ~ ${c.key}: ${c.field} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  return lines.join('\n');
}

/** data/reports/changelog.md: for every source dataset with two or more versions, the newest against the one before. */
export function renderChangelog(sourcesDir: string, examples = 5): string {
  const out = ['# What changed in the latest version of each source dataset', '', 'Generated by `npm run normalize`. Full detail: `npm run diff -- SOURCE DATASET DATE_A DATE_B`.', ''];
  for (const source of readdirSafe(sourcesDir)) {
    for (const dataset of readdirSafe(join(sourcesDir, source))) {
      const versions = listVersions(sourcesDir, source, dataset);
      if (versions.length < 2) continue;
      const d = diffVersions(sourcesDir, source, dataset, versions.at(-2)!, versions.at(-1)!);
      out.push('```', renderDiff(d, { limit: examples }), '```', '');
    }
  }
  return out.join('\n');
}

/** Real sub-folders (not links, not dot-folders) of a folder, sorted. */
const readdirSafe = (dir: string) => (existsSync(dir)
  ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort()
  : []);

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false }, sources: { type: 'string', default: 'data/sources' } } });
  if (positionals.length !== 4) {
    console.error('usage: npm run diff -- SOURCE DATASET DATE_A DATE_B [--json]');
    process.exitCode = 2;
  } else {
    try {
      const [source, dataset, a, b] = positionals as [string, string, string, string];
      const d = diffVersions(values.sources!, source, dataset, a, b);
      console.log(values.json ? JSON.stringify(d, null, 2) : renderDiff(d));
    } catch (err) {
      console.error((err as Error).message);
      process.exitCode = 1;
    }
  }
}
