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
      .filter((edge) => doc.nodes.some((n) => n.id === edge.source) && doc.nodes.some((n) => n.id === edge.target))
      .map((edge) => ({ id: edge.id, sources: [`${edge.source}::${edge.sourceHandle}`], targets: [`${edge.target}::in`] })),
  };
}

/** Where ELK put each node, snapped to the grid. */
export function positionsFromElk(graph: ElkNode, grid = 20): Map<string, Position> {
  const snap = (v: number) => Math.round(v / grid) * grid;
  return new Map((graph.children ?? []).map((child) => [child.id, { x: snap(child.x ?? 0), y: snap(child.y ?? 0) }]));
}

/** Lays the flow out top to bottom with elkjs (loaded on first use: it is large). */
export async function layoutFlow(doc: FlowDocument, sizes: ReadonlyMap<string, Size>): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const laid = await new ELK().layout(toElkGraph(doc, sizes));
  return positionsFromElk(laid);
}
