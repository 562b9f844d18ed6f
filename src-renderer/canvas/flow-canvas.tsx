import { Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { FlowDocument, Problem } from '../../src-shared/flow/index';
import { nodeTypes } from './nodes/node-types';
import { toReactFlow, type CanvasNode } from './to-react-flow';
import { useReadableFit } from './use-readable-fit';

const defaultEdgeOptions: Partial<Edge> = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
// SVG attributes cannot hold var(); a class lets CSS colour the minimap by kind.
const minimapClass = (node: CanvasNode) => `minimap-node--${node.type ?? 'end'}`;

function InitialView() {
  useReadableFit();
  return null;
}

/**
 * The flow drawn read-only: panning, zooming and selecting only, nothing to drag or connect.
 * Uncontrolled on purpose (React Flow keeps measured sizes itself); the parent remounts it
 * with a new key when the stored document changes.
 */
export function FlowCanvas({ document, problems }: { document: FlowDocument; problems: readonly Problem[] }) {
  const { nodes, edges } = useMemo(() => toReactFlow(document, problems), [document, problems]);
  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow<CanvasNode>
        defaultNodes={nodes}
        defaultEdges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        colorMode="system"
        fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
        minZoom={0.2}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        edgesFocusable={false}
        deleteKeyCode={null}
      >
        <InitialView />
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <MiniMap<CanvasNode> pannable zoomable nodeClassName={minimapClass} nodeStrokeWidth={0} ariaLabel="Flow overview" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
