/**
 * The editor's commands that the desktop shell offers in its application menu, with their
 * keyboard accelerators (Electron's accelerator syntax). The menu is built from this list and
 * a chosen item is pushed to the renderer as a `menu.command` host event, so the editor
 * handles a command the same way whether it came from a key, a button or the menu.
 */

export const hostCommandMenus = ['file', 'edit', 'view'] as const;
export type HostCommandMenu = (typeof hostCommandMenus)[number];

export interface HostCommand {
  readonly id: `${string}.${string}`;
  readonly label: string;
  readonly menu: HostCommandMenu;
  /** Electron accelerator, e.g. `CmdOrCtrl+Shift+Z`; absent when the command has no key. */
  readonly accelerator?: string;
  /** Starts a new group in its menu (a separator above it). */
  readonly group?: boolean;
  /**
   * Also means something inside a text field (undo, select all…): there the field's own
   * behaviour wins and the editor is not told.
   */
  readonly textEditing?: boolean;
  /**
   * Left to Chromium in both editions: the menu item uses this Electron role, and the editor
   * receives the DOM `cut`/`copy`/`paste` events (which also work in text fields), never a
   * `menu.command`.
   */
  readonly nativeRole?: 'cut' | 'copy' | 'paste';
}

export const hostCommands = [
  { id: 'flow.new', label: 'New Flow', menu: 'file', accelerator: 'CmdOrCtrl+N' },
  { id: 'flow.import', label: 'Import Flow…', menu: 'file', accelerator: 'CmdOrCtrl+O', group: true },
  { id: 'flow.export', label: 'Export Flow…', menu: 'file', accelerator: 'CmdOrCtrl+Shift+E' },
  { id: 'edit.undo', label: 'Undo', menu: 'edit', accelerator: 'CmdOrCtrl+Z', textEditing: true },
  { id: 'edit.redo', label: 'Redo', menu: 'edit', accelerator: 'CmdOrCtrl+Shift+Z', textEditing: true },
  { id: 'edit.cut', label: 'Cut', menu: 'edit', accelerator: 'CmdOrCtrl+X', group: true, textEditing: true, nativeRole: 'cut' },
  { id: 'edit.copy', label: 'Copy', menu: 'edit', accelerator: 'CmdOrCtrl+C', textEditing: true, nativeRole: 'copy' },
  { id: 'edit.paste', label: 'Paste', menu: 'edit', accelerator: 'CmdOrCtrl+V', textEditing: true, nativeRole: 'paste' },
  { id: 'edit.duplicate', label: 'Duplicate', menu: 'edit', accelerator: 'CmdOrCtrl+D' },
  { id: 'edit.delete', label: 'Delete', menu: 'edit', accelerator: 'Delete', textEditing: true },
  { id: 'edit.selectAll', label: 'Select All', menu: 'edit', accelerator: 'CmdOrCtrl+A', group: true, textEditing: true },
  { id: 'view.fitView', label: 'Fit to Window', menu: 'view', accelerator: 'CmdOrCtrl+1' },
  { id: 'view.zoomIn', label: 'Zoom In', menu: 'view', accelerator: 'CmdOrCtrl+=' },
  { id: 'view.zoomOut', label: 'Zoom Out', menu: 'view', accelerator: 'CmdOrCtrl+-' },
  { id: 'view.autoLayout', label: 'Tidy Layout', menu: 'view', accelerator: 'CmdOrCtrl+Shift+L', group: true },
  { id: 'view.simulate', label: 'Preview Journey', menu: 'view', accelerator: 'CmdOrCtrl+Enter' },
] as const satisfies readonly HostCommand[];

export type HostCommandId = (typeof hostCommands)[number]['id'];

/** Every command id, for `z.enum` and exhaustive tables. */
export const hostCommandIds = hostCommands.map((command) => command.id) as [HostCommandId, ...HostCommandId[]];

/** The command with this id; `undefined` for anything else (an untrusted string). */
export function findHostCommand(id: string): HostCommand | undefined {
  return (hostCommands as readonly HostCommand[]).find((command) => command.id === id);
}

/** What {@link matchesAccelerator} reads from a `KeyboardEvent`. */
export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const keyAliases: Record<string, string> = { plus: '+', enter: 'enter', return: 'enter', delete: 'delete', backspace: 'backspace', esc: 'escape', escape: 'escape', space: ' ' };

/**
 * True when a key event is this accelerator, so the web edition (which has no native menu)
 * can honour the same keys. `CmdOrCtrl` is ⌘ on macOS and Ctrl elsewhere.
 *
 * @example
 * if (matchesAccelerator(event, 'CmdOrCtrl+Shift+Z', isMac)) run('edit.redo');
 */
export function matchesAccelerator(event: KeyChord, accelerator: string, isMac: boolean): boolean {
  const parts = accelerator.split(/\+(?!$)/).map((part) => part.toLowerCase());
  const keyPart = parts.pop() ?? '';
  const want = { ctrl: false, meta: false, shift: false, alt: false };
  for (const part of parts) {
    if (part === 'cmdorctrl' || part === 'commandorcontrol') want[isMac ? 'meta' : 'ctrl'] = true;
    else if (part === 'ctrl' || part === 'control') want.ctrl = true;
    else if (part === 'cmd' || part === 'command' || part === 'super' || part === 'meta') want.meta = true;
    else if (part === 'shift') want.shift = true;
    else if (part === 'alt' || part === 'option') want.alt = true;
    else return false;
  }
  const key = keyAliases[keyPart] ?? keyPart;
  return event.key.toLowerCase() === key && event.ctrlKey === want.ctrl && event.metaKey === want.meta && event.altKey === want.alt && event.shiftKey === want.shift;
}
