import type { EditorStore } from '../editor/editor-store';

/**
 * Resolves once the open flow's edits are in the database (autosave runs within a second), so
 * a publish sends what the user sees, not the version before their last keystrokes.
 */
export function waitUntilSaved(store: EditorStore, timeoutMs = 5000): Promise<boolean> {
  const done = (status: string) => status === 'saved' || status === 'failed';
  if (done(store.getState().saveStatus)) return Promise.resolve(store.getState().saveStatus === 'saved');
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(false);
    }, timeoutMs);
    const unsubscribe = store.subscribe((state) => {
      if (!done(state.saveStatus)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state.saveStatus === 'saved');
    });
  });
}
