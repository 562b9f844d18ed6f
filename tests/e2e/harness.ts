import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createBackendStore } from '../../src-main/host/backend-store';
import { createHandlerRegistry } from '../../src-main/host/handler-registry';
import { createHostHandlers } from '../../src-main/host/handlers';
import { createSecretStore } from '../../src-main/host/secret-store';
import { startWebHost, type WebHost } from '../../src-main/web/host-server';
import { findChromium, noChromiumMessage } from '../../src-main/tooling/find-chromium.mjs';

export const rootDir = fileURLToPath(new URL('../..', import.meta.url));
export const resultsDir = join(rootDir, 'test-results');
// E2E_DIST_DIR points the tests at a copy of a build (for example while dist/ is being rebuilt).
const distDir = process.env.E2E_DIST_DIR ?? join(rootDir, 'dist');

/** The flags every Chromium of the tests runs with (Debian's build, no network side traffic). */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** The system Chromium the tests drive; Playwright's own browser download is never used. */
export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error(noChromiumMessage);
  return path;
}

/**
 * Serves the built web edition in-process on an ephemeral loopback port, with its host
 * configuration (backends, secrets) under `configDir`. It builds nothing: `npm run test:e2e` builds first.
 */
export async function startTestHost(configDir: string): Promise<WebHost> {
  if (!existsSync(join(distDir, 'renderer', 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first.');
  const secrets = createSecretStore({ file: join(configDir, 'secrets.json') });
  const backends = createBackendStore(join(configDir, 'backends.json'));
  const registry = createHandlerRegistry(createHostHandlers({ edition: 'web', version: 'e2e', examplesDir: join(distDir, 'examples'), secrets, backends }));
  return startWebHost({ registry, rendererDir: join(distDir, 'renderer'), port: 0 });
}

export interface Harness {
  host: WebHost;
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far; a clean run leaves this empty. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * A host and a Chromium with a fresh profile, for the benchmarks (tests/bench), which run
 * outside the Playwright test runner. End-to-end tests use the fixtures in fixtures.ts instead.
 */
export async function startHarness(): Promise<Harness> {
  const profile = mkdtempSync(join(tmpdir(), 'cs-e2e-profile-'));
  const host = await startTestHost(join(profile, 'host-config'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  mkdirSync(resultsDir, { recursive: true });
  return {
    host,
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await host.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The example the import tests use: onboarding-drip.json when it exists, else the first one. */
export function pickExample(): string {
  const dir = join(rootDir, 'resources', 'examples');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : [];
  const file = files.includes('onboarding-drip.json') ? 'onboarding-drip.json' : files[0];
  if (!file) throw new Error('No example flows in resources/examples.');
  return join(dir, file);
}
