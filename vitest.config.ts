import { defineConfig } from 'vitest/config';

// Unit tests run in parallel; end-to-end tests (test/e2e) spawn real workerd processes and
// bind loopback ports, so they get generous timeouts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One TMPDIR per run, removed afterwards (test/setup/temp-dir.ts).
    globalSetup: ['test/setup/temp-dir.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
