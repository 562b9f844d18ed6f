import { outputsOf, type FlowDocument } from '../../../src-shared/flow/index';
import type { PopulationView } from '../worker/engine-protocol';

/** A step with two or more ways out, and the edge each way takes. */
export interface BranchStep {
  nodeId: string;
  branches: { edgeId: string; label: string }[];
}

const stepsOf = new WeakMap<FlowDocument, BranchStep[]>();

/**
 * The flow's branching steps (filters, splits, waits for a reply) in document order, each output
 * with the edge it takes (the first one, as the engine follows). Kept per document: one pass over
 * the edges, however many steps the flow has, so a slider move does not look edges up per output.
 */
export function branchSteps(doc: FlowDocument): BranchStep[] {
  let steps = stepsOf.get(doc);
  if (steps) return steps;
  const edgeOf = new Map<string, string>();
  for (const e of doc.edges) {
    const key = `${e.source}\u0000${e.sourceHandle || 'next'}`;
    if (!edgeOf.has(key)) edgeOf.set(key, e.id);
  }
  steps = [];
  for (const node of doc.nodes) {
    const outputs = outputsOf(node);
    if (outputs.length < 2) continue;
    const branches = outputs.flatMap((o) => {
      const edgeId = edgeOf.get(`${node.id}\u0000${o.id}`);
      return edgeId === undefined ? [] : [{ edgeId, label: o.label }];
    });
    if (branches.length) steps.push({ nodeId: node.id, branches });
  }
  stepsOf.set(doc, steps);
  return steps;
}

const busiestOf = new WeakMap<PopulationView, WeakMap<FlowDocument, BranchStep[]>>();

/**
 * The branching steps with the most users over the whole period first (document order among
 * equals): on a flow of thousands of steps the panel lists the ones that matter. The order does
 * not follow the slider, so the list stays put while it moves.
 */
export function busiestBranchSteps(doc: FlowDocument, view: PopulationView): BranchStep[] {
  let byDoc = busiestOf.get(view);
  if (!byDoc) busiestOf.set(view, (byDoc = new WeakMap()));
  let sorted = byDoc.get(doc);
  if (!sorted) {
    const reached = (s: BranchStep) => view.nodes[s.nodeId]?.entered ?? 0;
    sorted = [...branchSteps(doc)].sort((a, b) => reached(b) - reached(a));
    byDoc.set(doc, sorted);
  }
  return sorted;
}
