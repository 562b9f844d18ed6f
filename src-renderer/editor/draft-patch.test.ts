import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../src-shared/flow/index';
import { edge, flow, sendNode } from '../../src-shared/testing/flow-builders';
import { applyPatch, diffDocument, patchBase, rebaseLimit } from './draft-patch';

const base = flow([sendNode('a', 'One'), sendNode('b', 'Two'), sendNode('c', 'Three')], [edge('trigger', 'a'), edge('a', 'b'), edge('b', 'c')]);
const relabel = (doc: FlowDocument, id: string, body: string): FlowDocument => ({ ...doc, nodes: doc.nodes.map((n) => (n.id === id ? ({ ...n, data: { ...n.data, body } } as typeof n) : n)) });

describe('draft patches', () => {
  it('carry only the steps an edit replaced, and rebuild the document with its key order', () => {
    const edited = relabel(base, 'b', 'Typed');
    const patch = diffDocument(patchBase(base), edited, 10)!;
    expect(patch.nodes).toEqual([0, -1, edited.nodes[2], 3]);
    expect(patch.edges).toEqual([0, -2]);
    const rebuilt = applyPatch(base, structuredClone(patch));
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(edited));
  });

  it('follow steps and connections that moved, were added or were removed', () => {
    const added = sendNode('d', 'Four');
    const edited: FlowDocument = { ...base, campaign: { ...base.campaign, name: 'Renamed' }, nodes: [base.nodes[3]!, added, base.nodes[0]!, base.nodes[1]!], edges: [base.edges[2]!, edge('c', 'd')] };
    const patch = diffDocument(patchBase(base), edited, 10)!;
    expect(patch.nodes).toEqual([3, added, 0, -1]);
    expect(patch.edges).toEqual([2, edited.edges[1]]);
    expect(JSON.stringify(applyPatch(base, structuredClone(patch)))).toBe(JSON.stringify(edited));
  });

  it('give up past the limit, so that a new base is written instead', () => {
    const edited = relabel(relabel(base, 'a', 'x'), 'b', 'y');
    expect(diffDocument(patchBase(base), edited, 1)).toBeNull();
    expect(diffDocument(patchBase(base), edited, 2)).not.toBeNull();
    expect(rebaseLimit(base)).toBe(100);
  });

  it('write a long run of unchanged steps as two numbers', () => {
    const big = flow(Array.from({ length: 5_000 }, (_, i) => sendNode(`n${i}`)));
    const edited = relabel(big, 'n2500', 'Typed');
    const patch = diffDocument(patchBase(big), edited, 10)!;
    expect(patch.nodes).toEqual([0, -2500, edited.nodes[2501], 2502, -2498]);
    expect(JSON.stringify(applyPatch(big, patch))).toBe(JSON.stringify(edited));
  });

  it('rebuild nothing from a base that lacks what they refer to, or from a damaged patch', () => {
    const patch = diffDocument(patchBase(base), base, 10)!;
    expect(applyPatch({ ...base, nodes: base.nodes.slice(0, 2) }, patch)).toBeNull();
    expect(applyPatch({ ...base, edges: [] }, patch)).toBeNull();
    expect(applyPatch(base, { ...patch, nodes: [-2] })).toBeNull();
    expect(applyPatch(base, { ...patch, nodes: [0.5] })).toBeNull();
  });
});
