import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Adds a publishing backend through Settings and waits for its card. */
export async function addBackend(page: Page, type: 'Delivery API' | 'Chatwoot', baseUrl: string, token: string): Promise<void> {
  await page.goto('/#/settings');
  await page.getByTestId('add-backend').first().click();
  const form = page.getByTestId('backend-form');
  await form.getByRole('radio', { name: new RegExp(`^${type}`) }).click();
  await form.getByLabel('Base URL').fill(baseUrl);
  if (type === 'Chatwoot') await form.getByLabel('Account ID').fill('1');
  await form.getByLabel(type === 'Chatwoot' ? 'User API token' : 'API token').fill(token);
  await form.getByTestId('save-backend').click();
  await expect(page.locator(`[data-testid="backend-card"][data-name="${type === 'Chatwoot' ? 'chatwoot' : 'delivery'}"]`)).toBeVisible();
}

/** The id of the flow open in the editor, from the address. */
export function openFlowId(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.replace('#/flows/', ''));
}

/** Creates a live-chat campaign through its form, opens it in the editor and returns its flow id. */
export async function createLiveChatFlow(page: Page, title: string, message = 'Comparing plans? We can help you choose.'): Promise<string> {
  await page.goto('/#/campaigns/live-chat/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Message', { exact: true }).fill(message);
  await page.getByTestId('url-pattern').fill('https://www.example.com/pricing*');
  await page.getByTestId('save-campaign').click();
  await expect(page.locator(`[data-testid="campaign-card"][data-title="${title}"]`)).toBeVisible();
  await page.goto('/#/flows');
  await page.getByTestId('flow-row').filter({ hasText: title }).getByRole('button', { name: `Open ${title}` }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  return openFlowId(page);
}

/** The sync badge in the editor's header. */
export const editorBadge = (page: Page) => page.getByTestId('editor').getByTestId('sync-badge').first();

/** Publishes the open flow to the named backend from the Publish panel and waits until it is published. */
export async function publishTo(page: Page, backend: 'chatwoot' | 'delivery'): Promise<void> {
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-panel').locator(`[data-backend="${backend}"]`).getByRole('button', { name: /^Publish/ }).click();
  await expect(editorBadge(page)).toHaveAttribute('data-status', 'synced');
}
