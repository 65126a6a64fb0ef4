/**
 * Where a scraper's bytes come from. The scraper code is the same in both modes:
 * it asks for a Target and gets Captures back.
 * - live: one fetch through the shared HTTP client, dated today;
 * - replay: the captured files a manifest lists for that (source, dataset, format).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_BYTES, type HttpClient } from './http.ts';
import type { Capture, Target } from './source.ts';
import { ScrapeError } from '../../lib/errors.ts';
import { isCalendarDate, versionDateProblem } from '../../lib/dates.ts';
import { isInside } from '../../lib/output.ts';

export interface Transport {
  readonly mode: 'live' | 'replay';
  fetch(source: string, target: Target, opts: { allDates: boolean; previous?: { etag?: string; lastModified?: string } }): Promise<Capture[]>;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const isoDate = z.string().refine(isCalendarDate, 'not a calendar date (YYYY-MM-DD)');
/**
 * A path inside the replay folder, as written: relative, '/'-separated, no '..' segment, no
 * backslash or NUL, no percent-encoding (a careless copy that decodes it later would escape).
 * The resolved path and every symlink on the way are checked again when the file is read.
 */
const insidePath = z.string().min(1).refine(
  (p) => !isAbsolute(p) && !/^[a-zA-Z]:/.test(p) && !/[\\\0]|%[0-9a-fA-F]{2}/.test(p) && !p.split('/').some((seg) => seg === '..'),
  'must be a relative path inside the replay folder (no "..", no absolute path, no backslash or %-escape)',
);
const manifestEntry = z.object({
  source: z.string(),
  format: z.string(),
  dataset: z.string(),
  as_of: isoDate,
  captured: isoDate,
  /** Not in the manifest itself: the exact capture time found in the folder's PROVENANCE.md, to order same-day corrections. */
  captured_at: z.string().optional(),
  file: insidePath,
  // Null for a captured folder (a source tree), whose files are hashed one by one.
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  live_url: z.string(),
  copied_from: z.object({ repo: z.string().nullable(), commit: z.string().nullable() }).nullable().optional(),
  provenance: insidePath.optional(),
}).superRefine((e, ctx) => {
  const problem = versionDateProblem(e.as_of, e.captured);
  if (problem) ctx.addIssue({ code: 'custom', path: ['as_of'], message: `${problem}: a manifest cannot date data after its capture` });
});
export type ManifestEntry = z.infer<typeof manifestEntry>;
const manifestSchema = z.object({ entries: z.array(manifestEntry) });

export function readManifest(dir: string): ManifestEntry[] {
  const path = join(dir, 'manifest.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read replay manifest ${path}: ${(err as Error).message} — is --replay pointing at a snapshots folder?`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`replay manifest ${path} is invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.data.entries.length === 0) {
    throw new Error(`replay manifest ${path} lists no captures (entries: []): nothing to replay — is this the right folder?`);
  }
  return parsed.data.entries;
}

/**
 * Picks the captures to replay for a target: one per as_of (a later capture of the same
 * as_of is a correction and wins), and only the newest as_of unless every date is asked for.
 */
/** Newer capture sorts higher: by date, then by the exact time PROVENANCE.md gives, then by file name. */
const captureOrder = (e: ManifestEntry) => `${e.captured}|${e.captured_at ?? ''}|${e.file}`;

/**
 * Several captures can share a capture date (a table fixed an hour after it was published). The
 * manifest has dates only; the folder's PROVENANCE.md usually names each file with its commit's
 * ISO timestamp. Read it, so the later fix wins rather than the file name that sorts last.
 */
export function withCaptureTimes(dir: string, entries: ManifestEntry[]): ManifestEntry[] {
  const texts = new Map<string, string[]>();
  return entries.map((e) => {
    if (!e.provenance) return e;
    if (!texts.has(e.provenance)) {
      try {
        texts.set(e.provenance, readFileSync(containedPath(dir, e.provenance), 'utf8').split('\n'));
      } catch {
        texts.set(e.provenance, []);
      }
    }
    const base = e.file.split('/').pop()!;
    const line = texts.get(e.provenance)!.find((l) => l.includes(base));
    const time = line?.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?/)?.[0];
    return time ? { ...e, captured_at: new Date(time).toISOString() } : e;
  });
}

