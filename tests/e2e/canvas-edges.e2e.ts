import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { rootDir } from './harness';

type Rect = { x: number; y: number; width: number; height: number };
const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The shipped onboarding example, imported from the empty state at 1440x900. */
async function openOnboarding(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
  await page.getByTestId('editor').waitFor();
}

test('edge labels stay off the cards of the shipped example, in edit mode and with population counts', async ({ page }) => {
  await openOnboarding(page);
  const check = async () => {
    const cards = await Promise.all((await page.locator('.react-flow__node').all()).map(async (n) => ({ label: await n.locator('.node-card').getAttribute('data-label'), box: (await n.boundingBox())! })));
    const labels = await page.locator('.react-flow__edge-textwrapper').all();
    expect(labels.length).toBeGreaterThan(3);
    for (const l of labels) {
      const box = await l.boundingBox();
      if (!box) continue;
      const text = await l.textContent();
      for (const c of cards) expect(intersects(box, c.box), `label “${text}” covers “${c.label}”`).toBe(false);
    }
  };
  await check();
  await page.getByTestId('mode-preview').click();
  await page.getByTestId('preview-panel').getByRole('tab', { name: 'Population' }).click();
  await page.getByTestId('preview-panel').getByLabel('Users').fill('3000');
  await page.getByTestId('run-simulation').click();
  await expect(page.getByTestId('sim-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('exits-lane')).toBeVisible();
  await check();
  await shot(page, 'canvas-edges-population.png');
});

test('every edge ends in the one arrowhead the canvas defines, in edit mode and while previewing', async ({ page }) => {
  await openOnboarding(page);
  const arrows = () =>
    page.evaluate(() => ({
      markers: Array.from(document.querySelectorAll('marker')).map((m) => ({ id: m.id, points: m.querySelector('polyline')?.getAttribute('points') })),
      edges: Array.from(document.querySelectorAll('.react-flow__edge-path')).map((p) => p.getAttribute('marker-end')),
    }));
  const check = async () => {
    const { markers, edges } = await arrows();
    expect(markers).toEqual([{ id: 'cs-edge-arrow', points: '-5,-4 0,0 -5,4 -5,-4' }]);
    expect(edges.length).toBeGreaterThan(10);
    expect(new Set(edges)).toEqual(new Set(["url('#cs-edge-arrow')"]));
  };
  await check();
  await page.getByTestId('mode-preview').click();
  await expect(page.getByTestId('preview-panel')).toBeVisible();
  await check();
});

test('zoomed out past reading, cards are drawn without text and edges without labels, at the same size; zooming in brings them back', async ({ page }) => {
  await openOnboarding(page);
  const labels = page.locator('.react-flow__edge-textwrapper');
  await expect.poll(() => labels.count()).toBeGreaterThan(3);
  const zoom = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  // A card's size in flow units, full and then far: edges meet both at the same points.
  const cardSize = async () => {
    const box = (await page.locator('.react-flow__node[data-id="welcome"] .node-card').boundingBox())!;
    const z = await zoom();
    return { width: Math.round(box.width / z), height: Math.round(box.height / z) };
  };
  const full = await cardSize();
  await expect(page.locator('.node-card__label').first()).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 300 } });
  // Zoom out until the canvas is below 0.3 (the limit in routed-edge.tsx).
  for (let i = 0; i < 12 && (await zoom()) >= 0.3; i++) {
    await page.keyboard.press('Control+-');
    await page.waitForTimeout(250);
  }
  expect(await zoom()).toBeLessThan(0.3);
  await expect(labels).toHaveCount(0);
  await expect(page.locator('.node-card__label')).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id="welcome"] .node-card--far')).toHaveCount(1);
  const far = await cardSize();
  expect(Math.abs(far.width - full.width), `far ${JSON.stringify(far)} vs full ${JSON.stringify(full)}`).toBeLessThanOrEqual(2);
  expect(Math.abs(far.height - full.height), `far ${JSON.stringify(far)} vs full ${JSON.stringify(full)}`).toBeLessThanOrEqual(2);
  expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(3);
  await page.keyboard.press('Control+1');
  await expect.poll(() => labels.count()).toBeGreaterThan(3);
  await expect(page.locator('.node-card__label').first()).toBeVisible();
});
