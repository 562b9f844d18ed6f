import { describe, expect, it } from 'vitest';
import { hostCommands, type KeyChord } from '../../../src-shared/host/commands';
import { edge, flow, sendNode } from '../../../src-shared/testing/flow-builders';
import { createEditorStore } from '../editor-store';
import { actionForKey, appCommandIds, editorActions, findAction, keyCaps, runAction } from './registry';
import type { ActionContext, EditorUi } from './types';

const key = (k: string, mods: Partial<Omit<KeyChord, 'key'>> = {}): KeyChord => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const context = (ui: Partial<EditorUi> = {}): ActionContext => ({ store: createEditorStore(flow([sendNode('a')], [edge('trigger', 'a')])), ui });
const pressed = (event: KeyChord, c: ActionContext, mac = false) => runAction(actionForKey(event, mac), c);

describe('the editor action registry', () => {
  it('answers every desktop menu command once, with the menu’s own accelerator', () => {
    for (const command of hostCommands) {
      const action = findAction(command.id);
      if ((appCommandIds as readonly string[]).includes(command.id)) {
        expect(action, `${command.id} is the app shell's`).toBeUndefined();
        continue;
      }
      expect(action, `no action for menu command ${command.id}`).toBeDefined();
      expect(action!.inMenu).toBe(true);
      expect(action!.accelerators[0]).toBe(command.accelerator);
    }
    const menuIds = hostCommands.map((c) => c.id as string);
    for (const action of editorActions.filter((a) => a.inMenu)) expect(menuIds).toContain(action.id);
    expect(new Set(editorActions.map((a) => a.id)).size).toBe(editorActions.length);
  });

  it('gives every key one meaning', () => {
    const keys = editorActions.flatMap((a) => a.accelerators.map((k) => k.toLowerCase()));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps key presses to actions, with Ctrl or ⌘ on macOS', () => {
    expect(actionForKey(key('z', { ctrlKey: true }), false)?.id).toBe('edit.undo');
    expect(actionForKey(key('Z', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('edit.redo');
    expect(actionForKey(key('y', { ctrlKey: true }), false)?.id).toBe('edit.redo');
    expect(actionForKey(key('z', { metaKey: true }), true)?.id).toBe('edit.undo');
    expect(actionForKey(key('z', { ctrlKey: true }), true)).toBeUndefined();
    expect(actionForKey(key('Backspace'), false)?.id).toBe('edit.delete');
    expect(actionForKey(key('Backspace', { ctrlKey: true }), false)).toBeUndefined();
    expect(actionForKey(key('Escape'), false)?.id).toBe('editor.deselect');
    expect(actionForKey(key('s', { ctrlKey: true }), false)?.id).toBe('editor.save');
    // "?" however the layout types it, but not with Ctrl.
    expect(actionForKey(key('?', { shiftKey: true }), false)?.id).toBe('editor.shortcuts');
    expect(actionForKey(key('?', { ctrlKey: true }), false)).toBeUndefined();
    // Copy and paste are the clipboard events' (they also work in text fields).
    expect(actionForKey(key('c', { ctrlKey: true }), false)).toBeUndefined();
    expect(actionForKey(key('x'), false)).toBeUndefined();
  });

  it('acts on the store only when enabled', () => {
    const c = context();
    expect(pressed(key('Delete'), c)).toBe(false); // nothing selected: the key is left to the page
    expect(pressed(key('Escape'), c)).toBe(false);
    expect(pressed(key('z', { ctrlKey: true }), c)).toBe(false);
    c.store.getState().select({ nodes: ['a'], edges: [] });
    expect(pressed(key('Delete'), c)).toBe(true);
    expect(c.store.getState().doc.nodes.map((n) => n.id)).toEqual(['trigger']);
    expect(pressed(key('z', { ctrlKey: true }), c)).toBe(true);
    expect(c.store.getState().doc.nodes.map((n) => n.id)).toEqual(['trigger', 'a']);
    expect(pressed(key('a', { ctrlKey: true }), c)).toBe(true);
    expect(c.store.getState().selection.nodes).toEqual(['trigger', 'a']);
    expect(pressed(key('Escape'), c)).toBe(true);
    expect(c.store.getState().selection.nodes).toEqual([]);
  });

  it('runs screen actions through the part that offers them, and is disabled without it', () => {
    const calls: string[] = [];
    const bare = context();
    expect(findAction('view.fitView')!.enabled(bare)).toBe(false);
    expect(runAction(findAction('flow.export'), bare)).toBe(false);
    const withUi = context({ fitView: () => calls.push('fit'), showShortcuts: () => calls.push('shortcuts') });
    expect(runAction(findAction('view.fitView'), withUi)).toBe(true);
    expect(pressed(key('?'), withUi)).toBe(true);
    expect(calls).toEqual(['fit', 'shortcuts']);
  });

  it('spells keys the way each platform does', () => {
    expect(keyCaps('CmdOrCtrl+Shift+Z', false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(keyCaps('CmdOrCtrl+Shift+Z', true)).toEqual(['⌘', '⇧', 'Z']);
    expect(keyCaps('CmdOrCtrl+=', false)).toEqual(['Ctrl', '+']);
    expect(keyCaps('CmdOrCtrl+-', false)).toEqual(['Ctrl', '-']);
    expect(keyCaps('Escape', false)).toEqual(['Esc']);
    expect(keyCaps('?', false)).toEqual(['?']);
  });
});
