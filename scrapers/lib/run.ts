/**
 * Runs scrapers: fetch every target, parse, validate every row, and only then write.
 * A source is all-or-nothing: if any of its targets fails to fetch, parse or validate, none
 * of its files are touched, the failure is reported with source, URL, field and row, and
 * the other sources still run.
 */
import pLimit from 'p-limit';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../lib/csv.ts';
import { ParseError, ScrapeError } from '../../lib/errors.ts';
import { HttpError } from './http.ts';
import { versionDateProblem } from '../../lib/dates.ts';
import { lock, LockBusyError } from '../../lib/lock.ts';
import { commitStaged, discardStaged, stableJson, stageFile, sweepStaleTemps, TempJournal, versionPaths, type StagedFile } from '../../lib/output.ts';
import type { Capture, FormatSpec, SourceDef, Target } from './source.ts';
import type { Transport } from './transport.ts';
import { checkedAgainst } from './values.ts';

export const SCRAPER_VERSION = '1.0.0';

export interface RunOptions {
  transport: Transport;
  outDir: string;
  allDates: boolean;
  log?: (line: string) => void;
  concurrency?: number;
  /** How long a source's commit waits for a normalize holding the sources folder's lock. */
  lockWaitMs?: number;
}

/**
 * How a source's refresh went, as a whole: every target fetched and written ("complete"); some
 * target skipped (no API key) or an optional one failed while the others refreshed ("partial");
 * nothing written because a required target, the validation or the write failed ("failed").
 */
export type SourceOutcome = 'complete' | 'partial' | 'failed';

export interface SummaryRow {
  source: string;
  dataset: string;
  asOf: string;
  rows: number;
  status: 'written' | 'unchanged' | 'not-modified' | 'failed' | 'no-capture' | 'skipped';
  error?: string;
  /** The outcome of this row's whole source (the same on every row of one source). */
  outcome?: SourceOutcome;
}

interface PendingVersion {
  target: Target;
  spec: FormatSpec;
  capture: Capture;
  dataset: string;
  asOf: string;
  rows: Record<string, unknown>[];
  skipped?: { count: number; reason: string };
}

export async function runSources(sources: SourceDef[], opts: RunOptions): Promise<SummaryRow[]> {
  const log = opts.log ?? (() => {});
  for (const removed of sweepStaleTemps(opts.outDir)) log(`removed stale temp file ${removed}`);
  const limit = pLimit(opts.concurrency ?? (opts.transport.mode === 'live' ? 4 : 1));
  const journal = new TempJournal(opts.outDir);
  try {
    const results = await Promise.all(sources.map((s) => limit(async () => withOutcome(await runSource(s, opts, log, journal)))));
    return results.flat();
  } finally {
    journal.close();
  }
}

function withOutcome(rows: SummaryRow[]): SummaryRow[] {
  const wrote = rows.some((r) => r.status === 'written' || r.status === 'unchanged' || r.status === 'not-modified');
  const short = rows.some((r) => r.status === 'failed' || r.status === 'skipped');
  const outcome: SourceOutcome = !short ? 'complete' : wrote ? 'partial' : 'failed';
  return rows.map((r) => ({ ...r, outcome }));
}

/**
 * The command's exit code: 1 when a source failed, else 3 when a source refreshed only in part
 * (a target skipped for lack of an API key, or an optional target failed), else 0.
 */
export function exitCodeFor(summary: readonly SummaryRow[]): number {
  if (summary.some((r) => r.outcome === 'failed')) return 1;
  if (summary.some((r) => r.outcome === 'partial')) return 3;
  return 0;
}

