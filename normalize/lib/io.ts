/** Reading the versioned source CSVs and writing the published tables. */
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { isCalendarDate, versionDateProblem } from '../../lib/dates.ts';

export interface SourceVersion<Row> {
  source: string;
  dataset: string;
  asOf: string;
  rows: Row[];
  meta: Record<string, unknown>;
}

/**
 * Every as_of of a source dataset, oldest first. A version file named for a day that does not
 * exist (2026-02-30, 2026-99-99) is an error, not a version: its date would head the article.
 */
export function listVersions(sourcesDir: string, source: string, dataset: string): string[] {
  const dir = join(sourcesDir, source, dataset);
  if (!existsSync(dir)) return [];
  const dates = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f)).map((f) => f.slice(0, 10)).sort();
  const bad = dates.filter((d) => !isCalendarDate(d));
  if (bad.length) throw new Error(`${dir}: ${bad.map((d) => `${d}.csv`).join(', ')} not named for a calendar date — a hand-made or tampered file; rename or remove it`);
  return dates;
}

/** A version file's records, column → cell, every cell a string (the codec decides what it holds). */
export function parseVersionCsv(bytes: Buffer | string): Record<string, string>[] {
  return parse(bytes, { columns: true, bom: true, cast: false }) as Record<string, string>[];
}

/**
 * Reads one version and validates each row with `schema`: for a source dataset, the scraper's own
 * row schema through lib/source-rows/codec.ts (csvRowCodec), so a CSV the scraper could not have
 * written fails here, naming the file, the row, the column and the cell.
 */
export function readVersion<S extends z.ZodType>(sourcesDir: string, source: string, dataset: string, asOf: string, schema: S): SourceVersion<z.infer<S>> {
  const base = join(sourcesDir, source, dataset, asOf);
  const records = parseVersionCsv(readFileSync(`${base}.csv`));
  const rows = records.map((r, i) => {
    const result = schema.safeParse(r);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const column = issue.path.join('.');
      const cell = r[column] === undefined ? '' : ` (cell ${JSON.stringify(r[column])})`;
      throw new Error(`${source}/${dataset}/${asOf}.csv row ${i + 1}, column ${column}${cell}: ${issue.message} — was the CSV edited by hand, or the scraper's schema changed without a re-scrape?`);
    }
    return result.data;
  });
  const meta = existsSync(`${base}.meta.json`) ? JSON.parse(readFileSync(`${base}.meta.json`, 'utf8')) : {};
  // The sidecar says when the bytes were captured: data cannot describe a later day.
  const captured = typeof meta.captured === 'string' ? meta.captured : typeof meta.fetched_at === 'string' ? meta.fetched_at.slice(0, 10) : undefined;
  const problem = versionDateProblem(asOf, captured);
  if (problem) throw new Error(`${source}/${dataset}/${asOf}.csv: ${problem} (per its .meta.json) — a hand-edited file or sidecar`);
  return { source, dataset, asOf, rows, meta };
}

export function readLatest<S extends z.ZodType>(sourcesDir: string, source: string, dataset: string, schema: S): SourceVersion<z.infer<S>> {
  const versions = listVersions(sourcesDir, source, dataset);
  const last = versions.at(-1);
  if (!last) throw new Error(`no versions of ${source}/${dataset} under ${sourcesDir}: run \`npm run scrape -- ${source} --replay ../shared/snapshots\` first`);
  return readVersion(sourcesDir, source, dataset, last, schema);
}
