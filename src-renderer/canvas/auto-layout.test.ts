import { describe, expect, it } from 'vitest';
import { example } from '../../src-shared/testing/flow-builders';
import { layoutFlow, toElkGraph } from './auto-layout';

describe('auto-layout', () => {
  const doc = example('onboarding-drip');

  it('makes a port per output and an edge per connection', () => {
    const graph = toElkGraph(doc, new Map());
    expect(graph.children).toHaveLength(doc.nodes.length);
    const filter = graph.children!.find((c) => c.id === 'activated')!;
    expect(filter.ports!.map((p) => p.id)).toEqual(['activated::in', 'activated::match', 'activated::else']);
    expect(graph.edges).toHaveLength(doc.edges.length);
  });

  it('places every node top to bottom: each edge goes down', async () => {
    const positions = await layoutFlow(doc, new Map());
    expect(positions.size).toBe(doc.nodes.length);
    for (const edge of doc.edges) expect(positions.get(edge.target)!.y).toBeGreaterThan(positions.get(edge.source)!.y);
    const match = positions.get('tips')!;
    const otherwise = positions.get('check-in')!;
    expect(match.x).toBeLessThan(otherwise.x);
  });
});