async function runSource(source: SourceDef, opts: RunOptions, log: (l: string) => void, journal: TempJournal): Promise<SummaryRow[]> {
  log(`${source.id}: starting (${opts.transport.mode})`);
  const pending: PendingVersion[] = [];
  const summary: SummaryRow[] = [];
  const live = opts.transport.mode === 'live';
  const history = live ? liveHistory(opts.outDir, source.id) : [];
  try {
    for (const target of source.targets()) {
      if (live && target.requiresEnv && !process.env[target.requiresEnv]?.trim()) {
        const why = `skipped ${target.url}: set ${target.requiresEnv} in the environment to fetch it`;
        log(`${source.id}: ${why}`);
        summary.push({ source: source.id, dataset: target.dataset, asOf: '', rows: 0, status: 'skipped', error: why });
        continue;
      }
      try {
        const versions = await collectTarget(source, target, opts, history);
        if (versions.length === 0) summary.push({ source: source.id, dataset: target.dataset, asOf: '', rows: 0, status: live ? 'not-modified' : 'no-capture' });
        pending.push(...versions);
      } catch (err) {
        // An optional target (a fragile page beside a stable API) fails alone; any other failure fails the source.
        if (!target.optional) throw err;
        const e = asScrapeError(err, source.id, target, target.url);
        log(`${source.id}: optional target FAILED, its files left untouched: ${e.message}`);
        summary.push({ source: source.id, dataset: target.dataset, asOf: '', rows: 0, status: 'failed', error: e.message });
      }
    }
    checkNoDuplicateVersions(pending, source.id);
  } catch (err) {
    const e = err instanceof ScrapeError ? err : asScrapeError(err, source.id);
    log(`${source.id}: FAILED, existing files left untouched: ${e.message}`);
    return [{ source: source.id, dataset: e.details.dataset ?? '*', asOf: '', rows: 0, status: 'failed', error: e.message }];
  }
  // Stage every file of the source first, then rename them all: a failed write (a read-only
  // folder, a full disk) leaves the source as it was instead of half-refreshed.
  const staged: StagedFile[] = [];
  const written: SummaryRow[] = [];
  try {
    for (const p of pending) {
      const same = live ? history.find((h) => h.dataset === p.dataset && h.liveUrl === p.capture.url && h.sha256 === p.capture.sha256) : undefined;
      if (same) {
        // Same bytes as an earlier live fetch: not a new version, whatever today's date is.
        written.push({ source: source.id, dataset: p.dataset, asOf: same.asOf, rows: p.rows.length, status: 'unchanged' });
        continue;
      }
      const paths = versionPaths(opts.outDir, source.id, p.dataset, p.asOf);
      const files = [stageFile(paths.csv, toCsv(p.rows, p.spec.columns), journal), stageFile(paths.meta, stableJson(sidecar(source, p)), journal)];
      for (const f of files) if (f) staged.push(f);
      written.push({ source: source.id, dataset: p.dataset, asOf: p.asOf, rows: p.rows.length, status: files.some(Boolean) ? 'written' : 'unchanged' });
    }
    if (staged.length) {
      // Normalize holds this lock while it reads: it sees this source all old or all new.
      const held = await lock(opts.outDir, `scrape of ${source.id}`, opts.lockWaitMs);
      try {
        commitStaged(staged);
      } finally {
        held.release();
      }
    }
  } catch (err) {
    discardStaged(staged);
    const message = `cannot write its files under ${opts.outDir}: ${(err as Error).message}`;
    log(`${source.id}: FAILED, existing files left untouched: ${message}`);
    const cause = err instanceof LockBusyError ? 'normalize was reading the sources folder; scrape again once it is done' : 'the output folder is read-only, full, or not a folder';
    return [...summary, { source: source.id, dataset: '*', asOf: '', rows: 0, status: 'failed', error: `${message} [source=${source.id}] — likely cause: ${cause}` }];
  }
  summary.push(...written);
  log(`${source.id}: ${pending.length} version(s), ${pending.reduce((n, p) => n + p.rows.length, 0)} rows`);
  return summary;
}

async function collectTarget(source: SourceDef, target: Target, opts: RunOptions, history: LiveVersion[]): Promise<PendingVersion[]> {
  const spec = source.formats[target.format];
  if (!spec) throw new ScrapeError(`no parser for format "${target.format}"`, { source: source.id, dataset: target.dataset, url: target.url });
  const last = history.filter((h) => h.liveUrl === target.url).at(-1);
  let captures: Capture[];
  try {
    captures = await opts.transport.fetch(source.id, target, { allDates: opts.allDates, previous: last && { etag: last.etag, lastModified: last.lastModified } });
  } catch (err) {
    throw asScrapeError(err, source.id, target, target.url);
  }
  const out: PendingVersion[] = [];
  for (const capture of captures) {
    let versions;
    try {
      versions = spec.parse(capture, target);
    } catch (err) {
      throw asScrapeError(err, source.id, target, capture.url, capture.replayFile);
    }
    for (const v of versions) {
      const dataset = v.dataset ?? target.dataset;
      // The as_of names the output file and heads the article: a real day, not after the fetch.
      const problem = versionDateProblem(v.asOf, (capture.captured ?? capture.fetchedAt).slice(0, 10));
      if (problem) {
        throw new ScrapeError(problem, { source: source.id, dataset, url: capture.url, field: 'as_of', hint: 'the manifest or the source states an impossible date' });
      }
      out.push({ target, spec, capture, dataset, asOf: v.asOf, skipped: v.skipped, rows: validateRows(v.rows, spec, source.id, dataset, capture.url) });
    }
  }
  return out;
}

