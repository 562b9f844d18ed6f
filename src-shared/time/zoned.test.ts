import { describe, expect, it } from 'vitest';
import { zonedLocalToInstant } from './zoned';

describe('zonedLocalToInstant', () => {
  it('reads wall-clock time in the named timezone', () => {
    expect(zonedLocalToInstant('2026-12-01T09:00', 'Europe/Paris')?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(zonedLocalToInstant('2026-07-01T09:00', 'Europe/Paris')?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedLocalToInstant('2026-07-01T09:00:30', 'UTC')?.toISOString()).toBe('2026-07-01T09:00:30.000Z');
  });

  it('pushes a time in the spring-forward gap past the gap', () => {
    // 02:30 does not exist in Paris on 2026-03-29; clocks jump from 02:00 to 03:00.
    expect(zonedLocalToInstant('2026-03-29T02:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedLocalToInstant('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the second occurrence of a time repeated when clocks go back', () => {
    expect(zonedLocalToInstant('2026-10-25T02:30', 'Europe/Paris')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses impossible dates and malformed text', () => {
    expect(zonedLocalToInstant('2026-02-31T10:00', 'UTC')).toBeNull();
    expect(zonedLocalToInstant('2026-13-01T10:00', 'UTC')).toBeNull();
    expect(zonedLocalToInstant('tomorrow', 'UTC')).toBeNull();
  });
});
