import type { Edge } from '@xyflow/react';
import { useMemo, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LiveFigures, NodeOverlay } from './overlay-model';
import { useOptionalPreview, usePreviewApi } from './preview-context';
import type { LiveCount, PreviewState } from './preview-store';
import { formatCount } from './preview-format';

const selectEdges = (s: PreviewState) => s.overlay?.edges ?? null;

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

/** The canvas's edges with the preview drawn on them: the path taken, or volumes with width by share. */
export function usePreviewEdges(edges: Edge[]): Edge[] {
  const overlay = useOptionalPreview(selectEdges, null);
  return useMemo(() => {
    if (!overlay) return edges;
    return edges.map((edge) => {
      const o = overlay[edge.id];
      if (!o) return edge;
      if (o.volume === null) {
        return { ...edge, animated: o.latest, className: `${edge.className ?? ''} ${o.taken ? 'preview-edge--taken' : 'preview-edge--idle'}${o.latest ? ' preview-edge--latest' : ''}` };
      }
      const width = o.volume === 0 ? 0 : o.share > 0.66 ? 4 : o.share > 0.33 ? 3 : o.share > 0.1 ? 2 : 1;
      const volume = formatCount(o.volume);
      return { ...edge, label: edge.label ? `${String(edge.label)} · ${volume}` : volume, className: `${edge.className ?? ''} sim-edge sim-edge--w${width}` };
    });
  }, [edges, overlay]);
}
