import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PreviewState, PreviewStore } from './preview-store';

export const PreviewStoreContext = createContext<PreviewStore | null>(null);

export function usePreviewApi(): PreviewStore {
  const store = useContext(PreviewStoreContext);
  if (!store) throw new Error('usePreviewApi needs a <PreviewStoreContext.Provider>.');
  return store;
}

/** A slice of preview state; pass module-level selectors (or wrap with useShallow). */
export function usePreview<T>(selector: (state: PreviewState) => T): T {
  return useStore(usePreviewApi(), selector);
}

const none = { getState: () => null, subscribe: () => () => undefined } as const;

/** Like usePreview, but `fallback` outside a preview provider (the canvas also runs without one). */
export function useOptionalPreview<T>(selector: (state: PreviewState) => T, fallback: T): T {
  const store = useContext(PreviewStoreContext);
  return useStore((store ?? none) as PreviewStore, store ? selector : () => fallback);
}
