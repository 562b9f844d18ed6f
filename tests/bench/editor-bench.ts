/**
 * Editor speed on a generated 5,000-step flow in headless Chromium (same launch as the e2e
 * tests, 1440x900), against bare React Flow in the same run, rounds interleaved. Prints numbers
 * and ratios to the targets of issues 4 and 17; never fails on time. The open comparison is like
 * for like (tests/bench/README.md): both draw only the nodes in view, from the same first view,
 * after a blank page.
 *
 * Page scripts are passed as strings: tsx would otherwise wrap functions in helpers that do not
 * exist in the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness } from '../e2e/harness';
import { medianOf, report } from './bench-report';
import { NODES, openBoth, READY, startBare } from './open-setup';

// CS_BENCH_ROUNDS sets how many open rounds (each side); more rounds steady the medians on a busy machine.
const RUNS = Number(process.env.CS_BENCH_ROUNDS ?? 5);

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

const START_FRAMES = `(() => {
  window.__frames = [];
  window.__long = [];
  window.__longObserver?.disconnect();
  window.__longObserver = new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => Math.round(e.duration))));
  window.__longObserver.observe({ type: 'longtask' });
  window.__recording = true;
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__recording = false; return window.__frames.slice(2); })()`;
/** Resolves once the main thread has had no long task for a second (at most 15 s): the page's own start-up work is over. */
const IDLE = `new Promise((resolve) => {
  let last = performance.now();
  const observer = new PerformanceObserver(() => (last = performance.now()));
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  const check = () => {
    if (performance.now() - last > 1000 || performance.now() - started > 15000) { observer.disconnect(); resolve(performance.now() - started); }
    else setTimeout(check, 100);
  };
  check();
})`;

/**
 * The node nearest the middle of the canvas: every round drags from the same part of the view,
 * well away from its edges, so React Flow never auto-pans (the editor keeps the previous round's
 * move, bare React Flow does not: a fixed node could end up at the edge in one and not the other).
 */
const MIDDLE_NODE = `(() => {
  const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
  const cx = pane.left + pane.width / 2;
  const cy = pane.top + pane.height / 2;
  let best = null;
  let bestDistance = Infinity;
  for (const el of document.querySelectorAll('.react-flow__node')) {
    const r = el.getBoundingClientRect();
    const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
    if (d < bestDistance) { bestDistance = d; best = el.getAttribute('data-id'); }
  }
  return best;
})()`;

/** Drags the node nearest the middle for 60 mouse moves (180 by 120 px); the frame times meanwhile. */
async function drag(page: Page): Promise<number[]> {
  const id = (await page.evaluate(MIDDLE_NODE)) as string;
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.evaluate(START_FRAMES);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + 10 + i * 2);
  await page.mouse.up();
  return (await page.evaluate(STOP_FRAMES)) as number[];
}

/** Polls an expression in the page (waitForFunction would eval it, which the app's CSP forbids). */
async function until(page: Page, expression: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await page.evaluate(expression)) return;
    await page.waitForTimeout(25);
  }
  throw new Error(`timed out waiting for ${expression}`);
}

/**
 * When the campaign panel's sections below its fold are drawn (`ui/below-the-fold.tsx`: after
 * the first frame), as `READY` reports times: the first frame without the stand-in.
 */
