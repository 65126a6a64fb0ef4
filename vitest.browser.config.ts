import { defineConfig } from 'vitest/config';

// Browser tests: a built dist/ served on 127.0.0.1, driven with Debian's Chromium through
// playwright-core. One file at a time in one fork (the CI machine has 2 cores; each file
// starts its own browser), with timeouts long enough for a second Astro build.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
