import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, rootDir, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** A picture of the whole page: the app scrolls inside <main>, so the window grows to fit it. */
async function shot(name: string): Promise<void> {
  const main = h.page.locator('main');
  const extra = await main.evaluate((el) => el.scrollHeight - el.clientHeight);
  const size = h.page.viewportSize() ?? { width: 1280, height: 800 };
  await h.page.setViewportSize({ width: size.width, height: Math.min(3200, size.height + Math.max(0, extra)) });
  // The "Saved" toast would cover the picture; hidden through the CSSOM, which the page's CSP allows.
  await h.page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
  await h.page.screenshot({ path: join(resultsDir, name), animations: 'disabled' });
  await h.page.setViewportSize(size);
}
const card = (title: string): Locator => h.page.locator(`[data-testid="campaign-card"][data-title="${title}"]`);
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('live-chat campaigns', () => {
  it('starts on a designed empty state reached from the header', async () => {
    await h.page.goto(h.host.url);
    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    const empty = h.page.getByTestId('campaign-empty-state');
    await empty.waitFor();
    expect(await empty.getByRole('heading').textContent()).toBe('Start conversations with the right visitors');
    await shot('campaigns-empty-live-chat.png');
  });

  it('creates one with a sanitised message, a tested URL pattern and a visitor condition', async () => {
    await h.page.getByRole('button', { name: 'Create campaign' }).click();
    await h.page.getByTestId('campaign-editor').waitFor();
    // Saving an empty form says what is missing, next to each field.
    await h.page.getByTestId('save-campaign').click();
    expect(await h.page.getByTestId('form-errors').textContent()).toMatch(/to fix before saving/);

    await h.page.getByLabel('Title').fill('Pricing page: talk to sales');
    const message = h.page.getByLabel('Message', { exact: true });
    await message.fill('Comparing plans? <b>Ask us</b> which one fits your team, {{ contact.first_name }}.<script>alert(1)</script>\n\n- Pricing tour\n- [Compare plans](https://www.example.com/compare)');
    await message.blur();
    await h.page.getByTestId('sanitised-note').waitFor();
    expect(await message.inputValue()).toBe('Comparing plans? **Ask us** which one fits your team, {{ contact.first_name }}.\n\n- Pricing tour\n- [Compare plans](https://www.example.com/compare)');
    await h.page.getByLabel('Sent by').selectOption({ label: 'Mia from Sales · Sales' });
    await h.page.getByTestId('url-pattern').fill('https://www.example.com/pricing*');

    const tester = h.page.getByTestId('url-tester');
    await tester.fill('https://www.example.com/pricing/enterprise?utm_source=ad#faq');
    expect(await h.page.getByTestId('url-tester-result').textContent()).toContain('Yes');
    await tester.fill('https://www.example.com/Pricing');
    expect(await h.page.getByTestId('url-tester-result').textContent()).toContain('does not match');
    await tester.fill('https://www.example.com/pricing/enterprise');

    await h.page.getByLabel('Time on page').fill('12');
    await h.page.getByRole('radio', { name: 'Once per visitor' }).click();
    await h.page.getByRole('button', { name: 'Add condition' }).click();
    const conditions = h.page.getByTestId('visitor-conditions');
    await conditions.getByLabel('Attribute').selectOption('device');
    await conditions.getByLabel('Comparison').selectOption('not_equals');
    await conditions.getByLabel('Value').fill('tablet');
    expect(await h.page.getByTestId('chat-preview').textContent()).toContain('Mia from Sales');
    await shot('campaign-live-chat-editor.png');

    await h.page.getByTestId('save-campaign').click();
    await card('Pricing page: talk to sales').waitFor();
    expect(await card('Pricing page: talk to sales').getByTestId('campaign-status').textContent()).toBe('Enabled');
    expect(await card('Pricing page: talk to sales').textContent()).toContain('https://www.example.com/pricing*');
  });

  it('edits it', async () => {
    await card('Pricing page: talk to sales').getByRole('button', { name: /^Edit/ }).click();
    await h.page.getByTestId('campaign-editor').waitFor();
    expect(await h.page.getByLabel('Time on page').inputValue()).toBe('12');
    await h.page.getByLabel('Title').fill('Pricing: talk to sales');
    await h.page.getByLabel('Time on page').fill('20');
    await h.page.getByTestId('save-campaign').click();
    await card('Pricing: talk to sales').waitFor();
    expect(await card('Pricing: talk to sales').textContent()).toContain('After 20 s on the page');
    await expect.poll(() => h.page.getByTestId('campaign-card').count()).toBe(1);
  });

  it('adds a business-hours campaign and runs the visit simulation against both', async () => {
    await h.page.getByRole('button', { name: 'Create campaign' }).click();
    await h.page.getByLabel('Title').fill('Docs: stuck? Ask support');
    await h.page.getByLabel('Message', { exact: true }).fill('Stuck on something? Our **support team** answers in minutes.');
    await h.page.getByTestId('url-pattern').fill('https://www.example.com/docs/');
    await h.page.getByLabel('Time on page').fill('30');
    await h.page.getByRole('switch', { name: 'Only during business hours' }).click();
    await h.page.getByLabel('Business hours timezone').selectOption('Europe/Berlin');
    await h.page.getByTestId('save-campaign').click();
    await card('Docs: stuck? Ask support').waitFor();
    await shot('campaigns-live-chat-list.png');

    await h.page.getByTestId('simulate-visits').click();
    const panel = h.page.getByTestId('simulation-panel');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('simulation-tally').count()).toBe(2);
    expect(await panel.getByTestId('simulation-row').count()).toBeGreaterThan(10);
    expect(await panel.getByTestId('verdict-shown').count()).toBeGreaterThan(0);
    const reasons = (await panel.getByTestId('verdict-not-shown').allTextContents()).join(' ');
    expect(reasons).toContain('No URL match');
    expect(reasons).toMatch(/Left the page too early|Has a conversation|Outside business hours/);
    const summary = await panel.getByTestId('simulation-summary').textContent();
    await panel.getByTestId('simulation-seed').fill('7');
    await expect.poll(() => panel.getByTestId('simulation-summary').textContent()).not.toBe(summary);
    await panel.getByTestId('simulation-seed').fill('1');
    await expect.poll(() => panel.getByTestId('simulation-summary').textContent()).toBe(summary);
    await panel.getByRole('radio', { name: /^With a message/ }).click();
    await shot('campaign-simulation.png');
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await shot('campaign-simulation-dark.png');
    await h.page.emulateMedia({ colorScheme: 'light' });
  });

  it('disables one: it leaves the simulation', async () => {
    await card('Docs: stuck? Ask support').getByRole('switch', { name: 'Disable Docs: stuck? Ask support' }).click();
    await expect.poll(() => card('Docs: stuck? Ask support').getByTestId('campaign-status').textContent()).toBe('Disabled');
    await expect.poll(() => h.page.getByTestId('simulation-tally').count()).toBe(1);
  });

  it('deletes one after confirmation', async () => {
    const doomed = card('Docs: stuck? Ask support');
    await doomed.getByRole('button', { name: 'Delete Docs: stuck? Ask support' }).click();
    await doomed.getByTestId('confirm-delete').click();
    await doomed.waitFor({ state: 'detached' });
    await expect.poll(() => h.page.getByTestId('campaign-card').count()).toBe(1);
  });
});

