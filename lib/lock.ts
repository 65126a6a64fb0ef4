/**
 * One lock file per versioned-sources folder, shared by the scrapers and normalize, so a scrape
 * that commits a source while normalize reads the folder cannot make normalize publish a mix of
 * old and new versions. Normalize holds it for its whole read-and-publish; a scrape holds it
 * only while it renames one source's files into place. A lock whose process is gone (a kill -9)
 * is taken over.
 */
import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './output.ts';

export const LOCK_NAME = '.lock';

export class LockBusyError extends Error {
  constructor(dir: string, holder: string, waitedMs: number) {
    super(`${dir} is locked by ${holder} (waited ${Math.round(waitedMs / 1000)} s): a scrape or normalize is running on the same data; run them one after the other`);
    this.name = 'LockBusyError';
  }
}

export interface Lock { release(): void }

/** One attempt: the lock, or who holds it. */
function tryLock(dir: string, who: string): Lock | { holder: string } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid} ${who}\n`);
      closeSync(fd);
      let released = false;
      return { release: () => { if (!released) { released = true; rmSync(path, { force: true }); } } };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let text = '';
    try {
      text = readFileSync(path, 'utf8').trim();
    } catch {
      continue; // released between our two calls
    }
    const pid = Number(text.split(' ')[0]);
    if (isAlive(pid)) return { holder: `${text.split(' ').slice(1).join(' ') || 'a process'} (pid ${pid})` };
    rmSync(path, { force: true }); // its holder was killed: stale
  }
  return { holder: 'another process' };
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the lock, waiting up to `waitMs` (normalize: synchronous). */
export function lockSync(dir: string, who: string, waitMs = 60_000, stepMs = 200): Lock {
  for (let waited = 0; ; waited += stepMs) {
    const got = tryLock(dir, who);
    if ('release' in got) return got;
    if (waited >= waitMs) throw new LockBusyError(dir, got.holder, waited);
    sleepSync(stepMs);
  }
}

/** Takes the lock, waiting up to `waitMs` without blocking other sources' fetches. */
export async function lock(dir: string, who: string, waitMs = 120_000, stepMs = 200): Promise<Lock> {
  for (let waited = 0; ; waited += stepMs) {
    const got = tryLock(dir, who);
    if ('release' in got) return got;
    if (waited >= waitMs) throw new LockBusyError(dir, got.holder, waited);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