/**
 * Every row is checked against the format's row schema once before it is written: in the format
 * (checkRows, where a test calling parse() sees the error too), or here for a format that does not.
 * Row schemas have no transforms or defaults, so a checked row is written as the parser made it.
 */
function validateRows(rows: unknown[], spec: FormatSpec, source: string, dataset: string, url: string): Record<string, unknown>[] {
  if (checkedAgainst(rows) === spec.row) return rows as Record<string, unknown>[];
  return rows.map((row, i) => {
    const result = spec.row.safeParse(row);
    if (result.success) return result.data as Record<string, unknown>;
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.');
    const value = (row as Record<string, unknown>)?.[String(issue.path[0])];
    throw new ScrapeError(`row fails validation: ${issue.message} (value ${JSON.stringify(value)})`, {
      source, dataset, url, field, row: i + 1,
      hint: 'the source changed units, format or meaning of this field',
    });
  });
}

function checkNoDuplicateVersions(pending: PendingVersion[], source: string): void {
  const seen = new Set<string>();
  for (const p of pending) {
    const key = `${p.dataset}/${p.asOf}`;
    if (seen.has(key)) {
      throw new ScrapeError(`two captures produce the same version ${key}`, { source, dataset: p.dataset, url: p.capture.url, hint: 'two targets share an output dataset name' });
    }
    seen.add(key);
  }
}

function sidecar(source: SourceDef, p: PendingVersion) {
  return {
    source: source.id,
    source_name: source.name,
    dataset: p.dataset,
    format: p.target.format,
    as_of: p.asOf,
    live_url: p.capture.url,
    mode: p.capture.mode,
    fetched_at: p.capture.fetchedAt,
    captured: p.capture.captured,
    replay_file: p.capture.replayFile,
    copied_from: p.capture.copiedFrom,
    sha256: p.capture.sha256,
    bytes: p.capture.bytes.byteLength,
    etag: p.capture.etag,
    last_modified: p.capture.lastModified,
    licence: source.licence,
    citation: source.citation,
    homepage: source.homepage,
    notes: source.notes,
    rows: p.rows.length,
    rows_skipped: p.skipped?.count ? p.skipped : undefined,
    columns: p.spec.columns,
    scraper_version: SCRAPER_VERSION,
  };
}

interface LiveVersion { dataset: string; asOf: string; liveUrl: string; sha256: string; fetchedAt: string; etag?: string; lastModified?: string }

/**
 * Sidecars of this source's earlier live fetches, oldest first: the validators for a
 * conditional request, and the hashes that tell an unchanged file from a new version.
 * Keyed by live URL, since one URL can feed several output datasets.
 */
function liveHistory(outDir: string, source: string): LiveVersion[] {
  const root = join(outDir, source);
  if (!existsSync(root)) return [];
  const found: LiveVersion[] = [];
  for (const dataset of readdirSync(root)) {
    const dir = join(root, dataset);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.meta.json'))) {
      try {
        const m = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
        if (m.mode !== 'live') continue;
        found.push({ dataset, asOf: m.as_of!, liveUrl: m.live_url!, sha256: m.sha256!, fetchedAt: m.fetched_at!, etag: m.etag, lastModified: m.last_modified });
      } catch {
        // A corrupt sidecar only costs us a conditional request.
      }
    }
  }
  return found.sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt));
}

function asScrapeError(err: unknown, source: string, target?: Target, url?: string, file?: string): ScrapeError {
  if (err instanceof ScrapeError) return err;
  const dataset = target?.dataset;
  if (err instanceof ParseError) {
    return new ScrapeError(`${err.message}${file ? ` (in ${file})` : ''}`, { source, dataset, url, field: err.field, row: err.row, hint: err.hint, cause: err });
  }
  if (err instanceof HttpError) {
    return new ScrapeError(err.message, { source, dataset, url: err.url, hint: err.hint, cause: err });
  }
  return new ScrapeError(`unexpected error: ${(err as Error)?.message ?? String(err)}`, { source, dataset, url, hint: 'a bug in the scraper, or input it was never shown', cause: err });
}

export function formatSummary(rows: SummaryRow[]): string {
  const header = ['source', 'dataset', 'as_of', 'rows', 'status', 'source_refresh'];
  const body = rows.map((r) => [r.source, r.dataset, r.asOf || '-', String(r.rows), r.status, r.outcome ?? '-']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
