import type { ElkNode } from 'elkjs/lib/elk-api';
import { outputsOf, type FlowDocument, type Position } from '../../src-shared/flow/index';

export interface Size {
  width: number;
  height: number;
}

const FALLBACK: Size = { width: 212, height: 72 };

/**
 * The flow as an ELK graph, top to bottom: each output is a port on the bottom side in its
 * order (Match left of Else), so branches come out where their handles are.
 */
export function toElkGraph(doc: FlowDocument, sizes: ReadonlyMap<string, Size>): ElkNode {
  const ids = new Set(doc.nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '48',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: doc.nodes.map((node) => {
      const size = sizes.get(node.id) ?? FALLBACK;
      const outputs = outputsOf(node);
      return {
        id: node.id,
        width: size.width,
        height: size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
        ports: [
          { id: `${node.id}::in`, layoutOptions: { 'elk.port.side': 'NORTH' } },
          ...outputs.map((output, index) => ({ id: `${node.id}::${output.id}`, layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(outputs.length - index) } })),
        ],
      };
    }),
    edges: doc.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [`${edge.source}::${edge.sourceHandle}`], targets: [`${edge.target}::in`] })),
  };
}

/** Where ELK put each node, snapped to the grid. */
export function positionsFromElk(graph: ElkNode, grid = 20): Map<string, Position> {
  const snap = (v: number) => Math.round(v / grid) * grid;
  return new Map((graph.children ?? []).map((child) => [child.id, { x: snap(child.x ?? 0), y: snap(child.y ?? 0) }]));
}

/** Where ELK runs: `layout` answers the laid-out graph; `cancel` stops it and rejects with {@link LayoutCancelled}. */
export interface LayoutRunner {
  layout(graph: ElkNode): Promise<ElkNode>;
  cancel(): void;
}

export class LayoutCancelled extends Error {
  constructor() {
    super('The layout was cancelled.');
  }
}

/**
 * ELK in a Web Worker: ELK's layered algorithm took 3 s for 1,000 steps and 17-28 s for 5,000
 * (Chromium, Node), all of it a frozen page when it ran in the page's thread. The worker starts
 * on the first layout and is kept for the next ones (loading ELK in it takes a moment); `cancel`
 * ends it (the next layout starts another).
 */
export function workerLayout(): LayoutRunner {
  let elk: { layout(graph: ElkNode): Promise<ElkNode>; terminateWorker(): void } | null = null;
  let stop: ((e: Error) => void) | null = null;
  return {
    async layout(graph) {
      const cancelled = new Promise<never>((_, reject) => (stop = reject));
      cancelled.catch(() => undefined);
      try {
        // elkjs's API (small) on the page; the algorithm (large) loads in the worker.
        const { default: ELK } = await Promise.race([import('elkjs/lib/elk-api.js'), cancelled]);
        elk ??= new ELK({ workerFactory: () => new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: 'layout' }) });
        return await Promise.race([elk.layout(graph), cancelled]);
      } finally {
        stop = null;
      }
    },
    cancel() {
      elk?.terminateWorker();
      elk = null;
      stop?.(new LayoutCancelled());
    },
  };
}

/** ELK in this thread: the unit tests' (Node has no Web Worker); the app always uses {@link workerLayout}. */
export function inThreadLayout(): LayoutRunner {
  return {
    async layout(graph) {
      const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
      return new ELK().layout(graph);
    },
    cancel: () => undefined,
  };
}

/** Lays the flow out top to bottom with elkjs (loaded on first use: it is large), where `runner` runs it. */
export async function layoutFlow(doc: FlowDocument, sizes: ReadonlyMap<string, Size>, runner: LayoutRunner): Promise<Map<string, Position>> {
  const laid = await runner.layout(toElkGraph(doc, sizes));
  return arrangeComponents(doc, positionsFromElk(laid), sizes);
}

const COMPONENT_GAP = 120;
const STACK_GAP = 60;

/**
 * ELK packs unconnected parts of a flow wherever they fit, which put steps not yet connected
 * above or onto the trigger. The trigger's part keeps its layout with the trigger at the top
 * left; every other part keeps its own shape and goes in a column to the right of it, top-aligned.
 */
export function arrangeComponents(doc: FlowDocument, positions: ReadonlyMap<string, Position>, sizes: ReadonlyMap<string, Size>, grid = 20): Map<string, Position> {
  const snap = (v: number) => Math.round(v / grid) * grid;
  const size = (id: string) => sizes.get(id) ?? FALLBACK;
  const neighbours = new Map<string, string[]>(doc.nodes.map((n) => [n.id, []]));
  for (const e of doc.edges) {
    neighbours.get(e.source)?.push(e.target);
    neighbours.get(e.target)?.push(e.source);
  }
  const seen = new Set<string>();
  const componentOf = (start: string) => {
    const out: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const id = stack.pop()!;
      out.push(id);
      for (const next of neighbours.get(id) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return out;
  };
  const trigger = doc.nodes.find((n) => n.type === 'trigger')?.id ?? doc.nodes[0]?.id;
  const components = trigger ? [componentOf(trigger)] : [];
  for (const n of doc.nodes) if (!seen.has(n.id)) components.push(componentOf(n.id));
  const box = (ids: string[]) => {
    const ps = ids.map((id) => ({ p: positions.get(id) ?? { x: 0, y: 0 }, s: size(id) }));
    return { x: Math.min(...ps.map((q) => q.p.x)), y: Math.min(...ps.map((q) => q.p.y)), right: Math.max(...ps.map((q) => q.p.x + q.s.width)), bottom: Math.max(...ps.map((q) => q.p.y + q.s.height)) };
  };
  const out = new Map<string, Position>();
  let column = 0;
  let stackY = 0;
  components.forEach((ids, i) => {
    const b = box(ids);
    const dx = i === 0 ? -b.x : column - b.x;
    const dy = i === 0 ? -b.y : stackY - b.y;
    for (const id of ids) {
      const p = positions.get(id) ?? { x: 0, y: 0 };
      out.set(id, { x: snap(p.x + dx), y: snap(p.y + dy) });
    }
    if (i === 0) column = snap(b.right - b.x + COMPONENT_GAP);
    else stackY = snap(stackY + b.bottom - b.y + STACK_GAP);
  });
  return out;
}
