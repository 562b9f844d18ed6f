import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../src-shared/flow/index';
import { edge, flow, sendNode } from '../../src-shared/testing/flow-builders';
import { createAutosave } from './autosave';
import { createDraftStore, isRecoverable } from './drafts';
import { createEditorStore } from './editor-store';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

function setup() {
  const store = createEditorStore(flow([sendNode('a')], [edge('trigger', 'a')]));
  const storage = memoryStorage();
  const drafts = createDraftStore(storage);
  const saved: FlowDocument[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const save = vi.fn((doc: FlowDocument) => {
    saved.push(doc);
    return hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  });
  let now = 1_000;
  const autosave = createAutosave({ store, save, drafts, clock: () => now, delayMs: 800, draftEveryMs: 100 });
  return { store, drafts, storage, saved, save, autosave, holdSaves: () => (hold = true), release: () => release?.(), tick: (ms: number) => (now += ms) };
}

const rename = (store: ReturnType<typeof setup>['store'], label: string) => {
  const data = store.getState().doc.nodes[1]!.data;
  store.getState().updateNodeData('a', { ...data, label }, 'label');
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('with draftEveryMs 0 writes the draft within the edit itself, before any timer runs', () => {
    const store = createEditorStore(flow([sendNode('a')], [edge('trigger', 'a')]));
    const drafts = createDraftStore(memoryStorage());
    const autosave = createAutosave({ store, save: () => Promise.resolve(), drafts, clock: () => 5_000, draftEveryMs: 0 });
    rename(store as ReturnType<typeof setup>['store'], 'X');
    expect(drafts.read('test-flow')?.document.nodes[1]?.data.label).toBe('X');
    rename(store as ReturnType<typeof setup>['store'], 'XY');
    expect(drafts.read('test-flow')?.document.nodes[1]?.data.label).toBe('XY');
    autosave.dispose();
  });

  it('writes no draft while a node is dragged, and one when the drag ends', async () => {
    const t = setup();
    for (let i = 1; i <= 5; i++) {
      t.store.getState().moveNodes(new Map([['a', { x: 10 * i, y: 0 }]]), false);
      t.tick(60);
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(t.drafts.read('test-flow')).toBeNull();
    t.store.getState().moveNodes(new Map([['a', { x: 70, y: 0 }]]), true);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.drafts.read('test-flow')?.document.nodes[1]?.position).toEqual({ x: 70, y: 0 });
    expect(t.save).not.toHaveBeenCalled();
  });

  it('writes a draft at once and saves after a quiet moment, then clears the draft', async () => {
    const t = setup();
    rename(t.store, 'A');
    expect(t.store.getState().saveStatus).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    expect(t.drafts.read('test-flow')?.document.nodes[1]?.data.label).toBe('A');
    expect(t.save).not.toHaveBeenCalled();
    rename(t.store, 'AB');
    await vi.advanceTimersByTimeAsync(800);
    expect(t.save).toHaveBeenCalledTimes(1);
    expect(t.saved[0]?.nodes[1]?.data.label).toBe('AB');
    expect(t.store.getState().saveStatus).toBe('saved');
    expect(t.drafts.read('test-flow')).toBeNull();
  });

  it('never saves a loaded document', async () => {
    const t = setup();
    t.store.getState().load(flow());
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.save).not.toHaveBeenCalled();
  });

  it('saves edits made during a save right after it, one save at a time', async () => {
    const t = setup();
    t.holdSaves();
    rename(t.store, 'one');
    await vi.advanceTimersByTimeAsync(800);
    expect(t.store.getState().saveStatus).toBe('saving');
    rename(t.store, 'two');
    const flushed = t.autosave.flush();
    expect(t.save).toHaveBeenCalledTimes(1);
    t.release();
    await vi.advanceTimersByTimeAsync(0);
    t.release();
    await flushed;
    expect(t.saved.map((d) => d.nodes[1]?.data.label)).toEqual(['one', 'two']);
  });

  it('recognises its own writes', async () => {
    const t = setup();
    rename(t.store, 'x');
    await t.autosave.flush();
    expect(t.autosave.isOwnWrite(1_000)).toBe(true);
    expect(t.autosave.isOwnWrite(5)).toBe(false);
  });

  it('releases the drafts\' base on closing only when nothing is left unsaved', async () => {
    const released: string[] = [];
    const make = () => {
      const store = createEditorStore(flow([sendNode('a')], [edge('trigger', 'a')]));
      let fail = false;
      const autosave = createAutosave({ store, save: () => (fail ? Promise.reject(new Error('disk full')) : Promise.resolve()), drafts: { ...createDraftStore(memoryStorage()), release: (id) => released.push(id) } });
      return { store, autosave, failSaves: () => (fail = true) };
    };
    const saved = make();
    rename(saved.store, 'kept');
    await saved.autosave.flush();
    saved.autosave.dispose();
    expect(released).toEqual(['test-flow']);
    const unsaved = make();
    unsaved.failSaves();
    rename(unsaved.store, 'lost?');
    await unsaved.autosave.flush();
    unsaved.autosave.dispose();
    expect(released).toEqual(['test-flow']);
  });

  it('writes the draft synchronously when asked (page hidden)', () => {
    const t = setup();
    rename(t.store, 'late');
    t.autosave.flushDraft();
    expect(t.drafts.read('test-flow')?.document.nodes[1]?.data.label).toBe('late');
  });
});

describe('drafts', () => {
  it('recovers only newer, different work', () => {
    const document = flow();
    const changed = flow([sendNode('a')]);
    expect(isRecoverable({ flowId: 'f', savedAt: 10, document: changed }, { updatedAt: 5, document })).toBe(true);
    expect(isRecoverable({ flowId: 'f', savedAt: 4, document: changed }, { updatedAt: 5, document })).toBe(false);
    expect(isRecoverable({ flowId: 'f', savedAt: 10, document }, { updatedAt: 5, document })).toBe(false);
    expect(isRecoverable(null, { updatedAt: 5, document })).toBe(false);
  });

  it('ignores a damaged draft', () => {
    const storage = memoryStorage();
    storage.setItem('campaign-studio:draft:f', '{"flowId":"f","savedAt":1,"document":{"nodes":7}}');
    expect(createDraftStore(storage).read('f')).toBeNull();
    expect(createDraftStore(undefined).read('f')).toBeNull();
  });
});