export function selectCaptures(entries: ManifestEntry[], source: string, target: Target, allDates: boolean): ManifestEntry[] {
  const candidates = entries.filter((e) => e.source === source && e.dataset === target.dataset && e.format === target.format);
  // One (dataset, format) can hold several documents (a LICENSE and a USAGE_POLICY): the target's URL picks its own.
  const sameUrl = candidates.filter((e) => documentKey(e.live_url) === documentKey(target.url));
  const byAsOf = new Map<string, ManifestEntry>();
  for (const e of sameUrl.length ? sameUrl : candidates) {
    const prev = byAsOf.get(e.as_of);
    if (!prev || captureOrder(e) > captureOrder(prev)) byAsOf.set(e.as_of, e);
  }
  const sorted = [...byAsOf.values()].sort((a, b) => a.as_of.localeCompare(b.as_of));
  return allDates ? sorted : sorted.slice(-1);
}

export class ReplayTransport implements Transport {
  readonly mode = 'replay' as const;
  readonly dir: string;
  readonly entries: ManifestEntry[];

  /** The folder with every symlink resolved: what "inside" is measured against. */
  readonly realDir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
    this.entries = withCaptureTimes(this.dir, readManifest(this.dir));
    this.realDir = realpathSync(this.dir);
  }

  async fetch(source: string, target: Target, opts: { allDates: boolean }): Promise<Capture[]> {
    const maxBytes = target.maxBytes ?? DEFAULT_MAX_BYTES;
    return selectCaptures(this.entries, source, target, opts.allDates).map((e) => {
      const where = { source, dataset: target.dataset, url: e.live_url };
      let path: string;
      try {
        path = containedPath(this.dir, e.file);
      } catch (err) {
        if (!(err instanceof OutsideReplayError)) {
          throw new ScrapeError(`captured file missing: ${(err as Error).message}`, { ...where, hint: 'the snapshots folder is incomplete' });
        }
        throw new ScrapeError(`refused capture ${e.file}: ${err.message}`, { ...where, hint: 'the manifest or the folder was tampered with, or copied with links to elsewhere; a capture must be a file inside the replay folder' });
      }
      let bytes: Uint8Array;
      let files: Record<string, Uint8Array> | undefined;
      try {
        if (statSync(path).isDirectory()) {
          files = readTree(path, this.realDir, maxBytes);
          bytes = treeDigestInput(files);
        } else {
          checkSize(path, e.file, maxBytes);
          bytes = readFileSync(path);
        }
      } catch (err) {
        if (err instanceof OutsideReplayError || err instanceof TooLargeError) {
          throw new ScrapeError(`refused capture ${e.file}: ${err.message}`, { ...where, hint: err instanceof TooLargeError ? 'not the file this target expects; raise maxBytes for this target only if that is expected' : 'a link in the capture folder leads outside the replay folder' });
        }
        throw new ScrapeError(`captured file missing: ${(err as Error).message}`, { ...where, hint: 'the snapshots folder is incomplete' });
      }
      const hash = sha256(bytes);
      if (e.sha256 && hash !== e.sha256) {
        throw new ScrapeError(`captured file ${e.file} does not match its manifest sha256`, { source, dataset: target.dataset, url: e.live_url, hint: 'the file was edited or truncated after capture' });
      }
      return {
        mode: 'replay',
        bytes,
        files,
        url: e.live_url,
        asOf: e.as_of,
        fetchedAt: `${e.captured}T00:00:00Z`,
        sha256: hash,
        copiedFrom: e.copied_from?.repo ? { repo: e.copied_from.repo, commit: e.copied_from.commit ?? '' } : undefined,
        captured: e.captured,
        replayFile: e.file,
      } satisfies Capture;
    });
  }
}

export class LiveTransport implements Transport {
  readonly mode = 'live' as const;
  private readonly http: HttpClient;
  private readonly now: () => Date;

  constructor(http: HttpClient, now: () => Date = () => new Date()) {
    this.http = http;
    this.now = now;
  }

