import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, rootDir, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await h?.close();
});

// Issue #13.5: a second firing that the entry frequency refuses is listed in the timeline, with
// its reason in readable time, and no explanation shows an id or an ISO time (#13.6).
describe('refused entries in the one-user preview', () => {
  it('lists the second sign-up as refused, with when it was entered, in words', async () => {
    await h.page.goto(h.host.url);
    await h.page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
    await h.page.getByTestId('editor').waitFor();
    await h.page.getByTestId('mode-preview').click();
    const panel = h.page.getByTestId('preview-panel');
    await panel.waitFor();
    await h.page.locator('.notice').waitFor({ state: 'hidden' });
    await panel.getByLabel('Add an action').selectOption('event');
    await panel.getByLabel('Event name').nth(1).fill('user.signed_up');
    await panel.getByLabel('Event properties').nth(1).fill('plan=trial');
    await h.page.getByTestId('run-preview').click();
    await h.page.getByTestId('journey-results').waitFor();

    const refused = h.page.getByTestId('timeline-refused');
    await refused.first().waitFor();
    expect(await refused.count()).toBe(1);
    const text = (await refused.textContent()) ?? '';
    expect(text).toContain('Entry refused');
    expect(text).toMatch(/entry frequency "once": already entered (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d\d:\d\d/);
    const timeline = (await h.page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).not.toMatch(/\d{4}-\d\d-\d\dT|\d\d:\d\dZ|:j\d|:c\d|\b\d{12,}\b/);
    await refused.scrollIntoViewIfNeeded();
    await h.page.screenshot({ path: join(resultsDir, 'preview-refused-entry.png'), animations: 'disabled' });
  });
});
