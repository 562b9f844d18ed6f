import { useNodesInitialized, useReactFlow, useStore, type Node, type Viewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Below this zoom the cards' text is unreadable, so the first view stops fitting everything. */
const minReadableZoom = 0.6;
const padding = 48;

type Rect = { x: number; y: number; width: number; height: number };

/**
 * The box around `nodes`, as React Flow's getNodesBounds gives it for nodes without parents at
 * the default origin (the canvas's), in one pass without an object per node: on a 5,000-step
 * flow getNodesBounds took ~13 ms of the open.
 */
export function nodesBounds(nodes: readonly Pick<Node, 'position' | 'measured' | 'width' | 'height' | 'initialWidth' | 'initialHeight'>[]): Rect {
  if (nodes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const { x, y } = node.position;
    const width = node.measured?.width ?? node.width ?? node.initialWidth ?? 0;
    const height = node.measured?.height ?? node.height ?? node.initialHeight ?? 0;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x + width > maxX) maxX = x + width;
    if (y + height > maxY) maxY = y + height;
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Whether fitting every node in a `width` × `height` view keeps the cards readable. A preview
 * refits only then: a 5,000-step flow fitted whole is a blur of a thousand cards that costs the
 * main thread hundreds of milliseconds a frame, so the view the user has stays.
 */
export function fitsReadably(nodes: Node[], width: number, height: number): boolean {
  return fitZoomOf(nodes, width, height) >= minReadableZoom * 0.75;
}

/** The zoom that fits every node in a `width` × `height` view (with the first view's padding). */
export function fitZoomOf(nodes: Node[], width: number, height: number): number {
  const bounds = nodesBounds(nodes);
  return Math.min((width - padding * 2) / bounds.width, (height - padding * 2) / bounds.height);
}


/**
 * The first view of a flow in a `width` × `height` canvas: everything, when that is still
 * readable; otherwise the top of the flow (its entry) at a readable zoom, centred across.
 */
export function readableView(nodes: Node[], width: number, height: number): Viewport {
  const bounds = nodesBounds(nodes);
  const fitZoom = Math.min((width - padding * 2) / bounds.width, (height - padding * 2) / bounds.height, 1.1);
  const zoom = Math.max(fitZoom, Math.min(minReadableZoom, (width - padding * 2) / bounds.width));
  // Too wide to read across: start at the entry, readable, rather than at a blur of everything.
  const tooWide = zoom < minReadableZoom * 0.75;
  const entry = tooWide ? nodes.find((node) => node.type === 'trigger') : undefined;
  if (entry) {
    const readable = minReadableZoom;
    return { x: width / 2 - (entry.position.x + (entry.measured?.width ?? 0) / 2) * readable, y: padding - entry.position.y * readable, zoom: readable };
  }
  const x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const y = zoom > fitZoom ? padding - bounds.y * zoom : height / 2 - (bounds.y + bounds.height / 2) * zoom;
  return { x, y, zoom };
}

/** A first view worked out before React Flow mounted, for a canvas of that size. */
export interface PlannedView {
  viewport: Viewport;
  width: number;
  height: number;
}

/**
 * Moves to the readable first view (see readableView) once React Flow knows its size. The
 * editor's canvas usually starts there already (`planned`, given as `defaultViewport`, so that
 * only the nodes of that view are ever drawn); this moves only when the canvas could not
 * measure itself first or React Flow found another size.
 */
export function useReadableFit(planned: PlannedView | null = null): void {
  const initialised = useNodesInitialized();
  const { getNodes, setViewport } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const ready = useStore((state) => state.panZoom !== null);
  const done = useRef(false);

  useEffect(() => {
    if (!initialised || !ready || done.current || width === 0 || height === 0) return;
    done.current = true;
    if (planned && planned.width === width && planned.height === height) return;
    void setViewport(readableView(getNodes(), width, height));
  }, [initialised, ready, width, height, getNodes, setViewport, planned]);
}
