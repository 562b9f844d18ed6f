import { describe, expect, it } from 'vitest';
import { findHostCommand, hostCommandIds, hostCommands, matchesAccelerator } from './commands';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('host commands', () => {
  it('names every command domain.verb, once', () => {
    for (const id of hostCommandIds) expect(id).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
    expect(new Set(hostCommandIds).size).toBe(hostCommandIds.length);
  });

  it('includes the editor commands the menu must offer', () => {
    expect(hostCommandIds).toEqual(expect.arrayContaining(['edit.undo', 'edit.redo', 'flow.import', 'flow.export', 'view.fitView']));
  });

  it('gives no two commands the same accelerator', () => {
    const accelerators = hostCommands.map((command) => command.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('finds commands by id and nothing else', () => {
    expect(findHostCommand('edit.undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(findHostCommand('toString')).toBeUndefined();
  });
});

describe('matchesAccelerator', () => {
  it('reads CmdOrCtrl as Ctrl off macOS and Cmd on it', () => {
    expect(matchesAccelerator(key('z', { ctrlKey: true }), 'CmdOrCtrl+Z', false)).toBe(true);
    expect(matchesAccelerator(key('z', { metaKey: true }), 'CmdOrCtrl+Z', false)).toBe(false);
    expect(matchesAccelerator(key('z', { metaKey: true }), 'CmdOrCtrl+Z', true)).toBe(true);
  });

  it('requires exactly the modifiers named', () => {
    expect(matchesAccelerator(key('Z', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+Z', false)).toBe(true);
    expect(matchesAccelerator(key('Z', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Z', false)).toBe(false);
    expect(matchesAccelerator(key('Delete'), 'Delete', false)).toBe(true);
    expect(matchesAccelerator(key('Enter', { ctrlKey: true }), 'CmdOrCtrl+Enter', false)).toBe(true);
    expect(matchesAccelerator(key('-', { ctrlKey: true }), 'CmdOrCtrl+-', false)).toBe(true);
    expect(matchesAccelerator(key('x', { ctrlKey: true }), 'Hyper+X', false)).toBe(false);
  });
});
