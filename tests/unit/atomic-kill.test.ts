/**
 * Atomic writes under SIGKILL: a child process rewrites a large CSV through writeAtomic in a
 * loop and is killed mid-write. The final path must hold either nothing or a complete earlier
 * version, never a partial file; the temp file the dead writer left is removed by the next
 * run's sweepStaleTemps.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runSources } from '../../scrapers/lib/run.ts';
import { ReplayTransport } from '../../scrapers/lib/transport.ts';
import { fakeSource, makeReplayDir } from '../helpers/fake-source.ts';

const WRITER = fileURLToPath(new URL('../helpers/atomic-writer.ts', import.meta.url));
const MEGABYTES = 16;
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tmp-'));

const children = new Set<ChildProcess>();
afterEach(() => {
  // Only the writers this file started, by their own pid.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
});

interface Outcome { pid: number; versions: string[]; leftovers: string[]; finalSha: string | null }

/**
 * Starts a writer on `finalPath` (with the same Node 24 that `npx node` resolves to, so the
 * pid we kill is the writer's own), waits until a temp file is being written, and SIGKILLs it.
 * Retries a few times in the rare case the rename won the race and no temp was left behind.
 */
async function killMidWrite(finalPath: string, root: string): Promise<Outcome> {
  const dir = dirname(finalPath);
  let last: Outcome | undefined;
  for (let trial = 0; trial < 8; trial++) {
    const child = spawn(process.execPath, [WRITER, finalPath, String(MEGABYTES), root], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const ready = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', () => reject(new Error(`writer exited before it was ready: ${stderr}`)));
    });
    const [word, pid, shaA, shaB] = ready.split(' ');
    expect(word).toBe('ready');
    expect(Number(pid)).toBe(child.pid);
    // Poll for the writer's temp file, then kill at once: it is very likely still being written.
    for (let i = 0; i < 5000 && temps(dir).length === 0; i++) await sleep(1);
    child.kill('SIGKILL');
    await exited; // reaped: from now on the pid is dead, as the sweep will see it
    expect(child.signalCode).toBe('SIGKILL');
    last = {
      pid: child.pid!,
      versions: [shaA!, shaB!],
      leftovers: temps(dir),
      finalSha: existsSync(finalPath) ? sha(readFileSync(finalPath)) : null,
    };
    if (last.leftovers.length > 0) return last;
  }
  return last!;
}

describe('writeAtomic under SIGKILL', { timeout: 30_000 }, () => {
  it('killed while replacing a previous version: the final file is a complete version, and the next run sweeps the temp file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kill-'));
    const finalPath = join(out, 'big', 'x', '2025-01-01.csv');
    mkdirSync(dirname(finalPath), { recursive: true });
    const previous = 'name,score\nprevious,0\n';
    writeFileSync(finalPath, previous);

    const o = await killMidWrite(finalPath, out);
    expect(o.leftovers.length, 'no kill landed mid-write in 8 tries').toBeGreaterThan(0);
    // The final path holds the previous file or one whole version written before, never a partial one.
    expect([sha(previous), ...o.versions]).toContain(o.finalSha);
    // The leftover is the dead writer's, and it is partial: the kill did land mid-write.
    const leftover = o.leftovers[0]!;
    expect(leftover).toMatch(new RegExp(`^\\..+\\.tmp-${o.pid}$`));
    expect(statSync(join(dirname(finalPath), leftover)).size).toBeLessThan(MEGABYTES * 1024 * 1024);
    const finalBefore = readFileSync(finalPath);

    // The next run (any source, same output folder) removes the dead writer's temp file first.
    const logs: string[] = [];
    const replay = makeReplayDir([{ source: 'other', dataset: 'z', as_of: '2025-01-02', content: 'name,score\nz,1\n' }]);
    const summary = await runSources([fakeSource('other', ['z'])], { transport: new ReplayTransport(replay), outDir: out, allDates: false, log: (l) => logs.push(l) });
    expect(summary[0]).toMatchObject({ source: 'other', status: 'written' });
    expect(logs).toContain(`removed stale temp file ${join(dirname(finalPath), leftover)}`);
    expect(temps(dirname(finalPath))).toEqual([]);
    expect(readFileSync(finalPath).equals(finalBefore)).toBe(true);
  });

  it('killed during the very first write: the final file is absent (or complete), never partial', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kill-'));
    const finalPath = join(out, 'big', 'x', '2025-01-01.csv');
    mkdirSync(dirname(finalPath), { recursive: true });

    const o = await killMidWrite(finalPath, out);
    expect(o.leftovers.length, 'no kill landed mid-write in 8 tries').toBeGreaterThan(0);
    if (o.finalSha !== null) expect(o.versions).toContain(o.finalSha);
    const removed = (await import('../../lib/output.ts')).sweepStaleTemps(out);
    expect(removed.map((p) => p.split('/').pop())).toEqual(o.leftovers);
    expect(readdirSync(dirname(finalPath)).filter((n) => n !== '2025-01-01.csv')).toEqual([]);
  });
});
