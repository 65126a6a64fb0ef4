/**
 * npm run bench:build-time — the whole-site build (`astro build`) timed N times (default 3);
 * prints each run and the median in seconds as JSON. Compare two commits by running it on
 * each: the race pages' budget is a median under twice the article-only build's.
 *
 *   node bench/build-time.ts [runs]
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${process.argv[2]}`);
const seconds: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  execFileSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  seconds.push(Math.round((performance.now() - t0) / 10) / 100);
}
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(JSON.stringify({ runs: seconds, median }));
