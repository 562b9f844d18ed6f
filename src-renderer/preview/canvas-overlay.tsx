import type { Edge } from '@xyflow/react';
import { useMemo, useState, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LiveFigures, NodeOverlay } from './overlay-model';
import { useOptionalPreview, usePreviewApi } from './preview-context';
import type { LiveCount, PreviewState } from './preview-store';
import { formatCount } from './preview-format';

/** A journey's edge overlay; null for volumes, which the edges draw themselves (the canvas need not re-render). */
const selectJourneyEdges = (s: PreviewState) => {
  const edges = s.overlay?.edges;
  for (const id in edges) return edges[id]!.volume === null ? edges : null;
  return null;
};

/** This node's preview overlay, or undefined when not previewing (one shallow-compared object per node). */
export function useNodeOverlay(id: string): NodeOverlay | undefined {
  return useOptionalPreview(
    useShallow((s: PreviewState) => s.overlay?.nodes[id]),
    undefined,
  );
}

/** Classes a node card takes in preview mode. */
export function nodeOverlayClass(o: NodeOverlay | undefined): string {
  if (!o) return '';
  if (o.kind === 'journey') return ` preview-node preview-node--${o.role}`;
  return ` preview-node sim-node${o.entered === 0 ? ' sim-node--none' : ''}`;
}

/** The chip over a card: where the journey is, or how many users reached the node (click to list them). */
export function NodeOverlayBadge({ id, overlay }: { id: string; overlay: NodeOverlay | undefined }) {
  if (!overlay) return null;
  if (overlay.kind === 'journey') {
    if (overlay.role === 'idle') return null;
    const text = overlay.role === 'exited' ? 'Exited here' : overlay.role === 'current' ? (overlay.waiting ? 'Waiting here' : 'This step') : overlay.role === 'waiting' ? 'Waiting' : 'Done';
    return (
      <span className={`preview-chip preview-chip--${overlay.role}`} data-testid="preview-chip">
        {text}
      </span>
    );
  }
  return <PopulationBadge id={id} entered={overlay.entered} waiting={overlay.waiting} live={overlay.live} />;
}

/** Users (or, live, real contacts) who reached a node and wait there; live also those who left or failed there. Each count lists them. */
function PopulationBadge({ id, entered, waiting, live }: { id: string; entered: number; waiting: number; live: LiveFigures | undefined }) {
  const api = usePreviewApi();
  const open = (count: LiveCount) => (e: MouseEvent) => {
    e.stopPropagation();
    if (live) api.getState().live?.openDrill(id, count);
    else api.getState().openDrill(id);
  };
  const who = live ? 'Contacts' : 'Users';
  return (
    <span className="sim-badges" data-live={live ? 'true' : undefined}>
      <button type="button" className="sim-badge nodrag nopan" onClick={open('entered')} data-testid="sim-badge" data-node={id} title={live ? 'Contacts who reached this step. Click to list them.' : 'Users who reached this step by the time on the slider. Click to list them.'}>
        {formatCount(entered)}
      </button>
      {waiting > 0 &&
        (live ? (
          <button type="button" className="sim-badge sim-badge--waiting nodrag nopan" onClick={open('active')} title={`${who} waiting here now. Click to list them.`} data-testid="sim-waiting">
            {formatCount(waiting)} here
          </button>
        ) : (
          <span className="sim-badge sim-badge--waiting" title="Users waiting here at that instant" data-testid="sim-waiting">
            {formatCount(waiting)} here
          </span>
        ))}
      {live && live.exited > 0 && (
        <button type="button" className="sim-badge sim-badge--exited nodrag nopan" onClick={open('exited')} title="Contacts whose journey ended or exited here. Click to list them." data-testid="live-exited">
          {formatCount(live.exited)} left
        </button>
      )}
      {live && live.failed > 0 && (
        <button type="button" className="sim-badge sim-badge--failed nodrag nopan" onClick={open('failed')} title="Sends refused or journeys failed here. Click to list them." data-testid="live-failed">
          {formatCount(live.failed)} failed
        </button>
      )}
    </span>
  );
}

/**
 * The canvas's edges with a journey drawn on them: the path taken and the latest step. An edge
 * whose drawing did not change keeps its object, so React Flow re-renders only those. Volumes
 * (population and live runs) are drawn by each edge itself ({@link useEdgeVolume}): the array
 * then stays as it is, since a new one costs React Flow a pass over every edge of the flow
 * (about 100 ms a slider move on 5,000 steps).
 */
export function usePreviewEdges(edges: Edge[]): Edge[] {
  const overlay = useOptionalPreview(selectJourneyEdges, null);
  const [cache] = useState(() => new WeakMap<Edge, { key: string; out: Edge }>());
  return useMemo(() => {
    if (!overlay) return edges;
    return edges.map((edge) => {
      const o = overlay[edge.id];
      if (!o) return edge;
      const key = `${o.taken ? 1 : 0}${o.latest ? 1 : 0}`;
      const cached = cache.get(edge);
      if (cached?.key === key) return cached.out;
      const out = { ...edge, animated: o.latest, className: `${edge.className ?? ''} ${o.taken ? 'preview-edge--taken' : 'preview-edge--idle'}${o.latest ? ' preview-edge--latest' : ''}` };
      cache.set(edge, { key, out });
      return out;
    });
  }, [edges, overlay, cache]);
}

/** How an edge draws a run's volume: its count and a width class by share of the busiest edge. */
export interface EdgeVolume {
  count: string;
  width: 0 | 1 | 2 | 3 | 4;
}

/** This edge's volume in a population or live run, or undefined (editing, a journey). */
export function useEdgeVolume(id: string): EdgeVolume | undefined {
  return useOptionalPreview(
    useShallow((s: PreviewState) => {
      const o = s.overlay?.edges[id];
      if (!o || o.volume === null) return undefined;
      return { count: formatCount(o.volume), width: o.volume === 0 ? 0 : o.share > 0.66 ? 4 : o.share > 0.33 ? 3 : o.share > 0.1 ? 2 : 1 };
    }),
    undefined,
  );
}
