import { describe, expect, it } from 'vitest';
import { RUNS_KEPT_PER_FLOW, runsToPrune } from './simulation-policy';

const run = (id: number, createdAt: number) => ({ id, createdAt });

describe('saved run pruning', () => {
  it('keeps the newest runs and drops the rest, oldest included', () => {
    const runs = Array.from({ length: 13 }, (_, i) => run(i + 1, 1000 + i * 10));
    expect(runsToPrune(runs)).toEqual([3, 2, 1]);
    expect(runsToPrune(runs, 12)).toEqual([1]);
    expect(RUNS_KEPT_PER_FLOW).toBe(10);
  });

  it('drops nothing at or under the limit', () => {
    expect(runsToPrune([])).toEqual([]);
    expect(runsToPrune(Array.from({ length: 10 }, (_, i) => run(i, i)))).toEqual([]);
  });

  it('orders by time, not by id, and breaks ties by id', () => {
    // Run 9 was saved before run 2 (a clock set back); runs 4 and 5 in the same millisecond.
    expect(runsToPrune([run(2, 500), run(9, 100), run(4, 300), run(5, 300)], 2)).toEqual([4, 9]);
    expect(runsToPrune([run(1, 1), run(2, 2)], 0)).toEqual([2, 1]);
  });
});
