import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pickExample } from './harness';

/** Drops a file on the window the way a desktop drag does: dragenter, dragover, drop. */
async function dropFile(page: Page, path: string) {
  await page.evaluate(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { name: basename(path), text: readFileSync(path, 'utf8') },
  );
}

/** Opens the first bundled example from the empty state and returns its name. */
async function openFirstExample(page: Page): Promise<string> {
  await page.goto('/');
  const card = page.getByTestId('example').first();
  const name = (await card.locator('.example-card__name').textContent()) ?? '';
  await card.click();
  await expect(page.getByTestId('flow-name')).toHaveText(name);
  return name;
}

test.describe('examples, drag-and-drop and delete (web edition)', () => {
  test('opens a bundled example from the empty state', async ({ page }) => {
    await openFirstExample(page);
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
  });

  test('imports a file dropped on the window', async ({ page }) => {
    await openFirstExample(page);
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await expect(page.getByTestId('flow-row')).toHaveCount(1);
    await dropFile(page, pickExample());
    await expect(page.getByTestId('canvas')).toBeVisible();
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await expect(page.getByTestId('flow-row')).toHaveCount(2);
  });

  test('finds flows by name and deletes one after confirming', async ({ page }) => {
    await openFirstExample(page);
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await dropFile(page, pickExample());
    await page.getByRole('button', { name: 'Back to flows' }).click();
    const rows = page.getByTestId('flow-row');
    await expect(rows).toHaveCount(2);
    const first = (await rows.first().locator('.flow-row__name').textContent()) ?? '';
    await page.getByRole('searchbox', { name: 'Search flows' }).fill(first);
    await expect(rows).toHaveCount(1);
    await rows.first().getByRole('button', { name: `Delete ${first}` }).click();
    await rows.first().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(rows).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search flows' }).fill('');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).not.toContainText(first);
  });
});
