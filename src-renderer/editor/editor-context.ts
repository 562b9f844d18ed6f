import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { EditorState, EditorStore } from './editor-store';

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The open flow's store, for event handlers that read state when they run. */
export function useEditorApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorApi needs an <EditorStoreContext.Provider>.');
  return store;
}

/** A slice of the open flow's editor state; pass module-level selectors (or wrap with useShallow). */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}

/**
 * The open flow as last saved: the database's copy, which the editor store runs ahead of between
 * autosaves. The editor reads it once for everyone (a second live query of a 5,000-step flow cost
 * the open another read and copy of it).
 */
export const SavedFlowContext = createContext<FlowDocument | undefined>(undefined);

/** The open flow as last saved (see SavedFlowContext); undefined outside an editor. */
export function useSavedFlow(): FlowDocument | undefined {
  return useContext(SavedFlowContext);
}
