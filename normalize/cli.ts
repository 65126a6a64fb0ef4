/**
 * npm run normalize — rebuilds every published table in data/ from the versioned source CSVs
 * in data/sources/ and the reviewed reference files in data/reference/. Deterministic: the
 * same inputs give byte-identical outputs.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCountryResolver } from './countries.ts';
import { listVersions, readLatest, readVersion, type SourceVersion } from './lib/io.ts';
import { publishTogether, readConsistently, recoverPublish, SourcesChangedError, type OutputFile, type PublishHooks } from './lib/publish.ts';
import { ModelResolver } from './match.ts';
import type { PairSide } from './pair-check.ts';
import { loadReference, resolveLab } from './reference.ts';
import { aaModelCells, buildModels, canonicalModels, huggingfaceRepo, latestAaRows } from './steps/models.ts';
import { buildEvidence, epochCountryDisagreements, epochEvidenceCells, type OpenWeightsVotes } from './steps/evidence.ts';
import { buildOpenShare, epochNotableCells } from './steps/open-share.ts';
import { buildBestByDate, loadScoringMethods } from './steps/series.ts';
import { checkpointEvidence } from './steps/memory.ts';
import { aaProviderCells, buildHosting, modelsDevCells, openrouterCells } from './steps/hosting.ts';
import { buildVendorVerifier, k2vvCells, kvvCells } from './steps/vendor-verifier.ts';
import { buildScores, eciCells, lmarenaBoardCells, lmarenaMetaCells } from './steps/scores.ts';
import { checkPrimaryKey, renderCoverage, type Coverage } from './coverage.ts';
import { renderChangelog } from './diff.ts';
import { assertChecks, runChecks } from './checks.ts';
import { dataPackage, TABLES } from './schema.ts';
import { contractOf, type PublishedName, type TableRow } from '../lib/tables/index.ts';
import { writeTable } from '../lib/tables/io.ts';
import { stableJson } from '../lib/output.ts';
import { release } from './release.ts';
import { LMARENA_BOARDS, type DatasetId, type SourceId } from './pipeline.ts';
import { projectLinks } from '../site.config.mjs';
import type { z } from 'zod';

export interface NormalizeOptions {
  sourcesDir: string;
  referenceDir: string;
  outDir: string;
  log?: (l: string) => void;
  /** Tests only: steps of the publish a kill could fall between. */
  publishHooks?: PublishHooks;
  /** How long to wait for a scrape that is renaming a source into place. */
  lockWaitMs?: number;
}

/** Every version of one declared dataset (normalize/pipeline.ts): the ids are checked by the compiler. */
function allVersions<Src extends SourceId, S extends z.ZodType>(dir: string, source: Src, dataset: DatasetId<Src>, schema: S): SourceVersion<z.infer<S>>[] {
  return listVersions(dir, source, dataset).map((asOf) => readVersion(dir, source, dataset, asOf, schema));
}

/** The newest version of one declared dataset (normalize/pipeline.ts). */
function latest<Src extends SourceId, S extends z.ZodType>(dir: string, source: Src, dataset: DatasetId<Src>, schema: S): SourceVersion<z.infer<S>> {
  return readLatest(dir, source, dataset, schema);
}

/**
 * Builds every output from one consistent state of the sources folder, then publishes them all
 * together (normalize/lib/publish.ts): a kill or a failure never leaves new tables beside an old
 * datapackage or changelog, and a scrape committing meanwhile cannot mix two states.
 */
export function normalize(opts: NormalizeOptions): { tables: Record<string, number> } {
  const log = opts.log ?? (() => {});
  // A publish killed after its commit point is finished first, so what we compare against is whole.
  for (const path of recoverPublish(opts.outDir)) log(`completed an interrupted publish: ${path}`);
  const { outputs, tables } = readConsistently(opts.sourcesDir, () => build(opts), opts.lockWaitMs);
  publishTogether(opts.outDir, outputs, opts.publishHooks);
  for (const [name, n] of Object.entries(tables)) log(`${name}: ${n} rows`);
  return { tables };
}

