import { useEffect } from 'react';
import type { HostCommandId } from '../../../src-shared/host/commands';
import { useHostCommands } from '../../host/use-host-commands';
import { isTextField } from '../../ui/text-field';
import type { EditorStore } from '../editor-store';
import { editorUiOf } from './editor-ui';
import { actionForKey, editorActions, runAction } from './registry';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const menuHandlers = (store: EditorStore) =>
  Object.fromEntries(
    editorActions.filter((action) => action.inMenu && !action.clipboard).map((action) => [action.id, () => void runAction(action, { store, ui: editorUiOf(store) })]),
  ) as Partial<Record<HostCommandId, () => void>>;

/**
 * Runs the editor's actions (registry.ts) for the desktop menu's commands and for their keys.
 * Keys typed into a field belong to the field, and keys pressed while a dialog is open to the
 * dialog.
 */
export function useEditorActions(store: EditorStore): void {
  useHostCommands(menuHandlers(store));
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTextField(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (runAction(actionForKey(event, isMac), { store, ui: editorUiOf(store) })) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
