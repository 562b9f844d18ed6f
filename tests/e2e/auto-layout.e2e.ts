import type { Page } from '@playwright/test';
import { exportFlowJson, generateFlow } from '../../src-shared/flow/index';
import { expect, test } from './fixtures';

// ELK's layered layout takes seconds on a big flow (3-6 s for 1,000 steps here, 17-28 s for
// 5,000): it runs in a worker, the top bar says so and offers Cancel, and the page stays usable.
const STEPS = 1000;

test.describe.configure({ timeout: 180_000 });

async function openBigFlow(page: Page): Promise<void> {
  await page.goto('/');
  const text = exportFlowJson(generateFlow({ nodes: STEPS, seed: 5 }));
  await page.getByTestId('import-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.locator('.flow-title__count')).toHaveText('1,000 steps');
}

test('auto-layout of a big flow runs beside the page: it can be cancelled, and it moves steps only if the flow did not change meanwhile', async ({ page }) => {
  await openBigFlow(page);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeDisabled();

  // Started, then cancelled: nothing moves.
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('layout-status')).toHaveText('Arranging 1,000 steps…');
  await page.getByTestId('layout-cancel').click();
  await expect(page.getByTestId('layout-status')).toBeHidden();
  await expect(page.getByTestId('auto-layout')).toBeEnabled();
  await expect(undo).toBeDisabled();

  // Run to the end: the steps move, as one undoable change.
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('layout-status')).toBeVisible();
  await expect(page.getByTestId('layout-status')).toBeHidden({ timeout: 120_000 });
  await expect(undo).toBeEnabled();
  // Too big to read whole: the view goes to its entry at a readable zoom, as on opening.
  await expect(page.locator('.react-flow__node[data-id="trigger"] .node-card__label')).toBeInViewport();
  await expect.poll(() => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)).toBeGreaterThanOrEqual(0.5);
  await undo.click();
  await expect(undo).toBeDisabled();

  // The page answers while the layout is worked out (a tab opens, a field takes typing), and
  // the flow changes meanwhile: nothing is moved, and the notice says why.
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('layout-status')).toBeVisible();
  await page.getByRole('tab', { name: 'Campaign' }).click();
  await page.getByLabel('Campaign name').fill('Renamed while arranging');
  await expect(page.getByTestId('flow-name')).toHaveText('Renamed while arranging');
  await expect(page.getByTestId('layout-status')).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('canvas-notice')).toContainText('The flow changed while its layout was worked out, so nothing was moved.');
  await undo.click();
  await expect(page.getByTestId('flow-name')).not.toHaveText('Renamed while arranging');
  await expect(undo).toBeDisabled();
});

test('fitting a flow too big to read whole (Ctrl+1) goes straight there: no frames at the zooms in between', async ({ page }) => {
  // An animated fit drew every card that came into view at each zoom it passed, with its text
  // while readable, then again as a box: 1.2 s of main-thread work on 5,000 steps.
  await openBigFlow(page);
  const zoom = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 80 } });
  const before = await zoom();
  await page.evaluate(() => {
    const w = window as unknown as { __zooms: number[] };
    w.__zooms = [];
    const started = performance.now();
    const frame = () => {
      w.__zooms.push(new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
      if (performance.now() - started < 1000) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.keyboard.press('Control+1');
  await page.waitForTimeout(1200);
  const after = await zoom();
  expect(after).toBeLessThan(0.3);
  const zooms = await page.evaluate(() => (window as unknown as { __zooms: number[] }).__zooms);
  expect(zooms.length).toBeGreaterThan(5);
  expect(zooms.filter((z) => z !== before && z !== after), `zoom per frame: ${zooms.join(', ')}`).toEqual([]);
  await expect(page.locator('.node-card--far').first()).toBeVisible();
  await expect(page.locator('.node-card__label')).toHaveCount(0);
});
