/**
 * The published tables (data/*.csv) and the reference files the site draws (hardware.csv), read
 * once at build time through the same contracts that wrote them (lib/tables/): each cell typed
 * and checked, a bad one refused with file, row and column. Pages and charts never read source CSVs.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractOf, type TableName, type TableRow } from '../../lib/tables/index.ts';
import { parseTable } from '../../lib/tables/io.ts';

/** REPORT_DATA_DIR lets tests build the claims against altered tables. */
export const DATA_DIR = process.env.REPORT_DATA_DIR ?? join(process.cwd(), 'data');

const cache = new Map<string, unknown[]>();

export function readTable<N extends TableName>(name: N): TableRow<N>[];
export function readTable(name: string): unknown[];
export function readTable(name: string): unknown[] {
  let rows = cache.get(name);
  if (!rows) {
    const contract = contractOf(name as TableName);
    rows = parseTable(contract, readFileSync(join(DATA_DIR, contract.path)), `data/${contract.path}`);
    cache.set(name, rows);
  }
  return rows;
}

export const tables = {
  models: () => readTable('models'),
  scores: () => readTable('scores'),
  best: () => readTable('best_by_date'),
  openShare: () => readTable('notable_open_share'),
  licences: () => readTable('licences'),
  labs: () => readTable('labs'),
  hosting: () => readTable('hosting'),
  providers: () => readTable('providers_by_model'),
  verifier: () => readTable('vendor_verifier'),
  trainingDisclosure: () => readTable('training_disclosure'),
  /**
   * Hugging Face model-info captures (data/sources/hf-api/<repo>/<as_of>.csv), newest per repo.
   * No tidy table holds them yet (two captures, both of gpt-oss), so this is the one place the
   * site reads a versioned source CSV; downloads_30d is Hugging Face's rolling 30-day count.
   */
  hfApi: (): { id: string; as_of: string; created_at: string; downloads_30d: number; likes: number }[] => {
    const dir = join(DATA_DIR, 'sources/hf-api');
    if (!existsSync(dir)) return [];
    return readdirSync(dir).sort().flatMap((repo) => {
      const latest = readdirSync(join(dir, repo)).filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f)).sort().at(-1);
      if (!latest) return [];
      const rows = parse(readFileSync(join(dir, repo, latest)), { columns: true, bom: true }) as Record<string, string>[];
      return rows.map((r) => {
        const downloads = Number(r.downloads_30d);
        if (!r.id || !Number.isFinite(downloads)) throw new Error(`data/sources/hf-api/${repo}/${latest}: id or downloads_30d missing or not a number (${JSON.stringify(r).slice(0, 120)})`);
        return { id: r.id, as_of: latest.slice(0, 10), created_at: r.created_at ?? '', downloads_30d: downloads, likes: Number(r.likes) };
      });
    });
  },
  video: () => readTable('video'),
  scoringMethods: () => readTable('scoring_methods'),
  reported: () => readTable('reported_figures'),
  /** The hardware lines of the memory figure: the reviewed file, by the contract normalize reads it with. */
  hardware: () => readTable('hardware'),
};
