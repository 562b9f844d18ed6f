import { connect, dropBlock, nodeByLabel } from './editor-helpers';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

test('a split is dragged in, connected, and its shares must add up to 100%', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('empty-state').getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await dropBlock(page, 'split');
  const split = page.locator('.react-flow__node:has(.node-card--split)');
  await expect(split).toHaveCount(1);
  await expect(split).toContainText('Split 50% / 50%');
  await expect(split.locator('.react-flow__handle.source')).toHaveCount(2);

  const trigger = page.locator('.react-flow__node:has(.node-card--trigger)');
  const triggerLabel = await trigger.locator('.node-card').getAttribute('data-label');
  const splitLabel = await split.locator('.node-card').getAttribute('data-label');
  await connect(page, triggerLabel!, 'next', splitLabel!);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await split.click();
  const form = page.getByTestId('node-inspector');
  await form.getByLabel('Branch 1 share (%)').fill('70');
  await expect(form.getByText('The percentages add up to 120%, not 100%.')).toBeVisible();
  await form.getByLabel('Branch 2 share (%)').fill('30');
  await form.getByLabel('Branch 2 name').fill('Control');
  await expect(form.getByText('The percentages add up to')).toHaveCount(0);
  await expect(nodeByLabel(page, splitLabel!)).toContainText('Split 70% / 30%');
  await form.getByRole('button', { name: 'Add branch' }).click();
  await expect(split.locator('.react-flow__handle.source')).toHaveCount(3);
  await form.getByRole('button', { name: 'Even split' }).click();
  await expect(split).toContainText('Split 34% / 33% / 33%');
  await page.screenshot({ path: 'test-results/split-node.png' });
});
