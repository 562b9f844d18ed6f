import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { nodeByLabel } from './editor-helpers';
import { expect, test } from './fixtures';

const example = fileURLToPath(new URL('../../resources/examples/lead-qualification.json', import.meta.url));

async function openExample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(example);
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
}

/** Whether the focused element is inside the element with this test id. */
const focusInside = (page: Page, testId: string) => page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);

test.describe('keyboard', () => {
  test('? opens the shortcuts overlay, read from the action registry; Escape closes it', async ({ page }) => {
    await openExample(page);
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Shift+?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expect(dialog.locator('[data-action="edit.undo"]')).toContainText('Undo');
    await expect(dialog.locator('[data-action="edit.undo"] kbd')).toHaveText(['Ctrl', 'Z']);
    await expect(dialog.locator('[data-action="edit.delete"] kbd')).toHaveText(['Delete', 'Backspace']);
    await expect(dialog.locator('[data-action="view.autoLayout"]')).toContainText('Tidy Layout');
    // Focus stays in the dialog.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, 'shortcuts-dialog')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('the toolbar button opens the overlay and focus returns to it on close', async ({ page }) => {
    await openExample(page);
    const button = page.getByTestId('show-shortcuts');
    await button.click();
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    await page.getByTestId('shortcuts-dialog').getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test('canvas keys do nothing while a dialog is open', async ({ page }) => {
    await openExample(page);
    await nodeByLabel(page, 'Nurture email').click();
    await page.getByTestId('show-shortcuts').click();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
    await expect(page.locator('.react-flow__node')).toHaveCount(10);
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(9);
  });

  test('registry keys work in the web edition: Ctrl+S saves, Ctrl+Shift+L tidies', async ({ page }) => {
    await openExample(page);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await nodeByLabel(page, 'Nurture email').click();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 700 }); // autosave alone waits 800 ms
    const node = nodeByLabel(page, 'SDR');
    const before = JSON.stringify(await node.boundingBox());
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(async () => JSON.stringify(await node.boundingBox())).not.toBe(before);
  });

  test('the Publish popover takes focus, closes on Escape and gives focus back', async ({ page }) => {
    await openExample(page);
    const publish = page.getByTestId('publish');
    await publish.click();
    const panel = page.getByTestId('publish-panel');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('No backend is connected yet');
    await page.keyboard.press('Tab');
    expect(await focusInside(page, 'publish-panel')).toBe(true);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(publish).toBeFocused();
  });
});

test.describe('form controls', () => {
  test('clicking a switch’s label toggles it', async ({ page }) => {
    await page.goto('/#/campaigns/live-chat/new');
    const bh = page.getByRole('switch', { name: 'Only during business hours' });
    await expect(bh).toHaveAttribute('aria-checked', 'false');
    await page.getByText('Only during business hours', { exact: true }).click();
    await expect(bh).toHaveAttribute('aria-checked', 'true');
    await page.getByText('Outside these hours the message is not shown at all.').click();
    await expect(bh).toHaveAttribute('aria-checked', 'false');
  });

  test('a radio group moves with the arrow keys', async ({ page }) => {
    await page.goto('/#/campaigns/live-chat/new');
    const group = page.getByRole('radiogroup', { name: 'Show it' });
    const every = group.getByRole('radio', { name: /^Every visit/ });
    await expect(every).toHaveAttribute('aria-checked', 'true');
    await every.focus();
    await page.keyboard.press('ArrowRight');
    const once = group.getByRole('radio', { name: 'Once per visitor' });
    await expect(once).toHaveAttribute('aria-checked', 'true');
    await expect(once).toBeFocused();
    await page.keyboard.press('End');
    await expect(group.getByRole('radio', { name: /^At most once/ })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('ArrowRight'); // wraps
    await expect(every).toHaveAttribute('aria-checked', 'true');
    // Only the chosen one is a Tab stop.
    await expect(group.locator('[role="radio"][tabindex="0"]')).toHaveCount(1);
  });

  test('the backend type radio group in Settings moves with the arrow keys', async ({ page }) => {
    await page.goto('/#/settings');
    await page.getByTestId('add-backend').first().click();
    const group = page.getByRole('radiogroup', { name: 'Backend type' });
    const first = group.getByRole('radio').first();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio').nth(1)).toHaveAttribute('aria-checked', 'true');
  });
});
