/**
 * Preview mode under load, in headless Chromium (same launch as the e2e tests): long tasks on
 * the main thread while a 100,000-user simulation runs in the engine worker, and how fast the
 * time slider updates the canvas badges on that run. Prints numbers and ratios to the targets
 * of issue 5; never fails on time.
 *
 * Page scripts are passed as strings: tsx would otherwise wrap functions in helpers that do not
 * exist in the page.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { rootDir, startHarness } from '../e2e/harness';
import { report } from './bench-report';

const USERS = 100_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

const START = `(() => {
  window.__long = [];
  window.__frames = [];
  window.__recording = true;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP = `(() => { window.__recording = false; return { long: window.__long, frames: window.__frames.slice(2) }; })()`;

/** Moves the slider to random positions: time to the badges' DOM update, and to the next frame. */
const SLIDE = `(async () => {
  const slider = document.querySelector('[data-testid="time-slider"]');
  const max = Number(slider.max);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const badges = () => [...document.querySelectorAll('[data-testid="sim-badge"]')].map((b) => b.textContent).join('|');
  const dom = [];
  const frame = [];
  let changed = 0;
  let seed = 7;
  for (let i = 0; i < 40; i++) {
    seed = (seed * 48271) % 2147483647;
    const before = badges();
    const t0 = performance.now();
    setValue.call(slider, String(seed % (max + 1)));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    dom.push(performance.now() - t0);
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    frame.push(performance.now() - t0);
    if (badges() !== before) changed++;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { dom, frame, changed };
})()`;

async function until(page: Page, expression: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await page.evaluate(expression)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${expression}`);
}

async function main(): Promise<void> {
  const h = await startHarness();
  const page = h.page;
  try {
    await page.goto(h.host.url);
    await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('mode-preview').click();
    await page.getByRole('tab', { name: 'Population' }).click();
    await page.getByLabel('Users', { exact: true }).fill(String(USERS));

    await page.evaluate(START);
    const started = Date.now();
    await page.getByTestId('run-simulation').click();
    // Use the canvas while the simulation runs: pan with the wheel now and then.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    let pans = 0;
    while (!(await page.evaluate(`!!document.querySelector('[data-testid="sim-summary"]')`))) {
      await page.mouse.wheel(0, pans++ % 2 ? 40 : -40);
      await page.waitForTimeout(100);
      if (Date.now() - started > 180_000) throw new Error('the simulation did not finish in 3 minutes');
    }
    const wall = Date.now() - started;
    await page.waitForTimeout(300);
    const { long, frames } = (await page.evaluate(STOP)) as { long: number[]; frames: number[] };
    const elapsed = ((await page.getByText(/users simulated in/).textContent()) ?? '').match(/in ([\d.]+) s/)?.[1];

    console.log(`\n${USERS.toLocaleString('en-US')}-user simulation of the onboarding flow (engine in a Web Worker)`);
    report('simulation, click to summary (wall)', wall);
    console.log(`${'  worker time reported by the app'.padEnd(48)} ${elapsed ?? '?'} s`);
    report(`main thread: longest long task (${long.length} long tasks)`, long.length ? Math.max(...long) : 0, 100);
    report(`main thread: longest frame (${frames.length} frames, p95 ${p95(frames).toFixed(1)} ms)`, frames.length ? Math.max(...frames) : 0, 100);
    console.log(`${'  frames over 100 ms'.padEnd(48)} ${frames.filter((f) => f > 100).length}`);

    await until(page, `!!document.querySelector('[data-testid="time-slider"]')`);
    const cores = (await page.evaluate('navigator.hardwareConcurrency')) as number;
    const instants = Number(await page.getByTestId('time-slider').getAttribute('max')) + 1;
    console.log(`${'  cores reported / slider instants'.padEnd(48)} ${cores} / ${instants.toLocaleString('en-US')} (every ${Math.round((30 * 1440) / (instants - 1))} min)`);
    const slide = (await page.evaluate(SLIDE)) as { dom: number[]; frame: number[]; changed: number };
    console.log(`\ntime slider on that run (${slide.dom.length} moves, badges changed on ${slide.changed})`);
    report(`slider → badges in the DOM: median (max ${Math.max(...slide.dom).toFixed(1)} ms)`, median(slide.dom), 16.7);
    report(`slider → next frame: median (p95 ${p95(slide.frame).toFixed(1)} ms)`, median(slide.frame), 16.7);
    if (h.pageErrors.length) console.log('page errors:', h.pageErrors);
  } finally {
    await h.close();
  }
}

await main();
