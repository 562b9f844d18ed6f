import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from '../../src-shared/flow/edit/clipboard';
import { edge, flow, sendNode } from '../../src-shared/testing/flow-builders';
import { CARD, copyOffset } from './placement';

const boxesOverlap = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x < b.x + CARD.width && b.x < a.x + CARD.width && a.y < b.y + CARD.height && b.y < a.y + CARD.height;

function noOverlaps(doc: { nodes: { id: string; position: { x: number; y: number } }[] }) {
  for (const a of doc.nodes) for (const b of doc.nodes) if (a.id !== b.id) expect(boxesOverlap(a.position, b.position), `${a.id} over ${b.id}`).toBe(false);
}

describe('where copies go', () => {
  const at = (n: ReturnType<typeof sendNode>, y: number) => ({ ...n, position: { x: 0, y } });
  const base = flow([at(sendNode('a'), 200), at(sendNode('b'), 340)], [edge('trigger', 'a'), edge('a', 'b')]);

  it('beside the original, never on it (a 40 px offset overlapped it)', () => {
    let doc = base;
    let n = 0;
    for (let i = 0; i < 4; i++) {
      const clip = copyNodes(doc, ['a', 'b']);
      doc = pasteNodes(doc, clip, copyOffset(doc, clip.nodes), (p) => `${p}-${++n}`).doc;
      noOverlaps(doc);
    }
    expect(doc.nodes).toHaveLength(base.nodes.length + 8);
  });

  it('keeps the group’s shape and stays on the grid', () => {
    const offset = copyOffset(base, base.nodes.filter((x) => x.id !== 'trigger'));
    expect(offset.y).toBe(0);
    expect(offset.x % 20).toBe(0);
    expect(offset.x).toBeGreaterThanOrEqual(CARD.width);
  });
});
