/**
 * The published tables (data/*.csv), read once at build time and checked against the same
 * schemas that wrote them (normalize/schema.ts). Pages and charts never read source CSVs.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, type TableSpec } from '../../normalize/schema.ts';
import { restoreFormula } from '../../lib/csv.ts';
import { csvRowCodec } from '../../lib/source-rows/codec.ts';
import { hfModelRow } from '../../lib/source-rows/hf-api.ts';
import { listVersions, readVersion } from '../../normalize/lib/io.ts';
import type { ModelRow } from '../../normalize/steps/models.ts';
import type { OpenShareRow } from '../../normalize/steps/open-share.ts';
import type { ScoreRow } from '../../normalize/steps/scores.ts';
import type { BestRow } from '../../normalize/steps/series.ts';
import type { HostingRow, ProvidersRow } from '../../normalize/steps/hosting.ts';
import type { VendorRow } from '../../normalize/steps/vendor-verifier.ts';
import type { Hardware, Lab, Licence } from '../../normalize/reference.ts';

/** The hf-api capture columns the site reads (the one source CSV it reads: see hfApi). */
const hfCaptureCells = csvRowCodec(hfModelRow.pick({ id: true, created_at: true, downloads_30d: true, likes: true }));

/** REPORT_DATA_DIR lets tests build the claims against altered tables. */
export const DATA_DIR = process.env.REPORT_DATA_DIR ?? join(process.cwd(), 'data');

const cache = new Map<string, unknown[]>();

function typed(spec: TableSpec, record: Record<string, string>, row: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const raw = record[f.name];
    if (raw === undefined) throw new Error(`data/${spec.path}: column ${f.name} missing — re-run npm run normalize`);
    if (raw === '') { out[f.name] = null; continue; }
    switch (f.type) {
      case 'number':
      case 'integer': {
        const n = Number(raw);
        if (!Number.isFinite(n)) throw new Error(`data/${spec.path} row ${row}: ${f.name}=${raw} is not a number`);
        out[f.name] = n;
        break;
      }
      case 'boolean': out[f.name] = raw === 'true'; break;
      default: out[f.name] = restoreFormula(raw);
    }
  }
  return out;
}

export function readTable<T>(name: string): T[] {
  if (!cache.has(name)) {
    const spec = TABLES.find((t) => t.name === name);
    if (!spec) throw new Error(`no table "${name}" in normalize/schema.ts`);
    const records = parse(readFileSync(join(DATA_DIR, spec.path)), { columns: true, bom: true }) as Record<string, string>[];
    cache.set(name, records.map((r, i) => typed(spec, r, i + 1)));
  }
  return cache.get(name) as T[];
}

export const tables = {
  models: () => readTable<ModelRow>('models'),
  scores: () => readTable<ScoreRow>('scores'),
  best: () => readTable<BestRow>('best_by_date'),
  openShare: () => readTable<OpenShareRow>('notable_open_share'),
  licences: () => readTable<Licence>('licences'),
  labs: () => readTable<Lab>('labs'),
  hosting: () => readTable<HostingRow>('hosting'),
  providers: () => readTable<ProvidersRow>('providers_by_model'),
  verifier: () => readTable<VendorRow>('vendor_verifier'),
  trainingDisclosure: () => readTable<{ model_id: string; pretraining_data: number; posttraining_data: number; methodology: number; source: string; source_as_of: string; evidence_url: string | null; note: string | null }>('training_disclosure'),
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
  video: () => readTable<{ event_id: string; title: string; date_earliest: string; date_latest: string; evidence: string; url: string | null }>('video'),
  scoringMethods: () => readTable<{ source: string; dataset: string; metric: string; from: string; to: string | null; scoring_method: string; evidence: string }>('scoring_methods'),
  reported: () => readTable<{ figure_id: string; publisher: string; title: string; published: string; country_group: string; metric: string; value: number; unit: string; url: string | null; note: string | null }>('reported_figures'),
  hardware: (): Hardware[] =>
    (parse(readFileSync(join(DATA_DIR, 'reference/hardware.csv')), { columns: true }) as Record<string, string>[]).map((h) => ({
      hardware_id: h.hardware_id!, name: h.name!, memory_gb: Number(h.memory_gb), kind: h.kind as Hardware['kind'], available: Number(h.available), example: h.example!, source_url: h.source_url!, notes: h.notes || null,
    })),
};
