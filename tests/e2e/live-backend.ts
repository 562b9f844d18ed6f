import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startChatwootStandin, type ChatwootStandin } from '../../src-main/runner/chatwoot/testing/chatwoot-standin';
import { startRunner, type RunningRunner } from '../../src-main/runner/runner';
import { collectNameAndEmail, tempDir, TEST_TOKEN } from '../../src-main/runner/testing/runner-fixtures';
import { freePort } from '../runner/runner-process';
import { expect } from './fixtures';
import { addBackend, publishTo } from './settings-helpers';

const SECRET = 'live-webhook-secret';

/** A runner in embedded mode (PGlite in a temp dir) wired to a Chatwoot stand-in through signed webhooks, for one test. */
export async function startLiveBackend(): Promise<{ runner: RunningRunner; standin: ChatwootStandin; close(): Promise<void> }> {
  const port = await freePort();
  const standin = await startChatwootStandin({ webhook: { url: `http://127.0.0.1:${port}/webhooks/chatwoot`, secret: SECRET }, clock: Math.floor(Date.now() / 1000) });
  const runner = await startRunner({
    database: { kind: 'pglite', dataDir: await tempDir('live-e2e') },
    port,
    pollInterval: 200,
    env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN, CHATWOOT_BASE_URL: standin.url, CHATWOOT_ACCOUNT_ID: String(standin.accountId), CHATWOOT_API_TOKEN: standin.token, CHATWOOT_WEBHOOK_SECRET: SECRET },
  });
  return {
    runner,
    standin,
    async close() {
      await runner.stop();
      await standin.close();
    },
  };
}

/** A step's population-style badge and its "waiting here" count on the canvas. */
export const badge = (page: Page, node: string) => page.locator(`.react-flow__node[data-id="${node}"] [data-testid="sim-badge"]`);
export const waiting = (page: Page, node: string) => page.locator(`.react-flow__node[data-id="${node}"] [data-testid="sim-waiting"]`);

/**
 * Adds the runner as a Delivery API backend, imports "Collect name and email" as active (so
 * publishing starts it on the runner, not stores a draft) and publishes it. The shipped example
 * hands over to an inbox, which Chatwoot cannot assign to: aimed at the Sales team, as the
 * runner's own tests do.
 */
export async function publishExampleToRunner(page: Page, runnerUrl: string, dirName: string): Promise<void> {
  await addBackend(page, 'Delivery API', runnerUrl, TEST_TOKEN);
  const file = join(await tempDir(dirName), 'collect-name-and-email.json');
  const doc = await collectNameAndEmail('Sales');
  await writeFile(file, JSON.stringify({ ...doc, campaign: { ...doc.campaign, status: 'active' } }));
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('editor')).toBeVisible();
  await publishTo(page, 'delivery');
}
