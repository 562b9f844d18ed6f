import type { Page } from '@playwright/test';
import type { FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { storedRows } from './editor-helpers';
import { expect, shot as picture, test } from './fixtures';
import { addBackend, createLiveChatFlow, publishTo } from './settings-helpers';

const shot = (page: Page, name: string) => picture(page, name, { hideNotices: true, fullPage: true });
const form = (page: Page) => page.getByTestId('campaign-editor');
const source = (page: Page) => form(page).getByTestId('workspace-source');
const options = (page: Page, testId: string) => form(page).getByTestId(testId).locator('option');

/** A fresh form: going through the list, so a form already open at that address is left first. */
async function openNew(page: Page, kind: 'live-chat' | 'one-off'): Promise<void> {
  await page.goto(`/#/campaigns/${kind}`);
  await expect(page.getByTestId('campaign-editor')).toHaveCount(0);
  await page.goto(`/#/campaigns/${kind}/new`);
  await expect(form(page)).toBeVisible();
}

/** The app connected to the fake Chatwoot's account 1 and a fresh form of this kind open. */
async function connectedForm(page: Page, chatwoot: FakeChatwoot, kind: 'live-chat' | 'one-off'): Promise<void> {
  await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
  await openNew(page, kind);
  await expect(source(page)).toHaveAttribute('data-status', 'ready');
}

test.describe('campaign forms pick from the connected Chatwoot account', () => {
  test('offers the sample workspace, and says so, while no account is connected', async ({ page }) => {
    await openNew(page, 'one-off');
    await expect(source(page)).toHaveAttribute('data-source', 'sample');
    await expect(source(page)).toContainText('Sample data — connect a Chatwoot account in Settings to use your own inboxes');
    await expect(form(page).getByTestId('label-chips')).toContainText('vip');
    await shot(page, 'directory-sample.png');
  });

  test('connects an account in Settings', async ({ page, chatwoot }) => {
    await page.goto('/#/settings');
    await page.getByTestId('settings-empty').getByTestId('add-backend').click();
    const settings = page.getByTestId('backend-form');
    await settings.getByLabel('Base URL').fill(chatwoot.url);
    await settings.getByLabel('Account ID').fill('1');
    await settings.getByLabel('User API token').fill('admin-token');
    await settings.getByTestId('save-backend').click();
    await expect(page.locator('[data-testid="backend-card"][data-name="chatwoot"]')).toBeVisible();
  });

  test('says why the account could not be read, and retries', async ({ page, chatwoot }) => {
    await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
    chatwoot.fault({ method: 'GET', path: '/api/v1/accounts/1/inboxes', fault: { type: 'status', status: 401, body: { error: 'Invalid Access Token' } } });
    await openNew(page, 'live-chat');
    await expect(source(page)).toHaveAttribute('data-status', 'error');
    await expect(source(page).getByTestId('directory-error')).toContainText('Could not load inboxes from Chatwoot: token refused (401)');
    await expect(form(page).getByTestId('inbox-select')).toBeDisabled();
    await shot(page, 'directory-error.png');

    await source(page).getByRole('button', { name: 'Retry' }).click();
    await expect(source(page)).toHaveAttribute('data-status', 'ready');
  });

  test('offers the account’s website inboxes and agents to a live-chat campaign', async ({ page, chatwoot }) => {
    await connectedForm(page, chatwoot, 'live-chat');
    await expect(source(page)).toContainText('from Chatwoot “chatwoot”');
    await expect(options(page, 'inbox-select')).toHaveText(['Choose a website inbox…', 'Website (Website widget · #1)']);
    await expect(form(page).getByTestId('inbox-select')).toHaveValue('1');
    await expect(options(page, 'sender-select')).toHaveText(['Bot (the inbox’s bot)', 'Mia from Sales · mia@acme.example', 'Sam · sam@acme.example']);
    await shot(page, 'directory-live-chat.png');
  });

  test('offers SMS, WhatsApp and API inboxes and the account’s labels to a one-off campaign', async ({ page, chatwoot }) => {
    await connectedForm(page, chatwoot, 'one-off');
    await expect(options(page, 'inbox-select')).toHaveText(['Choose a SMS inbox…', 'Twilio SMS (Twilio SMS · #2)', 'Bandwidth SMS (SMS · #3)']);
    await expect(form(page).getByTestId('inbox-select')).toHaveValue('2');
    await form(page).getByRole('radio', { name: /^WhatsApp/ }).click();
    await expect(options(page, 'inbox-select')).toHaveText(['Choose a WhatsApp inbox…', 'WhatsApp (WhatsApp · #4 · 1 template)']);
    await form(page).getByRole('radio', { name: /^API/ }).click();
    await expect(options(page, 'inbox-select')).toHaveText(['Choose an API inbox…', 'API (API channel · #5)']);
    await form(page).getByRole('radio', { name: /^SMS/ }).click();

    const chips = form(page).getByTestId('label-chips').getByRole('button');
    await expect(chips).toHaveText(['enterprise', 'status-page-subscriber', 'newsletter']);
    await chips.filter({ hasText: 'enterprise' }).click();
    await expect(form(page).getByTestId('audience-summary')).toContainText('Recipient counts are estimated only for the sample workspace');
    await shot(page, 'directory-one-off.png');

    // Refresh fetches the account again: a label added in Chatwoot appears.
    chatwoot.account(1).labels.push({ id: 9, title: 'beta-testers' });
    await source(page).getByTestId('refresh-directory').click();
    await expect(chips).toContainText(['beta-testers']);
  });

  test('sends a WhatsApp one-off as the template chosen in the form, with its {{1}} mapped', async ({ page, chatwoot }) => {
    const TITLE = 'Your order has shipped';
    await connectedForm(page, chatwoot, 'one-off');
    await form(page).getByLabel('Title').fill(TITLE);
    await form(page).getByRole('radio', { name: /^WhatsApp/ }).click();
    await expect(form(page).getByTestId('inbox-select')).toHaveValue('4');
    await form(page).getByTestId('one-off-message').fill('Your order has shipped.');
    const enterprise = form(page).getByTestId('label-chips').getByRole('button', { name: 'enterprise' });
    await enterprise.click();
    await expect(enterprise).toHaveAttribute('aria-pressed', 'true');
    await form(page).getByTestId('scheduled-at').fill(`${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T09:30`);

    // No template yet: the form says so before anything is published.
    await page.getByTestId('review-campaign').click();
    const field = form(page).locator('.field', { has: page.getByTestId('template-picker') });
    await expect(field.locator('.field__error')).toContainText('Choose the approved template');
    await form(page).getByTestId('template-select').selectOption('order_shipped|en');
    await expect(form(page).getByTestId('template-body')).toHaveText('Hello {{1}}, your order has shipped.');
    await page.getByTestId('review-campaign').click();
    await expect(field.locator('.field__error')).toContainText('Give a value for {{1}}');
    await form(page).getByLabel('Value for {{1}}').fill('{{ contact.name }}');
    await expect(form(page).getByTestId('template-body')).toHaveText('Hello {{ contact.name }}, your order has shipped.');
    await field.scrollIntoViewIfNeeded();
    await shot(page, 'directory-whatsapp-template.png');

    await expect(enterprise).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('review-campaign').click();
    await expect(form(page).getByTestId('review-template')).toContainText('order_shipped (en)');
    await page.getByTestId('schedule-campaign').click();
    await expect(page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`)).toBeVisible();

    // Publishing reads the template from the flow's sync record.
    await page.goto('/#/flows');
    await page.getByTestId('flow-row').filter({ hasText: TITLE }).getByRole('button', { name: `Open ${TITLE}` }).click();
    await expect(page.getByTestId('editor')).toBeVisible();
    const flowId = decodeURIComponent(new URL(page.url()).hash.replace('#/flows/', ''));
    await page.getByTestId('publish').click();
    // The Publish panel says which template this account will send, with the variable's value.
    const choice = page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]');
    await expect(choice.getByTestId('publish-template')).toHaveText('WhatsApp template order_shipped (en) · {{1}} = {{ contact.name }}');
    await shot(page, 'directory-whatsapp-publish-panel.png');
    await choice.getByRole('button', { name: /^Publish/ }).click();
    const badge = page.getByTestId('editor').getByTestId('sync-badge').first();
    await expect(badge).toHaveAttribute('data-status', 'synced');
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    expect(chatwoot.campaignsOf(flowId)[0]).toMatchObject({ inbox_id: 4, campaign_type: 'one_off', template_params: { name: 'order_shipped', language: 'en', processed_params: { body: { '1': '{{ contact.name }}' } } } });
    expect(chatwoot.schemaViolations).toEqual([]);

    // Editing the campaign again shows the stored choice.
    await page.goto(`/#/campaigns/one-off/edit/${encodeURIComponent(flowId)}`);
    await expect(form(page).getByTestId('template-select')).toHaveValue('order_shipped|en');
    await expect(form(page).getByLabel('Value for {{1}}')).toHaveValue('{{ contact.name }}');

    // Changing only the template's variable marks the published flow "Changed".
    await form(page).getByLabel('Value for {{1}}').fill('{{ contact.first_name }}');
    await page.getByTestId('review-campaign').click();
    await page.getByTestId('schedule-campaign').click();
    await expect(page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`)).toBeVisible();
    await page.goto('/#/flows');
    const row = page.getByTestId('flow-row').filter({ hasText: TITLE });
    await expect(row.getByTestId('sync-badge')).toHaveAttribute('data-status', 'modified');
    // Publishing it sends the new value, in place.
    await row.getByRole('button', { name: `Open ${TITLE}` }).click();
    await page.getByTestId('publish').click();
    await expect(choice.getByTestId('publish-template')).toHaveText('WhatsApp template order_shipped (en) · {{1}} = {{ contact.first_name }}');
    await choice.getByRole('button', { name: /^Publish/ }).click();
    await expect(badge).toHaveAttribute('data-status', 'synced');
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    expect(chatwoot.campaignsOf(flowId)[0]).toMatchObject({ template_params: { processed_params: { body: { '1': '{{ contact.first_name }}' } } } });
  });

  test('keeps a deleted flow’s publish state while Undo is offered, and drops it at the next start', async ({ page, chatwoot }) => {
    const TITLE = 'Pricing help';
    await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
    await createLiveChatFlow(page, TITLE);
    await publishTo(page, 'chatwoot');
    // The flow's sync record and outbox entries, as stored.
    const syncRows = async () => (await storedRows(page, 'syncRecords')).length + (await storedRows(page, 'syncOutbox')).length;
    await page.goto('/#/flows');
    const row = () => page.getByTestId('flow-row').filter({ hasText: TITLE });
    await expect(row().getByTestId('sync-badge')).toHaveAttribute('data-status', 'synced');
    const before = await syncRows();
    expect(before).toBeGreaterThan(0);

    await row().getByRole('button', { name: `Delete ${TITLE}` }).click();
    await row().getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByTestId('undo-delete').getByRole('button', { name: 'Undo' }).click();
    await expect(row().getByTestId('sync-badge')).toHaveAttribute('data-status', 'synced');
    expect(await syncRows()).toBe(before);

    await row().getByRole('button', { name: `Delete ${TITLE}` }).click();
    await row().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByTestId('undo-delete')).toBeVisible();
    expect(await syncRows()).toBe(before);
    await page.reload();
    await expect.poll(() => syncRows()).toBe(0);
    // Deleting a flow never deletes what was published.
    expect(chatwoot.account(1).campaigns).toHaveLength(1);
  });
});