  async fetch(source: string, target: Target, opts: { previous?: { etag?: string; lastModified?: string } }): Promise<Capture[]> {
    const headers = target.headers?.() ?? {};
    const res = await this.http.get({
      url: target.url,
      source,
      headers,
      secretHeaders: Object.keys(headers),
      accept: target.accept,
      maxBytes: target.maxBytes,
      etag: opts.previous?.etag,
      lastModified: opts.previous?.lastModified,
    });
    if (res.notModified) return [];
    const now = this.now();
    return [{
      mode: 'live',
      bytes: res.body,
      url: target.url,
      asOf: now.toISOString().slice(0, 10),
      fetchedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sha256: sha256(res.body),
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
    }];
  }
}

export class OutsideReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutsideReplayError';
  }
}

class TooLargeError extends Error {}

/**
 * `rel` resolved under `dir`, refusing what leads outside it: an absolute path, a '..' that
 * climbs out, or a symlink (the file itself or any folder on the way) whose target is outside.
 * Returns the real path, so the read that follows does not go through the link again.
 */
export function containedPath(dir: string, rel: string): string {
  const root = realpathSync(dir);
  if (isAbsolute(rel)) throw new OutsideReplayError(`path ${JSON.stringify(rel)} is absolute; it must be relative to the replay folder`);
  const lexical = resolve(root, rel);
  if (!isInside(root, lexical)) throw new OutsideReplayError(`path ${JSON.stringify(rel)} resolves to ${lexical}, outside the replay folder ${root}`);
  const real = realpathSync(lexical); // throws ENOENT for a missing file: the caller says "missing"
  if (!isInside(root, real)) {
    throw new OutsideReplayError(`path ${JSON.stringify(rel)} is (or goes through) a symlink to ${real}, outside the replay folder ${root}`);
  }
  return real;
}

function checkSize(path: string, name: string, maxBytes: number): void {
  const size = statSync(path).size;
  if (size > maxBytes) throw new TooLargeError(`${name} is ${size} bytes, over the ${maxBytes}-byte limit downloads have`);
}

/**
 * Every file under a folder, keyed by its path relative to the folder (sorted, '/'-separated).
 * With `inside`, a symlink is followed only to a file inside that folder (a link to a folder is
 * refused: it could loop), and the tree's total size is capped like a download.
 */
export function readTree(root: string, inside?: string, maxBytes = Infinity): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      let path = join(dir, entry.name);
      const key = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      if (inside !== undefined && lstatSync(path).isSymbolicLink()) {
        const real = realpathSync(path);
        if (!isInside(inside, real)) throw new OutsideReplayError(`${key} is a symlink to ${real}, outside the replay folder ${inside}`);
        if (statSync(real).isDirectory()) throw new OutsideReplayError(`${key} is a symlink to a folder (${real}); only files may be linked`);
        path = real;
      }
      total += statSync(path).size;
      if (total > maxBytes) throw new TooLargeError(`the captured folder ${root} holds more than the ${maxBytes}-byte limit downloads have`);
      out[key] = readFileSync(path);
    }
  };
  walk(root);
  return out;
}

/** A deterministic byte string standing for a whole tree, so a folder gets one sha256 like a file. */
function treeDigestInput(files: Record<string, Uint8Array>): Uint8Array {
  const lines = Object.keys(files).sort().map((k) => `${sha256(files[k]!)}  ${k}\n`).join('');
  return new TextEncoder().encode(lines);
}

/**
 * The document a URL names, ignoring how it is served: a GitHub blob page and its raw file,
 * or a Hugging Face file at /raw/, /blob/ or /resolve/, at any revision, are one document.
 */
export function documentKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const parts = u.pathname.split('/').filter(Boolean);
  if (u.hostname === 'github.com' && parts[2] === 'blob') return `gh:${parts[0]}/${parts[1]}/${parts.slice(4).join('/')}`;
  if (u.hostname === 'raw.githubusercontent.com') {
    const rest = parts[2] === 'refs' ? parts.slice(5) : parts.slice(3);
    return `gh:${parts[0]}/${parts[1]}/${rest.join('/')}`;
  }
  if (u.hostname === 'huggingface.co' && ['raw', 'blob', 'resolve'].includes(parts[2] ?? '')) return `hf:${parts[0]}/${parts[1]}/${parts.slice(4).join('/')}`;
  return `${u.host}${u.pathname}`;
}
