import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { resultsDir, rootDir } from './harness';

/** A picture of the whole page: the app scrolls inside <main>, so the window grows to fit it. */
async function shot(page: Page, name: string): Promise<void> {
  const main = page.locator('main');
  const extra = await main.evaluate((el) => el.scrollHeight - el.clientHeight);
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: size.width, height: Math.min(3200, size.height + Math.max(0, extra)) });
  // The "Saved" toast would cover the picture; hidden through the CSSOM, which the page's CSP allows.
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
  await page.screenshot({ path: join(resultsDir, name), animations: 'disabled' });
  await page.setViewportSize(size);
}
const card = (page: Page, title: string): Locator => page.locator(`[data-testid="campaign-card"][data-title="${title}"]`);
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function openCampaigns(page: Page, tab: 'live-chat' | 'one-off' = 'live-chat'): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  if (tab === 'one-off') await page.getByRole('tab', { name: /One-off/ }).click();
}

/** Creates a live-chat campaign through the form and waits for its card. */
async function createLiveChat(page: Page, c: { title: string; message: string; url: string; seconds: string; businessHours?: boolean }): Promise<void> {
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await page.getByLabel('Title').fill(c.title);
  await page.getByLabel('Message', { exact: true }).fill(c.message);
  await page.getByTestId('url-pattern').fill(c.url);
  await page.getByLabel('Time on page').fill(c.seconds);
  if (c.businessHours) {
    await page.getByRole('switch', { name: 'Only during business hours' }).click();
    await page.getByLabel('Business hours timezone').selectOption('Europe/Berlin');
  }
  await page.getByTestId('save-campaign').click();
  await expect(card(page, c.title)).toBeVisible();
}

const pricing = { title: 'Pricing: talk to sales', message: 'Comparing plans? Ask us which one fits.', url: 'https://www.example.com/pricing*', seconds: '12' };
const docs = { title: 'Docs: stuck? Ask support', message: 'Stuck on something? Our **support team** answers in minutes.', url: 'https://www.example.com/docs/', seconds: '30', businessHours: true };

/** Creates a scheduled SMS one-off through the form and waits for its card. */
async function createOneOff(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00-04:00 ET for planned maintenance.');
  await page.getByRole('button', { name: /^enterprise/ }).click();
  await page.getByTestId('scheduled-at').fill(`${dateIn(30)}T09:30`);
  await page.getByTestId('review-campaign').click();
  await page.getByTestId('schedule-campaign').click();
  await expect(card(page, title).getByTestId('campaign-status')).toHaveText('Not published');
}

