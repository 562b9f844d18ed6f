// The benchmark's baseline: React Flow with default nodes and edges, nothing else. It draws the
// same generated flow as the editor (same count, same positions), at the editor's card size and
// first view (`x`, `y`, `zoom` from the bench), drawing only the nodes in view as the editor
// does on big flows, so the two are compared like for like.
import { Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './page.css';
import { createRoot } from 'react-dom/client';
import { generateFlow } from '../../../src-shared/flow/generator';

const params = new URLSearchParams(location.search);
const count = Number(params.get('nodes') ?? 1000);
const view = params.has('zoom') ? { x: Number(params.get('x')), y: Number(params.get('y')), zoom: Number(params.get('zoom')) } : null;
const doc = generateFlow({ nodes: count, seed: 42 });
// Known sizes and handles, as the editor gives its cards, so React Flow draws only the nodes in
// view from the first frame (without handles it draws every node once to measure them).
const handles = [
  { type: 'target' as const, position: Position.Top, x: 103, y: -3, width: 6, height: 6 },
  { type: 'source' as const, position: Position.Bottom, x: 103, y: 72, width: 6, height: 6 },
];
const nodes: Node[] = doc.nodes.map((n) => ({ id: n.id, position: n.position, width: 212, height: 75, handles, data: { label: n.data.label ?? n.type } }));
const edges: Edge[] = doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

createRoot(document.getElementById('root')!).render(
  <div style={{ width: '100vw', height: '100vh' }}>
    <ReactFlow defaultNodes={nodes} defaultEdges={edges} onlyRenderVisibleElements minZoom={0.1} {...(view ? { defaultViewport: view } : { fitView: true })} />
  </div>,
);
