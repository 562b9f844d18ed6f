import type { FlowDocument, FlowEdge } from '../document';
import { outputsOf } from '../nodes';

export interface Connection {
  source: string;
  sourceHandle: string;
  target: string;
}

export type ConnectCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether an edge may be drawn, and if not, why, in words shown next to the cursor:
 * no edge into the trigger, none from a decision output that already has one, no loops.
 */
export function canConnect(doc: FlowDocument, c: Connection): ConnectCheck {
  const source = doc.nodes.find((n) => n.id === c.source);
  const target = doc.nodes.find((n) => n.id === c.target);
  if (!source || !target) return { ok: false, reason: 'Both ends must be steps of this flow.' };
  if (c.source === c.target) return { ok: false, reason: 'A step cannot lead to itself.' };
  if (target.type === 'trigger') return { ok: false, reason: 'Nothing can lead into the entry trigger.' };
  const handle = outputsOf(source).find((h) => h.id === c.sourceHandle);
  if (!handle) return { ok: false, reason: `This step has no "${c.sourceHandle}" output.` };
  const existing = doc.edges.filter((e) => e.source === c.source && e.sourceHandle === c.sourceHandle);
  if (existing.some((e) => e.target === c.target)) return { ok: false, reason: 'These steps are already connected this way.' };
  if (!handle.fanOut && existing.length > 0) {
    return { ok: false, reason: `"${handle.label}" already leads somewhere: a decision leads to one place. Remove that connection first.` };
  }
  if (reaches(doc.edges, c.target, c.source)) return { ok: false, reason: 'This would make a loop: a user passes each step at most once.' };
  return { ok: true };
}

/** True when `to` can be reached from `from` along edges. */
export function reaches(edges: readonly FlowEdge[], from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const next of out.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/** The document with the edge added, or the reason it cannot be. */
export function connect(doc: FlowDocument, c: Connection, edgeId: string): { ok: true; doc: FlowDocument } | { ok: false; reason: string } {
  const check = canConnect(doc, c);
  if (!check.ok) return check;
  return { ok: true, doc: { ...doc, edges: [...doc.edges, { id: edgeId, ...c }] } };
}

/** The first output of a node with no edge yet (or its first fan-out output), for "add after". */
export function freeOutput(doc: FlowDocument, nodeId: string): string | null {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  const handles = outputsOf(node);
  const used = new Set(doc.edges.filter((e) => e.source === nodeId).map((e) => e.sourceHandle));
  return (handles.find((h) => !used.has(h.id)) ?? handles.find((h) => h.fanOut))?.id ?? null;
}
