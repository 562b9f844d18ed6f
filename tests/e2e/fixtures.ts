import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startFakeChatwoot, type FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { startFakeDelivery, type FakeDelivery } from '../../src-main/sync/testing/fake-delivery';
import type { WebHost } from '../../src-main/web/host-server';
import { resultsDir, startTestHost } from './harness';

export { expect };

interface Fixtures {
  /** The web edition served for this test alone, with its own host configuration. */
  host: WebHost;
  /** Console errors and page errors seen on `page`; must stay empty unless `allowPageErrors` is set. */
  pageErrors: string[];
  /** Set with `test.use({ allowPageErrors: true })` where errors are the point (CSP refusals). */
  allowPageErrors: boolean;
  /** A fake Chatwoot on loopback with the sample account 1 (token `admin-token`), for this test alone. */
  chatwoot: FakeChatwoot;
  /** A fake delivery API on loopback, for this test alone. */
  delivery: FakeDelivery;
}

/**
 * The e2e test: every test gets a fresh browser context (so a fresh IndexedDB and storage), its
 * own page and its own web host; nothing is shared between tests. See tests/e2e/README.md.
 */
export const test = base.extend<Fixtures>({
  allowPageErrors: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const configDir = mkdtempSync(join(tmpdir(), 'cs-e2e-host-'));
    const host = await startTestHost(configDir);
    await use(host);
    await host.close();
    rmSync(configDir, { recursive: true, force: true });
  },
  baseURL: async ({ host }, use) => use(host.url),
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  chatwoot: async ({}, use) => {
    const chatwoot = await startFakeChatwoot();
    await use(chatwoot);
    await chatwoot.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  delivery: async ({}, use) => {
    const delivery = await startFakeDelivery();
    await use(delivery);
    await delivery.close();
  },
  pageErrors: [
    async ({ page, allowPageErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      if (!allowPageErrors) expect(errors, 'console errors or CSP violations on the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Saves a picture for people to look at under test-results/ (not compared by the tests). */
export async function shot(page: Page, name: string, options: { hideNotices?: boolean; fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  // The "Saved" toast would cover the picture; hidden through the CSSOM, which the page's CSP allows.
  if (options.hideNotices) await page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
  await page.screenshot({ path: join(resultsDir, name), animations: 'disabled', fullPage: options.fullPage });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on the page as it is now and returns the serious and
 * critical violations. The script is evaluated through the debugging protocol, so the page's
 * CSP (no inline script) stays as strict as the product ships it.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
