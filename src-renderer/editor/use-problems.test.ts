import { describe, expect, it, vi } from 'vitest';
import { CHECK_AFTER_OPEN_FROM, createFirstCheck } from './use-problems';

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
