import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { addBackend, openFlowId } from './settings-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** A fresh copy of the lead-qualification example in the editor; returns its flow id. */
async function openExample(page: Page): Promise<string> {
  await page.goto('/');
  const example = page.locator('[data-testid="example"][data-file="lead-qualification.json"]');
  // The empty state lists the examples; once a flow exists they are in the toolbar's menu.
  await expect(page.getByRole('button', { name: 'Examples' }).or(example).first()).toBeVisible();
  if ((await example.count()) === 0) await page.getByRole('button', { name: 'Examples' }).click();
  await example.click();
  await expect(page.getByTestId('editor')).toBeVisible();
  return openFlowId(page);
}

const panel = (page: Page) => page.getByTestId('publish-panel');

// #13.1: clear a Send step's body and set a Wait-for-reply timeout to 0, then try to publish.
test.describe('a flow with errors is never published', () => {
  test.beforeEach(async ({ page, delivery }) => {
    await addBackend(page, 'Delivery API', delivery.url, delivery.token);
  });

  test('lists the errors by step label and field, and the Publish button stays disabled', async ({ page, delivery }) => {
    await openExample(page);
    await page.locator('.react-flow__node[data-id="qualify"]').click();
    await page.getByLabel('Message', { exact: true }).fill('');
    await page.locator('.react-flow__node[data-id="answer"]').click();
    await page.getByLabel('Timeout amount').fill('0');

    await page.getByTestId('publish').click();
    const errors = panel(page).getByTestId('publish-errors');
    await expect(errors).toContainText('This flow has 2 errors');
    await expect(errors).toContainText('"Qualifying question" (Send message) · body');
    await expect(errors).toContainText('"Answered yes?" (Wait for reply) · timeout amount');
    await expect(errors).not.toHaveText(/\$\.nodes|qualify"|answer"/);
    await expect(panel(page).locator('[data-backend="delivery"]').getByRole('button', { name: /^Publish/ })).toBeDisabled();
    await shot(page, 'publish-refused-errors.png', { hideNotices: true });
    expect(delivery.requests).toHaveLength(0);
  });

  test('warnings ask once: Cancel sends nothing, "Publish anyway" publishes', async ({ page, delivery }) => {
    const flowId = await openExample(page);
    await page.locator('.react-flow__node[data-id="nurture"]').click();
    await page.getByRole('complementary', { name: 'Blocks' }).getByText('Wait', { exact: true }).click();
    await page.getByLabel('Wait amount').fill('0');

    await page.getByTestId('publish').click();
    const publishButton = panel(page).locator('[data-backend="delivery"]').getByRole('button', { name: /^Publish/ });
    await publishButton.click();
    const warnings = panel(page).getByTestId('publish-confirm');
    await expect(warnings).toContainText('This flow has 1 warning. Publish anyway?');
    await expect(warnings).toContainText('Wait · wait duration amount: This wait lasts no time at all.');
    await shot(page, 'publish-warnings-confirm.png', { hideNotices: true });
    await warnings.getByRole('button', { name: 'Cancel' }).click();
    await expect(warnings).toHaveCount(0);
    expect(delivery.flows.get(flowId)).toBeUndefined();

    await publishButton.click();
    await warnings.getByRole('button', { name: 'Publish anyway' }).click();
    await expect.poll(() => delivery.flows.get(flowId)?.document).toBeDefined();
  });
});
