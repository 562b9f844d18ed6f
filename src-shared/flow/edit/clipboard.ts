import type { FlowDocument, FlowEdge } from '../document';
import type { FlowNode } from '../nodes';
import type { Position } from '../primitives';

/** What copy puts on the clipboard: nodes and the edges between them. Plain JSON. */
export interface FlowClipboard {
  kind: 'campaign-studio/nodes';
  version: 1;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** The selected nodes and the edges joining two selected nodes. The trigger is never copied. */
export function copyNodes(doc: FlowDocument, nodeIds: readonly string[]): FlowClipboard {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id) && n.type !== 'trigger');
  const kept = new Set(nodes.map((n) => n.id));
  return { kind: 'campaign-studio/nodes', version: 1, nodes, edges: doc.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}

/** Reads clipboard text back; null when it is not ours (pasting plain text does nothing). */
export function readClipboard(text: string): FlowClipboard | null {
  try {
    const v = JSON.parse(text) as Partial<FlowClipboard>;
    return v && v.kind === 'campaign-studio/nodes' && Array.isArray(v.nodes) && Array.isArray(v.edges) ? (v as FlowClipboard) : null;
  } catch {
    return null;
  }
}

/**
 * Pastes with fresh ids (so the same nodes can be pasted twice, or into another flow),
 * shifted by `offset`; the pasted nodes become the selection.
 */
export function pasteNodes(doc: FlowDocument, clip: FlowClipboard, offset: Position, newId: (prefix: string) => string): { doc: FlowDocument; selected: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  for (const n of clip.nodes) {
    let id = newId(n.type);
    while (taken.has(id)) id = newId(n.type);
    taken.add(id);
    idMap.set(n.id, id);
  }
  const nodes = clip.nodes.map((n) => ({ ...n, id: idMap.get(n.id)!, position: { x: n.position.x + offset.x, y: n.position.y + offset.y }, data: JSON.parse(JSON.stringify(n.data)) }) as FlowNode);
  const edges = clip.edges.map((e) => ({ ...e, id: newId('e'), source: idMap.get(e.source)!, target: idMap.get(e.target)! }));
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, selected: nodes.map((n) => n.id) };
}

/** Copies and pastes in one go (Ctrl/Cmd+D): the copies sit `offset` away and become the selection. */
export function duplicateNodes(doc: FlowDocument, nodeIds: readonly string[], offset: Position, newId: (prefix: string) => string): { doc: FlowDocument; selected: string[] } {
  const clip = copyNodes(doc, nodeIds);
  return clip.nodes.length ? pasteNodes(doc, clip, offset, newId) : { doc, selected: [] };
}
