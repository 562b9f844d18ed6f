import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChatwoot, type FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { resultsDir, startHarness, type Harness } from './harness';

let h: Harness;
let chatwoot: FakeChatwoot;

beforeAll(async () => {
  chatwoot = await startFakeChatwoot();
  h = await startHarness();
  await h.page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await h?.close();
  await chatwoot?.close();
});

const TITLE = 'Maintenance notice';
const card = () => h.page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`);
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// #14.12 and #13.14: Chatwoot sends a disabled one-off anyway; switching off a published one deletes it there.
describe('switching off a published one-off', () => {
  it('asks, then deletes it in Chatwoot; the switch never pretends a disabled one-off is not sent', async () => {
    await h.page.goto(`${h.host.url}#/campaigns/one-off/new`);
    await h.page.getByLabel('Title').fill(TITLE);
    await h.page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00-04:00 ET.');
    await h.page.getByRole('button', { name: /^enterprise/ }).click();
    await h.page.getByTestId('scheduled-at').fill(`${dateIn(30)}T09:30`);
    await h.page.getByTestId('review-campaign').click();
    await h.page.getByTestId('schedule-campaign').click();
    await card().waitFor();

    await h.page.goto(`${h.host.url}#/settings`);
    await h.page.getByTestId('add-backend').first().click();
    const form = h.page.getByTestId('backend-form');
    await form.getByLabel('Base URL').fill(chatwoot.url);
    await form.getByLabel('Account ID').fill('1');
    await form.getByLabel('User API token').fill('admin-token');
    await form.getByTestId('save-backend').click();
    await h.page.locator('[data-testid="backend-card"][data-name="chatwoot"]').waitFor();

    await h.page.goto(`${h.host.url}#/flows`);
    await h.page.getByTestId('flow-row').filter({ hasText: TITLE }).getByRole('button', { name: `Open ${TITLE}` }).click();
    await h.page.getByTestId('editor').waitFor();
    const flowId = decodeURIComponent(new URL(h.page.url()).hash.replace('#/flows/', ''));
    await h.page.getByTestId('publish').click();
    await h.page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ }).click();
    await expect.poll(() => chatwoot.campaignsOf(flowId).length, { timeout: 10_000 }).toBe(1);

    await h.page.goto(`${h.host.url}#/campaigns/one-off`);
    await card().waitFor();
    expect(await card().locator('.ccard__toggle').textContent()).toContain('Will be sent');
    await card().getByRole('switch').click();
    const ask = card().getByTestId('stop-one-off');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Chatwoot sends a one-off even when it is disabled');
    await h.page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
    await h.page.screenshot({ path: join(resultsDir, 'one-off-stop-confirm.png'), animations: 'disabled' });
    expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
    await ask.getByTestId('confirm-stop').click();
    await expect.poll(() => chatwoot.campaignsOf(flowId).length).toBe(0);
    await expect.poll(() => card().getByTestId('campaign-status').textContent()).toBe('Disabled');
  });
});