function build(opts: NormalizeOptions): { outputs: OutputFile[]; tables: Record<string, number> } {
  const src = opts.sourcesDir;
  const ref = loadReference(opts.referenceDir);
  const countries = loadCountryResolver(join(opts.referenceDir, 'country_aliases.csv'));
  const tables: Record<string, number> = {};
  /** Checks every row against its table's contract (lib/tables/), then stages the CSV. */
  const publish = <N extends PublishedName>(name: N, rows: readonly TableRow<N>[]) => {
    const contract = contractOf(name);
    const content = writeTable(contract, rows);
    checkPrimaryKey(contract, rows);
    // Published only once every table is built and every check has passed: a failed refresh leaves data/ as it was.
    outputs.push({ path: contract.path, content });
    tables[name] = rows.length;
  };
  const outputs: OutputFile[] = [];

  const notable = latest(src, 'epoch', 'notable', epochNotableCells);
  publish('notable_open_share', buildOpenShare(notable, countries));
  const epochDisagreements = epochCountryDisagreements(notable.rows, (org) => {
    const id = resolveLab(ref, 'epoch', org);
    return id ? { labId: id, country: ref.labs.get(id)!.country } : null;
  }, countries.toIso);

  const aa = allVersions(src, 'artificialanalysis', 'models', aaModelCells);
  const resolver = new ModelResolver(canonicalModels(aa, ref.extraModels), ref.modelAliases);
  const modelsDev = allVersions(src, 'models-dev', 'api', modelsDevCells);
  const votes: OpenWeightsVotes = new Map();
  for (const r of modelsDev.at(-1)?.rows ?? []) {
    const id = resolver.resolve('models-dev', r.model_id, { loose: true }) ?? resolver.resolve('models-dev', r.name, { loose: true });
    if (!id || r.open_weights === null) continue;
    const v = votes.get(id) ?? { yes: 0, no: 0 };
    if (r.open_weights) v.yes++; else v.no++;
    votes.set(id, v);
  }
  // A second opinion on each model's Hugging Face repository, for rows where Artificial Analysis gives none or a GitHub URL.
  const otherRepos = new Map<string, { repo: string; source: string }>();
  const openrouter = allVersions(src, 'openrouter', 'models', openrouterCells);
  for (const v of openrouter) {
    for (const r of v.rows) {
      const id = resolver.peek('openrouter', r.id, { loose: true })?.id;
      if (id && r.hugging_face_id) otherRepos.set(id, { repo: r.hugging_face_id, source: `openrouter hugging_face_id (${r.id}, ${v.asOf})` });
    }
  }
  // Variants that share one bad URL ("https://github.com/zai-org/GLM-4.6" for GLM-4.6 and its reasoning mode) share the repo found for any of them.
  const aaLatest = latestAaRows(aa);
  const byUrl = new Map<string, { repo: string; source: string }>();
  for (const [id, { row }] of aaLatest) if (row.huggingface_url && !huggingfaceRepo(row.huggingface_url) && otherRepos.has(id)) byUrl.set(row.huggingface_url, otherRepos.get(id)!);
  for (const [id, { row }] of aaLatest) if (row.huggingface_url && !otherRepos.has(id) && byUrl.has(row.huggingface_url)) otherRepos.set(id, byUrl.get(row.huggingface_url)!);
  const canonical = new Map<string, PairSide>([
    ...[...aaLatest].map(([id, { row }]) => [id, { name: row.name, releaseDate: row.release_date, totalParameters: ref.parameterCounts.get(id)?.total_parameters ?? row.total_parameters }] as [string, PairSide]),
    ...ref.extraModels.map((m) => [m.model_id, { name: m.name, releaseDate: m.release_date, totalParameters: m.total_parameters }] as [string, PairSide]),
  ]);
  const evidenceRejected = new Set<string>();
  const evidence = buildEvidence({
    canonical,
    rejected: evidenceRejected,
    epoch: latest(src, 'epoch', 'notable', epochEvidenceCells),
    openWeightsVotes: votes,
    resolver,
    sourcesDir: src,
    huggingfaceRepos: new Map([...latestAaRows(aa)].flatMap(([id, { row }]) => {
      const repo = huggingfaceRepo(row.huggingface_url) ?? otherRepos.get(id)?.repo ?? null;
      return repo ? [[id, repo] as [string, string]] : [];
    })),
  });
  // Published checkpoints' 16-bit parameter counts (hf-api captures), matched through the model's Hugging Face repo.
  const checkpoints = checkpointEvidence(src);
  for (const [id, { row }] of latestAaRows(aa)) {
    const repo = huggingfaceRepo(row.huggingface_url) ?? otherRepos.get(id)?.repo ?? null;
    const c = repo ? checkpoints.get(repo.toLowerCase()) : undefined;
    if (!c) continue;
    const e = evidence.get(id) ?? evidence.set(id, {}).get(id)!;
    e.parametersKept16 = c.parametersKept16;
    e.parametersKept16Source = c.source;
  }
  for (const [id, repo] of otherRepos) (evidence.get(id) ?? evidence.set(id, {}).get(id)!).otherRepo = repo;
  const eci = allVersions(src, 'epoch', 'eci', eciCells);
  const lmarena = LMARENA_BOARDS.flatMap((d) => allVersions(src, 'lmarena', d, lmarenaBoardCells[d]));
  const newest = (vs: { asOf: string }[]) => vs.map((v) => v.asOf).reduce((a, b) => (a > b ? a : b), '');
  const models = buildModels(aa, ref, evidence, { 'epoch eci': newest(eci), lmarena: newest(lmarena) });
  publish('models', models.rows);

  const scores = buildScores({
    aa,
    lmarena,
    lmarenaMeta: latest(src, 'lmarena', 'metadata', lmarenaMetaCells).rows,
    eci,
  }, { ref, resolver, models: new Map(models.rows.map((m) => [m.model_id, m])), countries });
  publish('scores', scores.rows);
  assertChecks(runChecks({ models: models.rows, scores: scores.rows }));
  publish('best_by_date', buildBestByDate(scores.rows, loadScoringMethods(opts.referenceDir)));

  const hosting = buildHosting({
    aaProviders: allVersions(src, 'artificialanalysis', 'providers', aaProviderCells),
    modelsDev,
    openrouter,
  }, resolver, new Map(models.rows.map((m) => [m.model_id, m])), ref);
  publish('hosting', hosting.hosting);
  publish('providers_by_model', hosting.providers);

  publish('vendor_verifier', buildVendorVerifier(
    [...allVersions(src, 'k2-vendor-verifier', 'kimi-k2', k2vvCells), ...allVersions(src, 'k2-vendor-verifier', 'unmerged-third-party', k2vvCells)],
    allVersions(src, 'k2-vendor-verifier', 'kimi-k3', kvvCells),
    resolver,
  ));

  if (countries.unresolved.size) {
    throw new Error(`unknown country names (add them to data/reference/country_aliases.csv):\n  ${[...countries.unresolved].join('\n  ')}`);
  }
  // "epoch \"gemini-exp-1206\" → …": the source and the name a refusal was recorded under.
  const refusedNames = new Set([...scores.rejectedMatches, ...evidenceRejected].map((r) => { const m = /^(\S+) "([^"]*)"/.exec(r); return m ? `${m[1]}\u0000${m[2]}` : ''; }));
  const coverage: Coverage = {
    matched: resolver.matched,
    unmatched: resolver.unmatched,
    ambiguousKeys: resolver.ambiguousKeys(),
    unknownOrgs: scores.unknownOrgs,
    unknownLabs: models.unknownLabs,
    unknownLicences: models.unknownLicences,
    countryDisagreements: [...models.countryDisagreements, ...epochDisagreements],
    openness: models.rows.filter((m) => m.openness_disagreement).map((m) => `${m.model_id}: ${m.openness_disagreement}`),
    rejectedMatches: [...scores.rejectedMatches, ...evidenceRejected].sort(),
    licenceDisagreements: models.rows.filter((m) => m.licence_disagreement).map((m) => `${m.model_id}: ${m.licence_disagreement}`),
    badRepos: models.badRepos,
    sizeContradictions: models.sizeContradictions,
    whyUnmatched: (source, name) => (refusedNames.has(`${source}\u0000${name}`) ? 'refused' : resolver.whyUnmatched(name)),
  };
  const staged = new Map(outputs.map((o) => [o.path, o.content]));
  outputs.push(
    { path: 'reports/coverage.md', content: `${renderCoverage(coverage)}\n` },
    { path: 'datapackage.json', content: stableJson(dataPackage(TABLES, release(TABLES, opts, projectLinks().homepage, staged))) },
    { path: 'reports/changelog.md', content: `${renderChangelog(src)}\n` },
  );
  return { outputs, tables };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { sources: { type: 'string', default: 'data/sources' }, reference: { type: 'string', default: 'data/reference' }, out: { type: 'string', default: 'data' } } });
  // A scrape that commits while we read makes us start over; three tries, then say so.
  for (let attempt = 1; ; attempt++) {
    try {
      normalize({ sourcesDir: values.sources!, referenceDir: values.reference!, outDir: values.out!, log: (l) => console.log(l) });
      break;
    } catch (err) {
      if (err instanceof SourcesChangedError && attempt < 3) {
        console.error(`${err.message} (attempt ${attempt} of 3)`);
        continue;
      }
      console.error(`normalize failed: ${(err as Error).message}`);
      process.exitCode = 1;
      break;
    }
  }
}
