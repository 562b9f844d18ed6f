import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { flowRepository } from '../db/flow-repository';
import type { FlowRecord } from '../db/schema';
import { useFlow } from '../db/use-flows';
import { createAutosave, type Autosave } from './autosave';
import { EditorStoreContext, SavedFlowContext } from './editor-context';
import { createEditorStore, type EditorStore } from './editor-store';
import { isRecoverable, type Draft } from './drafts';
import { draftRepository } from '../db/draft-repository';
import { legacyDrafts, useRecoveryDraft } from '../db/use-recovery-draft';
import { Inspector } from '../inspector/inspector';
import { PreviewStoreContext } from '../preview/preview-context';
import { PreviewDock } from '../preview/preview-dock';
import { usePreviewSession } from '../preview/preview-session';
import { navigate } from '../ui/use-route';
import { CanvasNotice } from '../canvas/canvas-notice';
import { EditorTopbar } from './editor-topbar';
import { FlowCanvas } from '../canvas/flow-canvas';
import { Palette } from '../canvas/palette';
import { ProblemsPanel } from '../canvas/problems-panel';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { lazyPart } from '../ui/lazy-part';
import { whenIdle } from '../ui/when-idle';
import { CHECK_AFTER_OPEN_FROM } from './use-problems';

// The preview and live panels are chunks of their own, fetched once the editor has drawn its
// first frame: opening a flow parses and runs only what that frame shows.
const PreviewPanel = lazyPart(() => import('../preview/preview-panel').then((m) => m.PreviewPanel), <aside className="inspector preview-panel" />);
const LivePanel = lazyPart(() => import('../live/live-panel').then((m) => m.LivePanel), <aside className="inspector preview-panel live-panel" />);

/** Recoveries already recorded as versions (React's strict mode opens a session twice). */
const recorded = new Set<string>();

/**
 * The store for one opened flow; work left in a draft by a crash or a closed window comes back
 * as one undoable step, and is kept as a version.
 */
function openSession(record: FlowRecord, draft: Draft | null): { store: EditorStore; recovered: boolean } {
  const store = createEditorStore(record.document);
  const recovered = isRecoverable(draft, record);
  if (recovered) {
    store.getState().commit(draft.document, { capture: 'immediately' });
    store.getState().notify('Recovered the changes you made before the app closed. Undo to discard them; they are also kept in History.', 'info');
    const key = `${record.id}:${draft.savedAt}`;
    if (!recorded.has(key)) {
      recorded.add(key);
      void flowRepository.recordRecovery(draft.document);
    }
  }
  legacyDrafts.clear(record.id);
  if (!recovered && draft) draftRepository.clear(record.id);
  return { store, recovered };
}

function EditorSession({ record, draft }: { record: FlowRecord; draft: Draft | null }) {
  const [{ store, recovered }] = useState(() => openSession(record, draft));
  const autosave = useRef<Autosave | null>(null);
  const known = useRef(record.updatedAt);

  useEffect(() => {
    // draftEveryMs 0: the draft is written within each edit, so a crash right after typing loses nothing.
    const saver = createAutosave({ store, drafts: draftRepository, draftEveryMs: 0, dirty: recovered, save: (doc, updatedAt) => flowRepository.save(doc, updatedAt) });
    autosave.current = saver;
    const hide = () => {
      saver.flushDraft();
      void saver.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && hide();
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', onVisibility);
      void saver.flush().finally(() => saver.dispose());
    };
  }, [store, recovered]);

  // Another window, or an import of the same flow, wrote it: show that, not a stale copy.
  useEffect(() => {
    if (record.updatedAt === known.current) return;
    known.current = record.updatedAt;
    if (autosave.current?.isOwnWrite(record.updatedAt)) return;
    store.getState().load(record.document);
    store.getState().notify('This flow was changed elsewhere (an import or another window); showing the latest.', 'info');
  }, [record, store]);

  // Fetched once the flow is on screen, so switching to preview shows the panel at once.
  useEffect(() => whenIdle(() => void Promise.all([PreviewPanel.preload(), LivePanel.preload()]).catch(() => {})), []);
  // A big flow's recovery drafts get their base while nobody is typing, not on the first key.
  useEffect(() => {
    if (store.getState().doc.nodes.length <= CHECK_AFTER_OPEN_FROM) return;
    return whenIdle(() => draftRepository.prepare(record.id, store.getState().doc), 3000);
  }, [store, record.id]);

  const save = useCallback(() => void autosave.current?.flush(), []);
  useEditorShortcuts(store, save);
  const preview = usePreviewSession(record.document);
  const mode = useStore(preview, (s) => s.mode);
  const previewing = mode !== 'edit';

  return (
    <EditorStoreContext.Provider value={store}>
      <SavedFlowContext.Provider value={record.document}>
        <PreviewStoreContext.Provider value={preview}>
          <ReactFlowProvider>
            <div className={`screen flow-editor${previewing ? ' is-previewing' : ''}`} data-testid="editor">
              <EditorTopbar onBack={() => void autosave.current?.flush().finally(() => navigate({ screen: 'flows' }))} />
              <div className="flow-editor__body">
                {!previewing && <Palette />}
                <main className="flow-editor__main">
                  <div className="flow-body">
                    <FlowCanvas />
                    <CanvasNotice />
                  </div>
                  <ProblemsPanel />
                  <PreviewDock />
                </main>
                {mode === 'live' ? <LivePanel /> : previewing ? <PreviewPanel /> : <Inspector />}
              </div>
            </div>
          </ReactFlowProvider>
        </PreviewStoreContext.Provider>
      </SavedFlowContext.Provider>
    </EditorStoreContext.Provider>
  );
}

/** One flow, opened from the list, in the editor. */
export function FlowScreen({ id }: { id: string }) {
  const flow = useFlow(id);
  const draft = useRecoveryDraft(id);
  if (flow === undefined || draft === undefined) return <div className="screen" />;
  if (flow === null) {
    return (
      <div className="screen screen--center">
        <div className="missing">
          <h1 className="page-title">This flow no longer exists</h1>
          <p className="muted">It may have been deleted in another window.</p>
          <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'flows' })}>
            Back to flows
          </button>
        </div>
      </div>
    );
  }
  return <EditorSession key={flow.id} record={flow} draft={draft} />;
}
