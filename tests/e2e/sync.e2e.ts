import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChatwoot, type FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { resultsDir, startHarness, type Harness } from './harness';

let h: Harness;
let chatwoot: FakeChatwoot;
let flowId = '';

beforeAll(async () => {
  chatwoot = await startFakeChatwoot();
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  await chatwoot?.close();
});

const TITLE = 'Pricing page: talk to sales';
const shot = async (name: string) => {
  await h.page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
  await h.page.screenshot({ path: join(resultsDir, name), animations: 'disabled' });
};
const badge = () => h.page.getByTestId('editor').getByTestId('sync-badge').first();
const campaign = () => chatwoot.campaignsOf(flowId);

/** Edits the campaign's message through the live-chat form, then opens the flow in the editor. */
async function editMessage(message: string): Promise<void> {
  await h.page.goto(`${h.host.url}#/campaigns/live-chat/edit/${encodeURIComponent(flowId)}`);
  await h.page.getByTestId('campaign-editor').waitFor();
  await h.page.getByLabel('Message', { exact: true }).fill(message);
  await h.page.getByTestId('save-campaign').click();
  await h.page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`).waitFor();
}

async function openEditor(): Promise<void> {
  await h.page.goto(`${h.host.url}#/flows/${encodeURIComponent(flowId)}`);
  await h.page.getByTestId('editor').waitFor();
}

async function publish(): Promise<void> {
  await h.page.getByTestId('publish').click();
  await h.page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ }).click();
}

