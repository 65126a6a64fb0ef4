/**
 * Running a step as a child process and measuring it: wall time (performance.now around the
 * child), user and system CPU and peak resident memory. Peak memory comes from GNU time
 * (`/usr/bin/time -v`, Debian package `time`): its "Maximum resident set size" is the largest
 * RSS of any single process in the child's tree, not their sum. Without GNU time the bench
 * polls /proc/<pid>/status VmHWM of the direct child every 25 ms instead (a slightly lower
 * bound: it misses grandchildren and a peak in the last few ms).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

export interface Measured {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  userS: number | null;
  sysS: number | null;
  maxRssMb: number | null;
  /** how peak memory was taken */
  rssMethod: 'gnu-time' | 'proc-vmhwm';
  /** last lines of stderr/stdout when the step failed */
  tail: string;
  timedOut: boolean;
}

export interface RunOptions { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }

/** Process groups of the children still running, ended if the bench itself is interrupted. */
const live = new Set<number>();
let handlerInstalled = false;
function installInterruptHandler(): void {
  if (handlerInstalled) return;
  handlerInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const pid of live) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
      process.exit(130);
    });
  }
}

export async function runMeasured(cmd: string, args: string[], opts: RunOptions): Promise<Measured> {
  const useTime = hasGnuTime();
  const argv = useTime ? [GNU_TIME, '-v', cmd, ...args] : [cmd, ...args];
  const t0 = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  installInterruptHandler();
  if (child.pid) live.add(child.pid);
  let out = '';
  let err = '';
  // Keep only the last 64 KB of each stream: enough for GNU time's block and an error message.
  child.stdout.on('data', (d: Buffer) => { out = (out + d.toString()).slice(-65536); });
  child.stderr.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-65536); });
  let hwmKb = 0;
  const poll = useTime ? undefined : setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
    } catch { /* process gone */ }
  }, 25);
  let timedOut = false;
  // The child leads its own process group, so a timeout ends it and its own children (only those).
  const timer = opts.timeoutMs ? setTimeout(() => {
    timedOut = true;
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
  }, opts.timeoutMs) : undefined;
  const exitCode: number | null = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - t0;
  if (child.pid) live.delete(child.pid);
  if (poll) clearInterval(poll);
  if (timer) clearTimeout(timer);

  let userS: number | null = null;
  let sysS: number | null = null;
  let maxRssMb: number | null = hwmKb ? hwmKb / 1024 : null;
  let childExit = exitCode;
  if (useTime) {
    const num = (re: RegExp) => { const m = re.exec(err); return m ? Number(m[1]) : null; };
    userS = num(/User time \(seconds\): ([\d.]+)/);
    sysS = num(/System time \(seconds\): ([\d.]+)/);
    const rss = num(/Maximum resident set size \(kbytes\): (\d+)/);
    maxRssMb = rss === null ? null : rss / 1024;
    const status = num(/Exit status: (\d+)/);
    if (status !== null) childExit = status;
    err = err.replace(/\s*Command (being timed|exited|terminated)[\s\S]*$/, '');
  }
  const ok = childExit === 0 && !timedOut;
  // Errors go to stderr; fall back to stdout when stderr is empty.
  // The first line that names an error, then the last lines of the output.
  const lines = (err.trim() || out.trim()).split('\n');
  const first = lines.find((l) => /\berror\b|\bfailed\b/i.test(l));
  const tail = ok ? '' : [...(first ? [first] : []), ...lines.slice(-8).filter((l) => l !== first)].join('\n');
  return { ok, exitCode: childExit, wallMs, userS, sysS, maxRssMb, rssMethod: useTime ? 'gnu-time' : 'proc-vmhwm', tail, timedOut };
}

export function median(xs: readonly number[]): number | null {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median of the runs that succeeded, plus min and max so the spread is visible. */
export interface Summary { median: number | null; min: number | null; max: number | null; n: number }
export function summarize(xs: readonly (number | null | undefined)[]): Summary {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return { median: median(v), min: v.length ? Math.min(...v) : null, max: v.length ? Math.max(...v) : null, n: v.length };
}

export interface StepSummary { wallS: Summary; cpuS: Summary; maxRssMb: Summary; runs: number; failures: string[]; rssMethod: string }
export function summarizeSteps(runs: readonly Measured[]): StepSummary {
  const good = runs.filter((r) => r.ok);
  return {
    wallS: summarize(good.map((r) => r.wallMs / 1000)),
    cpuS: summarize(good.map((r) => (r.userS ?? NaN) + (r.sysS ?? NaN))),
    maxRssMb: summarize(good.map((r) => r.maxRssMb)),
    runs: runs.length,
    failures: runs.filter((r) => !r.ok).map((r) => (r.timedOut ? 'timed out' : `exit ${r.exitCode}: ${r.tail}`)),
    rssMethod: runs[0]?.rssMethod ?? (hasGnuTime() ? 'gnu-time' : 'proc-vmhwm'),
  };
}
