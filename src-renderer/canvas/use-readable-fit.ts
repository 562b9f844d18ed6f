import { getNodesBounds, useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Below this zoom the cards' text is unreadable, so the first view stops fitting everything. */
const minReadableZoom = 0.6;
const padding = 48;

/**
 * Whether fitting every node in a `width` × `height` view keeps the cards readable. A preview
 * refits only then: a 5,000-step flow fitted whole is a blur of a thousand cards that costs the
 * main thread hundreds of milliseconds a frame, so the view the user has stays.
 */
export function fitsReadably(nodes: Parameters<typeof getNodesBounds>[0], width: number, height: number): boolean {
  const bounds = getNodesBounds(nodes);
  const fitZoom = Math.min((width - padding * 2) / bounds.width, (height - padding * 2) / bounds.height);
  return fitZoom >= minReadableZoom * 0.75;
}

/**
 * The first view of a flow: everything, when that is still readable; otherwise the top of the
 * flow (its entry) at a readable zoom, centred across. The fit-view control still shows all.
 */
export function useReadableFit(): void {
  const initialised = useNodesInitialized();
  const { getNodes, setViewport } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const ready = useStore((state) => state.panZoom !== null);
  const done = useRef(false);

  useEffect(() => {
    if (!initialised || !ready || done.current || width === 0 || height === 0) return;
    done.current = true;
    const bounds = getNodesBounds(getNodes());
    const fitZoom = Math.min((width - padding * 2) / bounds.width, (height - padding * 2) / bounds.height, 1.1);
    const zoom = Math.max(fitZoom, Math.min(minReadableZoom, (width - padding * 2) / bounds.width));
    // Too wide to read across: start at the entry, readable, rather than at a blur of everything.
    const tooWide = zoom < minReadableZoom * 0.75;
    const entry = tooWide ? getNodes().find((node) => node.type === 'trigger') : undefined;
    if (entry) {
      const readable = minReadableZoom;
      void setViewport({ x: width / 2 - (entry.position.x + (entry.measured?.width ?? 0) / 2) * readable, y: padding - entry.position.y * readable, zoom: readable });
      return;
    }
    const x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
    const y = zoom > fitZoom ? padding - bounds.y * zoom : height / 2 - (bounds.y + bounds.height / 2) * zoom;
    void setViewport({ x, y, zoom });
  }, [initialised, ready, width, height, getNodes, setViewport]);
}
