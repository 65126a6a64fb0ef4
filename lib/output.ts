/**
 * Writing versioned outputs: <out>/<source>/<dataset>/<as_of>.csv and <as_of>.meta.json.
 * Files are written to a hidden temp file in the same folder and renamed into place, so a
 * reader (or a crash) never sees half a file. Unchanged content is not rewritten.
 *
 * Temp files have an unguessable name (128 random bits and the writer's pid), and a run records
 * each one in a journal at the top of its output folder before creating it. The sweep that
 * cleans up after a killed run removes only files a dead run's journal names, so it can never
 * delete a file it did not create, and never walks the output tree (`--out /` stays cheap).
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const TEMP_MARK = '.tmp-';
/** `.<final name>.<32 hex>.tmp-<pid>`: what stageFile creates, and all the sweep will ever remove. */
const TEMP_NAME = /^\.(.+)\.([0-9a-f]{32})\.tmp-(\d+)$/;
const JOURNAL_NAME = /^\.scrape-journal-(\d+)-([0-9a-f]{32})$/;

export function versionPaths(outDir: string, source: string, dataset: string, asOf: string) {
  const dir = join(outDir, source, dataset);
  return { dir, csv: join(dir, `${asOf}.csv`), meta: join(dir, `${asOf}.meta.json`) };
}

/** `inner` is `outer` or lies below it (both already resolved). */
export function isInside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The list of temp files one run creates under its output folder, one path a line, written
 * before each temp file exists so a kill at any point leaves its temps findable. Removed when
 * the run ends; a journal whose process is gone is what sweepStaleTemps reads.
 */
export class TempJournal {
  readonly root: string;
  readonly path: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.path = join(this.root, `.scrape-journal-${process.pid}-${randomBytes(16).toString('hex')}`);
  }

  record(temp: string): void {
    mkdirSync(this.root, { recursive: true });
    appendFileSync(this.path, `${relative(this.root, temp).split(sep).join('/')}\n`);
  }

  close(): void {
    try {
      rmSync(this.path, { force: true });
    } catch {
      // Could not remove it (the folder became read-only): the next run's sweep will.
    }
  }
}

/** A new file written beside its final path, not yet renamed into place. */
export interface StagedFile { path: string; temp: string }

/** Writes `content` to a temp file beside `path`; null when `path` already holds exactly this content. */
export function stageFile(path: string, content: string, journal?: TempJournal): StagedFile | null {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return null;
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(16).toString('hex')}${TEMP_MARK}${process.pid}`);
  journal?.record(temp);
  try {
    // 'wx': never follow or overwrite something already there under this name.
    writeFileSync(temp, content, { flag: 'wx' });
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  return { path, temp };
}

/** Renames staged files into place, in order. */
export function commitStaged(files: readonly StagedFile[]): void {
  for (const f of files) renameSync(f.temp, f.path);
}

/** Removes staged temp files that will not be committed. */
export function discardStaged(files: readonly StagedFile[]): void {
  for (const f of files) rmSync(f.temp, { force: true });
}

/**
 * Writes atomically; returns false when the file already held exactly this content.
 * Not write-file-atomic (in node_modules as a dependency of a dependency): a scrape stages
 * every file of a source and then renames them all (stageFile/commitStaged), and a journal
 * names each temp file so a later run removes only a killed run's leftovers (sweepStaleTemps).
 * write-file-atomic writes one file at a time and keeps no journal.
 */
export function writeAtomic(path: string, content: string, journal?: TempJournal): boolean {
  const staged = stageFile(path, content, journal);
  if (!staged) return false;
  try {
    commitStaged([staged]);
  } catch (err) {
    discardStaged([staged]);
    throw err;
  }
  return true;
}

/**
 * Removes the temp files that runs killed mid-write left under `root`: only those a dead run's
 * journal names, only inside `root`, only regular files named as stageFile names them.
 * Reads `root` itself and nothing else unless a journal is there.
 */
export function sweepStaleTemps(root: string): string[] {
  const removed: string[] = [];
  const top = resolve(root);
  let names: string[];
  try {
    names = readdirSync(top);
  } catch {
    return removed; // missing, or not a folder: the run's own checks say so
  }
  for (const name of names) {
    const j = JOURNAL_NAME.exec(name);
    if (!j || isAlive(Number(j[1]))) continue;
    const journal = join(top, name);
    let lines: string[];
    try {
      lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean);
    } catch {
      continue; // unreadable: leave it, and its temps, to a person
    }
    for (const line of lines) {
      const path = resolve(top, line);
      const m = TEMP_NAME.exec(basename(path));
      if (isAbsolute(line) || !isInside(top, path) || !m || m[3] !== j[1]) continue;
      try {
        if (!lstatSync(path).isFile()) continue;
      } catch {
        continue; // renamed into place before the kill, or never created
      }
      try {
        rmSync(path, { force: true });
        removed.push(path);
      } catch {
        // not removable by us: left in place, not fatal to the run
      }
    }
    try {
      rmSync(journal, { force: true });
    } catch {
      // a read-only output folder: the run itself will say so
    }
  }
  return removed;
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return pid === process.pid;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user — alive, so its temp file is not ours to remove.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** JSON with a fixed key order (insertion order of a literal) and a trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
