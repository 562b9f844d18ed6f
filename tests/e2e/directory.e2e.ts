import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAccount, startFakeChatwoot, type FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { resultsDir, startHarness, type Harness } from './harness';

let h: Harness;
let chatwoot: FakeChatwoot;
const acme = sampleAccount(1);

beforeAll(async () => {
  chatwoot = await startFakeChatwoot({ accounts: [acme] });
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  await chatwoot?.close();
});

const shot = async (name: string) => {
  await h.page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
  await h.page.screenshot({ path: join(resultsDir, name), animations: 'disabled', fullPage: true });
};
const form = () => h.page.getByTestId('campaign-editor');
const source = () => form().getByTestId('workspace-source');
const options = (testId: string) => form().getByTestId(testId).locator('option').allTextContents();

/** A fresh form: going through the list, so a form already open at that address is left first. */
async function openNew(kind: 'live-chat' | 'one-off'): Promise<void> {
  await h.page.goto(`${h.host.url}#/campaigns/${kind}`);
  await h.page.getByTestId('campaign-editor').waitFor({ state: 'detached' });
  await h.page.goto(`${h.host.url}#/campaigns/${kind}/new`);
  await form().waitFor();
}

describe('campaign forms pick from the connected Chatwoot account', () => {
  it('offers the sample workspace, and says so, while no account is connected', async () => {
    await openNew('one-off');
    expect(await source().getAttribute('data-source')).toBe('sample');
    expect(await source().textContent()).toContain('Sample data — connect a Chatwoot account in Settings to use your own inboxes');
    expect(await form().getByTestId('label-chips').textContent()).toContain('vip');
    await shot('directory-sample.png');
  });

  it('connects an account in Settings', async () => {
    await h.page.goto(`${h.host.url}#/settings`);
    await h.page.getByTestId('settings-empty').getByTestId('add-backend').click();
    const settings = h.page.getByTestId('backend-form');
    await settings.getByLabel('Base URL').fill(chatwoot.url);
    await settings.getByLabel('Account ID').fill('1');
    await settings.getByLabel('User API token').fill('admin-token');
    await settings.getByTestId('save-backend').click();
    await h.page.locator('[data-testid="backend-card"][data-name="chatwoot"]').waitFor();
  });

  it('says why the account could not be read, and retries', async () => {
    chatwoot.fault({ method: 'GET', path: '/api/v1/accounts/1/inboxes', fault: { type: 'status', status: 401, body: { error: 'Invalid Access Token' } } });
    await openNew('live-chat');
    await expect.poll(() => source().getAttribute('data-status')).toBe('error');
    expect(await source().getByTestId('directory-error').textContent()).toContain('Could not load inboxes from Chatwoot: token refused (401)');
    expect(await form().getByTestId('inbox-select').isDisabled()).toBe(true);
    await shot('directory-error.png');

    await source().getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => source().getAttribute('data-status')).toBe('ready');
  });

  it('offers the account’s website inboxes and agents to a live-chat campaign', async () => {
    expect(await source().textContent()).toContain('from Chatwoot “chatwoot”');
    expect(await options('inbox-select')).toEqual(['Choose a website inbox…', 'Website (Website widget · #1)']);
    expect(await form().getByTestId('inbox-select').inputValue()).toBe('1');
    expect(await options('sender-select')).toEqual(['Bot (the inbox’s bot)', 'Mia from Sales · mia@acme.example', 'Sam · sam@acme.example']);
    await shot('directory-live-chat.png');
  });

  it('offers SMS, WhatsApp and API inboxes and the account’s labels to a one-off campaign', async () => {
    await openNew('one-off');
    await expect.poll(() => source().getAttribute('data-status')).toBe('ready');
    expect(await options('inbox-select')).toEqual(['Choose a SMS inbox…', 'Twilio SMS (Twilio SMS · #2)', 'Bandwidth SMS (SMS · #3)']);
    expect(await form().getByTestId('inbox-select').inputValue()).toBe('2');
    await form().getByRole('radio', { name: /^WhatsApp/ }).click();
    expect(await options('inbox-select')).toEqual(['Choose a WhatsApp inbox…', 'WhatsApp (WhatsApp · #4 · 1 template)']);
    await form().getByRole('radio', { name: /^API/ }).click();
    expect(await options('inbox-select')).toEqual(['Choose an API inbox…', 'API (API channel · #5)']);
    await form().getByRole('radio', { name: /^SMS/ }).click();

    const chips = form().getByTestId('label-chips').getByRole('button');
    expect(await chips.allTextContents()).toEqual(['enterprise', 'status-page-subscriber', 'newsletter']);
    await chips.filter({ hasText: 'enterprise' }).click();
    expect(await form().getByTestId('audience-summary').textContent()).toContain('Recipient counts are estimated only for the sample workspace');
    await shot('directory-one-off.png');

    // Refresh fetches the account again: a label added in Chatwoot appears.
    acme.labels.push({ id: 9, title: 'beta-testers' });
    await source().getByTestId('refresh-directory').click();
    await expect.poll(() => chips.allTextContents()).toContain('beta-testers');
    expect(h.pageErrors).toEqual([]);
  });

  it('sends a WhatsApp one-off as the template chosen in the form, with its {{1}} mapped', async () => {
    const TITLE = 'Your order has shipped';
    await openNew('one-off');
    await expect.poll(() => source().getAttribute('data-status')).toBe('ready');
    await form().getByLabel('Title').fill(TITLE);
    await form().getByRole('radio', { name: /^WhatsApp/ }).click();
    expect(await form().getByTestId('inbox-select').inputValue()).toBe('4');
    await form().getByTestId('one-off-message').fill('Your order has shipped.');
    const enterprise = form().getByTestId('label-chips').getByRole('button', { name: 'enterprise' });
    await enterprise.click();
    await expect.poll(() => enterprise.getAttribute('aria-pressed')).toBe('true');
    await form().getByTestId('scheduled-at').fill(`${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T09:30`);

    // No template yet: the form says so before anything is published.
    await h.page.getByTestId('review-campaign').click();
    const field = form().locator('.cfield', { has: h.page.getByTestId('template-picker') });
    expect(await field.locator('.cfield__error').textContent()).toContain('Choose the approved template');
    await form().getByTestId('template-select').selectOption('order_shipped|en');
    expect(await form().getByTestId('template-body').textContent()).toBe('Hello {{1}}, your order has shipped.');
    await h.page.getByTestId('review-campaign').click();
    expect(await field.locator('.cfield__error').textContent()).toContain('Give a value for {{1}}');
    await form().getByLabel('Value for {{1}}').fill('{{ contact.name }}');
    expect(await form().getByTestId('template-body').textContent()).toBe('Hello {{ contact.name }}, your order has shipped.');
    await field.scrollIntoViewIfNeeded();
    await shot('directory-whatsapp-template.png');

    expect(await enterprise.getAttribute('aria-pressed')).toBe('true');
    await h.page.getByTestId('review-campaign').click();
    expect(await form().getByTestId('review-template').textContent()).toContain('order_shipped (en)');
    await h.page.getByTestId('schedule-campaign').click();
    await h.page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`).waitFor();

    // Publishing reads the template from the flow's sync record.
    await h.page.goto(`${h.host.url}#/flows`);
    await h.page.getByTestId('flow-row').filter({ hasText: TITLE }).getByRole('button', { name: `Open ${TITLE}` }).click();
    await h.page.getByTestId('editor').waitFor();
    const flowId = decodeURIComponent(new URL(h.page.url()).hash.replace('#/flows/', ''));
    await h.page.getByTestId('publish').click();
    // The Publish panel says which template this account will send, with the variable's value.
    const choice = h.page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]');
    await expect.poll(() => choice.getByTestId('publish-template').textContent()).toBe('WhatsApp template order_shipped (en) · {{1}} = {{ contact.name }}');
    await shot('directory-whatsapp-publish-panel.png');
    await choice.getByRole('button', { name: /^Publish/ }).click();
    const badge = h.page.getByTestId('editor').getByTestId('sync-badge').first();
    await expect.poll(() => badge.getAttribute('data-status')).toBe('synced');
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    expect(chatwoot.campaignsOf(flowId)[0]).toMatchObject({ inbox_id: 4, campaign_type: 'one_off', template_params: { name: 'order_shipped', language: 'en', processed_params: { body: { '1': '{{ contact.name }}' } } } });
    expect(chatwoot.schemaViolations).toEqual([]);

    // Editing the campaign again shows the stored choice.
    await h.page.goto(`${h.host.url}#/campaigns/one-off/edit/${encodeURIComponent(flowId)}`);
    await expect.poll(() => form().getByTestId('template-select').inputValue()).toBe('order_shipped|en');
    expect(await form().getByLabel('Value for {{1}}').inputValue()).toBe('{{ contact.name }}');

    // Changing only the template's variable marks the published flow "Changed".
    await form().getByLabel('Value for {{1}}').fill('{{ contact.first_name }}');
    await h.page.getByTestId('review-campaign').click();
    await h.page.getByTestId('schedule-campaign').click();
    await h.page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`).waitFor();
    await h.page.goto(`${h.host.url}#/flows`);
    const row = h.page.getByTestId('flow-row').filter({ hasText: TITLE });
    await expect.poll(() => row.getByTestId('sync-badge').getAttribute('data-status')).toBe('modified');
    // Publishing it sends the new value, in place.
    await row.getByRole('button', { name: `Open ${TITLE}` }).click();
    await h.page.getByTestId('publish').click();
    await expect.poll(() => choice.getByTestId('publish-template').textContent()).toBe('WhatsApp template order_shipped (en) · {{1}} = {{ contact.first_name }}');
    await choice.getByRole('button', { name: /^Publish/ }).click();
    await expect.poll(() => badge.getAttribute('data-status')).toBe('synced');
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    expect(chatwoot.campaignsOf(flowId)[0]).toMatchObject({ template_params: { processed_params: { body: { '1': '{{ contact.first_name }}' } } } });
    expect(h.pageErrors).toEqual([]);
  });

  it('keeps a deleted flow’s publish state while Undo is offered, and drops it at the next start', async () => {
    const TITLE = 'Your order has shipped';
    const syncRows = () =>
      h.page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('campaign-studio');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(['syncRecords', 'syncOutbox']);
              const records = tx.objectStore('syncRecords').count();
              const entries = tx.objectStore('syncOutbox').count();
              tx.oncomplete = () => {
                open.result.close();
                resolve(records.result + entries.result);
              };
            };
          }),
      );
    await h.page.goto(`${h.host.url}#/flows`);
    const row = () => h.page.getByTestId('flow-row').filter({ hasText: TITLE });
    await expect.poll(() => row().getByTestId('sync-badge').getAttribute('data-status')).toBe('synced');
    const before = await syncRows();
    expect(before).toBeGreaterThan(0);

    await row().getByRole('button', { name: `Delete ${TITLE}` }).click();
    await row().getByRole('button', { name: 'Delete', exact: true }).click();
    await h.page.getByTestId('undo-delete').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row().getByTestId('sync-badge').getAttribute('data-status')).toBe('synced');
    expect(await syncRows()).toBe(before);

    await row().getByRole('button', { name: `Delete ${TITLE}` }).click();
    await row().getByRole('button', { name: 'Delete', exact: true }).click();
    await h.page.getByTestId('undo-delete').waitFor();
    expect(await syncRows()).toBe(before);
    await h.page.reload();
    await expect.poll(() => syncRows()).toBe(0);
    // Deleting a flow never deletes what was published.
    expect(acme.campaigns).toHaveLength(1);
    expect(h.pageErrors).toEqual([]);
  });
});
