import { BaseEdge, getSmoothStepPath, Position, useStore, useStoreApi, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { useMemo } from 'react';
import { useEdgeVolume } from '../preview/canvas-overlay';
import { routeDown, type Box } from './edge-route';
import { selectReadable } from './zoom-detail';

/** Past this many steps, routing every edge around every card costs more than it helps. */
const MAX_ROUTED_NODES = 300;
// Routes depend on every card's place, so a routed edge follows all node changes; past the
// limit there is no route and an edge need not re-render whenever any node moves.
const selectNodes = (s: ReactFlowState) => (s.nodes.length > MAX_ROUTED_NODES ? null : s.nodes);

/**
 * An edge that goes around cards rather than behind them, with its label where it covers no
 * card (see edge-route.ts). Flows laid out across the page, and very large flows, get the plain
 * smooth-step shape. In a population or live preview it carries the run's volume: the count on
 * its label and a width by share.
 */
export function RoutedEdge(props: EdgeProps) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerEnd, markerStart, style, interactionWidth, labelStyle, labelShowBg, labelBgStyle, labelBgPadding, labelBgBorderRadius } = props;
  const nodes = useStore(selectNodes);
  const store = useStoreApi();
  const route = useMemo(() => {
    if (sourcePosition !== Position.Bottom || targetPosition !== Position.Top || !nodes) return null;
    const obstacles: Box[] = [];
    for (const n of store.getState().nodeLookup.values()) {
      if (n.id === source || n.id === target || n.hidden) continue;
      obstacles.push({ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 212, height: n.measured.height ?? 75 });
    }
    return routeDown({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, obstacles);
  }, [nodes, store, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition]);
  const [plainPath, plainX, plainY] = route ? ['', 0, 0] : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const volume = useEdgeVolume(id);
  // Zoomed out past reading, no label (see zoom-detail.ts).
  const labelsShown = useStore(selectReadable);
  const edge = (
    <BaseEdge
      id={id}
      path={route?.path ?? plainPath}
      labelX={route?.labelX ?? plainX}
      labelY={route?.labelY ?? plainY}
      label={!labelsShown ? undefined : volume ? (label ? `${String(label)} · ${volume.count}` : volume.count) : label}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgStyle={labelBgStyle}
      labelBgPadding={labelBgPadding}
      labelBgBorderRadius={labelBgBorderRadius}
      markerEnd={markerEnd}
      markerStart={markerStart}
      style={style}
      interactionWidth={interactionWidth}
    />
  );
  // A run's volume is drawn here, not through React Flow's edges (see usePreviewEdges).
  return volume ? <g className={`sim-edge sim-edge--w${volume.width}`}>{edge}</g> : edge;
}
