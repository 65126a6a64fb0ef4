/**
 * Where a scraper's bytes come from. The scraper code is the same in both modes:
 * it asks for a Target and gets Captures back.
 * - live: one fetch through the shared HTTP client, dated today;
 * - replay: the captured files a manifest lists for that (source, dataset, format).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { HttpClient } from './http.ts';
import type { Capture, Target } from './source.ts';
import { ScrapeError } from './errors.ts';

export interface Transport {
  readonly mode: 'live' | 'replay';
  fetch(source: string, target: Target, opts: { allDates: boolean; previous?: { etag?: string; lastModified?: string } }): Promise<Capture[]>;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const manifestEntry = z.object({
  source: z.string(),
  format: z.string(),
  dataset: z.string(),
  as_of: isoDate,
  captured: isoDate,
  /** Not in the manifest itself: the exact capture time found in the folder's PROVENANCE.md, to order same-day corrections. */
  captured_at: z.string().optional(),
  file: z.string(),
  // Null for a captured folder (a source tree), whose files are hashed one by one.
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  live_url: z.string(),
  copied_from: z.object({ repo: z.string().nullable(), commit: z.string().nullable() }).nullable().optional(),
  provenance: z.string().optional(),
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
        texts.set(e.provenance, readFileSync(join(dir, e.provenance), 'utf8').split('\n'));
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

  constructor(dir: string) {
    this.dir = resolve(dir);
    this.entries = withCaptureTimes(this.dir, readManifest(this.dir));
  }

  async fetch(source: string, target: Target, opts: { allDates: boolean }): Promise<Capture[]> {
    return selectCaptures(this.entries, source, target, opts.allDates).map((e) => {
      const path = join(this.dir, e.file);
      let bytes: Uint8Array;
      let files: Record<string, Uint8Array> | undefined;
      try {
        if (statSync(path).isDirectory()) {
          files = readTree(path);
          bytes = treeDigestInput(files);
        } else {
          bytes = readFileSync(path);
        }
      } catch (err) {
        throw new ScrapeError(`captured file missing: ${(err as Error).message}`, { source, dataset: target.dataset, url: e.live_url, hint: 'the snapshots folder is incomplete' });
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

/** Every file under a folder, keyed by its path relative to the folder (sorted, '/'-separated). */
export function readTree(root: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path).split('\\').join('/')] = readFileSync(path);
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
