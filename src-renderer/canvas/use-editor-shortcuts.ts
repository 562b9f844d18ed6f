import { useEffect } from 'react';
import { readClipboard } from '../../src-shared/flow/index';
import type { EditorStore } from '../editor/editor-store';
import { useHostCommands } from '../host/use-host-commands';
import { commandFor, isTypingTarget } from './editor-keys';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Flow clipboard text kept in this window too, for when the system clipboard cannot be read
 * (no permission); copying between flows works either way.
 */
let lastCopied: string | null = null;

/** Whether the user is copying text they selected on the page, which is theirs to copy. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim().length > 0;
}

/**
 * Keyboard shortcuts and clipboard for the open flow. Keys typed into fields are left alone.
 * Copy and paste use the system clipboard's text (readClipboard format), so they work across
 * flows and windows.
 */
export function useEditorShortcuts(store: EditorStore, onSave: () => void): void {
  // The desktop menu's Edit commands do what their keys do (cut/copy/paste arrive as DOM events).
  useHostCommands({
    'edit.undo': () => store.getState().undo(),
    'edit.redo': () => store.getState().redo(),
    'edit.duplicate': () => store.getState().duplicateSelection(),
    'edit.delete': () => store.getState().deleteSelection(),
    'edit.selectAll': () => store.getState().selectAll(),
  });
  useEffect(() => {
    let pasteHandled = false;

    const pasteText = (text: string | null) => {
      const clip = text ? readClipboard(text) : null;
      if (clip) store.getState().paste(clip);
      return clip !== null;
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.defaultPrevented) return;
      const mod = mac ? event.metaKey : event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'c' && !hasTextSelection()) {
        const clip = store.getState().copySelection();
        if (clip) {
          lastCopied = JSON.stringify(clip);
          void navigator.clipboard?.writeText(lastCopied).catch(() => undefined);
        }
        return; // the copy event follows and writes the same text
      }
      if (mod && key === 'v') {
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
      const command = commandFor(event, mac);
      if (!command) return;
      event.preventDefault();
      const state = store.getState();
      switch (command) {
        case 'undo':
          return state.undo();
        case 'redo':
          return state.redo();
        case 'delete':
          return state.deleteSelection();
        case 'select-all':
          return state.selectAll();
        case 'duplicate':
          return state.duplicateSelection();
        case 'deselect':
          return state.select({ nodes: [], edges: [] });
        case 'save':
          return onSave();
      }
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || hasTextSelection()) return;
      const clip = store.getState().copySelection();
      if (!clip || !event.clipboardData) return;
      lastCopied = JSON.stringify(clip);
      event.clipboardData.setData('text/plain', lastCopied);
      event.preventDefault();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target)) return;
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
