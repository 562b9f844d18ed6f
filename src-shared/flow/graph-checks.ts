import type { FlowDocument } from './document';
import { outputsOf, stepName, stepNameAtStart, type FlowNode } from './nodes';
import type { Problem } from './problems';

/**
 * Structure of the graph: one trigger, edges that join real nodes through real handles,
 * no cycles (a node acts at most once per journey), everything reachable.
 */
export function graphProblems(doc: FlowDocument): Problem[] {
  const out: Problem[] = [];
  const nodeIndex = new Map<string, number>();
  doc.nodes.forEach((n, i) => {
    if (nodeIndex.has(n.id)) {
      const first = doc.nodes[nodeIndex.get(n.id)!]!;
      out.push({ severity: 'error', code: 'node.duplicate-id', message: `${stepNameAtStart(n)} has the same id as ${stepName(first)}; each step needs its own.`, path: `$.nodes[${i}].id`, nodeId: n.id, field: 'id' });
    } else nodeIndex.set(n.id, i);
  });

  const triggers = doc.nodes.map((n, i) => [n, i] as const).filter(([n]) => n.type === 'trigger');
  if (triggers.length === 0) {
    out.push({ severity: 'error', code: 'trigger.missing', message: 'The flow has no entry trigger, so no one can enter it.', path: '$.nodes' });
  }
  for (const [n, i] of triggers.slice(1)) {
    out.push({ severity: 'error', code: 'trigger.multiple', message: 'A flow has exactly one entry trigger; remove this extra one.', path: `$.nodes[${i}]`, nodeId: n.id });
  }

  const edgeIds = new Set<string>();
  const seenLinks = new Set<string>();
  const handleUse = new Map<string, number>();
  const adjacency = new Map<string, string[]>();
  doc.edges.forEach((e, i) => {
    const at = `$.edges[${i}]`;
    if (edgeIds.has(e.id)) out.push({ severity: 'error', code: 'edge.duplicate-id', message: `Two edges share the id "${e.id}".`, path: `${at}.id`, edgeId: e.id });
    edgeIds.add(e.id);
    const sourceAt = nodeIndex.get(e.source);
    const targetAt = nodeIndex.get(e.target);
    const source = sourceAt === undefined ? undefined : doc.nodes[sourceAt];
    const target = targetAt === undefined ? undefined : doc.nodes[targetAt];
    if (!source) out.push({ severity: 'error', code: 'edge.dangling-source', message: `This connection starts at "${e.source}", which is not a node of this flow.`, path: `${at}.source`, edgeId: e.id });
    if (!target) out.push({ severity: 'error', code: 'edge.dangling-target', message: `This connection leads to "${e.target}", which is not a node of this flow.`, path: `${at}.target`, edgeId: e.id });
    if (!source || !target) return;
    const handles = outputsOf(source);
    const handle = handles.find((h) => h.id === e.sourceHandle);
    if (!handle) {
      const known = handles.length ? handles.map((h) => `"${h.id}"`).join(', ') : 'none';
      out.push({ severity: 'error', code: 'edge.unknown-handle', message: `${stepNameAtStart(source)} has no output "${e.sourceHandle}" (its outputs: ${known}).`, path: `${at}.sourceHandle`, edgeId: e.id, nodeId: source.id });
      return;
    }
    if (target.type === 'trigger') {
      out.push({ severity: 'error', code: 'edge.into-trigger', message: 'Nothing can lead into the entry trigger: users only enter when it fires.', path: `${at}.target`, edgeId: e.id, nodeId: target.id });
      return;
    }
    const link = `${e.source}\u0000${e.sourceHandle}\u0000${e.target}`;
    if (seenLinks.has(link)) {
      out.push({ severity: 'warning', code: 'edge.duplicate', message: `${stepNameAtStart(source)} is connected to ${stepName(target)} twice through "${handle.label}".`, path: at, edgeId: e.id });
      return;
    }
    seenLinks.add(link);
    const useKey = `${e.source}\u0000${e.sourceHandle}`;
    const uses = (handleUse.get(useKey) ?? 0) + 1;
    handleUse.set(useKey, uses);
    if (uses > 1 && !handle.fanOut) {
      out.push({ severity: 'error', code: 'handle.used-twice', message: `The "${handle.label}" output of ${stepName(source)} already has a connection; a decision leads to one place.`, path: `${at}.sourceHandle`, edgeId: e.id, nodeId: source.id });
    }
    adjacency.set(e.source, [...(adjacency.get(e.source) ?? []), e.target]);
  });

  out.push(...cycleProblems(doc, adjacency, nodeIndex));
  out.push(...reachabilityProblems(doc, adjacency, triggers[0]?.[0]));
  return out;
}

/** One problem per cycle found by a depth-first search (iterative: flows may be large). */
function cycleProblems(doc: FlowDocument, adjacency: Map<string, string[]>, nodeIndex: Map<string, number>): Problem[] {
  const out: Problem[] = [];
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  for (const start of doc.nodes) {
    if (state.has(start.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = adjacency.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const to = targets[top.next++]!;
      const s = state.get(to);
      if (s === 1) {
        const from = stack.findIndex((f) => f.id === to);
        const loop = stack.slice(from).map((f) => f.id);
        const name = (id: string) => stepName(doc.nodes[nodeIndex.get(id)!]!);
        out.push({
          severity: 'error',
          code: 'graph.cycle',
          message: `These steps form a loop: ${[...loop, to].map(name).join(' → ')}. A user passes each step at most once, so loops are not allowed.`,
          path: `$.nodes[${nodeIndex.get(to)}]`,
          nodeId: to,
        });
      } else if (s === undefined) {
        state.set(to, 1);
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return out;
}

function reachabilityProblems(doc: FlowDocument, adjacency: Map<string, string[]>, trigger: FlowNode | undefined): Problem[] {
  if (!trigger) return [];
  const out: Problem[] = [];
  const reached = new Set([trigger.id]);
  const queue = [trigger.id];
  while (queue.length) {
    for (const to of adjacency.get(queue.pop()!) ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  doc.nodes.forEach((n, i) => {
    if (!reached.has(n.id) && n.type !== 'trigger') {
      out.push({ severity: 'warning', code: 'node.unreachable', message: `${stepNameAtStart(n)} cannot be reached from the entry trigger, so no user will ever get there.`, path: `$.nodes[${i}]`, nodeId: n.id });
    }
  });
  if ((adjacency.get(trigger.id) ?? []).length === 0 && doc.nodes.length > 1) {
    const i = doc.nodes.indexOf(trigger);
    out.push({ severity: 'warning', code: 'trigger.unconnected', message: 'The entry trigger leads nowhere: connect it to the first step.', path: `$.nodes[${i}]`, nodeId: trigger.id });
  }
  return out;
}
