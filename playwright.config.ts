import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/harness';

// End-to-end tests: @playwright/test driving Debian's Chromium (never a downloaded browser)
// against the built web edition. Each test has its own context, page and host (tests/e2e/README.md).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  // E2E_OUTPUT_DIR keeps two runs in one checkout from clearing each other's artifacts.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/playwright',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores shared with other work: one browser at a time unless asked (`--workers N`).
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'test-results/playwright-report' }]] : 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
