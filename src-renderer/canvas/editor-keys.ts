/** The editor commands keyboard shortcuts stand for. */
export type EditorCommand = 'undo' | 'redo' | 'delete' | 'select-all' | 'duplicate' | 'deselect' | 'save';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Which command a key press means, as in common design tools; Ctrl on Windows and Linux,
 * Cmd on macOS. Copy and paste are not here: they go through the clipboard events.
 */
export function commandFor(e: KeyInput, mac: boolean): EditorCommand | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const key = e.key.toLowerCase();
  if (e.altKey) return null;
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y' && !mac) return 'redo';
  if (mod && key === 'a') return 'select-all';
  if (mod && key === 'd') return 'duplicate';
  if (mod && key === 's') return 'save';
  if (!mod && (key === 'delete' || key === 'backspace')) return 'delete';
  if (!mod && key === 'escape') return 'deselect';
  return null;
}

/** Keys typed into a field belong to the field, not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(type);
}
