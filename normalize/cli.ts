/**
 * npm run normalize — rebuilds every published table in data/ from the versioned source CSVs
 * in data/sources/ and the reviewed reference files in data/reference/. Deterministic.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCountryResolver } from './countries.ts';
import { readLatest, writeTable } from './lib/io.ts';
import { buildOpenShare, epochNotableCells, OPEN_SHARE_COLUMNS } from './steps/open-share.ts';

export interface NormalizeOptions { sourcesDir: string; referenceDir: string; outDir: string; log?: (l: string) => void }

export function normalize(opts: NormalizeOptions): { tables: Record<string, number> } {
  const log = opts.log ?? (() => {});
  const countries = loadCountryResolver(join(opts.referenceDir, 'country_aliases.csv'));
  const tables: Record<string, number> = {};

  const notable = readLatest(opts.sourcesDir, 'epoch', 'notable', epochNotableCells);
  const openShare = buildOpenShare(notable, countries);
  writeTable(opts.outDir, 'notable_open_share', openShare, OPEN_SHARE_COLUMNS);
  tables.notable_open_share = openShare.length;

  if (countries.unresolved.size) {
    throw new Error(`unknown country names (add them to data/reference/country_aliases.csv):\n  ${[...countries.unresolved].join('\n  ')}`);
  }
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
