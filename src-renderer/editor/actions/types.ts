import type { EditorStore } from '../editor-store';

/**
 * What the screen around the editor store can do for an action: the canvas viewport, saving,
 * exporting, switching to preview, showing the shortcuts. Each part is provided by the
 * component that owns it (see editor-ui.ts); an action whose part is missing is disabled.
 */
export interface EditorUi {
  save(): void;
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  autoLayout(): void;
  exportFlow(): void;
  preview(): void;
  showShortcuts(): void;
}

/** What an action runs against: the open flow's store and the parts of the screen present now. */
export interface ActionContext {
  store: EditorStore;
  ui: Partial<EditorUi>;
}

/** Where an action is listed in the shortcuts overlay. */
export type ActionGroup = 'Edit' | 'Canvas' | 'Flow' | 'Help';

/**
 * One editor command, defined once: the desktop menu (through its host command id), the key
 * handler, the shortcuts overlay and the tests all read this entry.
 */
export interface EditorAction {
  /** The host menu command id when the desktop menu offers it, else an `editor.*` id. */
  readonly id: string;
  readonly label: string;
  readonly group: ActionGroup;
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+Z`); the first is shown, all are honoured. */
  readonly accelerators: readonly string[];
  /** True when the desktop menu offers it: a chosen menu item runs `perform`. */
  readonly inMenu: boolean;
  /**
   * Carried out by the browser's clipboard events (cut/copy/paste), which also work in text
   * fields; the key handler leaves these keys alone and the overlay lists them.
   */
  readonly clipboard?: boolean;
  perform(context: ActionContext): void;
  /** Whether it can run now; a disabled action's key is left to the page. */
  enabled(context: ActionContext): boolean;
}
