import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { flowRepository } from '../db/flow-repository';
import type { FlowRecord } from '../db/schema';
import { useFlow } from '../db/use-flows';
import { createAutosave, type Autosave } from '../editor/autosave';
import { EditorStoreContext } from '../editor/editor-context';
import { createEditorStore, type EditorStore } from '../editor/editor-store';
import { createDraftStore, isRecoverable } from '../editor/drafts';
import { Inspector } from '../inspector/inspector';
import { PreviewStoreContext } from '../preview/preview-context';
import { PreviewDock } from '../preview/preview-dock';
import { PreviewPanel } from '../preview/preview-panel';
import { usePreviewSession } from '../preview/preview-session';
import { navigate } from '../ui/use-route';
import { CanvasNotice } from './canvas-notice';
import { EditorTopbar } from './editor-topbar';
import { FlowCanvas } from './flow-canvas';
import { Palette } from './palette';
import { ProblemsPanel } from './problems-panel';
import { useEditorShortcuts } from './use-editor-shortcuts';

const drafts = createDraftStore(typeof localStorage === 'undefined' ? undefined : localStorage);

/** The store for one opened flow; work left in a draft by a crash or a closed window comes back as one undoable step. */
function openSession(record: FlowRecord): { store: EditorStore; recovered: boolean } {
  const store = createEditorStore(record.document);
  const draft = drafts.read(record.id);
  const recovered = isRecoverable(draft, record);
  if (recovered) {
    store.getState().commit(draft.document, { capture: 'immediately' });
    store.getState().notify('Recovered the changes you made before the app closed. Undo to discard them.', 'info');
  } else if (draft) {
    drafts.clear(record.id);
  }
  return { store, recovered };
}

function EditorSession({ record }: { record: FlowRecord }) {
  const [{ store, recovered }] = useState(() => openSession(record));
  const autosave = useRef<Autosave | null>(null);
  const known = useRef(record.updatedAt);

  useEffect(() => {
    const saver = createAutosave({ store, drafts, dirty: recovered, save: (doc, updatedAt) => flowRepository.save(doc, updatedAt) });
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

  const save = useCallback(() => void autosave.current?.flush(), []);
  useEditorShortcuts(store, save);
  const preview = usePreviewSession(record.document);
  const previewing = useStore(preview, (s) => s.mode === 'preview');

  return (
    <EditorStoreContext.Provider value={store}>
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
              {previewing ? <PreviewPanel /> : <Inspector />}
            </div>
          </div>
        </ReactFlowProvider>
      </PreviewStoreContext.Provider>
    </EditorStoreContext.Provider>
  );
}

/** One flow, opened from the list, in the editor. */
export function FlowScreen({ id }: { id: string }) {
  const flow = useFlow(id);
  if (flow === undefined) return <div className="screen" />;
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
  return <EditorSession record={flow} />;
}
