import { describe, expect, it } from 'vitest';
import { generateFlow, outputsOf } from '../../../src-shared/flow/index';
import type { PopulationView } from '../worker/engine-protocol';
import { onboarding } from '../test-fixtures';
import { branchSteps, busiestBranchSteps } from './branch-steps';

describe('branch steps', () => {
  it('lists every step with two or more ways out, each with the first edge its output takes', () => {
    for (const doc of [onboarding(), generateFlow({ nodes: 400, seed: 3 })]) {
      const expected = doc.nodes.flatMap((node) => {
        const outputs = outputsOf(node);
        if (outputs.length < 2) return [];
        const branches = outputs.flatMap((o) => {
          const edge = doc.edges.find((e) => e.source === node.id && (e.sourceHandle || 'next') === o.id);
          return edge ? [{ edgeId: edge.id, label: o.label }] : [];
        });
        return branches.length ? [{ nodeId: node.id, branches }] : [];
      });
      expect(expected.length).toBeGreaterThan(0);
      expect(branchSteps(doc)).toEqual(expected);
      expect(branchSteps(doc)).toBe(branchSteps(doc));
    }
  });

  it('puts the steps most users reached over the period first, document order among equals', () => {
    const doc = generateFlow({ nodes: 400, seed: 3 });
    const all = branchSteps(doc);
    const entered = new Map(all.map((s, i) => [s.nodeId, i % 3 === 0 ? 0 : i % 7]));
    const view = { nodes: Object.fromEntries([...entered].map(([id, n]) => [id, { entered: n }])) } as unknown as PopulationView;
    const sorted = busiestBranchSteps(doc, view);
    expect(new Set(sorted)).toEqual(new Set(all));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [entered.get(sorted[i - 1]!.nodeId)!, entered.get(sorted[i]!.nodeId)!];
      expect(a).toBeGreaterThanOrEqual(b);
      if (a === b) expect(all.indexOf(sorted[i - 1]!)).toBeLessThan(all.indexOf(sorted[i]!));
    }
  });
});
