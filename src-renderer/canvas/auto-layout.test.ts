import { describe, expect, it } from 'vitest';
import { edge, example, flow, node, sendNode } from '../../src-shared/testing/flow-builders';
import { inThreadLayout, layoutFlow, toElkGraph } from './auto-layout';

// elkjs is a large bundle: its first import alone took 2-6 s on a loaded 2-core machine.
describe('auto-layout', { timeout: 30_000 }, () => {
  const doc = example('onboarding-drip');

  it('makes a port per output and an edge per connection', () => {
    const graph = toElkGraph(doc, new Map());
    expect(graph.children).toHaveLength(doc.nodes.length);
    const filter = graph.children!.find((c) => c.id === 'activated')!;
    expect(filter.ports!.map((p) => p.id)).toEqual(['activated::in', 'activated::match', 'activated::else']);
    expect(graph.edges).toHaveLength(doc.edges.length);
  });

  it('places every node top to bottom: each edge goes down', async () => {
    const positions = await layoutFlow(doc, new Map(), inThreadLayout());
    expect(positions.size).toBe(doc.nodes.length);
    for (const edge of doc.edges) expect(positions.get(edge.target)!.y).toBeGreaterThan(positions.get(edge.source)!.y);
    const match = positions.get('tips')!;
    const otherwise = positions.get('check-in')!;
    expect(match.x).toBeLessThan(otherwise.x);
  });

  it('puts steps not connected to the trigger beside its graph, never on or above the trigger', async () => {
    const doc = flow([sendNode('a'), sendNode('b'), sendNode('loose-1'), node('loose-2', 'end'), sendNode('pair-1'), node('pair-2', 'end')], [edge('trigger', 'a'), edge('a', 'b'), edge('pair-1', 'pair-2')]);
    const sizes = new Map(doc.nodes.map((n) => [n.id, { width: 212, height: 90 }]));
    const positions = await layoutFlow(doc, sizes, inThreadLayout());
    const trigger = positions.get('trigger')!;
    const main = ['trigger', 'a', 'b'].map((id) => positions.get(id)!);
    const mainRight = Math.max(...main.map((p) => p.x + 212));
    for (const id of ['loose-1', 'loose-2', 'pair-1', 'pair-2']) {
      const p = positions.get(id)!;
      expect(p.y, `${id} above the trigger`).toBeGreaterThanOrEqual(trigger.y);
      expect(p.x, `${id} inside the trigger's graph`).toBeGreaterThan(mainRight);
    }
    // No two cards overlap.
    const all = [...positions.entries()];
    for (const [i, p] of all) for (const [j, q] of all) if (i !== j) expect(p.x < q.x + 212 && q.x < p.x + 212 && p.y < q.y + 90 && q.y < p.y + 90, `${i} over ${j}`).toBe(false);
    // A connected pair keeps its shape: the end under its send.
    expect(positions.get('pair-2')!.y).toBeGreaterThan(positions.get('pair-1')!.y);
  });
});
