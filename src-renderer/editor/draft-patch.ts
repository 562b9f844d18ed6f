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
  /** The steps: the base's step at an index (n >= 0), the next -n of the base's after it (n < 0), or a step itself. */
  nodes: (number | FlowNode)[];
  /** The connections, likewise. */
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
  const budget = { left: limit };
  const nodes = diffList(base.doc.nodes, base.nodeAt, doc.nodes, budget);
  const edges = nodes && diffList(base.doc.edges, base.edgeAt, doc.edges, budget);
  return nodes && edges ? { rest: { ...doc, nodes: 0, edges: 0 }, nodes, edges } : null;
}

/**
 * `items` as base indexes and items, runs of consecutive indexes written as their first and
 * a negative count (a list of 5,000 unchanged steps is two numbers); null past the budget.
 */
function diffList<T>(base: readonly T[], at: ReadonlyMap<T, number>, items: readonly T[], budget: { left: number }): (number | T)[] | null {
  const out: (number | T)[] = [];
  let last = -2; // the base index the previous item took (-2: it was an item)
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const k = base[i] === item ? i : at.get(item);
    if (k === undefined) {
      if (--budget.left < 0) return null;
      out.push(item);
      last = -2;
      continue;
    }
    const tail = out[out.length - 1];
    if (k !== last + 1) out.push(k);
    else if (typeof tail === 'number' && tail < 0) out[out.length - 1] = tail - 1;
    else out.push(-1);
    last = k;
  }
  return out;
}

/** The document a patch describes, rebuilt on its base. Null when the patch refers to what the base lacks. */
export function applyPatch(base: FlowDocument, patch: Pick<DraftPatch, 'rest' | 'nodes' | 'edges'>): FlowDocument | null {
  const nodes = applyList(base.nodes, patch.nodes);
  const edges = nodes && applyList(base.edges, patch.edges);
  return nodes && edges ? ({ ...patch.rest, nodes, edges } as FlowDocument) : null;
}

function applyList<T>(base: readonly T[], patch: readonly (number | T)[]): T[] | null {
  const out: T[] = [];
  let last = -1;
  for (const item of patch) {
    if (typeof item !== 'number') {
      out.push(item);
      last = -1;
      continue;
    }
    const from = item >= 0 ? item : last + 1;
    const count = item >= 0 ? 1 : -item;
    if (item < 0 && last < 0) return null;
    for (let k = from; k < from + count; k++) {
      if (!Number.isInteger(k) || k >= base.length) return null;
      out.push(base[k]!);
    }
    last = from + count - 1;
  }
  return out;
}

/** How many steps and connections may differ from the base before a draft writes a new one. */
export function rebaseLimit(doc: FlowDocument): number {
  return Math.max(100, Math.ceil((doc.nodes.length + doc.edges.length) / 10));
}
