import { defineConfig } from 'vitest/config';

// Unit tests live next to the code they test.
export default defineConfig({
  test: {
    include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
    // Property tests (random flows through the machine and the fast path) take seconds each, and
    // run two files at a time on a 2-core machine: vitest's 5 s default fails them on load alone.
    testTimeout: 60_000,
  },
});
