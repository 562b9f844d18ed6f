import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStoreApi,
  type Connection as RfConnection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isNodeKind, type Position } from '../../src-shared/flow/index';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { summariseByNode } from '../editor/problems';
import { useProblems } from '../editor/use-problems';
import { usePreviewEdges } from '../preview/canvas-overlay';
import { ExitsLane } from '../preview/exits-lane';
import { ConnectionHint } from './connection-hint';
import { EDGE_ARROW, EdgeArrowDefs } from './edge-arrow';
import { withDragPositions } from './drag-overlay';
import { nodeTypes } from './nodes/node-types';
import { PALETTE_MIME } from './palette';
import { RoutedEdge } from './routed-edge';
import { createCanvasProjection, type CanvasNode } from './to-react-flow';
import { readableView, useReadableFit, type PlannedView } from './use-readable-fit';
import { fitsOnlyUnreadable } from './zoom-detail';
import { MinimapIcon } from '../ui/icons';

export const GRID = 20;
const CARD_WIDTH = 212;

const edgeTypes = { routed: RoutedEdge };
// By id, not as a marker object: see edge-arrow.tsx.
const defaultEdgeOptions: Partial<Edge> = { markerEnd: EDGE_ARROW };
// SVG attributes cannot hold var(); a class lets CSS colour the minimap by kind.
const minimapClass = (node: CanvasNode) => `minimap-node--${node.type ?? 'end'}`;
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
const panButtons = [1, 2];
// Module constants, not literals: React Flow copies a changed `snapGrid` into its store, which
// re-runs every subscriber, on each render of the canvas (each drag event).
const snapGrid: [number, number] = [GRID, GRID];
const proOptions = { hideAttribution: true };
/**
 * Flows up to this size open with the overview map shown. React Flow's map draws (and
 * subscribes) one element per step: on 5,000 steps it made opening the flow take 1.4x as long
 * and ran 5,000 selectors on every canvas change. Bigger flows open without it; the button
 * shows it.
 */
const MINIMAP_DEFAULT_MAX = 1_000;

const selectView = (s: EditorState) => ({ doc: s.doc, selection: s.selection, direction: s.direction, focus: s.focus, fitRequest: s.fitRequest });

function InitialView({ planned }: { planned: PlannedView | null }) {
  useReadableFit(planned);
  return null;
}

/** The edge under a point, if any (wide invisible paths make edges easy to hit). */
function edgeAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const edge = el.closest('.react-flow__edge');
    if (edge) return edge.getAttribute('data-id');
    if (el.closest('.react-flow__node')) return null;
  }
  return null;
}

