/**
 * The published tables (data/*.csv) as tests read and alter them: one reader of a table as raw
 * strings (what a forker downloads), temporary copies of data/ with one table rewritten, and the
 * claims and views loaded against such a copy (src/lib/tables.ts reads REPORT_DATA_DIR once per
 * module instance, so each load starts from fresh modules).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, vi } from 'vitest';

export const DATA = join(import.meta.dirname, '../../data');

/** A CSV under `dir` (data/ by default) as rows of strings, header as keys. */
export const csv = (file: string, dir = DATA): Record<string, string>[] => parse(readFileSync(join(dir, file)), { columns: true, bom: true }) as Record<string, string>[];

/**
 * A copy of data/ at `dest` (a new temporary folder by default). The source versions
 * (data/sources) are left out unless asked for: the claims read only the published tables.
 */
export function copyData({ dest = mkdtempSync(join(tmpdir(), 'report-data-')), withSources = false }: { dest?: string; withSources?: boolean } = {}): string {
  const sources = join(DATA, 'sources');
  cpSync(DATA, dest, { recursive: true, filter: (src) => withSources || !src.includes(sources) });
  return dest;
}

/** Rewrites `<dir>/<table>.csv` row by row, keeping its columns and their order. */
export function rewriteTable(dir: string, table: string, edit: (row: Record<string, string>) => Record<string, string>): void {
  const rows = csv(`${table}.csv`, dir);
  writeFileSync(join(dir, `${table}.csv`), stringify(rows.map(edit), { header: true, columns: Object.keys(rows[0]!) }));
}

/** A temporary copy of data/ (without the source versions) with one table rewritten row by row. */
export function alteredData(table: string, edit: (row: Record<string, string>) => Record<string, string>): string {
  const dir = copyData();
  rewriteTable(dir, table, edit);
  return dir;
}

/**
 * The claims module and the views, fresh, reading the tables in `dataDir` (data/ when omitted).
 * `byId` builds every claim when first read, so a test of say() on broken data is not stopped
 * by another claim first.
 */
export async function loadReport(dataDir?: string) {
  vi.resetModules();
  if (dataDir) process.env.REPORT_DATA_DIR = dataDir;
  else delete process.env.REPORT_DATA_DIR;
  const claims = await import('../../src/lib/claims.ts');
  const views = await import('../../src/lib/views.ts');
  let byId: Map<string, ReturnType<typeof claims.buildClaims>[number]> | undefined;
  return {
    ...claims,
    v: views,
    get byId() {
      return (byId ??= new Map(claims.buildClaims().map((c) => [c.id, c])));
    },
  };
}

/** Call once per test file that uses loadReport(dir): later tests (and files) read data/ again. */
export function resetReportAfterEach(): void {
  afterEach(() => {
    delete process.env.REPORT_DATA_DIR;
    vi.resetModules();
  });
}
