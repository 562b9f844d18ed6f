import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
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
