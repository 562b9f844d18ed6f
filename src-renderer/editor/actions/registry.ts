import { matchesAccelerator, type HostCommandId, type KeyChord } from '../../../src-shared/host/commands';
import { editActions } from './edit-actions';
import type { ActionContext, EditorAction } from './types';
import { viewActions } from './view-actions';

/** Every editor action, in the order the shortcuts overlay lists them. */
export const editorActions: readonly EditorAction[] = [...editActions, ...viewActions];

/**
 * Menu commands that are not about the open flow (they work from the flows list too), so the
 * app shell handles them rather than an editor action.
 */
export const appCommandIds = ['flow.new', 'flow.import'] as const satisfies readonly HostCommandId[];

export function findAction(id: string): EditorAction | undefined {
  return editorActions.find((action) => action.id === id);
}

/**
 * Whether a key event is this accelerator. A single punctuation key (`?`) matches however
 * the layout produces it (Shift or not), as long as no Ctrl, ⌘ or Alt is held.
 */
export function matchesKey(event: KeyChord, accelerator: string, mac: boolean): boolean {
  if (accelerator.length === 1 && !/[a-z0-9]/i.test(accelerator)) return event.key === accelerator && !event.ctrlKey && !event.metaKey && !event.altKey;
  return matchesAccelerator(event, accelerator, mac);
}

/** The action a key press stands for, whether or not it can run now; clipboard keys are left to the clipboard events. */
export function actionForKey(event: KeyChord, mac: boolean): EditorAction | undefined {
  return editorActions.find((action) => !action.clipboard && action.accelerators.some((accelerator) => matchesKey(event, accelerator, mac)));
}

/**
 * Runs the action when it is enabled; returns whether it ran (a caller then prevents the key's
 * default).
 */
export function runAction(action: EditorAction | undefined, context: ActionContext): boolean {
  if (!action || !action.enabled(context)) return false;
  action.perform(context);
  return true;
}

const macNames: Record<string, string> = { cmdorctrl: '⌘', commandorcontrol: '⌘', cmd: '⌘', command: '⌘', ctrl: '⌃', control: '⌃', shift: '⇧', alt: '⌥', option: '⌥' };
const otherNames: Record<string, string> = { cmdorctrl: 'Ctrl', commandorcontrol: 'Ctrl', cmd: 'Win', command: 'Win', ctrl: 'Ctrl', control: 'Ctrl', shift: 'Shift', alt: 'Alt', option: 'Alt' };
const keyNames: Record<string, string> = { delete: 'Delete', backspace: 'Backspace', escape: 'Esc', enter: 'Enter', plus: '+', '=': '+' };

/**
 * The keys of an accelerator as a person presses them on this platform, one key cap each.
 *
 * @example
 * keyCaps('CmdOrCtrl+Shift+Z', false) // ['Ctrl', 'Shift', 'Z']
 */
export function keyCaps(accelerator: string, mac: boolean): string[] {
  const parts = accelerator.split(/\+(?!$)/);
  const key = parts.pop() ?? '';
  const names = mac ? macNames : otherNames;
  return [...parts.map((part) => names[part.toLowerCase()] ?? part), keyNames[key.toLowerCase()] ?? key.toUpperCase()];
}
