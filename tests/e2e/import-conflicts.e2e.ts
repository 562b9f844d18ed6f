import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createEmptyFlow, exportFlowJson } from '../../src-shared/flow/index';
import { expect, shot, test } from './fixtures';
import { rootDir } from './harness';

const example = join(rootDir, 'resources', 'examples', 'onboarding-drip.json');
const rows = (page: Page) => page.getByTestId('flow-row');

async function importFile(page: Page, path: string) {
  await page.goto('/');
  await page.getByTestId('import-input').first().setInputFiles(path);
}

test('importing a flow that is already here asks: cancel, keep both or replace', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importFile(page, example);
  await page.getByTestId('editor').waitFor();
  await importFile(page, example);
  const dialog = page.getByTestId('import-conflict');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“14-day onboarding” is already here');
  await shot(page, 'import-conflict.png');
  await page.getByTestId('conflict-cancel').click();
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(1);

  // Escape is Cancel too.
  await importFile(page, example);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(1);

  await importFile(page, example);
  await page.getByTestId('conflict-keep-both').click();
  await page.getByTestId('editor').waitFor();
  await page.goto('/');
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: '14-day onboarding (imported)' })).toHaveCount(1);

  await importFile(page, example);
  await page.getByTestId('conflict-replace').click();
  await page.getByTestId('editor').waitFor();
  await page.goto('/');
  await expect(rows(page)).toHaveCount(2);
});

test('a file the CLI import refuses is refused the same way, located; a 30 MB file is refused at once', async ({ page }, info) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const bad = info.outputPath('no-trigger-event.json');
  writeFileSync(bad, exportFlowJson(createEmptyFlow({ name: 'Half done', kind: 'workflow' })));
  await importFile(page, bad);
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Couldn’t import no-trigger-event.json');
  await expect(report.getByTestId('problem').first()).toContainText('Name the event that makes users enter.');
  await expect(report.getByTestId('problem').first()).toContainText('$.campaign.trigger.event');
  await expect(rows(page)).toHaveCount(0);
  await shot(page, 'import-refused.png');

  const huge = info.outputPath('huge.json');
  writeFileSync(huge, `{"pad":"${'x'.repeat(30 * 1024 * 1024)}"}`);
  const started = Date.now();
  await importFile(page, huge);
  await expect(report).toContainText(/huge\.json is 30\.0 MB; the app imports flow files up to 8 MB/);
  expect(Date.now() - started).toBeLessThan(5000);
  // The app is still usable.
  await page.getByRole('button', { name: /New flow/ }).first().click();
  await page.getByTestId('editor').waitFor();
});
