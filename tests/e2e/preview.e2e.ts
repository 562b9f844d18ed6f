import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot as picture, test } from './fixtures';
import { rootDir } from './harness';

const shot = (page: Page, name: string) => picture(page, name);
const current = (page: Page) => page.locator('.node-card[data-preview="current"]');
const panel = (page: Page) => page.getByTestId('preview-panel');

/** Badge counts by node id. */
async function badges(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const b of await page.getByTestId('sim-badge').all()) out[(await b.getAttribute('data-node'))!] = Number((await b.textContent())!.replace(/,/g, ''));
  return out;
}

/** The onboarding example imported and the editor in preview mode. */
async function openPreview(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
  await page.getByTestId('mode-preview').click();
  await expect(panel(page)).toBeVisible();
  // The "Imported …" confirmation sits over the dock for a moment.
  await expect(page.locator('.notice')).toBeHidden();
}

/** Runs the default script for one user and waits for the journey. */
async function runJourney(page: Page): Promise<void> {
  await page.getByTestId('run-preview').click();
  await expect(page.getByTestId('journey-outcome')).toContainText('Ended at “Drip finished”');
}

/** Runs a population of `users` and waits for its summary. */
async function runPopulation(page: Page, users: number, seed?: number): Promise<void> {
  await panel(page).getByRole('tab', { name: 'Population' }).click();
  await panel(page).getByLabel('Users').fill(String(users));
  if (seed !== undefined) await panel(page).getByLabel('Seed').fill(String(seed));
  await page.getByTestId('run-simulation').click();
  await expect(page.getByTestId('sim-summary')).toBeVisible({ timeout: 30_000 });
}