const PANEL_DRAWN = `new Promise((resolve) => {
  const check = () => {
    if (document.querySelector('[data-testid=campaign-panel]') && !document.querySelector('[data-testid=below-the-fold]')) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

/** Opening the flow, editor and bare React Flow alternating, from a blank page each time. */
async function compareOpen(page: Page, bareUrl: string, flowUrl: string): Promise<void> {
  const bareTimes: number[] = [];
  const appTimes: number[] = [];
  const panelTimes: number[] = [];
  const drawn = { bare: 0, app: 0 };
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    await page.goto(bareUrl, { waitUntil: 'commit' });
    bareTimes.push((await page.evaluate(READY)) as number);
    drawn.bare = (await page.evaluate(`document.querySelectorAll('.react-flow__node').length`)) as number;
    await page.goto('about:blank');
    await page.goto(flowUrl, { waitUntil: 'commit' });
    appTimes.push((await page.evaluate(READY)) as number);
    drawn.app = (await page.evaluate(`document.querySelectorAll('.react-flow__node').length`)) as number;
    panelTimes.push((await page.evaluate(PANEL_DRAWN)) as number);
  }
  const bareMs = medianOf(bareTimes);
  const appMs = medianOf(appTimes);
  console.log(`\n${NODES.toLocaleString('en-US')}-node flow at 1440x900, ${RUNS} rounds interleaved, medians; load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(`${'  nodes drawn: bare / editor'.padEnd(48)} ${drawn.bare} / ${drawn.app}`);
  report('bare React Flow: open to interactive', bareMs);
  report('editor: open to interactive', appMs, Math.round(bareMs * 1.5));
  // Not part of the goal (bare React Flow has no panel), printed so the deferral is visible.
  console.log(`${'  editor: campaign panel drawn below the fold'.padEnd(48)} ${medianOf(panelTimes).toFixed(1)} ms (the sections under the panel's fold, drawn after the first frame)`);
  console.log(`${'  ratio editor / bare'.padEnd(48)} ${(appMs / bareMs).toFixed(2)}x  target 1.5x  ${appMs <= bareMs * 1.5 ? 'OK' : 'OVER'}`);
  // Each round's pair ran back to back, so a load spike on the shared machine tends to hit both:
  // the median of the per-round ratios moves less between runs than the ratio of the medians.
  console.log(`${'  median of per-round ratios'.padEnd(48)} ${medianOf(appTimes.map((t, i) => t / bareTimes[i]!)).toFixed(2)}x`);
  if (process.env.CS_BENCH_VERBOSE) console.log(`  rounds, bare / editor ms: ${bareTimes.map((b, i) => `${b.toFixed(0)}/${appTimes[i]!.toFixed(0)}`).join(' ')}`);
}

/** Dragging a node for ~1 s, three rounds each, interleaved with bare React Flow. */
async function compareDrag(page: Page, bareUrl: string, flowUrl: string): Promise<void> {
  const bareFrames: number[] = [];
  const appFrames: number[] = [];
  for (let i = 0; i < 3; i++) {
    // Each once the page has settled (no long task for a second): the drag is timed, not the load.
    await page.goto(bareUrl);
    await page.evaluate(READY);
    await page.evaluate(IDLE);
    bareFrames.push(...(await drag(page)));
    await page.goto(flowUrl);
    await page.evaluate(READY);
    // Flows this size open without the overview map (flow-canvas.tsx); hide it if it is shown.
    const hideMap = page.getByRole('button', { name: 'Hide overview map' });
    if (await hideMap.count()) await hideMap.click();
    await page.evaluate(IDLE);
    const frames = await drag(page);
    if (process.env.CS_BENCH_VERBOSE) console.log(`  editor round ${i + 1}: ${frames.length} frames, longest ${[...frames].sort((a, b) => b - a).slice(0, 12).map((f) => f.toFixed(0)).join(' ')}; long tasks ${await page.evaluate('window.__long.join(" ")')}; load ${loadavg()[0]!.toFixed(1)}`);
    appFrames.push(...frames);
  }
  console.log(`\ndrag, 3 rounds each interleaved; load average ${loadavg()[0]!.toFixed(1)}`);
  report(`bare React Flow drag: p95 frame (${bareFrames.filter((f) => f > 50).length} of ${bareFrames.length} over 50 ms)`, p95(bareFrames));
  report(`drag a node: p95 frame (${appFrames.filter((f) => f > 50).length} of ${appFrames.length} over 50 ms)`, p95(appFrames), 20);
  console.log(`${'  median frame: bare / editor'.padEnd(48)} ${medianOf(bareFrames).toFixed(1)} / ${medianOf(appFrames).toFixed(1)} ms`);
  // The same 3 x 60 moves: how long they took shows the work per move even when every frame is on time.
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`${'  drags took (all frames): bare / editor'.padEnd(48)} ${sum(bareFrames).toFixed(0)} / ${sum(appFrames).toFixed(0)} ms = ${(sum(appFrames) / sum(bareFrames)).toFixed(2)}x`);
}

