import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeChatwoot, type FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { startHarness, type Harness } from './harness';

let h: Harness;
let chatwoot: FakeChatwoot;
const RACES = 3;
const TABS = 6;

beforeAll(async () => {
  chatwoot = await startFakeChatwoot();
  h = await startHarness();
  await h.page.goto(`${h.host.url}#/settings`);
  await h.page.getByTestId('add-backend').first().click();
  const form = h.page.getByTestId('backend-form');
  await form.getByLabel('Base URL').fill(chatwoot.url);
  await form.getByLabel('Account ID').fill('1');
  await form.getByLabel('User API token').fill('admin-token');
  await form.getByTestId('save-backend').click();
  await h.page.locator('[data-testid="backend-card"][data-name="chatwoot"]').waitFor();
});
afterAll(async () => {
  await h?.close();
  await chatwoot?.close();
});

async function newLiveChat(title: string): Promise<string> {
  await h.page.goto(`${h.host.url}#/campaigns/live-chat/new`);
  await h.page.getByTestId('campaign-editor').waitFor();
  await h.page.getByLabel('Title').fill(title);
  await h.page.getByLabel('Message', { exact: true }).fill('Comparing plans? We can help.');
  await h.page.getByTestId('url-pattern').fill('https://www.example.com/pricing*');
  await h.page.getByTestId('save-campaign').click();
  await h.page.locator(`[data-testid="campaign-card"][data-title="${title}"]`).waitFor();
  await h.page.goto(`${h.host.url}#/flows`);
  await h.page.getByTestId('flow-row').filter({ hasText: title }).getByRole('button', { name: `Open ${title}` }).click();
  await h.page.getByTestId('editor').waitFor();
  return decodeURIComponent(new URL(h.page.url()).hash.replace('#/flows/', ''));
}

// #14.1: with several tabs open, publishing at once made two campaigns (1 of 4 runs).
describe(`${TABS} tabs publishing one flow at once`, () => {
  it(`${RACES} races: one campaign each (Web Locks across tabs)`, async () => {
    let duplicates = 0;
    for (let race = 0; race < RACES; race++) {
      const flowId = await newLiveChat(`Race ${race}`);
      const tabs: Page[] = await Promise.all(Array.from({ length: TABS }, () => h.context.newPage()));
      await Promise.all(tabs.map(async (tab) => {
        await tab.goto(`${h.host.url}#/flows/${encodeURIComponent(flowId)}`);
        await tab.getByTestId('publish').click();
        await tab.getByTestId('publish-panel').locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ }).waitFor();
      }));
      await Promise.all(tabs.map((tab) => tab.getByTestId('publish-panel').locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ }).click()));
      await expect.poll(() => chatwoot.campaignsOf(flowId).length, { timeout: 15_000 }).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1500));
      duplicates += chatwoot.campaignsOf(flowId).length - 1;
      await Promise.all(tabs.map((tab) => tab.close()));
    }
    expect(duplicates).toBe(0);
  }, 240_000);
});
