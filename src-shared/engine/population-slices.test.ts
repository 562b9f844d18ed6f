import fc from 'fast-check';
import { expect, it } from 'vitest';
import { splitUsers } from './population-slices';

it('splitUsers covers [0, users) in order with near-equal ranges, at most one per worker, honouring the minimum', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 5000 }), (users, workers, min) => {
      const ranges = splitUsers(users, workers, min);
      expect(ranges.length).toBeGreaterThanOrEqual(1);
      expect(ranges.length).toBeLessThanOrEqual(workers);
      expect(ranges[0]!.from).toBe(0);
      expect(ranges.at(-1)!.to).toBe(users);
      const sizes = ranges.map((r, i) => {
        if (i > 0) expect(r.from).toBe(ranges[i - 1]!.to);
        return r.to - r.from;
      });
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      if (ranges.length > 1) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(Math.floor(users / ranges.length));
      if (ranges.length > 1) expect(users / ranges.length).toBeGreaterThanOrEqual(min);
    }),
  );
});
