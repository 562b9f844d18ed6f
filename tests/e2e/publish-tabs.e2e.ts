import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addBackend, createLiveChatFlow } from './settings-helpers';

const RACES = 3;
const TABS = 6;

// #14.1: with several tabs open, publishing at once made two campaigns (1 of 4 runs).
test(`${TABS} tabs publishing one flow at once, ${RACES} races: one campaign each (Web Locks across tabs)`, async ({ page, context, chatwoot }) => {
  test.setTimeout(240_000);
  await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
  let duplicates = 0;
  for (let race = 0; race < RACES; race++) {
    const flowId = await createLiveChatFlow(page, `Race ${race}`, 'Comparing plans? We can help.');
    const tabs: Page[] = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
    const publishButton = (tab: Page) => tab.getByTestId('publish-panel').locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ });
    await Promise.all(
      tabs.map(async (tab) => {
        await tab.goto(`/#/flows/${encodeURIComponent(flowId)}`);
        await tab.getByTestId('publish').click();
        await expect(publishButton(tab)).toBeVisible();
      }),
    );
    await Promise.all(tabs.map((tab) => publishButton(tab).click()));
    await expect.poll(() => chatwoot.campaignsOf(flowId).length, { timeout: 15_000 }).toBeGreaterThan(0);
    // Every tab has finished its publish (its badge says synced) before the campaigns are counted.
    for (const tab of tabs) await expect(tab.getByTestId('editor').getByTestId('sync-badge').first()).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
    duplicates += chatwoot.campaignsOf(flowId).length - 1;
    await Promise.all(tabs.map((tab) => tab.close()));
  }
  expect(duplicates).toBe(0);
});
