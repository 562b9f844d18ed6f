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

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/** The labels of steps cut off by the canvas's edge or covered by one of `covers` (panels over the canvas). */
export async function stepsOutOfView(page: Page, covers: Locator[] = []): Promise<string[]> {
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const over = (await Promise.all(covers.map((c) => c.boundingBox()))).filter((b): b is Box => b !== null);
  const out: string[] = [];
  for (const node of await page.locator('.react-flow__node').all()) {
    const box = (await node.boundingBox())!;
    if (!inside(box, canvas) || over.some((c) => overlaps(box, c))) out.push((await node.locator('.node-card').getAttribute('data-label')) ?? '?');
  }
  return out;
}

/** Every row of one table of the app's IndexedDB, read in the page as the app stored it. */
export function storedRows<T = unknown>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('campaign-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as T[]);
          };
        };
      }),
    table,
  );
}
