import { defineConfig } from 'vitest/config';

// The runner's process-level tests: real child processes, kill -9, PGlite and PostgreSQL.
// Slow and heavy, so apart from the unit suite; one file at a time.
export default defineConfig({
  test: {
    include: ['tests/runner/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
