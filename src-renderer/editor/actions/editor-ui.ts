import { useEffect, useRef } from 'react';
import type { EditorStore } from '../editor-store';
import type { EditorUi } from './types';

const provided = new WeakMap<EditorStore, Map<symbol, Partial<EditorUi>>>();

/** The parts of the screen provided for this store right now (later providers win). */
export function editorUiOf(store: EditorStore): Partial<EditorUi> {
  return Object.assign({}, ...(provided.get(store)?.values() ?? []));
}

/**
 * Offers parts of the screen to the editor's actions while the calling component is mounted:
 * the canvas offers fit and zoom, the top bar export and layout, the preview toggle preview.
 *
 * @example
 * useProvideEditorUi(store, { fitView: () => void reactFlow.fitView() });
 */
export function useProvideEditorUi(store: EditorStore, parts: Partial<EditorUi>): void {
  const latest = useRef(parts);
  useEffect(() => {
    latest.current = parts;
  });
  const names = Object.keys(parts).sort().join(',');
  useEffect(() => {
    const key = Symbol(names);
    const calls = Object.fromEntries(names.split(',').filter(Boolean).map((name) => [name, () => (latest.current as Record<string, () => void>)[name]?.()]));
    const map = provided.get(store) ?? new Map<symbol, Partial<EditorUi>>();
    provided.set(store, map);
    map.set(key, calls);
    return () => void map.delete(key);
  }, [store, names]);
}
