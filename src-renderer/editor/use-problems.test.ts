import { describe, expect, it, vi } from 'vitest';
import { flow, sendNode } from '../../src-shared/testing/flow-builders';
import { createEditorStore } from './editor-store';
import { CHECK_AFTER_OPEN_FROM, CHECK_PAUSE_MS, createCheckedDoc, createFirstCheck } from './use-problems';

describe('createFirstCheck', () => {
  it('lets a flow up to the limit be validated on its first render', () => {
    const schedule = vi.fn();
    expect(createFirstCheck(CHECK_AFTER_OPEN_FROM, schedule).done).toBe(true);
    expect(schedule).not.toHaveBeenCalled();
  });

  it('holds a bigger flow back until the scheduled moment, then tells every listener', () => {
    let run: (() => void) | undefined;
    const check = createFirstCheck(5_000, (callback) => (run = callback));
    const listener = vi.fn();
    check.listeners.add(listener);
    expect(check.done).toBe(false);
    run!();
    expect(check.done).toBe(true);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('runs by itself where there is no idle callback (a timer)', async () => {
    vi.useFakeTimers();
    try {
      const check = createFirstCheck(CHECK_AFTER_OPEN_FROM + 1);
      expect(check.done).toBe(false);
      await vi.runAllTimersAsync();
      expect(check.done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createCheckedDoc', () => {
  const steps = (n: number) => flow(Array.from({ length: n }, (_, i) => sendNode(`s${i}`)));
  const relabel = (store: ReturnType<typeof createEditorStore>, label: string) => {
    const data = store.getState().doc.nodes[1]!.data;
    store.getState().updateNodeData('s0', { ...data, label }, 'label');
  };

  it('hands every edit of a flow up to the limit to validation at once', () => {
    const store = createEditorStore(steps(3));
    const checked = createCheckedDoc(store);
    const listener = vi.fn();
    checked.subscribe(listener);
    relabel(store, 'A');
    expect(checked.get()).toBe(store.getState().doc);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('hands a bigger flow over once edits pause, the newest document only', () => {
    vi.useFakeTimers();
    try {
      const store = createEditorStore(steps(CHECK_AFTER_OPEN_FROM + 1));
      const opened = store.getState().doc;
      const checked = createCheckedDoc(store);
      const listener = vi.fn();
      checked.subscribe(listener);
      for (const label of ['W', 'We', 'Wel']) {
        relabel(store, label);
        vi.advanceTimersByTime(CHECK_PAUSE_MS - 50);
      }
      expect(checked.get()).toBe(opened);
      expect(listener).not.toHaveBeenCalled();
      vi.advanceTimersByTime(50);
      expect(checked.get()).toBe(store.getState().doc);
      expect(listener).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
