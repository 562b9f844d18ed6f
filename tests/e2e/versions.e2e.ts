import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const versions = (page: Page) => page.getByTestId('version');
const version = (page: Page, name: string | RegExp) => versions(page).filter({ has: page.locator('.version__name', { hasText: name }) });

async function rename(page: Page, name: string) {
  await inspector(page).getByRole('tab', { name: 'Campaign' }).click();
  await inspector(page).getByLabel('Campaign name', { exact: true }).fill(name);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

test('restoring a version keeps what it replaced, and shows what it will change first', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('button', { name: /New flow/ }).first().click();
  await page.getByTestId('editor').waitFor();
  await rename(page, 'Version A');
  await inspector(page).getByRole('tab', { name: 'History' }).click();
  await page.getByLabel('Save this state as a version').fill('A');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(version(page, /^A$/)).toHaveCount(1);
  await rename(page, 'Version B');

  await inspector(page).getByRole('tab', { name: 'History' }).click();
  const a = version(page, /^A$/);
  await a.getByRole('button', { name: 'Restore…' }).click();
  // Nothing is restored before the marketer has seen what changes.
  const preview = a.getByTestId('version-preview');
  await expect(preview).toContainText('Name: “Version B” → “Version A”');
  await expect(page.locator('.topbar, [data-testid="editor"]').getByText('Version B').first()).toBeVisible();
  await shot(page, 'history-restore-preview.png', { hideNotices: true });
  await preview.getByTestId('confirm-restore').click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.reload();
  await page.getByTestId('editor').waitFor();
  await inspector(page).getByRole('tab', { name: 'Campaign' }).click();
  await expect(inspector(page).getByLabel('Campaign name', { exact: true })).toHaveValue('Version A');
  // B is not gone: it was kept as a version before the restore, and restores like any other.
  await inspector(page).getByRole('tab', { name: 'History' }).click();
  const before = version(page, 'Before restore of “A”');
  await expect(before).toHaveCount(1);
  await before.getByRole('button', { name: 'Restore…' }).click();
  await before.getByTestId('confirm-restore').click();
  await inspector(page).getByRole('tab', { name: 'Campaign' }).click();
  await expect(inspector(page).getByLabel('Campaign name', { exact: true })).toHaveValue('Version B');
  await inspector(page).getByRole('tab', { name: 'History' }).click();
  await expect(version(page, /^Before restore/)).toHaveCount(2);
});
