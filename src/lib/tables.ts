/**
 * The published tables (data/*.csv) and the reference files the site draws (hardware.csv), read
 * once at build time through the same contracts that wrote them (lib/tables/): each cell typed
 * and checked, a bad one refused with file, row and column. Pages and charts never read source CSVs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractOf, type TableName, type TableRow } from '../../lib/tables/index.ts';
import { parseTable } from '../../lib/tables/io.ts';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { hfModelRow } from '../../lib/source-rows/hf-api.ts';
import { listVersions, readVersion } from '../../normalize/lib/io.ts';

/** The hf-api capture columns the site reads (the one source CSV it reads: see hfApi). */
const hfCaptureCells = csvRowCodec(hfModelRow.pick({ id: true, created_at: true, downloads_30d: true, likes: true }));

/** REPORT_DATA_DIR lets tests build the claims against altered tables. */
export const DATA_DIR = process.env.REPORT_DATA_DIR ?? join(process.cwd(), 'data');

const cache = new Map<string, unknown[]>();

export function readTable<N extends TableName>(name: N): TableRow<N>[];
export function readTable(name: string): unknown[];
export function readTable(name: string): unknown[] {
  let rows = cache.get(name);
  if (!rows) {
    const contract = contractOf(name as TableName);
    let text: Buffer;
    try {
      text = readFileSync(join(DATA_DIR, contract.path));
    } catch (e) {
      throw new Error(`data/${contract.path}: cannot read it (${(e as Error).message}) — ${contract.path.startsWith('reference/') ? 'a reviewed reference file: restore it from git' : 'a published table: run npm run normalize'}`);
    }
    rows = parseTable(contract, text, `data/${contract.path}`);
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
    const sources = join(DATA_DIR, 'sources');
    if (!existsSync(join(sources, 'hf-api'))) return [];
    return readdirSync(join(sources, 'hf-api')).sort().flatMap((repo) => {
      const latest = listVersions(sources, 'hf-api', repo).at(-1);
      if (!latest) return [];
      // Read with the scraper's own row schema (lib/source-rows/hf-api.ts), as normalize reads every source.
      return readVersion(sources, 'hf-api', repo, latest, hfCaptureCells).rows.map((r) => {
        if (r.downloads_30d === null) throw new Error(`data/sources/hf-api/${repo}/${latest}.csv: downloads_30d blank for ${r.id} — Hugging Face returned no download count; re-scrape or drop the capture`);
        return { id: r.id, as_of: latest, created_at: r.created_at ?? '', downloads_30d: r.downloads_30d, likes: r.likes ?? 0 };
      });
    });
  },
  video: () => readTable('video'),
  scoringMethods: () => readTable('scoring_methods'),
  reported: () => readTable('reported_figures'),
  /** The hardware lines of the memory figure: the reviewed file, by the contract normalize reads it with. */
  hardware: () => readTable('hardware'),
};
