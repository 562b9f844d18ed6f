import type { Page } from '@playwright/test';
import type { FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { expect, shot as picture, test } from './fixtures';
import { addBackend, createLiveChatFlow, editorBadge, publishTo } from './settings-helpers';

const TITLE = 'Pricing page: talk to sales';
const shot = (page: Page, name: string) => picture(page, name, { hideNotices: true });

/** Edits the campaign's message through the live-chat form. */
async function editMessage(page: Page, flowId: string, message: string): Promise<void> {
  await page.goto(`/#/campaigns/live-chat/edit/${encodeURIComponent(flowId)}`);
  await page.getByLabel('Message', { exact: true }).fill(message);
  await page.getByTestId('save-campaign').click();
  await expect(page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`)).toBeVisible();
}

async function openEditor(page: Page, flowId: string): Promise<void> {
  await page.goto(`/#/flows/${encodeURIComponent(flowId)}`);
  await expect(page.getByTestId('editor')).toBeVisible();
}

async function publish(page: Page): Promise<void> {
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ }).click();
}

/** The app connected to the fake Chatwoot with the live-chat campaign published; returns its flow id. */
async function publishedCampaign(page: Page, chatwoot: FakeChatwoot): Promise<string> {
  await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
  const flowId = await createLiveChatFlow(page, TITLE);
  await publishTo(page, 'chatwoot');
  await expect(editorBadge(page)).toContainText('Published');
  return flowId;
}

