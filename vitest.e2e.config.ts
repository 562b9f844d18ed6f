import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium (playwright-core) against the built web edition.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
