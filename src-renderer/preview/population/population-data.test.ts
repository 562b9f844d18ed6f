import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, timelineStep } from './population-data';

describe('population slider resolution', () => {
  it('is the finest round step the period allows: minutes for short runs, 5 min for a month', () => {
    const minutes = (days: number) => timelineStep(days) / 60_000;
    expect([1, 2, 3, 7, 14, 30, 60, 90, 365].map(minutes)).toEqual([1, 1, 1, 2, 5, 5, 10, 15, 60]);
    for (const days of [1, 6, 31, 62, 100, 200, 365]) {
      expect(days * 1440 / minutes(days) + 1).toBeLessThanOrEqual(MAX_BUCKETS);
      expect(minutes(days)).toBeLessThan(days <= 60 ? 15 : 61);
    }
  });
});
