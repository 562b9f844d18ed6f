import { getNodesBounds, type Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { nodesBounds, readableView } from './use-readable-fit';

const card = (id: string, x: number, y: number, type = 'send'): Node => ({ id, type, position: { x, y }, data: {}, measured: { width: 212, height: 75 } });

describe('readableView', () => {
  it('fits a small flow whole, centred across, no closer than 1.1', () => {
    const view = readableView([card('t', 0, 0, 'trigger'), card('a', 0, 200)], 1000, 800);
    expect(view.zoom).toBe(1.1);
    // Centred across: the cards' middle (x = 106) sits in the middle of the view.
    expect(view.x + 106 * view.zoom).toBeCloseTo(500);
  });

  it('starts a flow too wide to read whole at its entry, at a readable zoom', () => {
    const nodes = [card('a', -20_000, 400), card('t', 500, 0, 'trigger'), card('b', 20_000, 400)];
    const view = readableView(nodes, 1000, 800);
    expect(view.zoom).toBe(0.6);
    expect(view.x + (500 + 106) * 0.6).toBeCloseTo(500);
    expect(view.y).toBe(48);
  });
});

describe('nodesBounds', () => {
  it("gives React Flow's getNodesBounds for canvas nodes (measured, sized or neither)", () => {
    const nodes: Node[] = [
      card('a', -40, 10),
      { id: 'b', position: { x: 900, y: -300 }, data: {}, width: 100, height: 40 },
      { id: 'c', position: { x: 300, y: 1200 }, data: {}, initialWidth: 50, initialHeight: 60 },
      { id: 'd', position: { x: 1500, y: 50 }, data: {} },
    ];
    expect(nodesBounds(nodes)).toEqual(getNodesBounds(nodes));
    expect(nodesBounds(nodes)).toEqual({ x: -40, y: -300, width: 1540, height: 1560 });
    expect(nodesBounds([])).toEqual(getNodesBounds([]));
  });
});
