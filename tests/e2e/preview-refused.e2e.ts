import { join } from 'node:path';
import { rootDir } from './harness';
import { expect, shot, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

// Issue #13.5: a second firing that the entry frequency refuses is listed in the timeline, with
// its reason in readable time, and no explanation shows an id or an ISO time (#13.6).
test('lists the second sign-up as refused, with when it was entered, in words', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('mode-preview').click();
  const panel = page.getByTestId('preview-panel');
  await expect(panel).toBeVisible();
  await expect(page.locator('.notice')).toBeHidden();
  await panel.getByLabel('Add an action').selectOption('event');
  await panel.getByLabel('Event name').nth(1).fill('user.signed_up');
  await panel.getByLabel('Event properties').nth(1).fill('plan=trial');
  await page.getByTestId('run-preview').click();
  await expect(page.getByTestId('journey-results')).toBeVisible();

  const refused = page.getByTestId('timeline-refused');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('Entry refused');
  await expect(refused).toHaveText(/entry frequency "once": already entered (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d\d:\d\d/);
  await expect(page.getByTestId('timeline')).not.toHaveText(/\d{4}-\d\d-\d\dT|\d\d:\d\dZ|:j\d|:c\d|\b\d{12,}\b/);
  await refused.scrollIntoViewIfNeeded();
  await shot(page, 'preview-refused-entry.png');
});
