import { describe, expect, it } from 'vitest';
import { splitUsers } from './population-slices';

describe('splitUsers', () => {
  it('cuts users into contiguous near-equal ranges in order, never empty, at least one', () => {
    expect(splitUsers(10, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
    expect(splitUsers(0, 4)).toEqual([{ from: 0, to: 0 }]);
    expect(splitUsers(2, 8)).toHaveLength(2);
    expect(splitUsers(2500, 8, 1000)).toHaveLength(2);
    const r = splitUsers(99_999, 8);
    expect([r[0]!.from, r.at(-1)!.to]).toEqual([0, 99_999]);
    r.slice(1).forEach((x, i) => expect(x.from).toBe(r[i]!.to));
  });
});
