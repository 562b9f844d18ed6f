import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { rootDir } from './harness';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/** Steps that are cut off by the canvas edge (the dock below it) or covered by the minimap or the exits panel. */
async function hiddenSteps(page: Page): Promise<string[]> {
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const covers = [await page.locator('.react-flow__minimap').boundingBox(), await page.locator('.exits-lane').boundingBox()].filter((b): b is Box => b !== null);
  const out: string[] = [];
  for (const node of await page.locator('.react-flow__node').all()) {
    const box = (await node.boundingBox())!;
    const label = (await node.locator('.node-card').getAttribute('data-label')) ?? '?';
    if (!inside(box, canvas) || covers.some((c) => overlaps(box, c))) out.push(label);
  }
  return out;
}

// #13.14: the scrubber, the minimap and the panels must not hide steps after a population run.
test('after a population run every step is in view, clear of the dock, the minimap and the exits panel', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'));
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('mode-preview').click();
  await page.getByRole('tab', { name: /Population/ }).click();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByTestId('population-dock')).toBeVisible();
  await expect.poll(() => hiddenSteps(page), { timeout: 10_000 }).toEqual([]);
});
