import type { FlowDocument } from '../../src-shared/flow/index';
import type { DraftStore } from './drafts';
import type { EditorStore } from './editor-store';

export interface AutosaveOptions {
  store: EditorStore;
  /** Writes the document in one transaction, stamped `updatedAt`. */
  save: (doc: FlowDocument, updatedAt: number) => Promise<unknown>;
  /** `release`, when given, is called as the editor closes with nothing left unsaved (the drafts' base is no longer needed). */
  drafts: Pick<DraftStore, 'write' | 'clear'> & { release?: (flowId: string) => void };
  clock?: () => number;
  /** Quiet time after the last edit before saving. */
  delayMs?: number;
  /** Most time between two draft writes while edits keep coming; 0: the draft is written within the edit itself. */
  draftEveryMs?: number;
  /** The document is not saved yet (recovered from a draft): save it soon. */
  dirty?: boolean;
}

/**
 * Saves the open flow as it is edited: a draft at once (crash recovery), the database after a
 * quiet moment. One save at a time; edits made during a save are saved right after it. Loading
 * a document is not an edit and is never saved back.
 */
export function createAutosave({ store, save, drafts, clock = Date.now, delayMs = 800, draftEveryMs = 100, dirty = false }: AutosaveOptions) {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let lastDraftAt = -Infinity;
  let savedRevision = dirty ? -1 : store.getState().revision;
  let saving: Promise<void> | null = null;
  /** `updatedAt` stamps of our own writes, so the editor can tell them from other windows' writes. */
  const ownWrites = new Set<number>();
  let disposed = false;

  const flowId = () => store.getState().doc.campaign.id;

  const writeDraft = () => {
    draftTimer = undefined;
    lastDraftAt = clock();
    const { doc, revision } = store.getState();
    if (revision !== savedRevision) drafts.write({ flowId: doc.campaign.id, savedAt: clock(), document: doc });
  };

  const scheduleDraft = () => {
    if (draftEveryMs <= 0) return writeDraft();
    if (draftTimer !== undefined) return;
    const wait = Math.max(0, lastDraftAt + draftEveryMs - clock());
    draftTimer = setTimeout(writeDraft, wait);
  };

  const run = async (): Promise<void> => {
    const { doc, revision } = store.getState();
    if (revision === savedRevision) {
      store.getState().setSaveStatus('saved');
      return;
    }
    store.getState().setSaveStatus('saving');
    let updatedAt = clock();
    while (ownWrites.has(updatedAt)) updatedAt++;
    ownWrites.add(updatedAt);
    const started = performance.now();
    try {
      await save(doc, updatedAt);
      performance.measure('cs:autosave', { start: started, end: performance.now() });
      savedRevision = revision;
      if (store.getState().revision === revision) {
        drafts.clear(doc.campaign.id);
        store.getState().setSaveStatus('saved');
      } else {
        store.getState().setSaveStatus('pending');
        schedule();
      }
    } catch {
      store.getState().setSaveStatus('failed');
    }
  };

  const flush = (): Promise<void> => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (saving) return saving.then(() => (store.getState().revision !== savedRevision ? flush() : undefined));
    saving = run().finally(() => {
      saving = null;
    });
    return saving;
  };

  function schedule() {
    if (disposed) return;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flush(), delayMs);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    // A drag has ended: the draft skipped while it moved (below) is written now.
    if (previous.pending?.group === 'move' && !state.pending && state.revision !== savedRevision) scheduleDraft();
    if (state.revision === previous.revision) return;
    if (state.lastChange === 'load') {
      savedRevision = state.revision;
      drafts.clear(flowId());
      state.setSaveStatus('saved');
      return;
    }
    if (state.saveStatus !== 'saving') state.setSaveStatus('pending');
    // A drag changes positions on every mouse move: a draft (a clone of the whole document,
    // 100-600 ms on 5,000 steps) every 100 ms of it made a third of the frames late. Like the
    // undo step, the drag's draft waits for it to end.
    if (state.pending?.group !== 'move') scheduleDraft();
    schedule();
  });

  if (dirty) {
    store.getState().setSaveStatus('pending');
    schedule();
  }

  return {
    /** Saves now (leaving the screen, closing the window). */
    flush,
    /** Writes the draft now, synchronously (the page is being hidden). */
    flushDraft(): void {
      if (draftTimer !== undefined) clearTimeout(draftTimer);
      writeDraft();
    },
    isOwnWrite: (updatedAt: number) => ownWrites.has(updatedAt),
    /** Marks the current document as the saved one (it came from the database). */
    markSaved(): void {
      savedRevision = store.getState().revision;
    },
    dispose(): void {
      disposed = true;
      unsubscribe();
      if (!saving && store.getState().revision === savedRevision) drafts.release?.(flowId());
      if (draftTimer !== undefined) clearTimeout(draftTimer);
      if (saveTimer !== undefined) clearTimeout(saveTimer);
    },
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
