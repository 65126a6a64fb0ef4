/**
 * Lighthouse (the pinned devDependency, mobile preset: emulated phone, simulated slow 4G and 4x
 * CPU slowdown) against the built site served on 127.0.0.1 by tools/static-server.ts, run through its
 * CLI in a child process with Chromium (CHROMIUM_PATH/CHROME_PATH, /usr/bin/chromium, else
 * @sparticuz/chromium: tools/chromium.ts). Any failure is recorded, never thrown: the
 * rest of the bench still reports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runMeasured, summarize, type Summary } from './measure.ts';
import { serveStatic } from '../tools/static-server.ts';
import { resolveChromium } from '../tools/chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export const METRICS = {
  lcp: 'largest-contentful-paint',
  cls: 'cumulative-layout-shift',
  tbt: 'total-blocking-time',
  fcp: 'first-contentful-paint',
  si: 'speed-index',
} as const;
export const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync';

export interface LighthousePage {
  page: string;
  runs: number;
  failures: string[];
  /** category → score 0–100 */
  scores: Record<string, Summary>;
  /** metric → ms (CLS unitless) */
  metrics: Record<string, Summary>;
  /** audits that cost points (weight > 0, score < 1) in any run: "category: id (title), lowest score x" */
  failingAudits: string[];
  runWarnings: string[];
}

export interface LighthouseResult {
  ok: boolean;
  reason?: string;
  version?: string;
  chrome?: string;
  settings?: { formFactor: string; throttlingMethod: string; throttling: unknown };
  pages: LighthousePage[];
}

interface LhReport {
  lighthouseVersion: string;
  userAgent: string;
  runWarnings: string[];
  configSettings: { formFactor: string; throttlingMethod: string; throttling: unknown };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string; scoreDisplayMode: string }>;
}

export async function runLighthouse(opts: { repoRoot: string; distDir: string; pages: string[]; runs: number; tmpDir: string; log: (l: string) => void }): Promise<LighthouseResult> {
  const req = createRequire(join(opts.repoRoot, 'package.json'));
  let cli: string;
  let version: string;
  try {
    const pkgPath = req.resolve('lighthouse/package.json');
    version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
    cli = join(pkgPath, '..', 'cli', 'index.js');
  } catch {
    return { ok: false, reason: 'lighthouse is not installed (npm ci installs the pinned devDependency)', pages: [] };
  }
  let chrome: string;
  try {
    chrome = (await resolveChromium()).path;
  } catch (err) {
    return { ok: false, reason: (err as Error).message, version, pages: [] };
  }

  const server = await serveStatic(opts.distDir, { gzip: true });
  const pages: LighthousePage[] = [];
  let settings: LighthouseResult['settings'];
  let browser = chrome;
  try {
    for (const page of opts.pages) {
      const reports: LhReport[] = [];
      const failures: string[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const out = join(opts.tmpDir, `lh-${page.replace(/\W+/g, '_') || 'root'}-${i}.json`);
        const m = await runMeasured(process.execPath, [
          cli, `${server.origin}${page}`,
          '--output=json', `--output-path=${out}`,
          `--only-categories=${CATEGORIES.join(',')}`,
          `--chrome-flags=${CHROME_FLAGS}`,
          '--quiet',
        ], { cwd: opts.tmpDir, env: { ...process.env, CHROME_PATH: chrome }, timeoutMs: 180_000 });
        if (!m.ok || !existsSync(out)) {
          failures.push(m.timedOut ? 'timed out after 180 s' : `exit ${m.exitCode}: ${m.tail}`);
          opts.log(`  lighthouse ${page} run ${i + 1}: failed`);
          continue;
        }
        const r = JSON.parse(readFileSync(out, 'utf8')) as LhReport;
        reports.push(r);
        const ua = /(?:Headless)?Chrome\/[\d.]+/.exec(r.userAgent)?.[0];
        if (ua && browser === chrome) browser = `${chrome} (${ua})`;
        settings ??= { formFactor: r.configSettings.formFactor, throttlingMethod: r.configSettings.throttlingMethod, throttling: r.configSettings.throttling };
        opts.log(`  lighthouse ${page} run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${Math.round((r.categories[c]?.score ?? NaN) * 100)}`).join(', ')} (${(m.wallMs / 1000).toFixed(1)} s)`);
      }
      const failing = new Map<string, number>();
      for (const r of reports) {
        for (const c of CATEGORIES) {
          for (const ref of r.categories[c]?.auditRefs ?? []) {
            const a = r.audits[ref.id];
            if (a && ref.weight > 0 && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative') {
              const key = `${c}: ${ref.id} (${a.title})`;
              failing.set(key, Math.min(a.score, failing.get(key) ?? 1));
            }
          }
        }
      }
      pages.push({
        page,
        runs: opts.runs,
        failures,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, summarize(reports.map((r) => (r.categories[c]?.score ?? NaN) * 100))])),
        metrics: Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, summarize(reports.map((r) => r.audits[id]?.numericValue))])),
        failingAudits: [...failing].map(([k, score]) => `${k}, lowest score ${score}`).sort(),
        runWarnings: [...new Set(reports.flatMap((r) => r.runWarnings))],
      });
    }
  } finally {
    await server.close();
  }
  const anyOk = pages.some((p) => p.scores.performance!.n > 0);
  return {
    ok: anyOk,
    reason: anyOk ? undefined : `every Lighthouse run failed: ${pages.flatMap((p) => p.failures)[0] ?? 'no pages'}`,
    version,
    chrome: browser,
    settings,
    pages,
  };
}
