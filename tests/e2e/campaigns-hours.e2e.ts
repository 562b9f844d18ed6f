import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { addBackend } from './settings-helpers';

// #14.11: a live-chat campaign's business hours are its Chatwoot inbox's working hours and
// timezone. The fake's Website inbox works Mon–Fri 08:00–18:00 and Sat 10:00–14:00, Europe/Berlin.
const form = (page: Page) => page.getByTestId('campaign-editor');
const hours = (page: Page) => form(page).getByTestId('inbox-hours');

async function openNewLiveChat(page: Page): Promise<void> {
  await page.goto('/#/campaigns/live-chat');
  await expect(form(page)).toHaveCount(0);
  await page.goto('/#/campaigns/live-chat/new');
  await expect(form(page)).toBeVisible();
}

test.describe('live-chat business hours are the Chatwoot inbox’s', () => {
  test('shows the inbox’s working hours and timezone in the form, and the simulation uses them', async ({ page, chatwoot }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
    await openNewLiveChat(page);
    await expect(form(page).getByTestId('workspace-source')).toHaveAttribute('data-status', 'ready');
    await form(page).getByRole('switch', { name: 'Only during business hours' }).click();

    await expect(hours(page)).toHaveAttribute('data-status', 'ready');
    await expect(hours(page)).toContainText('From Chatwoot inbox “Website” · Europe/Berlin');
    const days = hours(page).locator('.inbox-hours__day');
    await expect(days).toHaveText(['Monday08:00–18:00', 'Tuesday08:00–18:00', 'Wednesday08:00–18:00', 'Thursday08:00–18:00', 'Friday08:00–18:00', 'Saturday10:00–14:00', 'SundayClosed']);
    await expect(hours(page).getByTestId('inbox-hours-now')).toHaveText(/^Now (Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d\d:\d\d there: (open, the campaign can show|closed, the campaign waits)\.$/);
    // The hours are Chatwoot's to edit: no opening-time fields here.
    await expect(form(page).getByLabel('Opens at')).toHaveCount(0);
    await hours(page).scrollIntoViewIfNeeded();
    await shot(page, 'campaign-inbox-hours.png', { hideNotices: true });

    await form(page).getByLabel('Title').fill('Docs: ask support');
    await form(page).getByLabel('Message', { exact: true }).fill('Stuck? Our support team answers in minutes.');
    await form(page).getByTestId('url-pattern').fill('https://www.example.com/*');
    await form(page).getByTestId('save-campaign').click();
    // Saved with the campaign, so its card (and its file) says the hours Chatwoot will use.
    await expect(page.locator('[data-testid="campaign-card"][data-title="Docs: ask support"]')).toContainText('Mon–Fri 08:00–18:00, Sat 10:00–14:00 only');

    await page.getByTestId('simulate-visits').click();
    const panel = page.getByTestId('simulation-panel');
    await expect(panel.getByTestId('simulation-hours-source')).toContainText('Business hours are each inbox’s working hours in Chatwoot, on the inbox’s clock (Website: Europe/Berlin).');
    // Over 7 days, visits at night or on Sunday in Berlin miss it, and say which hours decided.
    const outside = panel.locator('[data-testid="verdict-not-shown"].verdict--outside-business-hours').first();
    await expect(outside).toContainText(/\(Europe\/Berlin\); the inbox's working hours in Chatwoot are Mon–Fri 08:00–18:00, Sat 10:00–14:00\./);
    await panel.getByTestId('simulation-hours-source').scrollIntoViewIfNeeded();
    await shot(page, 'campaign-inbox-hours-simulation.png', { hideNotices: true });
    expect(chatwoot.schemaViolations).toEqual([]);
  });

  test('says so when the inbox has working hours off (shown at any time), and while they cannot be loaded', async ({ page, chatwoot }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    chatwoot.account(1).inboxes[0]!.working_hours_enabled = false;
    await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
    await openNewLiveChat(page);
    await form(page).getByRole('switch', { name: 'Only during business hours' }).click();
    await expect(hours(page)).toHaveAttribute('data-status', 'off');
    await expect(hours(page)).toContainText('Working hours are turned off for “Website” in Chatwoot, so Chatwoot shows this campaign at any time.');
    await hours(page).scrollIntoViewIfNeeded();
    await shot(page, 'campaign-inbox-hours-off.png', { hideNotices: true });

    // No inbox chosen: nothing to show yet.
    await form(page).getByTestId('inbox-select').selectOption('');
    await expect(hours(page)).toHaveAttribute('data-status', 'empty');
    await expect(hours(page)).toContainText('Choose the website inbox above to see its working hours');

    // Chatwoot unreachable on a fresh load: the form says the hours are not known, and why.
    chatwoot.fault({ method: 'GET', path: '/api/v1/accounts/1/inboxes', fault: { type: 'status', status: 401, body: { error: 'Invalid Access Token' } } });
    await page.reload();
    await openNewLiveChat(page);
    await form(page).getByRole('switch', { name: 'Only during business hours' }).click();
    await expect(hours(page)).toHaveAttribute('data-status', 'error');
    await expect(hours(page)).toContainText('token refused (401), so the inbox’s working hours are not known here');
  });

  test('the sample workspace’s own hours take 24:00 as a closing time and place an error on a bad time', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openNewLiveChat(page);
    await form(page).getByRole('switch', { name: 'Only during business hours' }).click();
    const closes = form(page).getByLabel('Closes at');
    await closes.fill('24:01');
    await expect(form(page).getByRole('alert').filter({ hasText: 'Closes: "24:01" is past the end of the day: the latest time is 24:00' })).toBeVisible();
    await expect(closes).toHaveAttribute('aria-invalid', 'true');
    await closes.scrollIntoViewIfNeeded();
    await shot(page, 'campaign-hours-bad-time.png', { hideNotices: true });
    await closes.fill('25:00');
    await expect(form(page).getByRole('alert').filter({ hasText: 'Closes: "25:00" has no hour 25' })).toBeVisible();
    await closes.fill('24:00');
    await expect(closes).toHaveAttribute('aria-invalid', 'false');
    const opens = form(page).getByLabel('Opens at');
    await opens.fill('24:00');
    await expect(form(page).getByRole('alert').filter({ hasText: 'Opens: 24:00 is the end of the day' })).toBeVisible();
    await opens.fill('18:00');

    await form(page).getByLabel('Title').fill('Evening chat');
    await form(page).getByLabel('Message', { exact: true }).fill('Evening questions? We are here until midnight.');
    await form(page).getByTestId('url-pattern').fill('https://www.example.com/*');
    await form(page).getByTestId('save-campaign').click();
    const saved = page.locator('[data-testid="campaign-card"][data-title="Evening chat"]');
    await expect(saved).toBeVisible();
    await saved.getByRole('button', { name: /Edit/ }).first().click();
    await expect(form(page).getByLabel('Closes at')).toHaveValue('24:00');
    await expect(form(page).getByLabel('Opens at')).toHaveValue('18:00');
  });

  test('the canvas campaign settings take 24:00 as a closing time too, and place an error on a bad one', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('empty-state').getByRole('button', { name: 'New flow' }).click();
    await expect(page.getByTestId('editor')).toBeVisible();
    const panel = page.getByTestId('campaign-panel');
    await panel.getByText('Use business hours').click();
    const row = panel.getByTestId('hours-row').first();
    const closes = row.getByLabel('Closes', { exact: true });
    await closes.fill('24:01');
    await expect(row.getByRole('alert')).toHaveText('Closes: "24:01" is past the end of the day: the latest time is 24:00');
    await closes.fill('24:00');
    await expect(row.getByRole('alert')).toHaveCount(0);
    await expect(closes).toHaveAttribute('aria-invalid', 'false');
    // 24:00 closes after any opening time: the flow's checks find nothing wrong with it.
    await expect(panel.getByText('close (24:00) before they open')).toHaveCount(0);
  });
});