test.describe('preview and simulation (web edition)', () => {
  test('previews the onboarding example for a scripted user and steps back and forth', async ({ page }) => {
    await openPreview(page);
    // The script starts with what fires the trigger; the user then says nothing.
    await expect(panel(page).getByTestId('script-item')).toHaveCount(1);
    await expect(panel(page).getByLabel('Event name')).toHaveValue('user.signed_up');
    // Scripts can put the user in a segment (or take them out), for segment-triggered flows.
    await panel(page).getByLabel('Add an action').selectOption('segment');
    await expect(panel(page).getByLabel('Segment', { exact: true })).toHaveValue('active-users');
    await expect(panel(page).getByLabel('Segment change')).toHaveValue('enter');
    await panel(page).getByLabel('Segment', { exact: true }).scrollIntoViewIfNeeded();
    await shot(page, 'preview-script-segment.png');
    await panel(page).getByRole('button', { name: 'Remove “Day 1, 10:00 · enters segment active-users”' }).click();
    await expect(panel(page).getByTestId('script-item')).toHaveCount(1);
    await runJourney(page);
    await expect(current(page)).toHaveAttribute('data-label', 'Drip finished');

    await page.getByTestId('step-back').click();
    await page.getByTestId('step-back').click();
    await expect(current(page)).toHaveAttribute('data-label', 'Trial ending SMS');
    // Keyboard: Home goes to the entry, → steps.
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('Home');
    await expect(current(page)).toHaveAttribute('data-label', 'Trial sign-up');
    await page.keyboard.press('ArrowRight');
    await expect(current(page)).toHaveAttribute('data-label', 'Welcome email');
    expect(await page.locator('.node-card[data-preview="idle"]').count()).toBeGreaterThan(8);
    await page.getByTestId('step-forward').click();
    await page.getByTestId('step-forward').click();
    await expect(current(page)).toHaveAttribute('data-label', '1 day later');
    await expect(page.locator('.react-flow__edge.preview-edge--taken')).toHaveCount(2);
    await shot(page, 'preview-journey-light.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'preview-journey-dark.png');
  });

  test('forks at the reply step and shows both outcomes side by side', async ({ page }) => {
    await openPreview(page);
    await runJourney(page);
    await page.getByTestId('timeline').getByRole('option').filter({ hasText: 'Replied?' }).filter({ hasText: 'Waiting' }).click();
    await expect(current(page)).toHaveAttribute('data-label', 'Replied?');
    // Another kind of change starts empty (not the reply's "yes") and says what Fork needs (#13.14).
    await panel(page).getByLabel('Change').selectOption('attribute');
    await expect(panel(page).getByLabel('Fork value')).toHaveValue('');
    await expect(page.getByTestId('fork')).toBeDisabled();
    await expect(panel(page).getByTestId('fork-problem')).toHaveText('Type the attribute as name=value to fork.');
    await panel(page).getByLabel('Fork value').fill('plan');
    await expect(panel(page).getByTestId('fork-problem')).toHaveText('Write the change as name=value, e.g. plan=starter.');
    await panel(page).getByLabel('Change').selectOption('message');
    await panel(page).getByLabel('Fork value').fill('yes, call me');
    await expect(panel(page).getByTestId('fork-problem')).toHaveCount(0);
    await page.getByTestId('fork').click();
    const compare = page.getByTestId('fork-compare');
    await expect(compare.getByTestId('fork-original').getByTestId('fork-outcome')).toHaveText('Ended at Drip finished');
    await expect(compare.getByTestId('fork-fork').getByTestId('fork-outcome')).toHaveText('Ended at Handed to sales');
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('End');
    await expect(current(page)).toHaveAttribute('data-label', 'Handed to sales');
    await shot(page, 'preview-fork-light.png');
    await page.getByRole('button', { name: /As scripted/ }).first().click();
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('End');
    await expect(current(page)).toHaveAttribute('data-label', 'Drip finished');
  });

  test('cancels a big population run split over the workers', async ({ page }) => {
    await openPreview(page);
    await panel(page).getByRole('tab', { name: 'Population' }).click();
    await expect(page.getByTestId('sim-empty')).toBeVisible();
    // A big run split over the slice workers: one progress bar; Cancel stops them all.
    await panel(page).getByLabel('Users').fill('1000000');
    await page.getByTestId('run-simulation').click();
    await expect.poll(async () => Number(await page.getByTestId('sim-progress').getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('cancel-simulation').click();
    await expect(page.getByTestId('sim-cancelled')).toHaveText(/Cancelled after [\d,]+ of 1,000,000 users/);
    await expect(page.getByTestId('sim-progress')).toHaveCount(0);
  });

  test('simulates a population: badges, a time slider that changes counts, drill-down into a user’s journey', async ({ page }) => {
    await openPreview(page);
    await runPopulation(page, 3000);
    const end = await badges(page);
    expect(end['trigger']).toBeGreaterThan(1000);
    expect(end['to-sales']).toBeGreaterThan(0);
    await expect(page.getByTestId('messages-chart')).toHaveCount(1);
    await shot(page, 'preview-population-light.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'preview-population-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });

    // Drag the slider back to the first days: fewer users have got far.
    const slider = page.getByTestId('time-slider');
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.12, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect(page.getByTestId('slider-now')).toHaveText(/Day [1-5] of 30/);
    const early = await badges(page);
    expect(early['case-study']!).toBeLessThan(end['case-study']!);
    expect(await page.getByTestId('sim-waiting').count()).toBeGreaterThan(0);
    await shot(page, 'preview-population-slider.png');

    // Everyone who got the welcome email: pages of 50, with the count.
    await page.locator('[data-testid="sim-badge"][data-node="welcome"]').click();
    const drill = page.getByTestId('drill-down');
    await expect(drill.getByTestId('drill-user')).toHaveCount(50);
    await expect(drill.getByTestId('drill-count')).toHaveText(/^Showing 1–50 of [\d,]+$/);
    await drill.getByTestId('drill-next').click();
    await expect(drill.getByTestId('drill-count')).toHaveText(/^Showing 51–100 of /);
    await drill.getByTestId('drill-next').scrollIntoViewIfNeeded();
    await shot(page, 'preview-drill-pages.png');
    await page.getByRole('button', { name: 'Back to the summary' }).click();

    await page.locator('[data-testid="sim-badge"][data-node="to-sales"]').click();
    await expect(drill.getByTestId('drill-user').first()).toBeVisible();
    await drill.getByRole('radio', { name: 'Completed' }).click();
    await drill.getByLabel('Search users').fill('a');
    await expect(drill.getByTestId('drill-user').first()).toBeVisible();
    await shot(page, 'preview-drill-down.png');
    await drill.getByTestId('drill-user').first().click();
    await expect(page.getByTestId('journey-outcome')).toContainText('Handed to sales');
    await expect(current(page)).toHaveAttribute('data-label', 'Handed to sales');
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('Home');
    await expect(current(page)).toHaveAttribute('data-label', 'Trial sign-up');
    await shot(page, 'preview-replayed-user.png');
  });

  test('keeps runs with their flow version', async ({ page }) => {
    await openPreview(page);
    await runPopulation(page, 200);
    await panel(page).getByRole('tab', { name: 'Saved' }).click();
    await expect(page.getByTestId('saved-run').first()).toBeVisible();
    await expect(page.getByTestId('stale')).toHaveCount(0);
    await expect(page.getByTestId('runs-kept')).toContainText('newest 10 runs');
  });

  test('a run saved by the engine worker opens again with the same figures and ranges', async ({ page }) => {
    await openPreview(page);
    // The default forecast of several runs: its ranges are saved with the run shown.
    await runPopulation(page, 600, 9);
    const figures = async () => ({
      entered: await page.getByTestId('sim-entered').textContent(),
      completed: await page.getByTestId('sim-completed').textContent(),
      range: await page.getByTestId('sim-entered-range').textContent(),
      badges: await page.getByTestId('sim-badge').allTextContents(),
      runs: await page.getByTestId('sim-runs').textContent(),
    });
    const shown = await figures();
    expect(shown.range).toMatch(/\d/);
    await panel(page).getByRole('tab', { name: 'Saved' }).click();
    await expect(page.getByTestId('saved-run').first()).toContainText('seed 9');
    // Another run replaces the one on screen; opening the saved one brings its figures back.
    await runPopulation(page, 300, 10);
    await panel(page).getByRole('tab', { name: 'Saved' }).click();
    await page.getByTestId('saved-run').filter({ hasText: 'seed 9' }).getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('sim-summary')).toBeVisible();
    expect(await figures()).toEqual(shown);
  });

  test('keeps only the newest 10 runs of a flow', async ({ page }) => {
    await openPreview(page);
    await panel(page).getByRole('tab', { name: 'Population' }).click();
    await panel(page).getByLabel('Users').fill('200');
    // One run per forecast: this is about how many are kept.
    await panel(page).getByLabel('Runs').fill('1');
    for (let seed = 101; seed <= 111; seed++) {
      // The fields are disabled while a run goes: filling waits for the previous one.
      await panel(page).getByLabel('Seed').fill(String(seed));
      await page.getByTestId('run-simulation').click();
    }
    await expect(page.getByTestId('run-simulation')).toBeVisible();
    await panel(page).getByRole('tab', { name: 'Saved' }).click();
    const runs = page.getByTestId('saved-run');
    await expect(runs.first()).toContainText('seed 111');
    await expect(runs).toHaveCount(10);
    await expect(runs.last()).toContainText('seed 102');
    await shot(page, 'preview-saved-runs.png');
  });
});
