/**
 * npm run bench:build-time — the whole-site build (`astro build`) timed N times (default 3):
 * wall-clock seconds and CPU seconds (user + system, the build and its child processes), each
 * run and the medians, as JSON. CPU time is the steadier figure on a shared machine, where
 * wall-clock time mostly measures the neighbours. Compare two commits by running it in a
 * checkout of each, alternating, so both see the same load.
 *
 *   node bench/build-time.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${process.argv[2]}`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number) => Math.round(x * 100) / 100;
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  // bash's `time -p` reports the CPU time of the whole process tree (npx, astro, its workers).
  const r = spawnSync('bash', ['-c', 'time -p npx astro build > /dev/null'], { encoding: 'utf8' });
  wall.push(round((performance.now() - t0) / 1000));
  if (r.status !== 0) throw new Error(`astro build failed (exit ${r.status}):\n${r.stderr}`);
  const user = Number(/^user\s+([\d.]+)/m.exec(r.stderr)?.[1]);
  const sys = Number(/^sys\s+([\d.]+)/m.exec(r.stderr)?.[1]);
  if (!Number.isFinite(user) || !Number.isFinite(sys)) throw new Error(`no CPU times in the output of time -p:\n${r.stderr.slice(-500)}`);
  cpu.push(round(user + sys));
}
console.log(JSON.stringify({ wallSeconds: wall, wallMedian: median(wall), cpuSeconds: cpu, cpuMedian: median(cpu) }));
