import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChatwoot, type FakeChatwoot } from '../../src-main/sync/testing/fake-chatwoot';
import { startFakeDelivery, type FakeDelivery } from '../../src-main/sync/testing/fake-delivery';
import { resultsDir, startHarness, type Harness } from './harness';

let h: Harness;
let delivery: FakeDelivery;
let chatwoot: FakeChatwoot;
let flowId = '';

beforeAll(async () => {
  delivery = await startFakeDelivery();
  chatwoot = await startFakeChatwoot();
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  await delivery?.close();
  await chatwoot?.close();
});

const shot = async (name: string) => {
  await h.page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
  await h.page.screenshot({ path: join(resultsDir, name), animations: 'disabled' });
};
const panel = () => h.page.getByTestId('publish-panel');
/** Publishing closes the panel (its button is disabled under the focus): open it again. */
async function openPanel(): Promise<void> {
  if ((await panel().count()) === 0) await badge().click();
  await panel().waitFor();
}
const badge = () => h.page.getByTestId('editor').getByTestId('sync-badge').first();
const stats = () => panel().getByTestId('live-stats');
const row = (nodeId: string) => stats().locator(`tr[data-node-id="${nodeId}"]`);
const counts = async (nodeId: string) => Promise.all(['entered', 'waiting', 'completed'].map(async (col) => Number(await row(nodeId).locator(`[data-col="${col}"]`).textContent())));

async function addBackend(type: 'Delivery API' | 'Chatwoot', baseUrl: string, token: string): Promise<void> {
  await h.page.goto(`${h.host.url}#/settings`);
  await h.page.getByTestId('add-backend').first().click();
  const form = h.page.getByTestId('backend-form');
  await form.getByRole('radio', { name: new RegExp(`^${type}`) }).click();
  await form.getByLabel('Base URL').fill(baseUrl);
  await form.getByLabel(type === 'Chatwoot' ? 'User API token' : 'API token').fill(token);
  await form.getByTestId('save-backend').click();
  await h.page.locator(`[data-testid="backend-card"][data-name="${type === 'Chatwoot' ? 'chatwoot' : 'delivery'}"]`).waitFor();
}

describe('live statistics of a published flow', () => {
  it('publishes a workflow to a delivery API', async () => {
    await addBackend('Delivery API', delivery.url, delivery.token);
    await h.page.goto(h.host.url);
    await h.page.locator('[data-testid="example"][data-file="onboarding-drip.json"]').click();
    await h.page.getByTestId('editor').waitFor();
    flowId = decodeURIComponent(new URL(h.page.url()).hash.replace('#/flows/', ''));
    await h.page.getByTestId('publish').click();
    // Not published yet: nothing to show statistics of.
    expect(await panel().getByTestId('live-stats-toggle').count()).toBe(0);
    await panel().locator('[data-backend="delivery"]').getByRole('button', { name: /^Publish/ }).click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('synced');
    expect(delivery.flows.get(flowId)).toBeDefined();
  });

  it('shows "no journeys yet", then per-step counts, refreshed on demand', async () => {
    await openPanel();
    const toggle = panel().getByTestId('live-stats-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => stats().getAttribute('data-state')).toBe('ready');
    expect(await stats().getByTestId('live-stats-empty').textContent()).toContain('No journeys yet');

    delivery.flows.get(flowId)!.stats = [
      { nodeId: 'trigger', active: 0, entered: 120, exited: 0, failed: 0 },
      { nodeId: 'welcome', active: 0, entered: 120, exited: 0, failed: 0 },
      { nodeId: 'day1', active: 37, entered: 120, exited: 0, failed: 0 },
      { nodeId: 'activated', active: 0, entered: 83, exited: 0, failed: 0 },
      { nodeId: 'end-sales', active: 0, entered: 9, exited: 9, failed: 0 },
    ];
    await stats().getByTestId('live-stats-refresh').click();
    await stats().getByTestId('live-stats-table').waitFor();
    expect(await row('day1').locator('th').textContent()).toBe('1 day later');
    expect(await counts('day1')).toEqual([120, 37, 0]);
    expect(await counts('end-sales')).toEqual([9, 0, 9]);
    // In the flow's order.
    const steps = await stats().locator('tbody th').allTextContents();
    expect(steps.slice(0, 4)).toEqual(['Trial sign-up', 'Welcome email', '1 day later', 'Activated?']);
    await shot('live-stats.png');

    delivery.flows.get(flowId)!.stats![2] = { nodeId: 'day1', active: 12, entered: 140, exited: 0, failed: 0 };
    await stats().getByTestId('live-stats-refresh').click();
    await expect.poll(() => counts('day1')).toEqual([140, 12, 0]);
    expect(delivery.requests.filter((r) => r.path.endsWith('/stats')).length).toBe(3);
  });

  it('says what failed, keeps the last counts, and recovers', async () => {
    delivery.fault({ path: /\/stats$/, fault: { type: 'status', status: 503, body: { error: { code: 'unavailable', message: 'Down for maintenance.' } } } });
    await stats().getByTestId('live-stats-refresh').click();
    await expect.poll(() => stats().getAttribute('data-state')).toBe('error');
    expect(await stats().getByTestId('live-stats-error').textContent()).toBe('Could not load live statistics: server error (503)');
    expect(await counts('day1')).toEqual([140, 12, 0]);
    await shot('live-stats-error.png');

    delivery.fault({ path: /\/stats$/, fault: { type: 'status', status: 401, body: { error: { code: 'unauthorized', message: 'Token revoked.' } } } });
    await stats().getByTestId('live-stats-refresh').click();
    await expect.poll(() => stats().getByTestId('live-stats-error').textContent()).toBe('Could not load live statistics: token refused (401)');

    await stats().getByTestId('live-stats-refresh').click();
    await expect.poll(() => stats().getAttribute('data-state')).toBe('ready');
    expect(await stats().getByTestId('live-stats-error').count()).toBe(0);

    await panel().getByTestId('live-stats-toggle').click();
    expect(await stats().count()).toBe(0);
  });

  it('says a Chatwoot campaign has no per-step statistics', async () => {
    await addBackend('Chatwoot', chatwoot.url, 'admin-token');
    await h.page.goto(`${h.host.url}#/campaigns/live-chat/new`);
    await h.page.getByTestId('campaign-editor').waitFor();
    await h.page.getByLabel('Title').fill('Pricing help');
    await h.page.getByLabel('Message', { exact: true }).fill('Comparing plans? We can help you choose.');
    await h.page.getByTestId('url-pattern').fill('https://www.example.com/pricing*');
    await h.page.getByTestId('save-campaign').click();
    await h.page.locator('[data-testid="campaign-card"][data-title="Pricing help"]').waitFor();
    await h.page.goto(`${h.host.url}#/flows`);
    await h.page.getByTestId('flow-row').filter({ hasText: 'Pricing help' }).getByRole('button', { name: 'Open Pricing help' }).click();
    await h.page.getByTestId('editor').waitFor();
    await h.page.getByTestId('publish').click();
    await panel().locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ }).click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('synced');

    await openPanel();
    await panel().getByTestId('live-stats-toggle').click();
    await expect.poll(() => stats().getAttribute('data-state')).toBe('error');
    expect(await stats().getByTestId('live-stats-error').textContent()).toBe('Chatwoot does not report per-step statistics.');
    expect(await stats().getByTestId('live-stats-refresh').count()).toBe(0);
    await shot('live-stats-chatwoot.png');
    expect(h.pageErrors).toEqual([]);
  });
});
