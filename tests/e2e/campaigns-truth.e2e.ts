import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { addBackend } from './settings-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

const card = (page: Page, title: string) => page.locator(`[data-testid="campaign-card"][data-title="${title}"]`);
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Fills a new SMS one-off for the "enterprise" label at `day` 09:30 and goes to its review. */
async function composeOneOff(page: Page, title: string, day: string): Promise<void> {
  await page.goto('/#/campaigns/one-off/new');
  await page.getByLabel('Title').fill(title);
  await page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00-04:00 ET.');
  await page.getByRole('button', { name: /^enterprise/ }).click();
  await page.getByTestId('scheduled-at').fill(`${day}T09:30`);
  await page.getByTestId('review-campaign').click();
}

test('a one-off never published is never "Processing", even once its time has passed, and stays editable', async ({ page }) => {
  await page.clock.install({ time: new Date() });
  await composeOneOff(page, 'Unpublished notice', dateIn(1));
  // No backend: the review says the campaign will only be saved, and why.
  await expect(page.getByTestId('schedule-plan')).toContainText('Not published: no Chatwoot account is connected');
  await expect(page.getByTestId('schedule-campaign')).toHaveText('Save without publishing');
  await page.getByTestId('schedule-campaign').click();
  const c = card(page, 'Unpublished notice');
  await expect(c.getByTestId('campaign-status')).toHaveText('Not published');
  await expect(c.getByTestId('campaign-where')).toContainText('Not published: only this app has it');

  // Two days later its time is a day and a half gone: it was never sent, so it is not being sent.
  await page.clock.fastForward('48:00:00');
  await expect(c).toContainText('this time has passed');
  await expect(c.getByTestId('campaign-status')).toHaveText('Not published');
  await expect(page.getByText('Processing')).toHaveCount(0);
  await expect(c.getByRole('button', { name: 'Edit Unpublished notice' })).toBeEnabled();
});

test('"Schedule campaign" publishes a new one-off to Chatwoot; its card shows where, and what Chatwoot says as it is sent', async ({ page, chatwoot }) => {
  await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
  await composeOneOff(page, 'Maintenance notice', dateIn(30));
  await expect(page.getByTestId('schedule-plan')).toHaveText('Publishes it to Chatwoot “chatwoot”.');
  await page.getByTestId('schedule-campaign').click();
  const c = card(page, 'Maintenance notice');
  await expect(c.getByTestId('campaign-status')).toHaveText('Scheduled');
  await expect(c.getByTestId('campaign-where')).toContainText('Published as campaign 1 on “chatwoot” · Chatwoot says active');
  expect(chatwoot.schemaViolations).toEqual([]);

  // Another, scheduled then stopped: deleted in Chatwoot, it is published nowhere.
  await composeOneOff(page, 'Draft for later', dateIn(40));
  await page.getByTestId('schedule-campaign').click();
  const other = card(page, 'Draft for later');
  await expect(other.getByTestId('campaign-status')).toHaveText('Scheduled');
  await other.getByRole('switch').click();
  await other.getByTestId('confirm-stop').click();
  await expect(other.getByTestId('campaign-status')).toHaveText('Disabled');
  await expect(other.getByTestId('campaign-where')).toContainText('Not published');
  await shot(page, 'campaigns-truth-scheduled.png', { hideNotices: true });

  // Chatwoot's scheduler picks it up, then finishes: the card follows what Chatwoot says.
  chatwoot.editInChatwoot(1, { campaign_status: 'processing' });
  await page.reload();
  await expect(c.getByTestId('campaign-status')).toHaveText('Being sent');
  await expect(c.getByRole('button', { name: 'Edit Maintenance notice' })).toBeDisabled();
  chatwoot.markSent(1);
  await page.reload();
  await expect(c.getByTestId('campaign-status')).toHaveText('Sent');
  await expect(c.getByTestId('campaign-where')).toContainText('Chatwoot says sent');
  await shot(page, 'campaigns-truth-sent.png', { hideNotices: true });
});
