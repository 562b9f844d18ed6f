import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { rootDir } from './harness';

const panel = (page: Page) => page.getByTestId('preview-panel');
const num = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const badge = async (page: Page, node: string) => num(await page.locator(`[data-testid="sim-badge"][data-node="${node}"]`).textContent());
const edgeCount = async (page: Page, edge: string) => num((await page.locator(`.react-flow__edge[data-id="${edge}"] .react-flow__edge-text`).textContent())?.split('·').pop() ?? '');

async function openExample(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
  await page.getByTestId('editor').waitFor();
  await expect(page.locator('.notice')).toBeHidden();
}

test('a new flow previews in one click: the Run button is visible and the script names the event', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('button', { name: /New flow/ }).first().click();
  await page.getByTestId('mode-preview').click();
  const run = page.getByTestId('run-preview');
  await expect(run).toBeEnabled();
  await expect(panel(page).getByLabel('Event name')).not.toHaveValue('');
  // Filled, not white text on nothing.
  expect(await run.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  await run.click();
  await expect(page.getByTestId('journey-outcome')).toBeVisible();
  await expect(page.getByTestId('journey-empty')).toHaveCount(0);
});

test('the one-user rewind shows the journey as of the selected step', async ({ page }) => {
  await openExample(page);
  await page.getByTestId('mode-preview').click();
  await page.getByTestId('run-preview').click();
  await expect(page.getByTestId('journey-outcome')).toContainText('Ended at “Drip finished”');
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  // Step 1: the entry. Nothing has been sent yet and the journey has not ended.
  await expect(page.getByTestId('transport-now')).toContainText('Step 1 of');
  await expect(page.getByTestId('messages-received')).toHaveText('0');
  await expect(page.getByTestId('journey-outcome')).not.toContainText('Ended');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  // Every message listed is from a step the canvas shows as reached.
  for (const item of await page.getByTestId('messages-list').locator('li').all()) {
    const node = await item.getAttribute('data-node');
    await expect(page.locator(`.react-flow__node[data-id="${node}"] .node-card`)).not.toHaveAttribute('data-preview', 'idle');
  }
  await shot(page, 'preview-rewind-step4.png');
  await page.keyboard.press('End');
  await expect(page.getByTestId('journey-outcome')).toContainText('Ended at “Drip finished”');
});

test('a user who exits mid-wait shows the wait as exited, and the exit is marked on the canvas', async ({ page }) => {
  await openExample(page);
  await expect(page.getByTestId('exits-lane').getByTestId('exit-chip')).toHaveCount(2);
  await page.getByTestId('mode-preview').click();
  await panel(page).getByLabel('Add an action').selectOption('tag');
  const items = panel(page).getByTestId('script-item');
  await items.last().getByLabel('Day', { exact: true }).fill('2');
  await items.last().getByLabel('Tag', { exact: true }).fill('unsubscribed');
  await page.getByTestId('run-preview').click();
  await expect(page.getByTestId('journey-outcome')).toContainText('Exited');
  await expect(page.locator('[data-testid="preview-chip"]', { hasText: 'Exited here' })).toHaveCount(1);
  await expect(page.locator('[data-testid="preview-chip"]', { hasText: 'Done' }).filter({ hasText: 'Exited' })).toHaveCount(0);
  await expect(page.getByTestId('exits-lane').locator('.is-taken')).toContainText('Unsubscribed');
  await shot(page, 'preview-exit-mid-wait.png');
});

test('every number of a population run is of the slider’s instant', async ({ page }) => {
  await openExample(page);
  await page.getByTestId('mode-preview').click();
  await panel(page).getByRole('tab', { name: 'Population' }).click();
  await panel(page).getByLabel('Users').fill('3000');
  await page.getByTestId('run-simulation').click();
  await expect(page.getByTestId('sim-summary')).toBeVisible({ timeout: 60_000 });
  const slider = page.getByTestId('time-slider');
  const max = Number(await slider.getAttribute('max'));
  const endCompleted = num(await page.getByTestId('sim-completed').textContent());
  // Day 3 of 30.
  await slider.fill(String(Math.round((max * 2.4) / 30)));
  await expect(page.getByTestId('slider-now')).toContainText('Day 3 of 30');
  await expect(page.getByTestId('sim-when')).toContainText('by');
  // An edge never says more than the step it leads to (it said the whole period's 100 % here).
  expect(await edgeCount(page, 'e-trigger-welcome')).toBe(await badge(page, 'welcome'));
  expect(await edgeCount(page, 'e-welcome-day1')).toBe(await badge(page, 'day1'));
  expect(await edgeCount(page, 'e-check-in-reply')).toBe(await badge(page, 'reply'));
  // The cards moved with the slider.
  expect(num(await page.getByTestId('sim-completed').textContent())).toBeLessThan(endCompleted);
  const entered = num(await page.getByTestId('sim-entered').textContent());
  const parts = await Promise.all(['sim-completed', 'sim-exited-early', 'sim-still-in-journey'].map(async (id) => num(await page.getByTestId(id).textContent())));
  expect(parts.reduce((a, b) => a + b, 0)).toBe(entered);
  await expect(page.getByTestId('chart-marker')).toHaveCount(1);
  await expect(page.getByTestId('exits-lane').getByTestId('exit-count')).toHaveCount(2);
  await shot(page, 'preview-population-day3.png');
  // The drill-down lists who the badge counts, in their state then.
  const day1 = await badge(page, 'day1');
  await page.locator('[data-testid="sim-badge"][data-node="day1"]').click();
  await expect(page.getByTestId('drill-down')).toContainText(`${day1.toLocaleString('en-US')} users had reached this step by`);
  await expect(page.getByTestId('drill-count')).toContainText(`of ${day1.toLocaleString('en-US')}`);
  await shot(page, 'preview-drill-day3.png');
});
