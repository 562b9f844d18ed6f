import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickExample, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Drops a file on the window the way a desktop drag does: dragenter, dragover, drop. */
async function dropFile(name: string, text: string) {
  await h.page.evaluate(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { name, text },
  );
}

describe('examples, drag-and-drop and delete (web edition)', () => {
  it('opens a bundled example from the empty state', async () => {
    await h.page.goto(h.host.url);
    const card = h.page.getByTestId('example').first();
    await card.waitFor();
    const name = (await card.locator('.example-card__name').textContent()) ?? '';
    await card.click();
    await h.page.getByTestId('canvas').waitFor();
    expect(await h.page.getByTestId('flow-name').textContent()).toBe(name);
    expect(await h.page.locator('.react-flow__node').count()).toBeGreaterThan(0);
  });

  it('imports a file dropped on the window', async () => {
    await h.page.getByRole('button', { name: 'Back to flows' }).click();
    await h.page.getByTestId('flow-list').waitFor();
    const path = pickExample();
    await dropFile(basename(path), readFileSync(path, 'utf8'));
    await h.page.getByTestId('canvas').waitFor();
    await h.page.getByRole('button', { name: 'Back to flows' }).click();
    await h.page.getByTestId('flow-list').waitFor();
    await expect.poll(() => h.page.getByTestId('flow-row').count()).toBe(2);
  });

  it('finds flows by name and deletes one after confirming', async () => {
    const rows = h.page.getByTestId('flow-row');
    const first = (await rows.first().locator('.flow-row__name').textContent()) ?? '';
    await h.page.getByRole('searchbox', { name: 'Search flows' }).fill(first);
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button', { name: `Delete ${first}` }).click();
    await rows.first().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await h.page.getByRole('searchbox', { name: 'Search flows' }).fill('');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).not.toContain(first);
  });

  it('ran without console errors or CSP violations', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
