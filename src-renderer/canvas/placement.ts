import type { FlowDocument, Position } from '../../src-shared/flow/index';

/** A card's footprint on the canvas when it has not been measured (the widest kind, two lines). */
export const CARD = { width: 212, height: 96 } as const;
const GAP = 40;
const GRID = 20;

type Placed = { id?: string; position: Position };

const overlaps = (a: Position, b: Position) => a.x < b.x + CARD.width + GAP / 2 && b.x < a.x + CARD.width + GAP / 2 && a.y < b.y + CARD.height + GAP / 2 && b.y < a.y + CARD.height + GAP / 2;

/**
 * Where copies of `nodes` go (paste without a pointer, duplicate): the offset that puts the whole
 * group beside the original, to its right, on the first spot where no card of the flow is in
 * the way, so a copy never lands on (or 40 px off) what it copies. Snapped to the grid.
 *
 * @example pasteNodes(doc, clip, copyOffset(doc, clip.nodes), newId)
 */
export function copyOffset(doc: Pick<FlowDocument, 'nodes'>, nodes: readonly Placed[]): Position {
  if (nodes.length === 0) return { x: 0, y: 0 };
  const xs = nodes.map((n) => n.position.x);
  const width = Math.max(...xs) - Math.min(...xs) + CARD.width;
  const step = Math.ceil((width + GAP) / GRID) * GRID;
  const others = doc.nodes.map((n) => n.position);
  for (let k = 1; k < 200; k++) {
    const offset = { x: step * k, y: 0 };
    const free = nodes.every((n) => others.every((o) => !overlaps({ x: n.position.x + offset.x, y: n.position.y + offset.y }, o)));
    if (free) return offset;
  }
  // A canvas this crowded: below everything.
  const bottom = Math.max(...others.map((o) => o.y)) + CARD.height + GAP;
  return { x: 0, y: Math.ceil((bottom - Math.min(...nodes.map((n) => n.position.y))) / GRID) * GRID };
}
