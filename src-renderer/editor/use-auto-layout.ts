import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LayoutCancelled, layoutFlow, workerLayout } from '../canvas/auto-layout';
import type { EditorStore } from './editor-store';

/** How long a layout runs before the top bar says so (and offers Cancel): small flows take a blink. */
export const LAYOUT_SHOWN_AFTER_MS = 300;

export interface AutoLayout {
  /** Steps being arranged, once it has taken longer than a blink; null otherwise. */
  running: { steps: number } | null;
  busy: boolean;
  start(): void;
  cancel(): void;
}

/**
 * Auto-layout of the open flow: ELK works in a Web Worker (a 5,000-step flow takes it 17-28 s,
 * and the page stays usable meanwhile), the top bar shows progress with Cancel, and the result
 * is applied only to the document it was worked out for: if the flow changed meanwhile, nothing
 * is moved and the notice says so.
 */
export function useAutoLayout(api: EditorStore): AutoLayout {
  const { getNodes } = useReactFlow();
  // One worker for the editor's layouts; cancelling ends it, and so does closing the editor.
  const [worker] = useState(workerLayout);
  const active = useRef(false);
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<{ steps: number } | null>(null);

  useEffect(() => () => worker.cancel(), [worker]);

  const start = useCallback(() => {
    if (active.current) return;
    const doc = api.getState().doc;
    const sizes = new Map(getNodes().map((n) => [n.id, { width: n.measured?.width ?? 212, height: n.measured?.height ?? 72 }]));
    active.current = true;
    setBusy(true);
    const shown = setTimeout(() => setRunning({ steps: doc.nodes.length }), LAYOUT_SHOWN_AFTER_MS);
    void layoutFlow(doc, sizes, worker)
      .then((positions) => {
        if (api.getState().doc === doc) api.getState().applyLayout(positions);
        else api.getState().notify('The flow changed while its layout was worked out, so nothing was moved. Run Auto-layout again to arrange it.', 'info');
      })
      .catch((e: unknown) => {
        if (e instanceof LayoutCancelled) return;
        api.getState().notify(`Auto-layout failed: ${e instanceof Error ? e.message : String(e)}. Nothing was moved.`, 'refusal');
      })
      .finally(() => {
        clearTimeout(shown);
        active.current = false;
        setBusy(false);
        setRunning(null);
      });
  }, [api, getNodes, worker]);

  return { running, busy, start, cancel: worker.cancel };
}
