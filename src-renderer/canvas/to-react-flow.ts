import type { Edge, Node } from '@xyflow/react';
import { nodeDefinitions, type FlowDocument, type FlowNode, type NodeKind, type Problem } from '../../src-shared/flow/index';

/** Which way the flow reads; handles sit on the matching sides of the cards. */
export type FlowDirection = 'down' | 'right';

export type CanvasNodeData = {
  kind: NodeKind;
  title: string;
  label: string;
  summary: string;
  outputs: { id: string; label: string }[];
  direction: FlowDirection;
  errors: number;
  warnings: number;
};

export type CanvasNode = Node<CanvasNodeData, NodeKind>;

type Campaign = FlowDocument['campaign'];

// The registry is keyed by kind; a node's data always matches its own kind's definition.
function describe(node: FlowNode, campaign: Campaign) {
  const definition = nodeDefinitions[node.type] as unknown as {
    title: string;
    outputs(data: unknown): { id: string; label: string }[];
    summary(data: unknown, campaign: Campaign): string;
  };
  return { title: definition.title, outputs: definition.outputs(node.data), summary: definition.summary(node.data, campaign) };
}

/** Down when edges mostly travel down the page, right when they mostly travel across. */
export function flowDirection(doc: Pick<FlowDocument, 'nodes' | 'edges'>): FlowDirection {
  const at = new Map(doc.nodes.map((node) => [node.id, node.position]));
  let dx = 0;
  let dy = 0;
  for (const edge of doc.edges) {
    const from = at.get(edge.source);
    const to = at.get(edge.target);
    if (!from || !to) continue;
    dx += Math.abs(to.x - from.x);
    dy += Math.abs(to.y - from.y);
  }
  return dx > dy ? 'right' : 'down';
}

/**
 * Turns a flow document into React Flow's nodes and edges for a read-only canvas. Edges are
 * labelled with their output's name unless it is the plain `next`.
 */
export function toReactFlow(doc: FlowDocument, problems: readonly Problem[] = []): { nodes: CanvasNode[]; edges: Edge[] } {
  const direction = flowDirection(doc);
  const outputsById = new Map<string, { id: string; label: string }[]>();
  const nodes = doc.nodes.map((node): CanvasNode => {
    const { title, outputs, summary } = describe(node, doc.campaign);
    outputsById.set(node.id, outputs);
    const own = problems.filter((problem) => problem.nodeId === node.id);
    return {
      id: node.id,
      type: node.type,
      position: node.position,
      data: {
        kind: node.type,
        title,
        label: node.data.label?.trim() || title,
        summary,
        outputs,
        direction,
        errors: own.filter((problem) => problem.severity === 'error').length,
        warnings: own.filter((problem) => problem.severity === 'warning').length,
      },
    };
  });
  const edges = doc.edges.map((edge): Edge => {
    const handle = edge.sourceHandle || 'next';
    const label = handle === 'next' ? undefined : (outputsById.get(edge.source)?.find((output) => output.id === handle)?.label ?? handle);
    return {
      id: edge.id,
      source: edge.source,
      sourceHandle: handle,
      target: edge.target,
      type: 'smoothstep',
      label,
      labelBgPadding: [6, 3],
      labelBgBorderRadius: 4,
      className: `edge--${handle}`,
    };
  });
  return { nodes, edges };
}
