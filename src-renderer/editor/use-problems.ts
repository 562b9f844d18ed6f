import { useDeferredValue, useMemo } from 'react';
import type { FlowDocument, Problem } from '../../src-shared/flow/index';
import { useEditor, useEditorApi } from './editor-context';
import type { EditorState, EditorStore } from './editor-store';
import { createProblemsCache } from './problems';

const caches = new WeakMap<EditorStore, (doc: FlowDocument) => Problem[]>();

function cacheFor(store: EditorStore) {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = createProblemsCache()));
  return cache;
}

const selectDoc = (s: EditorState) => s.doc;

/**
 * Every validation problem of the open flow. Deferred, so typing stays responsive in large
 * flows; re-validated only when something besides positions changed.
 */
export function useProblems(): Problem[] {
  const store = useEditorApi();
  const doc = useDeferredValue(useEditor(selectDoc));
  return useMemo(() => cacheFor(store)(doc), [store, doc]);
}