describe('one-off campaigns', () => {
  it('starts on its own empty state', async () => {
    await h.page.getByRole('tab', { name: /One-off/ }).click();
    const empty = h.page.getByTestId('campaign-empty-state');
    await empty.waitFor();
    expect(await empty.getByRole('heading').textContent()).toBe('Send one message to many contacts at once');
    await shot('campaigns-empty-one-off.png');
  });

  it('creates one: segments, audience with invalid numbers, no past times, a plain review', async () => {
    await h.page.getByRole('button', { name: 'Create campaign' }).click();
    await h.page.getByLabel('Title').fill('Maintenance window notice');
    await h.page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00–04:00 ET for planned maintenance. Status: status.acme.com. Reply STOP to opt out.');
    const counter = h.page.getByTestId('sms-counter');
    expect(await counter.textContent()).toContain('UCS-2');
    expect(await h.page.getByTestId('non-gsm').textContent()).toContain('–');
    await h.page.locator('.fsection').first().screenshot({ path: join(resultsDir, 'campaign-one-off-ucs2-counter.png'), animations: 'disabled' });
    await h.page.getByTestId('one-off-message').fill('Hi {{ contact.first_name }}, Acme is read-only on Sunday 02:00-04:00 ET for planned maintenance. Status: status.acme.com. Reply STOP to opt out.');
    expect(await counter.textContent()).toContain('GSM-7');
    await expect.poll(() => h.page.getByTestId('non-gsm').count()).toBe(0);

    await h.page.getByRole('button', { name: /^enterprise/ }).click();
    await h.page.getByRole('button', { name: /^status-page-subscriber/ }).click();
    const recipients = Number(await h.page.getByTestId('recipient-count').textContent());
    expect(recipients).toBeGreaterThan(10);
    expect(await h.page.getByTestId('invalid-numbers').textContent()).toMatch(/Not a valid number|Not a phone number|not in international form|No phone number/i);

    await h.page.getByTestId('schedule-timezone').selectOption('America/New_York');
    await h.page.getByTestId('scheduled-at').fill('2020-03-01T09:00');
    await h.page.getByTestId('review-campaign').click();
    expect(await h.page.getByText('has already passed').count()).toBeGreaterThan(0);
    await h.page.getByTestId('scheduled-at').fill(`${dateIn(30)}T09:30`);
    await h.page.getByTestId('schedule-echo').waitFor();
    await shot('campaign-one-off-editor.png');

    await h.page.getByTestId('review-campaign').click();
    const review = h.page.getByTestId('one-off-review');
    await review.waitFor();
    expect(await review.textContent()).toContain('Once sent, this campaign cannot be unsent.');
    expect(await review.getByTestId('recipient-count').textContent()).toBe(String(recipients));
    await shot('campaign-one-off-review.png');
    await h.page.getByTestId('schedule-campaign').click();

    const scheduled = card('Maintenance window notice');
    await scheduled.waitFor();
    expect(await scheduled.getByTestId('campaign-status').textContent()).toBe('Scheduled');
    expect(await scheduled.textContent()).toContain('America/New_York');
  });

  it('edits it while it is not sent', async () => {
    await card('Maintenance window notice').getByRole('button', { name: /^Edit/ }).click();
    await h.page.getByLabel('Title').fill('Planned maintenance notice');
    await h.page.getByTestId('review-campaign').click();
    await h.page.getByTestId('schedule-campaign').click();
    await card('Planned maintenance notice').waitFor();
    await expect.poll(() => h.page.getByTestId('campaign-card').count()).toBe(1);
    expect(await card('Planned maintenance notice').getByTestId('campaign-status').textContent()).toBe('Scheduled');
    await shot('campaigns-one-off-list.png');
  });

  it('disables it', async () => {
    const c = card('Planned maintenance notice');
    await c.getByRole('switch', { name: 'Disable Planned maintenance notice' }).click();
    await expect.poll(() => c.getByTestId('campaign-status').textContent()).toBe('Disabled');
  });

  it('keeps both kinds as flows in the flows list', async () => {
    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    await h.page.getByTestId('flow-list').waitFor();
    const rows = (await h.page.getByTestId('flow-row').allTextContents()).join('\n');
    expect(rows).toContain('Pricing: talk to sales');
    expect(rows).toContain('Planned maintenance notice');
    await h.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await h.page.getByRole('tab', { name: /One-off/ }).click();
  });

  it('deletes it after confirmation', async () => {
    const c = card('Planned maintenance notice');
    await c.getByRole('button', { name: 'Delete Planned maintenance notice' }).click();
    await c.getByTestId('confirm-delete').click();
    await h.page.getByTestId('campaign-empty-state').waitFor();
  });

  it('shows imported example files as campaigns, and edits them in place', async () => {
    for (const file of ['pricing-page-live-chat.json', 'incident-sms-broadcast.json']) {
      await h.page.evaluate(() => (window.location.hash = '#/'));
      await h.page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', file));
      await h.page.waitForFunction(() => window.location.hash.startsWith('#/flows/'));
    }
    await h.page.evaluate(() => (window.location.hash = '#/campaigns/one-off'));
    const draft = card('Maintenance window notice');
    await draft.waitFor();
    expect(await draft.getByTestId('campaign-status').textContent()).toBe('Draft');
    await h.page.getByRole('tab', { name: /Live chat/ }).click();
    const example = card('Pricing page: talk to sales');
    await example.waitFor();
    expect(await example.textContent()).toContain('Mon–Fri 09:00–18:00 only · once per visitor');
    await shot('campaigns-live-chat-with-example.png');
    await example.getByRole('button', { name: /^Edit/ }).click();
    expect(await h.page.getByLabel('Time on page').inputValue()).toBe('15');
    await h.page.getByLabel('Time on page').fill('25');
    await h.page.getByTestId('save-campaign').click();
    await expect.poll(() => example.textContent()).toContain('After 25 s on the page');
  });

  it('ran without console errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