describe('publishing to Chatwoot', () => {
  it('connects to the account from Settings, saying precisely what is wrong first', async () => {
    await h.page.goto(h.host.url);
    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await h.page.getByTestId('settings-empty').getByTestId('add-backend').click();
    const form = h.page.getByTestId('backend-form');
    await form.getByLabel('Base URL').fill(chatwoot.url);
    await form.getByLabel('Account ID').fill('1');
    await form.getByLabel('User API token').fill('not-the-token');
    await form.getByTestId('test-connection').click();
    await expect.poll(() => form.getByTestId('connection-result').textContent()).toBe('Token refused (401)');

    await form.getByLabel('User API token').fill('admin-token');
    await form.getByLabel('Account ID').fill('2');
    await form.getByTestId('test-connection').click();
    await expect.poll(() => form.getByTestId('connection-result').textContent()).toBe('Wrong account');
    expect(await form.getByTestId('connection-report').textContent()).toContain('is not a member of account 2');
    await form.getByTestId('connection-report').scrollIntoViewIfNeeded();
    await shot('sync-settings-wrong-account.png');

    await form.getByLabel('Account ID').fill('1');
    await form.getByTestId('test-connection').click();
    await expect.poll(() => form.getByTestId('connection-result').textContent()).toContain('Connected to "Acme"');
    await form.getByTestId('connection-report').scrollIntoViewIfNeeded();
    await shot('sync-settings-connected.png');
    await form.getByTestId('save-backend').click();
    const card = h.page.locator('[data-testid="backend-card"][data-name="chatwoot"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Token stored');
    expect(await card.textContent()).not.toContain('admin-token');
    await shot('sync-settings-list.png');
  });

  it('says beforehand that a workflow cannot become a Chatwoot campaign', async () => {
    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    await h.page.getByRole('button', { name: 'New flow' }).first().click();
    await h.page.getByTestId('editor').waitFor();
    await h.page.getByTestId('publish').click();
    const choice = h.page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]');
    expect(await choice.getByTestId('not-expressible').textContent()).toContain('Multi-step workflows cannot be published to Chatwoot');
    expect(await choice.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await shot('sync-workflow-refused.png');
  });

  it('publishes a live-chat campaign and shows it as published', async () => {
    await h.page.goto(`${h.host.url}#/campaigns/live-chat/new`);
    await h.page.getByTestId('campaign-editor').waitFor();
    await h.page.getByLabel('Title').fill(TITLE);
    await h.page.getByLabel('Message', { exact: true }).fill('Comparing plans? We can help you choose.');
    await h.page.getByTestId('url-pattern').fill('https://www.example.com/pricing*');
    await h.page.getByTestId('save-campaign').click();
    await h.page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`).waitFor();

    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    const row = h.page.getByTestId('flow-row').filter({ hasText: TITLE });
    expect(await row.getByTestId('sync-badge').textContent()).toContain('Not published');
    await row.getByRole('button', { name: `Open ${TITLE}` }).click();
    await h.page.getByTestId('editor').waitFor();
    flowId = decodeURIComponent(new URL(h.page.url()).hash.replace('#/flows/', ''));

    await publish();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('synced');
    // The record says "synced" a moment before the outbox entry goes: wait for both.
    await expect.poll(() => badge().textContent()).toContain('Published');
    expect(campaign()).toHaveLength(1);
    expect(campaign()[0]).toMatchObject({ title: TITLE, message: 'Comparing plans? We can help you choose.', inbox_id: 1, campaign_type: 'ongoing' });
    await shot('sync-published.png');
  });

  it('shows an edit as changed, and republishes it in place', async () => {
    await editMessage('Comparing plans? Mia can walk you through them.');
    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    const row = h.page.getByTestId('flow-row').filter({ hasText: TITLE });
    await expect.poll(() => row.getByTestId('sync-badge').getAttribute('data-status')).toBe('modified');
    await shot('sync-flows-changed.png');

    await openEditor();
    expect(await badge().getAttribute('data-status')).toBe('modified');
    await publish();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('synced');
    expect(campaign()).toHaveLength(1);
    expect(campaign()[0]!.message).toBe('Comparing plans? Mia can walk you through them.');
    expect(chatwoot.schemaViolations).toEqual([]);
  });

  it('shows a refused field (422) with its path, and next to the field in the campaign form', async () => {
    chatwoot.fault({ method: 'PATCH', fault: { type: 'status', status: 422, body: { message: 'Title has already been taken', attributes: ['title'] } } });
    await editMessage('Comparing plans? Mia is online now.');
    await openEditor();
    await publish();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('error');
    await badge().click();
    const fields = h.page.getByTestId('publish-panel').getByTestId('sync-field-errors');
    expect(await fields.textContent()).toContain('$.campaign.name');
    expect(await fields.textContent()).toContain('already been taken');
    await shot('sync-refused-panel.png');

    await h.page.goto(`${h.host.url}#/campaigns/live-chat/edit/${encodeURIComponent(flowId)}`);
    const title = h.page.getByTestId('campaign-editor').locator('.cfield', { has: h.page.getByLabel('Title') });
    await expect.poll(() => title.locator('.cfield__error').textContent()).toContain('chatwoot refused it');
    await shot('sync-refused-field.png');

    await openEditor();
    await publish();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('synced');
    expect(campaign()[0]!.message).toBe('Comparing plans? Mia is online now.');
  });

  it('meets a remote edit as a conflict, shows both versions, and keeps a copy', async () => {
    chatwoot.editInChatwoot(campaign()[0]!.display_id, { message: 'Edited in Chatwoot by a colleague.' });
    await editMessage('Comparing plans? Ask us anything.');
    await openEditor();
    await publish();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('conflict');
    expect(campaign()[0]!.message).toBe('Edited in Chatwoot by a colleague.');

    await h.page.getByTestId('resolve-conflict').click();
    const dialog = h.page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    const message = dialog.locator('tr', { hasText: 'Message' });
    expect(await message.getAttribute('data-differs')).toBe('true');
    expect(await message.textContent()).toContain('Comparing plans? Ask us anything.');
    expect(await message.textContent()).toContain('Edited in Chatwoot by a colleague.');
    await shot('sync-conflict.png');

    await dialog.getByRole('button', { name: /^Keep a copy/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => badge().getAttribute('data-status')).toBe('synced');
    await shot('sync-conflict-resolved.png');

    await h.page.getByRole('button', { name: 'Back to flows' }).click();
    const rows = h.page.getByTestId('flow-row');
    await expect.poll(() => rows.filter({ hasText: `${TITLE} (my version)` }).count()).toBe(1);
    const copy = rows.filter({ hasText: `${TITLE} (my version)` });
    expect(await copy.getByTestId('sync-badge').textContent()).toContain('Not published');
    const original = rows.filter({ hasText: TITLE }).filter({ hasNotText: '(my version)' });
    expect(await original.getByTestId('sync-badge').getAttribute('data-status')).toBe('synced');
    expect(campaign()).toHaveLength(1);
    await shot('sync-flows-after-conflict.png');
    expect(h.pageErrors).toEqual([]);
  });
});
