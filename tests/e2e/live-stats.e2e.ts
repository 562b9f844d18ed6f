import type { Page } from '@playwright/test';
import type { FakeDelivery } from '../../src-main/sync/testing/fake-delivery';
import { expect, shot as picture, test } from './fixtures';
import { addBackend, createLiveChatFlow, editorBadge, openFlowId, publishTo } from './settings-helpers';

const shot = (page: Page, name: string) => picture(page, name, { hideNotices: true });
const panel = (page: Page) => page.getByTestId('publish-panel');
const stats = (page: Page) => panel(page).getByTestId('live-stats');
const row = (page: Page, nodeId: string) => stats(page).locator(`tr[data-node-id="${nodeId}"]`);
const counts = (page: Page, nodeId: string) =>
  Promise.all(['entered', 'waiting', 'completed'].map(async (col) => Number(await row(page, nodeId).locator(`[data-col="${col}"]`).textContent())));


/** The onboarding example published to the fake delivery API, its panel open; returns the flow id. */
async function publishOnboarding(page: Page, delivery: FakeDelivery): Promise<string> {
  await addBackend(page, 'Delivery API', delivery.url, delivery.token);
  await page.goto('/');
  await page.locator('[data-testid="example"][data-file="onboarding-drip.json"]').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  const flowId = openFlowId(page);
  await publishTo(page, 'delivery');
  // The panel stays open after publishing, now with the flow's live statistics.
  await expect(panel(page)).toBeVisible();
  return flowId;
}

const sampleStats = [
  { nodeId: 'trigger', active: 0, entered: 120, exited: 0, failed: 0 },
  { nodeId: 'welcome', active: 0, entered: 120, exited: 0, failed: 0 },
  { nodeId: 'day1', active: 37, entered: 120, exited: 0, failed: 0 },
  { nodeId: 'activated', active: 0, entered: 83, exited: 0, failed: 0 },
  { nodeId: 'end-sales', active: 0, entered: 9, exited: 9, failed: 0 },
];

test.describe('live statistics of a published flow', () => {
  test('publishes a workflow to a delivery API; an unpublished flow has no statistics', async ({ page, delivery }) => {
    await addBackend(page, 'Delivery API', delivery.url, delivery.token);
    await page.goto('/');
    await page.locator('[data-testid="example"][data-file="onboarding-drip.json"]').click();
    await expect(page.getByTestId('editor')).toBeVisible();
    const flowId = openFlowId(page);
    await page.getByTestId('publish').click();
    // Not published yet: nothing to show statistics of.
    await expect(panel(page).locator('[data-backend="delivery"]')).toBeVisible();
    await expect(panel(page).getByTestId('live-stats-toggle')).toHaveCount(0);
    await panel(page).locator('[data-backend="delivery"]').getByRole('button', { name: /^Publish/ }).click();
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'synced');
    expect(delivery.flows.get(flowId)).toBeDefined();
  });

  test('shows "no journeys yet", then per-step counts, refreshed on demand', async ({ page, delivery }) => {
    const flowId = await publishOnboarding(page, delivery);
    const toggle = panel(page).getByTestId('live-stats-toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(stats(page)).toHaveAttribute('data-state', 'ready');
    await expect(stats(page).getByTestId('live-stats-empty')).toContainText('No journeys yet');

    delivery.flows.get(flowId)!.stats = structuredClone(sampleStats);
    await stats(page).getByTestId('live-stats-refresh').click();
    await expect(row(page, 'day1').locator('th')).toHaveText('1 day later');
    expect(await counts(page, 'day1')).toEqual([120, 37, 0]);
    expect(await counts(page, 'end-sales')).toEqual([9, 0, 9]);
    // In the flow's order.
    const steps = await stats(page).locator('tbody th').allTextContents();
    expect(steps.slice(0, 4)).toEqual(['Trial sign-up', 'Welcome email', '1 day later', 'Activated?']);
    await shot(page, 'live-stats.png');

    delivery.flows.get(flowId)!.stats![2] = { nodeId: 'day1', active: 12, entered: 140, exited: 0, failed: 0 };
    await stats(page).getByTestId('live-stats-refresh').click();
    await expect.poll(() => counts(page, 'day1')).toEqual([140, 12, 0]);
    expect(delivery.requests.filter((r) => r.path.endsWith('/stats')).length).toBe(3);
  });

  test('says what failed, keeps the last counts, and recovers', async ({ page, delivery }) => {
    const flowId = await publishOnboarding(page, delivery);
    delivery.flows.get(flowId)!.stats = structuredClone(sampleStats);
    await panel(page).getByTestId('live-stats-toggle').click();
    await expect.poll(() => counts(page, 'day1')).toEqual([120, 37, 0]);

    delivery.fault({ path: /\/stats$/, fault: { type: 'status', status: 503, body: { error: { code: 'unavailable', message: 'Down for maintenance.' } } } });
    await stats(page).getByTestId('live-stats-refresh').click();
    await expect(stats(page)).toHaveAttribute('data-state', 'error');
    await expect(stats(page).getByTestId('live-stats-error')).toHaveText('Could not load live statistics: server error (503)');
    expect(await counts(page, 'day1')).toEqual([120, 37, 0]);
    await shot(page, 'live-stats-error.png');

    delivery.fault({ path: /\/stats$/, fault: { type: 'status', status: 401, body: { error: { code: 'unauthorized', message: 'Token revoked.' } } } });
    await stats(page).getByTestId('live-stats-refresh').click();
    await expect(stats(page).getByTestId('live-stats-error')).toHaveText('Could not load live statistics: token refused (401)');

    await stats(page).getByTestId('live-stats-refresh').click();
    await expect(stats(page)).toHaveAttribute('data-state', 'ready');
    await expect(stats(page).getByTestId('live-stats-error')).toHaveCount(0);

    await panel(page).getByTestId('live-stats-toggle').click();
    await expect(stats(page)).toHaveCount(0);
  });

  test('says a Chatwoot campaign has no per-step statistics', async ({ page, chatwoot }) => {
    await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
    await createLiveChatFlow(page, 'Pricing help');
    await publishTo(page, 'chatwoot');
    await expect(panel(page)).toBeVisible();
    await panel(page).getByTestId('live-stats-toggle').click();
    await expect(stats(page)).toHaveAttribute('data-state', 'error');
    await expect(stats(page).getByTestId('live-stats-error')).toHaveText('Chatwoot does not report per-step statistics.');
    await expect(stats(page).getByTestId('live-stats-refresh')).toHaveCount(0);
    await shot(page, 'live-stats-chatwoot.png');
  });
});