/** Pan with the wheel (panOnScroll) and zoom with Ctrl+wheel, on the page as it is. */
async function panAndZoom(page: Page): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.evaluate(START_FRAMES);
  for (let i = 0; i < 40; i++) await page.mouse.wheel(i % 20 < 10 ? 40 : -40, 30);
  const panFrames = (await page.evaluate(STOP_FRAMES)) as number[];
  report(`pan: median frame (p95 ${p95(panFrames).toFixed(1)} ms)`, medianOf(panFrames), 20);
  await page.keyboard.down('Control');
  await page.evaluate(START_FRAMES);
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, i < 20 ? 60 : -60);
  const zoomFrames = (await page.evaluate(STOP_FRAMES)) as number[];
  await page.keyboard.up('Control');
  report(`zoom: median frame (p95 ${p95(zoomFrames).toFixed(1)} ms)`, medianOf(zoomFrames), 20);
}

async function main(): Promise<void> {
  const bare = await startBare();
  const h = await startHarness();
  const work = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  const page = h.page;
  try {
    // The flow goes in the database through the app's own import.
    const bigFile = join(work, 'flow-5000.json');
    page.setDefaultTimeout(120_000);
    const { flowUrl, bareUrl } = await openBoth(page, h.host.url, bare.url, bigFile);

    // CS_BENCH_EDITOR=open, =drag or =typing runs only that part (the open rounds, the drag rounds, or typing).
    const only = process.env.CS_BENCH_EDITOR;
    const saved = `document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved'`;
    if (only === 'typing') return await typeInBigFlow(page, flowUrl, saved);
    if (only !== 'drag') await compareOpen(page, bareUrl, flowUrl);
    if (only !== 'open') await compareDrag(page, bareUrl, flowUrl);
    if (only) return;
    await panAndZoom(page);
    // Autosave (one Dexie transaction), measured by the app, with nothing else going on: move a
    // node (a short drag), wait for "Saved", five times.
    await page.goto(flowUrl);
    await page.evaluate(READY);
    await until(page, saved);
    await page.evaluate(`performance.clearMeasures('cs:autosave')`);
    for (let i = 0; i < 5; i++) {
      const target = (await page.locator('.react-flow__node').nth(4 + i).boundingBox())!;
      await page.mouse.move(target.x + target.width / 2, target.y + 10);
      await page.mouse.down();
      await page.mouse.move(target.x + target.width / 2 + 30, target.y + 30, { steps: 3 });
      await page.mouse.up();
      await until(page, saved);
      await page.waitForTimeout(100);
    }
    const saves = (await page.evaluate(`performance.getEntriesByName('cs:autosave').map((e) => e.duration)`)) as number[];
    // Issue #4's 50 ms is for a 1,000-step flow; this one has 5,000 steps (README).
    report(`autosave of the ${NODES}-node flow (median of ${saves.length}; ${((medianOf(saves) * 1000) / NODES).toFixed(0)} ms per 1,000 steps)`, medianOf(saves));

    await typeInBigFlow(page, flowUrl, saved);

    // Import + validation of a 5,000-node file through the app's import (file picker).
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await page.getByTestId('flow-list').waitFor();
    const imports: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(`performance.clearMeasures('cs:import')`);
      await page.getByTestId('import-input').setInputFiles(bigFile);
      // The flow is already here (the first import): replace it.
      const replace = page.getByTestId('conflict-replace');
      await Promise.race([replace.waitFor().catch(() => {}), page.getByTestId('editor').waitFor().catch(() => {})]);
      if (await replace.isVisible()) await replace.click();
      await page.getByTestId('editor').waitFor();
      imports.push(((await page.evaluate(`performance.getEntriesByName('cs:import').map((e) => e.duration)`)) as number[])[0] ?? NaN);
      await page.getByRole('button', { name: 'Back to flows' }).click();
      await page.getByTestId('flow-list').waitFor();
    }
    report('import + validation of a 5,000-node file', medianOf(imports), 500);
    if (h.pageErrors.length) console.log('page errors:', h.pageErrors);
  } finally {
    await h.close();
    bare.server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** 30 automatic versions of the open flow in its History, as after two and a half hours of editing. */
const ADD_HISTORY = `new Promise((resolve, reject) => {
  const open = indexedDB.open('campaign-studio');
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['flows', 'versions'], 'readwrite');
    tx.objectStore('flows').getAll().onsuccess = (e) => {
      const row = e.target.result[0];
      for (let i = 0; i < 30; i++) {
        const at = Date.now() - (30 - i) * 300000;
        tx.objectStore('versions').add({ flowId: row.id, createdAt: at, autoAt: at, name: 'Autosave', auto: true, nodeCount: row.nodeCount, document: row.document });
      }
    };
    tx.oncomplete = () => { db.close(); resolve(0); };
    tx.onerror = () => reject(tx.error);
  };
})`;
/** Per key typed: the longest Event Timing duration (input to the next paint) of its events; keys under 16 ms are not reported. */
const START_KEYS = `(() => {
  window.__keys = new Map();
  window.__long = [];
  window.__keyObserver?.disconnect();
  window.__keyObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__keys.set(e.interactionId, Math.max(window.__keys.get(e.interactionId) ?? 0, e.duration));
  });
  window.__keyObserver.observe({ type: 'event', durationThreshold: 16 });
  window.__longObserver?.disconnect();
  window.__longObserver = new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => Math.round(e.duration))));
  window.__longObserver.observe({ type: 'longtask' });
})()`;

/**
 * Typing a step's label in the 5,000-step flow with 30 versions in its History, once the page
 * is idle after the open: 19 keys, 120 ms apart, then the autosave (README).
 */
async function typeInBigFlow(page: Page, flowUrl: string, saved: string): Promise<void> {
  await page.evaluate(ADD_HISTORY);
  await page.goto(flowUrl);
  await page.evaluate(READY);
  await page.evaluate(IDLE);
  await page.locator('.react-flow__node').nth(3).click();
  await page.getByLabel('Label', { exact: false }).first().click();
  await page.waitForTimeout(500);
  await page.evaluate(START_KEYS);
  const KEYS = 'Welcome series step';
  await page.keyboard.type(KEYS, { delay: 120 });
  await until(page, saved);
  await page.waitForTimeout(500);
  const keys = (await page.evaluate(`[...window.__keys.values()]`)) as number[];
  const long = (await page.evaluate(`window.__long`)) as number[];
  if (process.env.CS_BENCH_VERBOSE) console.log(`  each key, in order (ms): ${keys.map((k) => k.toFixed(0)).join(', ')}`);
  // (Keys under 16 ms are not reported: the first reported may then be a later key, which only understates the first.)
  report(`typing in the ${NODES}-step flow: the first key, input to next paint (code run for the first time)`, keys[0] ?? 0);
  const rest = keys.slice(1);
  report(`  slowest of the other ${KEYS.length - 1} keys (${rest.length} took 16 ms or more, their median ${medianOf(rest.length ? rest : [0]).toFixed(0)} ms)`, Math.max(0, ...rest), 50);
  console.log(`  main-thread tasks over 50 ms while typing and until the autosave (30 versions in History) is done: ${long.length ? long.join(', ') + ' ms' : 'none'} (goal: none)`);
}

await main();
