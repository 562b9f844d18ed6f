import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { nodeByLabel } from './editor-helpers';

const example = fileURLToPath(new URL('../../resources/examples/lead-qualification.json', import.meta.url));

/** What the desktop menu does: the host pushes `menu.command`, the page re-sends it as this event. */
async function menu(h: Harness, command: string): Promise<void> {
  await h.page.evaluate((c) => window.dispatchEvent(new CustomEvent('campaign-studio:command', { detail: { command: c } })), command);
}

/** A fresh app with the example imported and open in the editor. */
async function withExampleOpen(): Promise<Harness> {
  const h = await startHarness();
  await h.page.goto(h.host.url);
  await h.page.getByTestId('import-input').setInputFiles(example);
  await h.page.locator('.react-flow__node').first().waitFor();
  return h;
}

describe('menu commands reach the editor', () => {
  let h: Harness;
  beforeAll(async () => (h = await withExampleOpen()));
  afterAll(async () => h.close());

  it('Delete, Undo, Redo, Duplicate and Select All act on the canvas', async () => {
    const nodes = h.page.locator('.react-flow__node');
    await expect.poll(() => nodes.count()).toBe(10);
    await nodeByLabel(h.page, 'Nurture email').click();
    await menu(h, 'edit.delete');
    await expect.poll(() => nodes.count()).toBe(9);
    await menu(h, 'edit.undo');
    await expect.poll(() => nodes.count()).toBe(10);
    await menu(h, 'edit.redo');
    await expect.poll(() => nodes.count()).toBe(9);
    await menu(h, 'edit.undo');
    await nodeByLabel(h.page, 'Nurture email').click();
    await menu(h, 'edit.duplicate');
    await expect.poll(() => nodes.count()).toBe(11);
    await menu(h, 'edit.selectAll');
    await expect.poll(() => h.page.locator('.react-flow__node.selected').count()).toBe(11);
    expect(h.pageErrors).toEqual([]);
  });
});

describe('menu File and View commands', () => {
  let h: Harness;
  beforeAll(async () => (h = await withExampleOpen()));
  afterAll(async () => h.close());

  it('Export saves the open flow (a download in the web edition)', async () => {
    const [download] = await Promise.all([h.page.waitForEvent('download'), menu(h, 'flow.export')]);
    expect(download.suggestedFilename()).toMatch(/lead-qualification.*\.json$/i);
  });

  it('Tidy Layout moves steps, and Undo puts them back', async () => {
    const node = nodeByLabel(h.page, 'Nurture email');
    const before = await node.boundingBox();
    await menu(h, 'view.autoLayout');
    await expect.poll(async () => JSON.stringify(await node.boundingBox())).not.toBe(JSON.stringify(before));
  });

  it('Preview Journey switches the editor to preview mode', async () => {
    await menu(h, 'view.simulate');
    await expect.poll(() => h.page.getByTestId('mode-preview').getAttribute('aria-selected')).toBe('true');
  });

  it('New Flow opens an empty flow', async () => {
    await menu(h, 'flow.new');
    await expect.poll(() => h.page.getByTestId('flow-name').textContent()).toBe('Untitled flow');
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(1);
    expect(h.pageErrors).toEqual([]);
  });
});
