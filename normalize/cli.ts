/**
 * npm run normalize — rebuilds every published table in data/ from the versioned source CSVs
 * in data/sources/ and the reviewed reference files in data/reference/. Deterministic: the
 * same inputs give byte-identical outputs.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCountryResolver } from './countries.ts';
import { listVersions, readLatest, readVersion, writeTable, type SourceVersion } from './lib/io.ts';
import { ModelResolver } from './match.ts';
import { loadReference } from './reference.ts';
import { aaModelCells, buildModels, MODEL_COLUMNS } from './steps/models.ts';
import { buildOpenShare, epochNotableCells, OPEN_SHARE_COLUMNS } from './steps/open-share.ts';
import { BEST_COLUMNS, buildBestByDate } from './steps/series.ts';
import { buildScores, eciCells, lmarenaBoardCells, lmarenaMetaCells, SCORE_COLUMNS } from './steps/scores.ts';
import type { z } from 'zod';

export interface NormalizeOptions { sourcesDir: string; referenceDir: string; outDir: string; log?: (l: string) => void }

function allVersions<S extends z.ZodType>(dir: string, source: string, dataset: string, schema: S): SourceVersion<z.infer<S>>[] {
  return listVersions(dir, source, dataset).map((asOf) => readVersion(dir, source, dataset, asOf, schema));
}

export function normalize(opts: NormalizeOptions): { tables: Record<string, number> } {
  const log = opts.log ?? (() => {});
  const src = opts.sourcesDir;
  const ref = loadReference(opts.referenceDir);
  const countries = loadCountryResolver(join(opts.referenceDir, 'country_aliases.csv'));
  const tables: Record<string, number> = {};
  const publish = (name: string, rows: readonly object[], columns: readonly string[]) => {
    writeTable(opts.outDir, name, rows, columns);
    tables[name] = rows.length;
  };

  const notable = readLatest(src, 'epoch', 'notable', epochNotableCells);
  publish('notable_open_share', buildOpenShare(notable, countries), OPEN_SHARE_COLUMNS);

  const aa = allVersions(src, 'artificialanalysis', 'models', aaModelCells);
  const models = buildModels(aa, ref);
  publish('models', models.rows, MODEL_COLUMNS);

  const resolver = new ModelResolver(models.canonical, ref.modelAliases);
  const lmarena = ['text-style-control', 'text-raw', 'text-raw-fboulnois', 'arena-top', 'text-history']
    .flatMap((d) => allVersions(src, 'lmarena', d, lmarenaBoardCells));
  const scores = buildScores({
    aa,
    lmarena,
    lmarenaMeta: readLatest(src, 'lmarena', 'metadata', lmarenaMetaCells).rows,
    eci: allVersions(src, 'epoch', 'eci', eciCells),
  }, { ref, resolver, models: new Map(models.rows.map((m) => [m.model_id, m])), countries });
  publish('scores', scores.rows, SCORE_COLUMNS);
  publish('best_by_date', buildBestByDate(scores.rows), BEST_COLUMNS);

  if (countries.unresolved.size) {
    throw new Error(`unknown country names (add them to data/reference/country_aliases.csv):\n  ${[...countries.unresolved].join('\n  ')}`);
  }
  log(`unknown orgs: ${scores.unknownOrgs.join(', ')}, unknown labs: ${models.unknownLabs.join(', ')}, unknown licences: ${models.unknownLicences.join(', ')}`);
  log(`country disagreements: ${models.countryDisagreements.join('; ')}`);
  for (const [source, names] of resolver.unmatched) log(`unmatched ${source}: ${names.size} (matched ${resolver.matched.get(source)?.size ?? 0})`);
  for (const [name, n] of Object.entries(tables)) log(`${name}: ${n} rows`);
  return { tables };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { sources: { type: 'string', default: 'data/sources' }, reference: { type: 'string', default: 'data/reference' }, out: { type: 'string', default: 'data' } } });
  try {
    normalize({ sourcesDir: values.sources!, referenceDir: values.reference!, outDir: values.out!, log: (l) => console.log(l) });
  } catch (err) {
    console.error(`normalize failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
