import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chromiumArgs, chromiumPath } from './harness';

/**
 * A Chromium this test starts itself (not through Playwright's launcher) so that it can kill the
 * browser process with SIGKILL, as a crash or a power-button would, and start it again on the
 * same profile.
 */
async function launch(profile: string): Promise<{ child: ChildProcess; browser: Browser; page: Page }> {
  // Its own process group, so that a kill takes the browser's helper processes too (see kill).
  const child = spawn(chromiumPath(), [...chromiumArgs, `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1440,900', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${String(code)}): ${err}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1440, height: 900 });
  return { child, browser, page };
}

/**
 * Kills the browser and every process it started (its process group), as a power cut would, and
 * waits until none is left. Killing the browser process alone left its helper processes (the
 * zygote, renderers, the network service) running for a moment, still writing into the profile:
 * the next launch shared the profile with them, and removing it failed with ENOTEMPTY in CI.
 */
async function kill(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  const alive = () => {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-group, 'SIGKILL');
  await exited;
  for (let waited = 0; alive() && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

const label = (page: Page) => page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Label', { exact: true });

test('text typed 0-200 ms before the browser process is killed comes back, 20 times out of 20', async ({ host }) => {
  test.setTimeout(600_000);
  const profile = mkdtempSync(join(tmpdir(), 'cs-e2e-crash-'));
  let run = await launch(profile);
  try {
    await run.page.goto(host.url);
    await run.page.getByRole('button', { name: /New flow/ }).first().click();
    await run.page.getByTestId('editor').waitFor();
    const flowUrl = run.page.url();
    const results: { delay: number; recovered: boolean }[] = [];
    let expected = '';
    for (let trial = 0; trial < 20; trial++) {
      const page = run.page;
      await expect(page.getByTestId('save-status')).toHaveText('Saved');
      await page.locator('.react-flow__node').first().click();
      await label(page).click();
      await page.keyboard.press('End');
      const typed = ` t${trial}`;
      await page.keyboard.type(typed);
      expected = (await label(page).inputValue()).trim();
      expect(expected.endsWith(typed.trim())).toBe(true);
      // Spread over 0-200 ms with random jitter; the first trial kills at once.
      const delay = trial === 0 ? 0 : Math.max(0, Math.min(200, Math.round((trial * 200) / 19 + Math.random() * 10 - 5)));
      await new Promise((resolve) => setTimeout(resolve, delay));
      await kill(run.child);
      run = await launch(profile);
      await run.page.goto(flowUrl);
      await run.page.getByTestId('editor').waitFor();
      await run.page.locator('.react-flow__node').first().click();
      const got = (await label(run.page).inputValue()).trim();
      results.push({ delay, recovered: got === expected });
      if (got !== expected) expected = got;
    }
    const summary = results.map((r) => `${r.delay} ms ${r.recovered ? 'recovered' : 'LOST'}`).join(', ');
    test.info().annotations.push({ type: 'trials', description: summary });
    console.log(`crash trials: ${results.filter((r) => r.recovered).length}/20 recovered: ${summary}`);
    expect(results.filter((r) => !r.recovered), JSON.stringify(results)).toEqual([]);
    // Each recovery is kept in the flow's history.
    await run.page.getByRole('tab', { name: 'History' }).click();
    await expect(run.page.getByText('Recovered after a crash').first()).toBeVisible();
  } finally {
    await kill(run.child);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
