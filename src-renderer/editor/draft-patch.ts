import type { FlowDocument, FlowEdge, FlowNode } from '../../src-shared/flow/index';

/**
 * A recovery draft written as its differences from a base document, so that a draft written on
 * every keystroke costs what the edit changed, not what the flow holds: IndexedDB clones a
 * record synchronously as it is put, and cloning a whole 5,000-step flow took ~60 ms of every
 * keystroke. Steps and connections the edit left alone (the same objects: the editor's
 * documents share what did not change) are written as their position in the base.
 */
export interface DraftPatch {
  /** The base it applies to: the writing session's key and the base's stamp. */
  session: string;
  base: number;
  /** The document's other fields, in its key order (`nodes` and `edges` hold 0 as placeholders). */
  rest: Record<string, unknown>;
  /** Each step: its index in the base, or the step itself when it differs. */
  nodes: (number | FlowNode)[];
  /** Each connection, likewise. */
  edges: (number | FlowEdge)[];
}

/** A base document with the position of each of its steps and connections. */
export interface PatchBase {
  doc: FlowDocument;
  nodeAt: Map<FlowNode, number>;
  edgeAt: Map<FlowEdge, number>;
}

export function patchBase(doc: FlowDocument): PatchBase {
  const nodeAt = new Map<FlowNode, number>();
  const edgeAt = new Map<FlowEdge, number>();
  doc.nodes.forEach((node, i) => nodeAt.set(node, i));
  doc.edges.forEach((edge, i) => edgeAt.set(edge, i));
  return { doc, nodeAt, edgeAt };
}

/**
 * `doc` as a patch of `base`, or null when more than `limit` steps and connections differ
 * (a new base is then cheaper than carrying them in every draft).
 */
export function diffDocument(base: PatchBase, doc: FlowDocument, limit: number): Omit<DraftPatch, 'session' | 'base'> | null {
  let changed = 0;
  const nodes = new Array<number | FlowNode>(doc.nodes.length);
  for (let i = 0; i < doc.nodes.length; i++) {
    const node = doc.nodes[i]!;
    const at = base.doc.nodes[i] === node ? i : base.nodeAt.get(node);
    if (at === undefined && ++changed > limit) return null;
    nodes[i] = at ?? node;
  }
  const edges = new Array<number | FlowEdge>(doc.edges.length);
  for (let i = 0; i < doc.edges.length; i++) {
    const edge = doc.edges[i]!;
    const at = base.doc.edges[i] === edge ? i : base.edgeAt.get(edge);
    if (at === undefined && ++changed > limit) return null;
    edges[i] = at ?? edge;
  }
  return { rest: { ...doc, nodes: 0, edges: 0 }, nodes, edges };
}

/** The document a patch describes, rebuilt on its base. Null when the patch refers to what the base lacks. */
export function applyPatch(base: FlowDocument, patch: Pick<DraftPatch, 'rest' | 'nodes' | 'edges'>): FlowDocument | null {
  const nodes: FlowNode[] = [];
  for (const item of patch.nodes) {
    const node = typeof item === 'number' ? base.nodes[item] : item;
    if (!node) return null;
    nodes.push(node);
  }
  const edges: FlowEdge[] = [];
  for (const item of patch.edges) {
    const edge = typeof item === 'number' ? base.edges[item] : item;
    if (!edge) return null;
    edges.push(edge);
  }
  return { ...patch.rest, nodes, edges } as FlowDocument;
}

/** How many steps and connections may differ from the base before a draft writes a new one. */
export function rebaseLimit(doc: FlowDocument): number {
  return Math.max(100, Math.ceil((doc.nodes.length + doc.edges.length) / 10));
}