test.describe('publishing to Chatwoot', () => {
  test('connects to the account from Settings, saying precisely what is wrong first', async ({ page, chatwoot }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('settings-empty').getByTestId('add-backend').click();
    const form = page.getByTestId('backend-form');
    await form.getByLabel('Base URL').fill(chatwoot.url);
    await form.getByLabel('Account ID').fill('1');
    await form.getByLabel('User API token').fill('not-the-token');
    await form.getByTestId('test-connection').click();
    await expect(form.getByTestId('connection-result')).toHaveText('Token refused (401)');

    await form.getByLabel('User API token').fill('admin-token');
    await form.getByLabel('Account ID').fill('2');
    await form.getByTestId('test-connection').click();
    await expect(form.getByTestId('connection-result')).toHaveText('Wrong account');
    await expect(form.getByTestId('connection-report')).toContainText('is not a member of account 2');
    await form.getByTestId('connection-report').scrollIntoViewIfNeeded();
    await shot(page, 'sync-settings-wrong-account.png');

    await form.getByLabel('Account ID').fill('1');
    await form.getByTestId('test-connection').click();
    await expect(form.getByTestId('connection-result')).toContainText('Connected to "Acme"');
    await form.getByTestId('connection-report').scrollIntoViewIfNeeded();
    await shot(page, 'sync-settings-connected.png');
    await form.getByTestId('save-backend').click();
    const card = page.locator('[data-testid="backend-card"][data-name="chatwoot"]');
    await expect(card).toContainText('Token stored');
    await expect(card).not.toContainText('admin-token');
    await shot(page, 'sync-settings-list.png');
  });

  test('says beforehand that a workflow cannot become a Chatwoot campaign', async ({ page, chatwoot }) => {
    await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('button', { name: 'New flow' }).first().click();
    await page.getByTestId('publish').click();
    const choice = page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]');
    await expect(choice.getByTestId('not-expressible')).toContainText('Multi-step workflows cannot be published to Chatwoot');
    await expect(choice.getByRole('button', { name: 'Publish' })).toBeDisabled();
    await shot(page, 'sync-workflow-refused.png');
  });

  test('publishes a live-chat campaign and shows it as published', async ({ page, chatwoot }) => {
    await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
    const flowId = await createLiveChatFlow(page, TITLE);
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await expect(page.getByTestId('flow-row').filter({ hasText: TITLE }).getByTestId('sync-badge')).toContainText('Not published');
    await openEditor(page, flowId);
    await publish(page);
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'synced');
    // The record says "synced" a moment before the outbox entry goes: wait for both.
    await expect(editorBadge(page)).toContainText('Published');
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    expect(chatwoot.campaignsOf(flowId)[0]).toMatchObject({ title: TITLE, message: 'Comparing plans? We can help you choose.', inbox_id: 1, campaign_type: 'ongoing' });
    await shot(page, 'sync-published.png');
    // The list reads no documents with its rows: a published flow's own is read to compare, and matches.
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await expect(page.getByTestId('flow-row').filter({ hasText: TITLE }).getByTestId('sync-badge')).toHaveAttribute('data-status', 'synced');
  });

  test('shows an edit as changed, and republishes it in place', async ({ page, chatwoot }) => {
    const flowId = await publishedCampaign(page, chatwoot);
    await editMessage(page, flowId, 'Comparing plans? Mia can walk you through them.');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    const row = page.getByTestId('flow-row').filter({ hasText: TITLE });
    await expect(row.getByTestId('sync-badge')).toHaveAttribute('data-status', 'modified');
    await shot(page, 'sync-flows-changed.png');

    await openEditor(page, flowId);
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'modified');
    await publish(page);
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'synced');
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    expect(chatwoot.campaignsOf(flowId)[0]!.message).toBe('Comparing plans? Mia can walk you through them.');
    expect(chatwoot.schemaViolations).toEqual([]);
  });

  test('shows a refused field (422) with its path, and next to the field in the campaign form', async ({ page, chatwoot }) => {
    const flowId = await publishedCampaign(page, chatwoot);
    chatwoot.fault({ method: 'PATCH', fault: { type: 'status', status: 422, body: { message: 'Title has already been taken', attributes: ['title'] } } });
    await editMessage(page, flowId, 'Comparing plans? Mia is online now.');
    await openEditor(page, flowId);
    await publish(page);
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'error');
    // The panel stays open through the publish (its button keeps the focus), with the refusal.
    const fields = page.getByTestId('publish-panel').getByTestId('sync-field-errors');
    await expect(fields).toContainText('$.campaign.name');
    await expect(fields).toContainText('already been taken');
    await shot(page, 'sync-refused-panel.png');

    await page.goto(`/#/campaigns/live-chat/edit/${encodeURIComponent(flowId)}`);
    const title = page.getByTestId('campaign-editor').locator('.field', { has: page.getByLabel('Title') });
    await expect(title.locator('.field__error')).toContainText('chatwoot refused it');
    await shot(page, 'sync-refused-field.png');

    await openEditor(page, flowId);
    await publish(page);
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'synced');
    expect(chatwoot.campaignsOf(flowId)[0]!.message).toBe('Comparing plans? Mia is online now.');
  });

  test('meets a remote edit as a conflict, shows both versions, and keeps a copy', async ({ page, chatwoot }) => {
    const flowId = await publishedCampaign(page, chatwoot);
    chatwoot.editInChatwoot(chatwoot.campaignsOf(flowId)[0]!.display_id, { message: 'Edited in Chatwoot by a colleague.' });
    await editMessage(page, flowId, 'Comparing plans? Ask us anything.');
    await openEditor(page, flowId);
    await publish(page);
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'conflict');
    expect(chatwoot.campaignsOf(flowId)[0]!.message).toBe('Edited in Chatwoot by a colleague.');

    await page.getByTestId('resolve-conflict').click();
    const dialog = page.getByTestId('conflict-dialog');
    const message = dialog.locator('tr', { hasText: 'Message' });
    await expect(message).toHaveAttribute('data-differs', 'true');
    await expect(message).toContainText('Comparing plans? Ask us anything.');
    await expect(message).toContainText('Edited in Chatwoot by a colleague.');
    await shot(page, 'sync-conflict.png');

    await dialog.getByRole('button', { name: /^Keep a copy/ }).click();
    await expect(dialog).toBeHidden();
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'synced');
    await shot(page, 'sync-conflict-resolved.png');

    await page.getByRole('button', { name: 'Back to flows' }).click();
    const rows = page.getByTestId('flow-row');
    const copy = rows.filter({ hasText: `${TITLE} (my version)` });
    await expect(copy).toHaveCount(1);
    await expect(copy.getByTestId('sync-badge')).toContainText('Not published');
    const original = rows.filter({ hasText: TITLE }).filter({ hasNotText: '(my version)' });
    await expect(original.getByTestId('sync-badge')).toHaveAttribute('data-status', 'synced');
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    await shot(page, 'sync-flows-after-conflict.png');
  });
});
