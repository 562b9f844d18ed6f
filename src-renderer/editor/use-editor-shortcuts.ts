import { useEffect } from 'react';
import { readClipboard } from '../../src-shared/flow/index';
import { useProvideEditorUi } from './actions/editor-ui';
import { findAction, matchesKey } from './actions/registry';
import { isMac as mac, useEditorActions } from './actions/use-editor-actions';
import type { EditorStore } from './editor-store';
import { isTextField } from '../ui/text-field';

/**
 * Flow clipboard text kept in this window too, for when the system clipboard cannot be read
 * (no permission); copying between flows works either way.
 */
let lastCopied: string | null = null;

/** Whether a key press is the registry's accelerator for this clipboard action. */
const isKeyOf = (id: 'edit.copy' | 'edit.paste', event: KeyboardEvent) => findAction(id)?.accelerators.some((a) => matchesKey(event, a, mac)) ?? false;

/** Whether the user is copying text they selected on the page, which is theirs to copy. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim().length > 0;
}

/**
 * Keyboard shortcuts, menu commands and clipboard for the open flow. The commands themselves
 * are the editor's actions (editor/actions/registry.ts); this adds the clipboard, which works
 * through the browser's copy and paste events. Copy and paste use the system clipboard's text
 * (readClipboard format), so they work across flows and windows.
 */
export function useEditorShortcuts(store: EditorStore, onSave: () => void): void {
  useEditorActions(store);
  useProvideEditorUi(store, { save: onSave });
  useEffect(() => {
    let pasteHandled = false;

    const pasteText = (text: string | null) => {
      const clip = text ? readClipboard(text) : null;
      if (clip) store.getState().paste(clip);
      return clip !== null;
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.defaultPrevented) return;
      if (isKeyOf('edit.copy', event) && !hasTextSelection()) {
        const clip = store.getState().copySelection();
        if (clip) {
          lastCopied = JSON.stringify(clip);
          void navigator.clipboard?.writeText(lastCopied).catch(() => undefined);
        }
        return; // the copy event follows and writes the same text
      }
      if (isKeyOf('edit.paste', event)) {
        // The paste event normally follows; if the platform sends none, read the clipboard.
        pasteHandled = false;
        setTimeout(() => {
          if (pasteHandled) return;
          pasteHandled = true;
          const read = navigator.clipboard?.readText ? navigator.clipboard.readText() : Promise.reject(new Error('no clipboard'));
          read.then((text) => pasteText(text) || pasteText(lastCopied)).catch(() => pasteText(lastCopied));
        }, 60);
        return;
      }
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isTextField(event.target) || hasTextSelection()) return;
      const clip = store.getState().copySelection();
      if (!clip || !event.clipboardData) return;
      lastCopied = JSON.stringify(clip);
      event.clipboardData.setData('text/plain', lastCopied);
      event.preventDefault();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      pasteHandled = true;
      if (pasteText(event.clipboardData?.getData('text/plain') ?? null)) event.preventDefault();
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, onSave]);
}
