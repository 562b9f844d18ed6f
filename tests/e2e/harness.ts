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
const distDir = join(rootDir, 'dist');

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface Harness {
  host: WebHost;
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far; a clean run leaves this empty. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Starts the built web edition on an ephemeral port (in-process) and a Chromium with a fresh
 * profile. It builds nothing: `npm run test:e2e` builds first.
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(distDir, 'renderer', 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first.');
  const executablePath = findChromium();
  if (!executablePath) throw new Error(noChromiumMessage);

  const profile = mkdtempSync(join(tmpdir(), 'cs-e2e-profile-'));
  const secrets = createSecretStore({ file: join(profile, 'host-config', 'secrets.json') });
  const backends = createBackendStore(join(profile, 'host-config', 'backends.json'));
  const registry = createHandlerRegistry(createHostHandlers({ edition: 'web', version: 'e2e', examplesDir: join(distDir, 'examples'), secrets, backends }));
  const host = await startWebHost({ registry, rendererDir: join(distDir, 'renderer'), port: 0 });

  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 } });
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
