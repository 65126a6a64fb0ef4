/**
 * npm run record-claims (part of npm run build, after normalize): records, under the current
 * data version, every claim's sentence and every figure CSV's hash in
 * data/reports/claims-history.json, for the "what changed" page and the refresh pull request.
 * A claim whose rule no longer holds is recorded too (holds: false): the build that follows
 * fails on it, and the pull request body quotes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableJson, writeAtomic } from '../lib/output.ts';
import { toCsv } from '../lib/csv.ts';
import { buildClaims } from '../src/lib/claims.ts';
import { csvDigest, recordVersion, type VersionRecord } from '../src/lib/claims-history.ts';
import { allFigures } from '../src/lib/figures.ts';
import { CLAIMS_HISTORY, readClaimsHistory } from '../src/lib/release-info.ts';
import { DATA_DIR } from '../src/lib/tables.ts';

export function currentRecord(): VersionRecord {
  const pkg = JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8')) as { version: string; created: string };
  const claims: VersionRecord['claims'] = {};
  for (const c of buildClaims()) claims[c.id] = { text: c.text, holds: c.holds, rule: c.rule };
  const figures: VersionRecord['figures'] = {};
  for (const f of allFigures()) figures[f.id] = { title: f.title, csv_sha256: csvDigest(toCsv(f.rows, f.columns)) };
  return { version: pkg.version, as_of: pkg.created.slice(0, 10), claims, figures };
}

if (import.meta.main) {
  try {
    const rec = currentRecord();
    const path = CLAIMS_HISTORY();
    writeAtomic(path, stableJson(recordVersion(readClaimsHistory(path), rec)));
    const broken = Object.entries(rec.claims).filter(([, c]) => !c.holds).map(([id]) => id);
    console.log(`claims history: version ${rec.version}, ${Object.keys(rec.claims).length} sentences, ${Object.keys(rec.figures).length} figures${broken.length ? `; rules broken: ${broken.join(', ')}` : ''}`);
  } catch (err) {
    console.error(`record-claims failed: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  }
}