function markDropTarget(edgeId: string | null) {
  document.querySelectorAll('.react-flow__edge.is-drop-target').forEach((el) => el.classList.remove('is-drop-target'));
  if (edgeId) document.querySelector(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"]`)?.classList.add('is-drop-target');
}

/**
 * The editable canvas. Controlled by the editor store: every change goes through its pure
 * edit operations; React Flow only reports gestures. Unchanged nodes keep their objects
 * (see createCanvasProjection), and a drag moves its nodes on the canvas only until it ends,
 * when the document takes the new positions as one undoable step (see drag-overlay.ts).
 */
export function FlowCanvas() {
  const api = useEditorApi();
  const { doc, selection, direction, focus, fitRequest } = useEditor(useShallow(selectView));
  const problems = useProblems();
  const { screenToFlowPosition, getInternalNode, setCenter, getZoom, fitView, getNodes, setViewport } = useReactFlow();
  const [project] = useState(createCanvasProjection);
  const [showMinimap, setShowMinimap] = useState(() => api.getState().doc.nodes.length <= MINIMAP_DEFAULT_MAX);
  const [measured, setMeasured] = useState(() => new Map<string, { width: number; height: number }>());
  const byNode = useMemo(() => summariseByNode(problems), [problems]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const { nodes, edges } = useMemo(
    () => project({ doc, selectedNodes, selectedEdges, problems: byNode, direction, measured }),
    [project, doc, selectedNodes, selectedEdges, byNode, direction, measured],
  );
  // Where a drag in progress has moved nodes. Until it ends they go to React Flow's own store,
  // as they would in an uncontrolled flow: nothing else re-renders on a mouse move. The
  // document gets them when the drag ends, as one undoable step.
  const dragRef = useRef<Map<string, Position> | null>(null);
  const rf = useStoreApi<CanvasNode>();
  // The canvas re-rendered mid-drag (new problems, say): the dragged nodes stay where the pointer is.
  useEffect(() => {
    if (dragRef.current) rf.getState().setNodes(withDragPositions(nodes, dragRef.current));
  }, [rf, nodes]);
  const shownEdges = usePreviewEdges(edges);
  // The first view, worked out from the canvas's own size before React Flow mounts: React Flow
  // then draws only the nodes of that view, not first those at the origin and then these.
  const canvasRef = useRef<HTMLDivElement>(null);
  const [firstView, setFirstView] = useState<PlannedView | 'measuring' | null>('measuring');
  useLayoutEffect(() => {
    if (firstView !== 'measuring') return;
    const width = canvasRef.current?.offsetWidth ?? 0;
    const height = canvasRef.current?.offsetHeight ?? 0;
    setFirstView(width > 0 && height > 0 && nodes.length ? { viewport: readableView(nodes, width, height), width, height } : null);
  }, [firstView, nodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions = new Map<string, Position>();
      let moving: Map<string, Position> | null = null;
      let dragEnded = false;
      let sizes: Map<string, { width: number; height: number }> | null = null;
      let nextSelection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position') {
          const at = change.position && { x: change.position.x, y: change.position.y };
          // Mid-drag moves stay on the canvas; the end of the drag (and a keyboard move) commits.
          if (at && change.dragging === true) (moving ??= new Map(dragRef.current)).set(change.id, at);
          else if (at) positions.set(change.id, at);
          if (change.dragging === false) dragEnded = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes ??= new Map();
          sizes.set(change.id, change.dimensions);
        } else if (change.type === 'select') {
          nextSelection ??= new Set(api.getState().selection.nodes);
          if (change.selected) nextSelection.add(change.id);
          else nextSelection.delete(change.id);
        }
      }
      if (moving) {
        dragRef.current = moving;
        rf.getState().setNodes(withDragPositions(rf.getState().nodes, moving));
      }
      if (positions.size || dragEnded) {
        const all = new Map([...(dragRef.current ?? []), ...positions]);
        dragRef.current = null;
        api.getState().moveNodes(all, dragEnded);
      }
      if (nextSelection) {
        const state = api.getState();
        const ordered = state.doc.nodes.filter((n) => nextSelection!.has(n.id)).map((n) => n.id);
        state.select({ nodes: ordered, edges: state.selection.edges });
      }
      if (sizes) {
        const updates = sizes;
        setMeasured((current) => {
          const next = new Map(current);
          for (const [id, size] of updates) next.set(id, size);
          return next;
        });
      }
    },
    [api, rf],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let next: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        next ??= new Set(api.getState().selection.edges);
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      if (next) {
        const state = api.getState();
        state.select({ nodes: state.selection.nodes, edges: state.doc.edges.filter((e) => next!.has(e.id)).map((e) => e.id) });
      }
    },
    [api],
  );

  const asConnection = (c: RfConnection | Edge) => ({ source: c.source, sourceHandle: c.sourceHandle ?? 'next', target: c.target });
  const onConnect = useCallback((c: RfConnection) => void api.getState().connect(asConnection(c)), [api]);
  const isValidConnection = useCallback((c: RfConnection | Edge) => api.getState().checkConnection(asConnection(c)).ok, [api]);
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode || !state.fromHandle) return;
      const from = state.fromHandle.type === 'source' ? { node: state.fromNode.id, handle: state.fromHandle.id } : { node: state.toNode.id, handle: state.toHandle?.id };
      const target = state.fromHandle.type === 'source' ? state.toNode.id : state.fromNode.id;
      const check = api.getState().checkConnection({ source: from.node, sourceHandle: from.handle ?? 'next', target });
      if (!check.ok) api.getState().notify(check.reason, 'refusal');
    },
    [api],
  );
  const onNodeDragStop = useCallback(() => api.getState().settle(), [api]);
  const onPaneClick = useCallback(() => api.getState().select({ nodes: [], edges: [] }), [api]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    markDropTarget(edgeAt(event.clientX, event.clientY));
  }, []);
  const onDragLeave = useCallback(() => markDropTarget(null), []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      markDropTarget(null);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const edgeId = edgeAt(event.clientX, event.clientY);
      if (edgeId) return void api.getState().insertOnEdge(edgeId, kind);
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const snap = (v: number) => Math.round(v / GRID) * GRID;
      api.getState().addNode(kind, { x: snap(at.x - CARD_WIDTH / 2), y: snap(at.y - 24) });
    },
    [api, screenToFlowPosition],
  );

  // The problems panel (and others) ask for a node to be brought into view.
  useEffect(() => {
    if (!focus) return;
    const node = getInternalNode(focus.nodeId);
    if (!node) return;
    const { width = CARD_WIDTH, height = 72 } = node.measured;
    void setCenter(node.internals.positionAbsolute.x + width / 2, node.internals.positionAbsolute.y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 280 });
  }, [focus, getInternalNode, setCenter, getZoom]);

  // After an auto-layout: runs once React Flow has the new positions (child effects run first).
  // The whole flow, unless fitting it would draw its cards without text (zoom-detail.ts): then
  // its entry at a readable zoom, as on opening (5,000 steps fitted whole are ~600 boxes).
  useEffect(() => {
    if (!fitRequest) return;
    const width = canvasRef.current?.offsetWidth ?? 0;
    const height = canvasRef.current?.offsetHeight ?? 0;
    const nodes = getNodes();
    if (fitsOnlyUnreadable(nodes, width, height)) void setViewport(readableView(nodes, width, height), { duration: 250 });
    else void fitView({ padding: 0.15, duration: 250, maxZoom: 1 });
  }, [fitRequest, fitView, getNodes, setViewport]);

  return (
    <div ref={canvasRef} className="canvas" data-testid="canvas" onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      {firstView !== 'measuring' && (
        <ReactFlow<CanvasNode>
          nodes={nodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStop={onNodeDragStop}
          onPaneClick={onPaneClick}
          defaultEdgeOptions={defaultEdgeOptions}
          connectionLineType={ConnectionLineType.SmoothStep}
          colorMode="system"
          minZoom={0.1}
          maxZoom={2}
          snapToGrid
          snapGrid={snapGrid}
          selectionOnDrag
          selectionMode={SelectionMode.Partial}
          panOnDrag={panButtons}
          panOnScroll
          multiSelectionKeyCode={multiSelectKeys}
          deleteKeyCode={null}
          elevateEdgesOnSelect
          onlyRenderVisibleElements={doc.nodes.length > 300}
          connectionRadius={28}
          proOptions={proOptions}
          defaultViewport={typeof firstView === 'object' ? firstView?.viewport : undefined}
        >
          <InitialView planned={typeof firstView === 'object' ? firstView : null} />
          <EdgeArrowDefs />
          <ConnectionHint />
          <ExitsLane />
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
          {showMinimap && <MiniMap<CanvasNode> pannable zoomable nodeClassName={minimapClass} nodeStrokeWidth={0} ariaLabel="Flow overview" style={{ width: 168, height: 112 }} />}
          <Controls showInteractive={false} aria-label="Zoom controls">
            <ControlButton onClick={() => setShowMinimap((v) => !v)} aria-label={showMinimap ? 'Hide overview map' : 'Show overview map'} title={showMinimap ? 'Hide overview map' : 'Show overview map'} aria-pressed={showMinimap}>
              <MinimapIcon size={14} strokeWidth={2} />
            </ControlButton>
          </Controls>
        </ReactFlow>
      )}
    </div>
  );
}
