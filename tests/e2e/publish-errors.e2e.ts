import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDelivery, type FakeDelivery } from '../../src-main/sync/testing/fake-delivery';
import { resultsDir, startHarness, type Harness } from './harness';

let h: Harness;
let delivery: FakeDelivery;

beforeAll(async () => {
  delivery = await startFakeDelivery();
  h = await startHarness();
  await h.page.setViewportSize({ width: 1440, height: 900 });
  await h.page.goto(`${h.host.url}#/settings`);
  await h.page.getByTestId('add-backend').first().click();
  const form = h.page.getByTestId('backend-form');
  await form.getByRole('radio', { name: /^Delivery API/ }).click();
  await form.getByLabel('Base URL').fill(delivery.url);
  await form.getByLabel('API token').fill(delivery.token);
  await form.getByTestId('save-backend').click();
  await h.page.locator('[data-testid="backend-card"][data-name="delivery"]').waitFor();
});

/** A fresh copy of the lead-qualification example in the editor. */
async function openExample(): Promise<string> {
  await h.page.goto(h.host.url);
  const example = h.page.locator('[data-testid="example"][data-file="lead-qualification.json"]');
  // The empty state lists the examples; once a flow exists they are in the toolbar's menu.
  await h.page.getByRole('button', { name: 'Examples' }).or(example).first().waitFor();
  if ((await example.count()) === 0) await h.page.getByRole('button', { name: 'Examples' }).click();
  await example.click();
  await h.page.getByTestId('editor').waitFor();
  return decodeURIComponent(new URL(h.page.url()).hash.replace('#/flows/', ''));
}
const shot = async (name: string) => {
  await h.page.evaluate(() => document.querySelectorAll<HTMLElement>('.notice').forEach((n) => (n.style.display = 'none')));
  await h.page.screenshot({ path: join(resultsDir, name), animations: 'disabled' });
};

afterAll(async () => {
  await h?.close();
  await delivery?.close();
});

const panel = () => h.page.getByTestId('publish-panel');

// #13.1: clear a Send step's body and set a Wait-for-reply timeout to 0, then try to publish.
describe('a flow with errors is never published', () => {
  it('lists the errors by step label and field, and the Publish button stays disabled', async () => {
    await openExample();
    await h.page.locator('.react-flow__node[data-id="qualify"]').click();
    await h.page.getByLabel('Message', { exact: true }).fill('');
    await h.page.locator('.react-flow__node[data-id="answer"]').click();
    await h.page.getByLabel('Timeout amount').fill('0');

    await h.page.getByTestId('publish').click();
    const errors = panel().getByTestId('publish-errors');
    await expect.poll(() => errors.textContent()).toContain('This flow has 2 errors');
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('"Qualifying question" (Send message) · body');
    expect(text).toContain('"Answered yes?" (Wait for reply) · timeout amount');
    expect(text).not.toMatch(/\$\.nodes|qualify"|answer"/);
    const button = panel().locator('[data-backend="delivery"]').getByRole('button', { name: /^Publish/ });
    expect(await button.isDisabled()).toBe(true);
    await shot('publish-refused-errors.png');
    expect(delivery.requests).toHaveLength(0);
  });

  it('warnings ask once: Cancel sends nothing, "Publish anyway" publishes', async () => {
    const flowId = await openExample();
    await h.page.locator('.react-flow__node[data-id="nurture"]').click();
    await h.page.getByRole('complementary', { name: 'Blocks' }).getByText('Wait', { exact: true }).click();
    await h.page.getByLabel('Wait amount').fill('0');

    await h.page.getByTestId('publish').click();
    const publishButton = panel().locator('[data-backend="delivery"]').getByRole('button', { name: /^Publish/ });
    await publishButton.click();
    const warnings = panel().getByTestId('publish-confirm');
    await expect.poll(() => warnings.textContent()).toContain('This flow has 1 warning. Publish anyway?');
    expect(await warnings.textContent()).toContain('Wait · wait duration amount: This wait lasts no time at all.');
    await shot('publish-warnings-confirm.png');
    await warnings.getByRole('button', { name: 'Cancel' }).click();
    expect(await warnings.count()).toBe(0);
    expect(delivery.flows.get(flowId)).toBeUndefined();

    await publishButton.click();
    await warnings.getByRole('button', { name: 'Publish anyway' }).click();
    await expect.poll(() => delivery.flows.get(flowId)?.document).toBeDefined();
  });
});
