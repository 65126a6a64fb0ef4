/**
 * fast-check settings shared by every property file: a fixed seed so CI is deterministic,
 * overridable to explore (FC_SEED=123 FC_RUNS=2000 npx vitest run tests/property).
 * A failure prints the seed and the path that reproduces it.
 */
import fc from 'fast-check';

export const SEED = Number.parseInt(process.env.FC_SEED ?? '42', 10);
export const NUM_RUNS = Number.parseInt(process.env.FC_RUNS ?? '150', 10);

fc.configureGlobal({ seed: SEED, numRuns: NUM_RUNS });

export { fc };
