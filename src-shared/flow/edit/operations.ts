import type { FlowDocument, FlowEdge } from '../document';
import { defaultData, outputsOf, type FlowNode, type NodeKind } from '../nodes';
import type { Position } from '../primitives';
import { freeOutput } from './connect';

export type EditResult = { ok: true; doc: FlowDocument; selected?: string[] } | { ok: false; reason: string };

/** A new node of a kind with its default data. */
export function makeNode(kind: NodeKind, id: string, position: Position): FlowNode {
  return { id, type: kind, position, data: defaultData(kind) } as FlowNode;
}

/** Adds a node where it was dropped. A second trigger is refused. */
export function addNode(doc: FlowDocument, kind: NodeKind, id: string, position: Position): EditResult {
  if (kind === 'trigger' && doc.nodes.some((n) => n.type === 'trigger')) return { ok: false, reason: 'A flow has one entry trigger, and this one has it already.' };
  return { ok: true, doc: { ...doc, nodes: [...doc.nodes, makeNode(kind, id, position)] }, selected: [id] };
}

/** Adds a node below another and connects it from the first free output. */
export function addNodeAfter(doc: FlowDocument, afterId: string, kind: NodeKind, id: string, edgeId: string): EditResult {
  const after = doc.nodes.find((n) => n.id === afterId);
  if (!after) return { ok: false, reason: 'Select a step to add after.' };
  const handle = freeOutput(doc, afterId);
  if (!handle) return { ok: false, reason: `${after.type === 'end' ? 'An end step' : 'This step'} has no output to continue from.` };
  const siblings = doc.edges.filter((e) => e.source === afterId).length;
  const added = addNode(doc, kind, id, { x: after.position.x + siblings * 260, y: after.position.y + 150 });
  if (!added.ok) return added;
  const edge: FlowEdge = { id: edgeId, source: afterId, sourceHandle: handle, target: id };
  return { ok: true, doc: { ...added.doc, edges: [...added.doc.edges, edge] }, selected: [id] };
}

/**
 * Drops a new node onto an edge: source → new (through the edge's output) → target (through
 * the new node's first output). The nodes below move down to make room.
 */
export function insertOnEdge(doc: FlowDocument, edgeId: string, kind: NodeKind, id: string, newEdgeId: string): EditResult {
  const edge = doc.edges.find((e) => e.id === edgeId);
  if (!edge) return { ok: false, reason: 'That connection no longer exists.' };
  if (kind === 'trigger') return { ok: false, reason: 'The entry trigger starts the flow; it cannot go between two steps.' };
  const node = makeNode(kind, id, { x: 0, y: 0 });
  const first = outputsOf(node)[0];
  if (!first) return { ok: false, reason: 'An end step has no output, so it cannot go between two steps.' };
  const source = doc.nodes.find((n) => n.id === edge.source);
  const target = doc.nodes.find((n) => n.id === edge.target);
  if (!source || !target) return { ok: false, reason: 'That connection is broken.' };
  node.position = { x: target.position.x, y: target.position.y };
  const below = descendants(doc, target.id);
  const nodes = doc.nodes.map((n) => (below.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + 150 } } : n));
  const edges = doc.edges
    .filter((e) => e.id !== edgeId)
    .concat([
      { id: edgeId, source: edge.source, sourceHandle: edge.sourceHandle, target: id },
      { id: newEdgeId, source: id, sourceHandle: first.id, target: edge.target },
    ]);
  return { ok: true, doc: { ...doc, nodes: [...nodes, node], edges }, selected: [id] };
}

/** A node and everything downstream of it. */
function descendants(doc: FlowDocument, from: string): Set<string> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of doc.edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  return seen;
}

/** Removes nodes (with their edges) and edges. The entry trigger stays. */
export function removeElements(doc: FlowDocument, nodeIds: readonly string[], edgeIds: readonly string[] = []): EditResult {
  const drop = new Set(nodeIds.filter((id) => doc.nodes.find((n) => n.id === id)?.type !== 'trigger'));
  const dropEdges = new Set(edgeIds);
  if (drop.size === 0 && dropEdges.size === 0) {
    return nodeIds.length ? { ok: false, reason: 'The entry trigger cannot be deleted: every flow starts there.' } : { ok: true, doc };
  }
  return {
    ok: true,
    doc: {
      ...doc,
      nodes: doc.nodes.filter((n) => !drop.has(n.id)),
      edges: doc.edges.filter((e) => !dropEdges.has(e.id) && !drop.has(e.source) && !drop.has(e.target)),
    },
    selected: [],
  };
}

/** Moves nodes to new positions (the end of a drag). */
export function moveNodes(doc: FlowDocument, positions: ReadonlyMap<string, Position>): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) };
}

/** Replaces one node's data (the inspector's edits). */
export function updateNodeData(doc: FlowDocument, nodeId: string, data: FlowNode['data']): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === nodeId ? ({ ...n, data } as FlowNode) : n)) };
}

/** Replaces the campaign settings (the settings panel's edits). */
export function updateCampaign(doc: FlowDocument, campaign: FlowDocument['campaign']): FlowDocument {
  return { ...doc, campaign };
}
