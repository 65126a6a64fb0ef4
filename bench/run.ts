/**
 * npm run bench — the benchmark report: bytes per page, Lighthouse mobile scores, build time
 * and peak memory per step, and how normalize and the site build scale with 10x/100x rows.
 * Writes bench/report.md and bench/report.json; every scratch file goes to a temp dir.
 *
 *   npm run bench                      # N = 3 runs of each timed step (medians)
 *   npm run bench -- --quick           # N = 1, for a fast look
 *   npm run bench -- --runs 5 --only bytes,lighthouse --factors 10 --keep --out-dir /tmp/b
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pageBytes, siteOrigin, type PageBytes } from './bytes.ts';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { hasGnuTime, runMeasured, summarizeSteps, type Measured, type StepSummary } from './measure.ts';
import { renderMarkdown } from './report.ts';
import { countSources, makeScaledReference, makeScaledSources, tableRows, type ScaleStats } from './scale.ts';

export const PAGES = ['/', '/methodology/', '/data/'] as const;
export const TARGETS = { jsShippedGzip: 30 * 1024, articleTotalGzip: 300 * 1024, jsNeededForContent: 0 };
const SECTIONS = ['bytes', 'lighthouse', 'build', 'scale'] as const;
type Section = (typeof SECTIONS)[number];
/** A scaled site build slower than this is stopped and reported as skipped. */
const SCALED_BUILD_LIMIT_MS = 300_000;

export interface ScaleRow {
  factor: number;
  input: { latestRows: number; allSourceRows: number; sourceMb: number; skipped: string[] };
  tables: Record<string, number>;
  normalize: StepSummary;
  build: StepSummary | null;
  buildSkipped?: string;
  articleHtml?: { raw: number; gzip: number };
}

export interface Report {
  generatedAt: string;
  durationS: number;
  command: string;
  runs: number;
  sections: Section[];
  machine: Record<string, unknown>;
  targets: typeof TARGETS;
  bytes?: { pages: PageBytes[]; sameAcrossBuilds: boolean | null; buildDir: string; checks: { name: string; value: number; target: number; pass: boolean }[] };
  lighthouse?: LighthouseResult;
  build?: { steps: Record<'scrape' | 'normalize' | 'build', StepSummary | null>; notes: string[] };
  scaling?: { rows: ScaleRow[]; notes: string[] };
}

const repoRoot = resolve(import.meta.dirname, '..');
const node = process.execPath;
const astroBin = join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const log = (l: string) => console.log(l);

function machine(): Record<string, unknown> {
  let nproc = cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* keep os.cpus */ }
  let os: string = process.platform;
  try { os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os; } catch { /* not Linux */ }
  return {
    nproc,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGiBAtStart: +(freemem() / 2 ** 30).toFixed(1),
    os,
    node: process.version,
    loadavgAtStart: loadavg().map((x) => +x.toFixed(2)),
    peakMemoryFrom: hasGnuTime() ? '/usr/bin/time -v (GNU time)' : '/proc/<pid>/status VmHWM polled every 25 ms (GNU time not installed: apt-get install time)',
  };
}

/** Files (relative path → size) of a directory tree, for comparing two trees cheaply. */
function treeSizes(dir: string, base = dir, out = new Map<string, number>()): Map<string, number> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) treeSizes(p, base, out);
    else out.set(relative(base, p), statSync(p).size);
  }
  return out;
}
function sameTree(a: string, b: string): boolean {
  const x = treeSizes(a);
  const y = treeSizes(b);
  if (x.size !== y.size) return false;
  for (const [k, v] of x) if (y.get(k) !== v) return false;
  for (const k of x.keys()) if (!readFileSync(join(a, k)).equals(readFileSync(join(b, k)))) return false;
  return true;
}

/** A data dir the site can be built from (REPORT_DATA_DIR): normalize's output plus sources/ and reference/. */
function linkDataDir(dataDir: string, sourcesDir: string, referenceDir: string): void {
  for (const [name, target] of [['sources', sourcesDir], ['reference', referenceDir]] as const) {
    const p = join(dataDir, name);
    if (!existsSync(p)) symlinkSync(target, p, 'dir');
  }
}

