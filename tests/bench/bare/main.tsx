// The benchmark's baseline: React Flow with default nodes and edges, nothing else. It draws the
// same generated flow as the editor (same count, same positions), so the two can be compared.
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { generateFlow } from '../../../src-shared/flow/generator';

const count = Number(new URLSearchParams(location.search).get('nodes') ?? 1000);
const doc = generateFlow({ nodes: count, seed: 42 });
const nodes: Node[] = doc.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.data.label ?? n.type } }));
const edges: Edge[] = doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

createRoot(document.getElementById('root')!).render(
  <div style={{ width: '100vw', height: '100vh' }}>
    <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView />
  </div>,
);
