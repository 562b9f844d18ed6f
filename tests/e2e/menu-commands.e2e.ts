import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { nodeByLabel } from './editor-helpers';
import { expect, test } from './fixtures';

const example = fileURLToPath(new URL('../../resources/examples/lead-qualification.json', import.meta.url));

/** What the desktop menu does: the host pushes `menu.command`, the page re-sends it as this event. */
async function menu(page: Page, command: string): Promise<void> {
  await page.evaluate((c) => window.dispatchEvent(new CustomEvent('campaign-studio:command', { detail: { command: c } })), command);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(example);
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
});

test.describe('menu Edit commands reach the editor', () => {
  test('Delete, Undo and Redo act on the selected step', async ({ page }) => {
    const nodes = page.locator('.react-flow__node');
    await nodeByLabel(page, 'Nurture email').click();
    await menu(page, 'edit.delete');
    await expect(nodes).toHaveCount(9);
    await menu(page, 'edit.undo');
    await expect(nodes).toHaveCount(10);
    await menu(page, 'edit.redo');
    await expect(nodes).toHaveCount(9);
  });

  test('Duplicate and Select All act on the canvas', async ({ page }) => {
    await nodeByLabel(page, 'Nurture email').click();
    await menu(page, 'edit.duplicate');
    await expect(page.locator('.react-flow__node')).toHaveCount(11);
    await menu(page, 'edit.selectAll');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(11);
  });
});

test.describe('menu File and View commands', () => {
  test('Export saves the open flow (a download in the web edition)', async ({ page }) => {
    const [download] = await Promise.all([page.waitForEvent('download'), menu(page, 'flow.export')]);
    expect(download.suggestedFilename()).toMatch(/lead-qualification.*\.json$/i);
  });

  test('Tidy Layout moves steps', async ({ page }) => {
    const node = nodeByLabel(page, 'Nurture email');
    const before = JSON.stringify(await node.boundingBox());
    await menu(page, 'view.autoLayout');
    await expect.poll(async () => JSON.stringify(await node.boundingBox())).not.toBe(before);
  });

  test('Preview Journey switches the editor to preview mode', async ({ page }) => {
    await menu(page, 'view.simulate');
    await expect(page.getByTestId('mode-preview')).toHaveAttribute('aria-selected', 'true');
  });

  test('New Flow opens an empty flow', async ({ page }) => {
    await menu(page, 'flow.new');
    await expect(page.getByTestId('flow-name')).toHaveText('Untitled flow');
    await expect(page.locator('.react-flow__node')).toHaveCount(1);
  });
});
