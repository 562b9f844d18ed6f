import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from './fixtures';

const example = fileURLToPath(new URL('../../resources/examples/onboarding-drip.json', import.meta.url));

async function openExample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(example);
  await expect(page.locator('.react-flow__node')).toHaveCount(15);
}

/** axe-core on the page as it is: no serious or critical WCAG 2.1 A/AA violations, listed if any. */
async function expectAccessible(page: Page): Promise<void> {
  // Transitions and toasts settle first, so colours are measured as a person sees them.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await seriousA11yViolations(page)).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility scan (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('the flows list', async ({ page }) => {
      await openExample(page);
      await page.getByRole('button', { name: 'Back to flows' }).click();
      await expect(page.getByTestId('flow-row')).toHaveCount(1);
      await expectAccessible(page);
    });

    test('the empty flows list with the examples', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('example').first()).toBeVisible();
      await expectAccessible(page);
    });

    test('the editor', async ({ page }) => {
      await openExample(page);
      await page.locator('.react-flow__node').first().click();
      await expect(page.getByTestId('node-inspector')).toBeVisible();
      await expectAccessible(page);
    });

    test('the preview', async ({ page }) => {
      await openExample(page);
      await page.getByTestId('mode-preview').click();
      await page.getByTestId('run-preview').click();
      await expect(page.getByTestId('journey-outcome')).toBeVisible();
      await expectAccessible(page);
    });

    test('the campaigns list and form', async ({ page }) => {
      await page.goto('/#/campaigns/live-chat');
      await expect(page.getByTestId('campaign-empty-state')).toBeVisible();
      await expectAccessible(page);
      await page.goto('/#/campaigns/live-chat/new');
      await expect(page.getByTestId('campaign-editor')).toBeVisible();
      await expectAccessible(page);
    });

    test('the settings', async ({ page }) => {
      await page.goto('/#/settings');
      await page.getByTestId('add-backend').first().click();
      await expect(page.getByTestId('backend-form')).toBeVisible();
      await expectAccessible(page);
    });
  });
}
