import { join } from 'node:path';
import { rootDir } from './harness';
import { stepsOutOfView } from './editor-helpers';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

// #13.14: the scrubber, the minimap and the panels must not hide steps after a population run.
test('after a population run every step is in view, clear of the dock, the minimap and the exits panel', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('mode-preview').click();
  await page.getByRole('tab', { name: /Population/ }).click();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByTestId('population-dock')).toBeVisible();
  await expect.poll(() => stepsOutOfView(page, [page.locator('.react-flow__minimap'), page.locator('.exits-lane')]), { timeout: 10_000 }).toEqual([]);
});