const normalizeArgs = (sources: string, reference: string, out: string) =>
  ['normalize/cli.ts', '--sources', sources, '--reference', reference, '--out', out];
const buildArgs = (outDir: string) => [astroBin, 'build', '--outDir', outDir];

function describe(step: string, m: Measured): string {
  return `  ${step}: ${m.ok ? 'ok' : 'FAILED'} ${(m.wallMs / 1000).toFixed(1)} s, peak ${m.maxRssMb?.toFixed(0) ?? '?'} MB${m.ok ? '' : `\n${m.tail}`}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      factors: { type: 'string', default: '10,100' },
      snapshots: { type: 'string' },
      'out-dir': { type: 'string', default: join(repoRoot, 'bench') },
      keep: { type: 'boolean', default: false },
    },
  });
  const runs = values.quick ? 1 : Number(values.runs ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const sections = (values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS]) as Section[];
  for (const s of sections) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (one of ${SECTIONS.join(', ')})`);
  const factors = values.factors!.split(',').map(Number).filter((f) => Number.isInteger(f) && f > 1);
  const snapshots = resolve(repoRoot, values.snapshots ?? process.env.SNAPSHOTS_DIR ?? '../shared/snapshots');
  const outDir = resolve(values['out-dir']!);
  const tmp = mkdtempSync(join(tmpdir(), 'owr-bench-'));
  const t0 = performance.now();
  log(`bench: N=${runs}, sections ${sections.join(', ')}, scratch ${tmp}`);

  const report: Report = {
    generatedAt: new Date().toISOString(),
    durationS: 0,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    runs,
    sections,
    machine: machine(),
    targets: TARGETS,
  };
  const dataSources = join(repoRoot, 'data', 'sources');
  const dataReference = join(repoRoot, 'data', 'reference');

  try {
    // 1. The pipeline, N times: scrape-replay → normalize → site build, each in a fresh temp dir.
    const stepRuns: Record<'scrape' | 'normalize' | 'build', Measured[]> = { scrape: [], normalize: [], build: [] };
    const notes: string[] = [];
    const dists: string[] = [];
    const timedPipeline = sections.includes('build') || sections.includes('scale');
    const pipelineRuns = timedPipeline ? runs : 1;
    const haveSnapshots = existsSync(snapshots);
    if (!haveSnapshots) notes.push(`no snapshots folder at ${snapshots}: the scrape-replay step is skipped and normalize reads data/sources`);
    for (let i = 0; i < pipelineRuns; i++) {
      log(`pipeline run ${i + 1}/${pipelineRuns}`);
      const dir = join(tmp, `pipeline-${i}`);
      mkdirSync(dir);
      let sources = dataSources;
      if (haveSnapshots && sections.includes('build')) {
        const m = await runMeasured(node, ['scrapers/cli.ts', '--replay', snapshots, '--all-dates', '--out', join(dir, 'sources')], { cwd: repoRoot });
        stepRuns.scrape.push(m);
        log(describe('scrape-replay', m));
        if (m.ok) {
          sources = join(dir, 'sources');
          if (i === 0) notes.push(sameTree(sources, dataSources)
            ? 'the replayed sources are byte-identical to the committed data/sources'
            : 'the replayed sources differ from the committed data/sources (new captures not yet committed, or a scraper change)');
        } else if (i === 0) notes.push('scrape-replay failed; normalize read the committed data/sources instead');
      }
      const data = join(dir, 'data');
      mkdirSync(data);
      const n = await runMeasured(node, normalizeArgs(sources, dataReference, data), { cwd: repoRoot });
      stepRuns.normalize.push(n);
      log(describe('normalize', n));
      if (!n.ok) continue;
      linkDataDir(data, sources, dataReference);
      const dist = join(dir, 'dist');
      const b = await runMeasured(node, buildArgs(dist), { cwd: repoRoot, env: { ...process.env, REPORT_DATA_DIR: data } });
      stepRuns.build.push(b);
      log(describe('site build', b));
      if (b.ok) dists.push(dist);
    }
    if (sections.includes('build')) {
      notes.push('each step runs as its own Node process (startup included); the site build is `astro build` with REPORT_DATA_DIR pointing at the normalize output, into a temp --outDir');
      report.build = {
        steps: {
          scrape: stepRuns.scrape.length ? summarizeSteps(stepRuns.scrape) : null,
          normalize: summarizeSteps(stepRuns.normalize),
          build: summarizeSteps(stepRuns.build),
        },
        notes,
      };
    }
    const dist = dists.at(-1);

    // 2. Bytes per page, on the last build (and a check that every build gave the same bytes).
    if (sections.includes('bytes')) {
      if (!dist) throw new Error('no successful site build to measure (see the pipeline log above)');
      const site = siteOrigin(join(repoRoot, 'astro.config.mjs'));
      const pages = PAGES.map((p) => pageBytes(dist, p, site));
      const sameAcrossBuilds = dists.length > 1
        ? dists.slice(0, -1).every((d) => PAGES.every((p) => JSON.stringify(pageBytes(d, p, site).total) === JSON.stringify(pages[PAGES.indexOf(p)]!.total)))
        : null;
      const article = pages[0]!;
      const maxJs = Math.max(...pages.map((p) => p.jsShipped.gzip));
      report.bytes = {
        pages,
        sameAcrossBuilds,
        buildDir: dist,
        checks: [
          { name: 'JS needed for content (gzip bytes, every page)', value: Math.max(...pages.map((p) => p.jsNeededForContent)), target: TARGETS.jsNeededForContent, pass: pages.every((p) => p.jsNeededForContent <= TARGETS.jsNeededForContent) },
          { name: 'JS shipped (gzip bytes, largest page)', value: maxJs, target: TARGETS.jsShippedGzip, pass: maxJs < TARGETS.jsShippedGzip },
          { name: 'article total transfer (gzip bytes)', value: article.total.gzip, target: TARGETS.articleTotalGzip, pass: article.total.gzip < TARGETS.articleTotalGzip },
        ],
      };
      for (const p of pages) log(`bytes ${p.page}: ${p.total.raw} raw, ${p.total.gzip} gzip, JS shipped ${p.jsShipped.gzip} gzip, figures ${p.figuresWithSvg}/${p.figures} with SVG`);
    }

    // 3. Lighthouse on the last build.
    if (sections.includes('lighthouse')) {
      if (!dist) report.lighthouse = { ok: false, reason: 'no successful site build to audit', pages: [] };
      else {
        log('lighthouse');
        try {
          report.lighthouse = await runLighthouse({ repoRoot, distDir: dist, pages: [...PAGES], runs, tmpDir: tmp, log });
        } catch (err) {
          report.lighthouse = { ok: false, reason: `Lighthouse could not run: ${(err as Error).message}`, pages: [] };
        }
      }
    }

    // 4. Scaling: normalize (and the site build) on synthetic 10x/100x inputs.
    if (sections.includes('scale')) {
      const base = countSources(dataSources);
      const rows: ScaleRow[] = [];
      const scaleNotes: string[] = [];
      const baseData = join(tmp, 'pipeline-0', 'data');
      rows.push({
        factor: 1,
        input: { latestRows: 0, allSourceRows: base.rows, sourceMb: base.bytes / 2 ** 20, skipped: [] },
        tables: existsSync(baseData) ? tableRows(baseData) : {},
        normalize: summarizeSteps(stepRuns.normalize),
        build: summarizeSteps(stepRuns.build),
        articleHtml: dist ? pageBytes(dist, '/').byKind.html : undefined,
      });
      for (const factor of factors) {
        log(`scale ${factor}x: generating inputs`);
        const dir = join(tmp, `scale-${factor}`);
        mkdirSync(dir);
        const st: ScaleStats = makeScaledSources(dataSources, join(dir, 'sources'), factor);
        const refSkipped = makeScaledReference(dataReference, join(dir, 'reference'), factor);
        if (rows[0]!.input.latestRows === 0) rows[0]!.input.latestRows = st.latestRowsBase;
        const normRuns: Measured[] = [];
        const buildRuns: Measured[] = [];
        let buildSkipped: string | undefined;
        let lastDist: string | undefined;
        const data = join(dir, 'data');
        for (let i = 0; i < runs; i++) {
          rmSync(data, { recursive: true, force: true });
          mkdirSync(data);
          const n = await runMeasured(node, normalizeArgs(join(dir, 'sources'), join(dir, 'reference'), data), { cwd: repoRoot });
          normRuns.push(n);
          log(describe(`normalize ${factor}x run ${i + 1}`, n));
          if (!n.ok) break;
          if (buildSkipped) continue;
          linkDataDir(data, join(dir, 'sources'), join(dir, 'reference'));
          const out = join(dir, `dist-${i}`);
          const b = await runMeasured(node, buildArgs(out), {
            cwd: repoRoot,
            // Synthetic duplicates change the ranks the article quotes: its claims warn instead of failing the scaled build.
            env: { ...process.env, REPORT_DATA_DIR: data, REPORT_CLAIMS: 'warn' },
            timeoutMs: SCALED_BUILD_LIMIT_MS });
          log(describe(`site build ${factor}x run ${i + 1}`, b));
          if (b.timedOut) { buildSkipped = `stopped: one build took over ${SCALED_BUILD_LIMIT_MS / 60000} minutes`; continue; }
          buildRuns.push(b);
          if (b.ok) {
            if (lastDist) rmSync(lastDist, { recursive: true, force: true });
            lastDist = out;
          }
        }
        rows.push({
          factor,
          input: { latestRows: st.latestRows, allSourceRows: st.allSourceRows, sourceMb: st.sourceBytes / 2 ** 20, skipped: [...st.skipped, ...refSkipped] },
          tables: normRuns.at(-1)?.ok ? tableRows(data) : {},
          normalize: summarizeSteps(normRuns),
          build: buildRuns.length ? summarizeSteps(buildRuns) : null,
          buildSkipped,
          articleHtml: lastDist ? pageBytes(lastDist, '/').byKind.html : undefined,
        });
        rmSync(dir, { recursive: true, force: true });
      }
      scaleNotes.push(
        'synthetic inputs: the newest capture of each model-keyed source dataset (AA models and providers, the five LMArena boards, Epoch notable and ECI, models.dev, OpenRouter) has its rows repeated F times, the copies renamed with a -x<k> suffix; older captures are kept as they are, so all source rows grow by less than F',
        'data/reference/model_aliases.csv and open_source_models.csv are multiplied the same way, so the copies resolve like the originals',
        'the 1x row is the pipeline runs above (normalize of the replayed sources, build of its output)',
        'scaled site builds run with REPORT_CLAIMS=warn: duplicated models change the ranks the article quotes, so its claim checks (src/lib/claims.ts) print their failures instead of stopping the build; everything else renders as usual',
      );
      report.scaling = { rows, notes: scaleNotes };
    }
  } finally {
    report.machine.loadavgAtEnd = loadavg().map((x) => +x.toFixed(2));
    report.durationS = (performance.now() - t0) / 1000;
    if (values.keep) log(`scratch kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }

  mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify(report, (k, v) => (k === 'buildDir' ? undefined : v), 2);
  writeFileSync(join(outDir, 'report.json'), `${json}\n`);
  writeFileSync(join(outDir, 'report.md'), renderMarkdown(report));
  log(`wrote ${join(outDir, 'report.md')} and report.json in ${report.durationS.toFixed(0)} s`);
  const failed = report.bytes?.checks.filter((c) => !c.pass) ?? [];
  if (failed.length) log(`over budget: ${failed.map((c) => c.name).join('; ')}`);
}

await main();
