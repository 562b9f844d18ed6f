import type { Position } from '../../src-shared/flow/index';
import type { CanvasNode } from './to-react-flow';

/**
 * The canvas nodes with a drag in progress applied: only the dragged nodes become new objects,
 * every other node keeps its own, so React Flow redraws just those. The document itself is
 * written once, when the drag ends (flow-canvas.tsx): committing it on every mouse move re-ran
 * the document→canvas mapping, every document subscriber and the store's history for all
 * 5,000 steps of a large flow, each frame.
 */
export function withDragPositions(nodes: CanvasNode[], dragged: ReadonlyMap<string, Position> | null): CanvasNode[] {
  if (!dragged?.size) return nodes;
  return nodes.map((node) => {
    const position = dragged.get(node.id);
    return position && (position.x !== node.position.x || position.y !== node.position.y) ? { ...node, position } : node;
  });
}
