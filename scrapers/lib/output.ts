/**
 * Writing versioned outputs: <out>/<source>/<dataset>/<as_of>.csv and <as_of>.meta.json.
 * Files are written to a hidden temp file in the same folder and renamed into place, so a
 * reader (or a crash) never sees half a file. Unchanged content is not rewritten.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TEMP_MARK = '.tmp-';

export function versionPaths(outDir: string, source: string, dataset: string, asOf: string) {
  const dir = join(outDir, source, dataset);
  return { dir, csv: join(dir, `${asOf}.csv`), meta: join(dir, `${asOf}.meta.json`) };
}

/** Writes atomically; returns false when the file already held exactly this content. */
export function writeAtomic(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${Math.random().toString(36).slice(2)}${TEMP_MARK}${process.pid}`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  return true;
}

/** Removes temp files left by a run that was killed mid-write (their process is gone). */
export function sweepStaleTemps(root: string): string[] {
  const removed: string[] = [];
  if (!existsSync(root)) return removed;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.startsWith('.') && entry.name.includes(TEMP_MARK)) {
        const pid = Number(entry.name.split(TEMP_MARK)[1]);
        if (!isAlive(pid)) {
          rmSync(path, { force: true });
          removed.push(path);
        }
      }
    }
  };
  walk(root);
  return removed;
}

function isAlive(pid: number): boolean {
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
