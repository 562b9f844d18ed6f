import { describe, expect, it } from 'vitest';
import { commandFor } from './editor-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('commandFor', () => {
  it('maps the usual shortcuts with Ctrl, or Cmd on macOS', () => {
    expect(commandFor(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(commandFor(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(commandFor(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(commandFor(key('z', { metaKey: true }), true)).toBe('undo');
    expect(commandFor(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(commandFor(key('a', { ctrlKey: true }), false)).toBe('select-all');
    expect(commandFor(key('d', { ctrlKey: true }), false)).toBe('duplicate');
  });

  it('deletes with Delete or Backspace, but not with modifiers', () => {
    expect(commandFor(key('Delete'), false)).toBe('delete');
    expect(commandFor(key('Backspace'), true)).toBe('delete');
    expect(commandFor(key('Backspace', { ctrlKey: true }), false)).toBeNull();
    expect(commandFor(key('x'), false)).toBeNull();
  });
});
