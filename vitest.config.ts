import { defineConfig } from 'vitest/config';

// Unit tests live next to the code they test.
export default defineConfig({
  test: {
    include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
  },
});
