import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, rootDir, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const shot = (name: string) => h.page.screenshot({ path: join(resultsDir, name), animations: 'disabled' });
const current = () => h.page.locator('.node-card[data-preview="current"]').getAttribute('data-label');
const panel = () => h.page.getByTestId('preview-panel');

/** Badge counts by node id. */
async function badges(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const b of await h.page.getByTestId('sim-badge').all()) out[(await b.getAttribute('data-node'))!] = Number((await b.textContent())!.replace(/,/g, ''));
  return out;
}

describe('preview and simulation (web edition)', () => {
  it('previews the onboarding example for a scripted user and steps back and forth', async () => {
    await h.page.goto(h.host.url);
    await h.page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
    await h.page.getByTestId('editor').waitFor();
    await h.page.getByTestId('mode-preview').click();
    await panel().waitFor();
    // The "Imported …" confirmation sits over the dock for a moment.
    await h.page.locator('.notice').waitFor({ state: 'hidden' });
    // The script starts with what fires the trigger; the user then says nothing.
    expect(await panel().getByTestId('script-item').count()).toBe(1);
    await panel().getByLabel('Event name').waitFor();
    expect(await panel().getByLabel('Event name').inputValue()).toBe('user.signed_up');
    // Scripts can put the user in a segment (or take them out), for segment-triggered flows.
    await panel().getByLabel('Add an action').selectOption('segment');
    expect(await panel().getByLabel('Segment', { exact: true }).inputValue()).toBe('active-users');
    expect(await panel().getByLabel('Segment change').inputValue()).toBe('enter');
    await panel().getByLabel('Segment', { exact: true }).scrollIntoViewIfNeeded();
    await shot('preview-script-segment.png');
    await panel().getByRole('button', { name: 'Remove “Day 1, 10:00 · enters segment active-users”' }).click();
    expect(await panel().getByTestId('script-item').count()).toBe(1);
    await h.page.getByTestId('run-preview').click();
    await h.page.getByTestId('journey-results').waitFor();
    expect(await h.page.getByTestId('journey-outcome').textContent()).toContain('Ended at “Drip finished”');
    expect(await current()).toBe('Drip finished');

    await h.page.getByTestId('step-back').click();
    await h.page.getByTestId('step-back').click();
    expect(await current()).toBe('Trial ending SMS');
    // Keyboard: Home goes to the entry, → steps.
    await h.page.getByTestId('timeline').focus();
    await h.page.keyboard.press('Home');
    expect(await current()).toBe('Trial sign-up');
    await h.page.keyboard.press('ArrowRight');
    expect(await current()).toBe('Welcome email');
    expect(await h.page.locator('.node-card[data-preview="idle"]').count()).toBeGreaterThan(8);
    await h.page.getByTestId('step-forward').click();
    await h.page.getByTestId('step-forward').click();
    expect(await current()).toBe('1 day later');
    expect(await h.page.locator('.react-flow__edge.preview-edge--taken').count()).toBe(2);
    await shot('preview-journey-light.png');
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await shot('preview-journey-dark.png');
    await h.page.emulateMedia({ colorScheme: 'light' });
  });

  it('forks at the reply step and shows both outcomes side by side', async () => {
    await h.page.getByTestId('timeline').getByRole('option').filter({ hasText: 'Replied?' }).filter({ hasText: 'Waiting' }).click();
    expect(await current()).toBe('Replied?');
    await panel().getByLabel('Fork value').fill('yes, call me');
    await h.page.getByTestId('fork').click();
    const compare = h.page.getByTestId('fork-compare');
    await compare.waitFor();
    expect(await compare.getByTestId('fork-original').getByTestId('fork-outcome').textContent()).toBe('Ended at Drip finished');
    expect(await compare.getByTestId('fork-fork').getByTestId('fork-outcome').textContent()).toBe('Ended at Handed to sales');
    await h.page.getByTestId('timeline').focus();
    await h.page.keyboard.press('End');
    expect(await current()).toBe('Handed to sales');
    await shot('preview-fork-light.png');
    await h.page.getByRole('button', { name: /As scripted/ }).first().click();
    await h.page.getByTestId('timeline').focus();
    await h.page.keyboard.press('End');
    await expect.poll(current).toBe('Drip finished');
  });

  it('simulates a population: badges, a time slider that changes counts, drill-down into a user’s journey', async () => {
    await panel().getByRole('tab', { name: 'Population' }).click();
    await h.page.getByTestId('sim-empty').waitFor();
    // A big run split over the slice workers: one progress bar; Cancel stops them all.
    await panel().getByLabel('Users').fill('1000000');
    await h.page.getByTestId('run-simulation').click();
    await expect.poll(async () => Number(await h.page.getByTestId('sim-progress').getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
    await h.page.getByTestId('cancel-simulation').click();
    expect(await h.page.getByTestId('sim-cancelled').textContent()).toMatch(/Cancelled after [\d,]+ of 1,000,000 users/);
    expect(await h.page.getByTestId('sim-progress').count()).toBe(0);
    await panel().getByLabel('Users').fill('3000');
    await h.page.getByTestId('run-simulation').click();
    await h.page.getByTestId('sim-summary').waitFor({ timeout: 30_000 });
    const end = await badges();
    expect(end['trigger']).toBeGreaterThan(1000);
    expect(end['to-sales']).toBeGreaterThan(0);
    expect(await h.page.getByTestId('messages-chart').count()).toBe(1);
    await shot('preview-population-light.png');
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await shot('preview-population-dark.png');
    await h.page.emulateMedia({ colorScheme: 'light' });

    // Drag the slider back to the first days: fewer users have got far.
    const slider = h.page.getByTestId('time-slider');
    const box = (await slider.boundingBox())!;
    await h.page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    await h.page.mouse.down();
    await h.page.mouse.move(box.x + box.width * 0.12, box.y + box.height / 2, { steps: 10 });
    await h.page.mouse.up();
    const early = await badges();
    expect(early['case-study']!).toBeLessThan(end['case-study']!);
    expect(await h.page.getByTestId('slider-now').textContent()).toMatch(/Day [1-5] of 30/);
    expect(await h.page.getByTestId('sim-waiting').count()).toBeGreaterThan(0);
    await shot('preview-population-slider.png');

    // Everyone who got the welcome email: pages of 50, with the count.
    await h.page.locator('[data-testid="sim-badge"][data-node="welcome"]').click();
    const drill = h.page.getByTestId('drill-down');
    await drill.getByTestId('drill-user').first().waitFor();
    expect(await drill.getByTestId('drill-count').textContent()).toMatch(/^Showing 1–50 of \d,\d{3}$/);
    expect(await drill.getByTestId('drill-user').count()).toBe(50);
    await drill.getByTestId('drill-next').click();
    await expect.poll(() => drill.getByTestId('drill-count').textContent()).toMatch(/^Showing 51–100 of /);
    await drill.getByTestId('drill-next').scrollIntoViewIfNeeded();
    await shot('preview-drill-pages.png');
    await h.page.getByRole('button', { name: 'Back to the summary' }).click();

    await h.page.locator('[data-testid="sim-badge"][data-node="to-sales"]').click();
    await drill.waitFor();
    await drill.getByTestId('drill-user').first().waitFor();
    const all = await drill.getByTestId('drill-user').count();
    expect(all).toBeGreaterThan(0);
    await drill.getByRole('tab', { name: 'Completed' }).click();
    await drill.getByLabel('Search users').fill('trial');
    await drill.getByTestId('drill-user').first().waitFor();
    await shot('preview-drill-down.png');
    await drill.getByTestId('drill-user').first().click();
    await h.page.getByTestId('journey-results').waitFor();
    expect(await h.page.getByTestId('journey-outcome').textContent()).toContain('Handed to sales');
    expect(await current()).toBe('Handed to sales');
    await h.page.getByTestId('timeline').focus();
    await h.page.keyboard.press('Home');
    expect(await current()).toBe('Trial sign-up');
    await shot('preview-replayed-user.png');
  });

  it('keeps runs with their flow version and marks them stale after an edit', async () => {
    await panel().getByRole('tab', { name: 'Saved' }).click();
    await h.page.getByTestId('saved-run').first().waitFor();
    expect(await h.page.getByTestId('stale').count()).toBe(0);
    expect(await h.page.getByTestId('runs-kept').textContent()).toContain('newest 10 runs');
  });

  it('keeps only the newest 10 runs of a flow', async () => {
    await panel().getByRole('tab', { name: 'Population' }).click();
    // The drill-down is still open from the test before.
    await h.page.getByRole('button', { name: 'Back to the summary' }).click();
    await panel().getByLabel('Users').fill('200');
    for (let seed = 101; seed <= 111; seed++) {
      // The fields are disabled while a run goes: filling waits for the previous one.
      await panel().getByLabel('Seed').fill(String(seed));
      await h.page.getByTestId('run-simulation').click();
    }
    await h.page.getByTestId('run-simulation').waitFor();
    await panel().getByRole('tab', { name: 'Saved' }).click();
    const runs = h.page.getByTestId('saved-run');
    await expect.poll(() => runs.first().textContent()).toContain('seed 111');
    await expect.poll(() => runs.count()).toBe(10);
    expect(await runs.last().textContent()).toContain('seed 102');
    await shot('preview-saved-runs.png');
    expect(h.pageErrors).toEqual([]);
  });
});
