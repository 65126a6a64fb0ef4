/**
 * Publishing normalize's outputs together, and reading its inputs as one state.
 *
 * Publish: every table, datapackage.json and the reports are written to a staging folder first;
 * a commit record listing them is then renamed into place (the one atomic step), and only then
 * are the files renamed over the published ones. A kill before the record leaves the published
 * files as they were (the staging folder is swept next time); a kill after it is rolled forward
 * by the next run, before it reads anything. Either way no reader is left with new tables
 * beside an old datapackage or changelog for longer than it takes to run normalize again.
 *
 * Read: a scrape renames one source's files into place under the sources folder's lock. Normalize
 * fingerprints the folder under that lock before and after it reads; if a scrape committed in
 * between, the inputs may be a mix of states and the run is refused (the CLI retries).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { lockSync } from '../../lib/lock.ts';
import { isAlive, isInside, writeAtomic } from '../../lib/output.ts';

export const COMMIT_RECORD = '.publish-commit.json';
const STAGING = /^\.publish-(\d+)-[0-9a-f]{32}$/;

export interface OutputFile { path: string; content: string }
interface Record { staging: string; files: { staged: string; path: string }[] }

/** Test hooks: called between the steps a kill -9 could fall between. */
export interface PublishHooks { beforeCommit?: () => void; afterRename?: (index: number) => void }

/**
 * Publishes `files` (paths relative to `outDir`) all together or not at all; returns the paths
 * whose content changed.
 */
export function publishTogether(outDir: string, files: readonly OutputFile[], hooks: PublishHooks = {}): string[] {
  const root = resolve(outDir);
  recoverPublish(root);
  const changed = files.filter((f) => {
    const path = join(root, f.path);
    return !(existsSync(path) && readFileSync(path, 'utf8') === f.content);
  });
  if (changed.length === 0) return [];
  const stagingName = `.publish-${process.pid}-${randomBytes(16).toString('hex')}`;
  const staging = join(root, stagingName);
  const record: Record = { staging: stagingName, files: [] };
  try {
    mkdirSync(staging, { recursive: true });
    changed.forEach((f, i) => {
      const path = join(root, f.path);
      if (!isInside(root, path)) throw new Error(`output ${f.path} is outside ${root}`);
      // Create (or check) every destination folder now: a folder that cannot be made must fail
      // the run before anything is published, not half-way through the renames.
      mkdirSync(dirname(path), { recursive: true });
      const staged = join(stagingName, String(i).padStart(4, '0'));
      writeFileSync(join(root, staged), f.content, { flag: 'wx' });
      record.files.push({ staged, path: f.path });
    });
    hooks.beforeCommit?.();
    writeAtomic(join(root, COMMIT_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  // Past the commit point: from here a failure is finished by the next run's recoverPublish.
  record.files.forEach((f, i) => {
    renameSync(join(root, f.staged), join(root, f.path));
    hooks.afterRename?.(i);
  });
  rmSync(join(root, COMMIT_RECORD), { force: true });
  rmSync(staging, { recursive: true, force: true });
  return changed.map((f) => f.path);
}

/**
 * Finishes a publish that was killed after its commit record (renames what is still staged),
 * and removes staging folders of runs killed before theirs. Returns the paths it completed.
 */
export function recoverPublish(outDir: string): string[] {
  const root = resolve(outDir);
  const done: string[] = [];
  const recordPath = join(root, COMMIT_RECORD);
  if (existsSync(recordPath)) {
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as Record;
    if (!STAGING.test(record.staging)) throw new Error(`${recordPath} names ${JSON.stringify(record.staging)}, not a staging folder of normalize: remove the record by hand`);
    for (const f of record.files) {
      const from = resolve(root, f.staged);
      const to = resolve(root, f.path);
      if (!isInside(join(root, record.staging), from) || !isInside(root, to)) throw new Error(`${recordPath} names a path outside ${root}: remove the record by hand`);
      if (!existsSync(from)) continue; // renamed before the kill
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
      done.push(f.path);
    }
    rmSync(recordPath, { force: true });
  }
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    const m = STAGING.exec(name);
    if (m && (!isAlive(Number(m[1])) || Number(m[1]) === process.pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
  return done;
}

/** What every file under the sources folder is (name, size, mtime, inode): a rename or rewrite changes it. */
export function sourcesFingerprint(dir: string): string {
  const root = resolve(dir);
  const lines: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue; // locks, journals and temp files are not inputs
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else {
        const s = lstatSync(path);
        lines.push(`${relative(root, path).split(sep).join('/')}\t${s.size}\t${s.mtimeMs}\t${s.ino}`);
      }
    }
  };
  if (existsSync(root)) walk(root);
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

export class SourcesChangedError extends Error {
  constructor(dir: string) {
    super(`${dir} changed while normalize was reading it (a scrape committed new versions): nothing was published; run normalize again`);
    this.name = 'SourcesChangedError';
  }
}

/**
 * Runs `read` over the sources folder and checks it saw one state: the folder's fingerprint,
 * taken under the lock scrapes commit under, is the same before and after.
 */
export function readConsistently<T>(sourcesDir: string, read: () => T, lockWaitMs?: number): T {
  const fingerprint = () => {
    const held = lockSync(sourcesDir, 'normalize', lockWaitMs);
    try {
      return sourcesFingerprint(sourcesDir);
    } finally {
      held.release();
    }
  };
  const before = fingerprint();
  const result = read();
  if (fingerprint() !== before) throw new SourcesChangedError(sourcesDir);
  return result;
}
