import { join } from 'node:path';
import { expect, test } from './fixtures';
import { resultsDir } from './harness';

// The refused fetch of the chunk is reported on the console, as it should be.
test.use({ allowPageErrors: true });

test('a screen whose code cannot be fetched says so and offers a reload that brings it back', async ({ page }) => {
  // As if the app's files were replaced underneath it: the campaigns screen's chunk is gone.
  const chunk = /campaigns-screen-[^/]*\.js$/;
  await page.route(chunk, (route) => route.abort());
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  const failure = page.getByRole('alert');
  await expect(failure.getByRole('heading', { name: 'This part of the app could not be loaded' })).toBeVisible();
  await page.screenshot({ path: join(resultsDir, 'lazy-part-failure.png') });
  // Once the code is there again, Reload brings the screen back.
  await page.unroute(chunk);
  await failure.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This part of the app could not be loaded' })).toHaveCount(0);
});