test.describe('live-chat campaigns', () => {
  test('starts on a designed empty state reached from the header', async ({ page }) => {
    await openCampaigns(page);
    await expect(page.getByTestId('campaign-empty-state').getByRole('heading')).toHaveText('Start conversations with the right visitors');
    await shot(page, 'campaigns-empty-live-chat.png');
  });

  test('creates one with a sanitised message, a tested URL pattern and a visitor condition', async ({ page }) => {
    await openCampaigns(page);
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByTestId('campaign-editor')).toBeVisible();
    // Saving an empty form says what is missing, next to each field.
    await page.getByTestId('save-campaign').click();
    await expect(page.getByTestId('form-errors')).toHaveText(/to fix before saving/);

    await page.getByLabel('Title').fill('Pricing page: talk to sales');
    const message = page.getByLabel('Message', { exact: true });
    await message.fill('Comparing plans? <b>Ask us</b> which one fits your team, {{ contact.first_name }}.<script>alert(1)</script>\n\n- Pricing tour\n- [Compare plans](https://www.example.com/compare)');
    await message.blur();
    await expect(page.getByTestId('sanitised-note')).toBeVisible();
    await expect(message).toHaveValue('Comparing plans? **Ask us** which one fits your team, {{ contact.first_name }}.\n\n- Pricing tour\n- [Compare plans](https://www.example.com/compare)');
    await page.getByLabel('Sent by').selectOption({ label: 'Mia from Sales · Sales' });
    await page.getByTestId('url-pattern').fill('https://www.example.com/pricing*');

    const tester = page.getByTestId('url-tester');
    await tester.fill('https://www.example.com/pricing/enterprise?utm_source=ad#faq');
    await expect(page.getByTestId('url-tester-result')).toContainText('Yes');
    await tester.fill('https://www.example.com/Pricing');
    await expect(page.getByTestId('url-tester-result')).toContainText('does not match');
    await tester.fill('https://www.example.com/pricing/enterprise');

    await page.getByLabel('Time on page').fill('12');
    await page.getByRole('radio', { name: 'Once per visitor' }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    const conditions = page.getByTestId('visitor-conditions');
    await conditions.getByLabel('Attribute').selectOption('device');
    await conditions.getByLabel('Comparison').selectOption('not_equals');
    await conditions.getByLabel('Value').fill('tablet');
    await expect(page.getByTestId('chat-preview')).toContainText('Mia from Sales');
    await shot(page, 'campaign-live-chat-editor.png');

    await page.getByTestId('save-campaign').click();
    await expect(card(page, 'Pricing page: talk to sales').getByTestId('campaign-status')).toHaveText('Enabled');
    await expect(card(page, 'Pricing page: talk to sales')).toContainText('https://www.example.com/pricing*');
  });

  test('edits one', async ({ page }) => {
    await openCampaigns(page);
    await createLiveChat(page, pricing);
    await card(page, pricing.title).getByRole('button', { name: /^Edit/ }).click();
    await expect(page.getByLabel('Time on page')).toHaveValue('12');
    await page.getByLabel('Title').fill('Pricing: talk to us');
    await page.getByLabel('Time on page').fill('20');
    await page.getByTestId('save-campaign').click();
    await expect(card(page, 'Pricing: talk to us')).toContainText('After 20 s on the page');
    await expect(page.getByTestId('campaign-card')).toHaveCount(1);
  });

  test('adds a business-hours campaign and runs the visit simulation against both', async ({ page }) => {
    await openCampaigns(page);
    await createLiveChat(page, pricing);
    await createLiveChat(page, docs);
    await shot(page, 'campaigns-live-chat-list.png');

    await page.getByTestId('simulate-visits').click();
    const panel = page.getByTestId('simulation-panel');
    await expect(panel.getByTestId('simulation-tally')).toHaveCount(2);
    expect(await panel.getByTestId('simulation-row').count()).toBeGreaterThan(10);
    expect(await panel.getByTestId('verdict-shown').count()).toBeGreaterThan(0);
    const reasons = (await panel.getByTestId('verdict-not-shown').allTextContents()).join(' ');
    expect(reasons).toContain('No URL match');
    expect(reasons).toMatch(/Left the page too early|Has a conversation|Outside business hours/);
    const summary = (await panel.getByTestId('simulation-summary').textContent()) ?? '';
    await panel.getByTestId('simulation-seed').fill('7');
    await expect(panel.getByTestId('simulation-summary')).not.toHaveText(summary);
    await panel.getByTestId('simulation-seed').fill('1');
    await expect(panel.getByTestId('simulation-summary')).toHaveText(summary);
    await panel.getByRole('radio', { name: /^With a message/ }).click();
    await shot(page, 'campaign-simulation.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'campaign-simulation-dark.png');
  });

  test('disables one: it leaves the simulation', async ({ page }) => {
    await openCampaigns(page);
    await createLiveChat(page, pricing);
    await createLiveChat(page, docs);
    await page.getByTestId('simulate-visits').click();
    await expect(page.getByTestId('simulation-tally')).toHaveCount(2);
    await card(page, docs.title).getByRole('switch', { name: `Disable ${docs.title}` }).click();
    await expect(card(page, docs.title).getByTestId('campaign-status')).toHaveText('Disabled');
    await expect(page.getByTestId('simulation-tally')).toHaveCount(1);
  });

  test('deletes one after confirmation', async ({ page }) => {
    await openCampaigns(page);
    await createLiveChat(page, pricing);
    await createLiveChat(page, docs);
    const doomed = card(page, docs.title);
    await doomed.getByRole('button', { name: `Delete ${docs.title}` }).click();
    await doomed.getByTestId('confirm-delete').click();
    await expect(doomed).toHaveCount(0);
    await expect(page.getByTestId('campaign-card')).toHaveCount(1);
  });
});

test.describe('one-off campaigns', () => {
  test('starts on its own empty state', async ({ page }) => {
    await openCampaigns(page, 'one-off');
    await expect(page.getByTestId('campaign-empty-state').getByRole('heading')).toHaveText('Send one message to many contacts at once');
    await shot(page, 'campaigns-empty-one-off.png');
  });

  test('creates one: segments, audience with invalid numbers, no past times, a plain review', async ({ page }) => {
    await openCampaigns(page, 'one-off');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByLabel('Title').fill('Maintenance window notice');
    await page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00–04:00 ET for planned maintenance. Status: status.acme.com. Reply STOP to opt out.');
    const counter = page.getByTestId('sms-counter');
    await expect(counter).toContainText('UCS-2');
    await expect(page.getByTestId('non-gsm')).toContainText('–');
    await page.locator('.fsection').first().screenshot({ path: join(resultsDir, 'campaign-one-off-ucs2-counter.png'), animations: 'disabled' });
    await page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00-04:00 ET for planned maintenance. Status: status.acme.com. Reply STOP to opt out.');
    await expect(counter).toContainText('GSM-7');
    await expect(page.getByTestId('non-gsm')).toHaveCount(0);

    await page.getByRole('button', { name: /^enterprise/ }).click();
    await page.getByRole('button', { name: /^status-page-subscriber/ }).click();
    await expect(page.getByTestId('invalid-numbers')).toHaveText(/Not a valid number|Not a phone number|not in international form|No phone number/i);
    const recipients = Number(await page.getByTestId('recipient-count').textContent());
    expect(recipients).toBeGreaterThan(10);

    await page.getByTestId('schedule-timezone').selectOption('America/New_York');
    await page.getByTestId('scheduled-at').fill('2020-03-01T09:00');
    await page.getByTestId('review-campaign').click();
    await expect(page.getByText('has already passed').first()).toBeVisible();
    await page.getByTestId('scheduled-at').fill(`${dateIn(30)}T09:30`);
    await expect(page.getByTestId('schedule-echo')).toBeVisible();
    await shot(page, 'campaign-one-off-editor.png');

    await page.getByTestId('review-campaign').click();
    const review = page.getByTestId('one-off-review');
    await expect(review).toContainText('Once sent, this campaign cannot be unsent.');
    await expect(review.getByTestId('recipient-count')).toHaveText(String(recipients));
    await shot(page, 'campaign-one-off-review.png');
    await page.getByTestId('schedule-campaign').click();

    const scheduled = card(page, 'Maintenance window notice');
    await expect(scheduled.getByTestId('campaign-status')).toHaveText('Not published');
    await expect(scheduled).toContainText('America/New_York');
  });

  test('edits one while it is not sent', async ({ page }) => {
    await openCampaigns(page, 'one-off');
    await createOneOff(page, 'Maintenance window notice');
    await card(page, 'Maintenance window notice').getByRole('button', { name: /^Edit/ }).click();
    await page.getByLabel('Title').fill('Planned maintenance notice');
    await page.getByTestId('review-campaign').click();
    await page.getByTestId('schedule-campaign').click();
    await expect(card(page, 'Planned maintenance notice').getByTestId('campaign-status')).toHaveText('Not published');
    await expect(page.getByTestId('campaign-card')).toHaveCount(1);
    await shot(page, 'campaigns-one-off-list.png');
  });

  test('disables one', async ({ page }) => {
    await openCampaigns(page, 'one-off');
    await createOneOff(page, 'Planned maintenance notice');
    const c = card(page, 'Planned maintenance notice');
    await c.getByRole('switch', { name: 'Disable Planned maintenance notice' }).click();
    await expect(c.getByTestId('campaign-status')).toHaveText('Disabled');
  });

  test('keeps both kinds as flows in the flows list', async ({ page }) => {
    await openCampaigns(page);
    await createLiveChat(page, pricing);
    await page.getByRole('tab', { name: /One-off/ }).click();
    await createOneOff(page, 'Planned maintenance notice');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    const rows = page.getByTestId('flow-row');
    await expect(rows).toHaveCount(2);
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain(pricing.title);
    expect(text).toContain('Planned maintenance notice');
  });

  test('deletes one after confirmation', async ({ page }) => {
    await openCampaigns(page, 'one-off');
    await createOneOff(page, 'Planned maintenance notice');
    const c = card(page, 'Planned maintenance notice');
    await c.getByRole('button', { name: 'Delete Planned maintenance notice' }).click();
    await c.getByTestId('confirm-delete').click();
    await expect(page.getByTestId('campaign-empty-state')).toBeVisible();
  });

  test('shows imported example files as campaigns, and edits them in place', async ({ page }) => {
    await page.goto('/');
    for (const file of ['pricing-page-live-chat.json', 'incident-sms-broadcast.json']) {
      await page.evaluate(() => (window.location.hash = '#/'));
      await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', file));
      await page.waitForURL(/#\/flows\//);
    }
    await page.evaluate(() => (window.location.hash = '#/campaigns/one-off'));
    await expect(card(page, 'Maintenance window notice').getByTestId('campaign-status')).toHaveText('Draft');
    await page.getByRole('tab', { name: /Live chat/ }).click();
    const example = card(page, 'Pricing page: talk to sales');
    await expect(example).toContainText('Mon–Fri 09:00–18:00 only · once per visitor');
    await shot(page, 'campaigns-live-chat-with-example.png');
    await example.getByRole('button', { name: /^Edit/ }).click();
    await expect(page.getByLabel('Time on page')).toHaveValue('15');
    await page.getByLabel('Time on page').fill('25');
    await page.getByTestId('save-campaign').click();
    await expect(example).toContainText('After 25 s on the page');
  });
});
