import { describe, expect, it } from 'vitest';
import { withDragPositions } from './drag-overlay';
import type { CanvasNode } from './to-react-flow';

const node = (id: string, x: number, y: number) => ({ id, type: 'end', position: { x, y }, data: {} }) as unknown as CanvasNode;

describe('withDragPositions', () => {
  const nodes = [node('a', 0, 0), node('b', 100, 0), node('c', 200, 0)];

  it('gives back the same array when nothing is being dragged', () => {
    expect(withDragPositions(nodes, null)).toBe(nodes);
    expect(withDragPositions(nodes, new Map())).toBe(nodes);
  });

  it('moves only the dragged nodes; the others keep their objects', () => {
    const out = withDragPositions(nodes, new Map([['b', { x: 140, y: 20 }]]));
    expect(out).not.toBe(nodes);
    expect(out[0]).toBe(nodes[0]);
    expect(out[2]).toBe(nodes[2]);
    expect(out[1]).toMatchObject({ id: 'b', position: { x: 140, y: 20 } });
    expect(nodes[1]!.position).toEqual({ x: 100, y: 0 });
  });

  it('keeps a node whose dragged position is where it already is', () => {
    const out = withDragPositions(nodes, new Map([['a', { x: 0, y: 0 }]]));
    expect(out[0]).toBe(nodes[0]);
  });
});
