import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { exportFlowJson, importFlowJson, type FlowDocument } from '../../src-shared/flow/index';

/** A step on the canvas, found by the label it shows. */
export function nodeByLabel(page: Page, label: string): Locator {
  return page.locator(`.react-flow__node:has(.node-card[data-label="${label}"])`);
}

/** Drags a palette block onto an empty spot of the canvas (left of the flow, near the top). */
export async function dropBlock(page: Page, kind: string, at?: { x: number; y: number }): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.getByTestId(`palette-${kind}`).dragTo(pane, { targetPosition: at ?? { x: 120, y: box.height - 240 } });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a connection by dragging from an output handle to a step's input handle. */
export async function connect(page: Page, fromLabel: string, handle: string, toLabel: string): Promise<void> {
  const source = nodeByLabel(page, fromLabel).locator(`.react-flow__handle.source[data-handleid="${handle}"]`);
  await source.hover({ timeout: 5000 });
  const from = await centre(source);
  const to = await centre(nodeByLabel(page, toLabel).locator('.react-flow__handle.target'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 2, from.y + (to.y - from.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Downloads what the editor's Export menu gives for "This flow". */
export async function exportThisFlow(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /This flow/ }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

/**
 * A flow made comparable with one built by hand. Explicitly ignored, because a person building
 * the flow in the editor cannot choose them: positions (set to 0,0), node ids (each node takes
 * the id the reference gives the node with the same label), edge ids (source-handle-target),
 * global exit ids (by position), the campaign id and meta. Edges are sorted. Everything else
 * (campaign settings, every node's kind and data, every connection) must be equal.
 */
export function normaliseForComparison(text: string, idsByLabel: ReadonlyMap<string, string>): string {
  const r = importFlowJson(text);
  if (!r.ok) throw new Error(`does not import: ${JSON.stringify(r.problems)}`);
  const doc = JSON.parse(exportFlowJson(r.document)) as FlowDocument;
  const ids = new Map(doc.nodes.map((n) => [n.id, idsByLabel.get(n.data.label ?? '') ?? `unlabelled-${n.type}`]));
  doc.nodes = doc.nodes.map((n) => ({ ...n, id: ids.get(n.id)!, position: { x: 0, y: 0 } })).sort((a, b) => a.id.localeCompare(b.id)) as FlowDocument['nodes'];
  doc.edges = doc.edges
    .map((e) => {
      const source = ids.get(e.source) ?? e.source;
      const target = ids.get(e.target) ?? e.target;
      return { id: `${source}-${e.sourceHandle}-${target}`, source, sourceHandle: e.sourceHandle, target };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  doc.campaign = { ...doc.campaign, id: 'campaign', globalExits: doc.campaign.globalExits.map((x, i) => ({ ...x, id: `exit-${i + 1}` })) };
  doc.meta = {};
  return exportFlowJson(doc);
}
