import { expect, shot, test } from './fixtures';
import { addBackend, openFlowId } from './settings-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

const TITLE = 'Maintenance notice';
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// #14.12 and #13.14: Chatwoot sends a disabled one-off anyway; switching off a published one deletes it there.
test('switching off a published one-off asks, then deletes it in Chatwoot; the switch never pretends a disabled one-off is not sent', async ({ page, chatwoot }) => {
  const card = page.locator(`[data-testid="campaign-card"][data-title="${TITLE}"]`);
  await page.goto('/#/campaigns/one-off/new');
  await page.getByLabel('Title').fill(TITLE);
  await page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00-04:00 ET.');
  await page.getByRole('button', { name: /^enterprise/ }).click();
  await page.getByTestId('scheduled-at').fill(`${dateIn(30)}T09:30`);
  await page.getByTestId('review-campaign').click();
  await page.getByTestId('schedule-campaign').click();
  await expect(card).toBeVisible();

  await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
  await page.goto('/#/flows');
  await page.getByTestId('flow-row').filter({ hasText: TITLE }).getByRole('button', { name: `Open ${TITLE}` }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  const flowId = openFlowId(page);
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-panel').locator('[data-backend="chatwoot"]').getByRole('button', { name: /^Publish/ }).click();
  await expect.poll(() => chatwoot.campaignsOf(flowId).length).toBe(1);

  await page.goto('/#/campaigns/one-off');
  await expect(card.locator('.ccard__toggle')).toContainText('Will be sent');
  await card.getByRole('switch').click();
  const ask = card.getByTestId('stop-one-off');
  await expect(ask).toContainText('Chatwoot sends a one-off even when it is disabled');
  await shot(page, 'one-off-stop-confirm.png', { hideNotices: true });
  expect(chatwoot.campaignsOf(flowId)).toHaveLength(1);
  await ask.getByTestId('confirm-stop').click();
  await expect.poll(() => chatwoot.campaignsOf(flowId).length).toBe(0);
  await expect(card.getByTestId('campaign-status')).toHaveText('Disabled');
});
